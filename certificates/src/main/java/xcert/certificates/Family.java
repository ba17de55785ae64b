package xcert.certificates;

import java.util.Arrays;
import java.util.List;
import xcert.certificates.problem.Families;
import xcert.solvers.errors.InputException;

/**
 * The families that can be certified: the monomial of seed 002 Theorem 1 (deletion) and Lemma 1
 * (insertion), the binomial of Theorem 2 (insertion), and any multilinear polynomial (Definitions 1
 * and 3, through {@link PolynomialCertification}).
 */
public enum Family {
  MONOMIAL_DELETION(Families.MONOMIAL_DELETION, 1),
  MONOMIAL_INSERTION(Families.MONOMIAL_INSERTION, 1),
  BINOMIAL_INSERTION(Families.BINOMIAL_INSERTION, 3),
  /** Any multilinear polynomial: certified by {@link PolynomialCertification}. */
  POLYNOMIAL("polynomial", 1);

  private final String id;
  private final int minD;

  Family(String id, int minD) {
    this.id = id;
    this.minD = minD;
  }

  /** The spelling used in files and on the command line, e.g. "binomial-insertion". */
  public String id() {
    return id;
  }

  /** The smallest dimension the family is defined for. */
  public int minD() {
    return minD;
  }

  /** True for the three families of fixed shape that {@link Certification} certifies. */
  public boolean builtIn() {
    return this != POLYNOMIAL;
  }

  /** The family spelled {@code id}; an {@link InputException} listing {@link #ids()} otherwise. */
  public static Family fromId(String id) {
    for (Family f : values()) {
      if (f.id.equals(id)) {
        return f;
      }
    }
    throw InputException.setting("family", "unknown family '" + id + "'; expected "
        + String.join(", ", ids().subList(0, ids().size() - 1)) + " or " + POLYNOMIAL.id);
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(Family::id).toList();
  }
}
