package xcert.certificates.problem;

import java.math.BigInteger;

/**
 * The built-in problems of seed 002 at x = 1 (all features present), over all 2^d subsets:
 *
 * <ul>
 *   <li>monomial deletion (Theorem 1): f = x1·…·xd, c_S = f(1) − f(1_{−S}) = [S ≠ ∅];
 *   <li>monomial insertion (Lemma 1): c_S = f(1_S) − f(0) = [S = [d]];
 *   <li>binomial insertion (Theorem 2): f = Π_{S1∪S2} x_i + Π_{S2∪S3} x_j,
 *       c_S = [S ⊇ S1∪S2] + [S ⊇ S2∪S3].
 * </ul>
 *
 * <p>Definition 1 gives DelErr(α, ∅) = |f(x) − f(x) − 0| = 0. The seed's LP (Appendix A.3, Eq. 5) writes
 * the error as |1 − Σ_{i∈S} α_i| for every S, the empty set included, which adds the constant 1 to the
 * monomial deletion optimum; {@link #monomialDeletionAsPrinted} builds that variant for comparison.
 */
public final class Families {

  /** The names accepted on the command line. */
  public static final String MONOMIAL_DELETION = "monomial-deletion";
  public static final String MONOMIAL_INSERTION = "monomial-insertion";
  public static final String BINOMIAL_INSERTION = "binomial-insertion";

  private Families() {}

  public static AttributionProblem monomialDeletion(int d) {
    return new AttributionProblem(MONOMIAL_DELETION + " d=" + d, SubsetFamily.all(d),
        s -> s == 0 ? 0 : 1, BigInteger.ONE);
  }

  /** The seed's Eq. 5: |1 − Σ α| for every S, the empty set's constant 1 included. */
  public static AttributionProblem monomialDeletionAsPrinted(int d) {
    return new AttributionProblem(MONOMIAL_DELETION + " (Eq. 5 as printed) d=" + d,
        SubsetFamily.all(d), s -> 1, BigInteger.ONE);
  }

  public static AttributionProblem monomialInsertion(int d) {
    long full = (1L << d) - 1;
    return new AttributionProblem(MONOMIAL_INSERTION + " d=" + d, SubsetFamily.all(d),
        s -> s == full ? 1 : 0, BigInteger.ONE);
  }

  public static AttributionProblem binomialInsertion(BinomialPartition p) {
    long a = p.s1() | p.s2();
    long b = p.s2() | p.s3();
    return new AttributionProblem(BINOMIAL_INSERTION + " d=" + p.dimension() + " " + p,
        SubsetFamily.all(p.dimension()),
        s -> ((s & a) == a ? 1 : 0) + ((s & b) == b ? 1 : 0), BigInteger.ONE);
  }
}
