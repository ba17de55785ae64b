package xcert.certificates.orbit;

import java.math.BigInteger;
import xcert.certificates.problem.ErrorKind;

/**
 * The monomial f = x1·…·xd at x = 1 is fixed by every permutation of the features: one feature orbit,
 * and the sets of size k form class k (k = 0..d) with C(d, k) sets. Deletion targets c_k = [k ≥ 1]
 * (seed 002 Theorem 1; with {@code asPrinted}, the seed's Eq. 5 constant 1 for every k including 0);
 * insertion targets c_k = [k = d] (Lemma 1).
 */
public final class MonomialOrbits implements OrbitStructure {

  private final int d;
  private final ErrorKind kind;
  private final boolean asPrinted;

  public MonomialOrbits(int d, ErrorKind kind, boolean asPrinted) {
    if (d < 1) {
      throw new IllegalArgumentException("d must be >= 1");
    }
    this.d = d;
    this.kind = kind;
    this.asPrinted = asPrinted;
  }

  @Override
  public String describe() {
    return "monomial " + kind.word() + (asPrinted ? " (Eq. 5 as printed)" : "") + ", d=" + d
        + ": classes by |S|";
  }

  @Override
  public int dimension() {
    return d;
  }

  @Override
  public int featureOrbits() {
    return 1;
  }

  @Override
  public int orbitSize(int f) {
    return d;
  }

  @Override
  public int orbitOf(int i) {
    return 0;
  }

  @Override
  public long classCount() {
    return d + 1;
  }

  @Override
  public int[] counts(long o) {
    return new int[] {(int) o};
  }

  @Override
  public BigInteger multiplicity(long o) {
    return Binomials.of(d, (int) o);
  }

  @Override
  public long target(long o) {
    if (kind == ErrorKind.INSERTION) {
      return o == d ? 1 : 0;
    }
    return asPrinted || o >= 1 ? 1 : 0;
  }

  @Override
  public BigInteger targetDenominator() {
    return BigInteger.ONE;
  }

  @Override
  public long classOf(long mask) {
    return Long.bitCount(mask);
  }
}
