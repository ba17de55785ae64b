package xcert.certificates.orbit;

import java.math.BigInteger;
import java.util.Arrays;
import xcert.certificates.problem.AttributionProblem;
import xcert.certificates.problem.SubsetFamily;

/**
 * No symmetry: every feature its own orbit and every set of the family its own class, so an orbit
 * certificate here is a full certificate. Lets the generic solver and the orbit verifier serve
 * problems with no known symmetry (user polynomials).
 */
public final class TrivialOrbits implements OrbitStructure {

  private final AttributionProblem problem;
  private final long[] masks;

  public TrivialOrbits(AttributionProblem problem) {
    if (problem.family().size() > 1L << 24) {
      throw new xcert.solvers.errors.TooLargeException("the full LP of " + problem.name() + " has "
          + problem.family().size() + " sets; the generic solver takes at most 2^24");
    }
    this.problem = problem;
    long[] m = new long[(int) problem.family().size()];
    int[] k = {0};
    problem.family().forEach(s -> m[k[0]++] = s);
    this.masks = m;
  }

  @Override
  public String describe() {
    return problem.name() + ": no symmetry, one class per set";
  }

  @Override
  public int dimension() {
    return problem.dimension();
  }

  @Override
  public int featureOrbits() {
    return problem.dimension();
  }

  @Override
  public int orbitSize(int f) {
    return 1;
  }

  @Override
  public int orbitOf(int i) {
    return i;
  }

  @Override
  public long classCount() {
    return masks.length;
  }

  @Override
  public int[] counts(long o) {
    int[] k = new int[problem.dimension()];
    countsInto(o, k);
    return k;
  }

  @Override
  public void countsInto(long o, int[] out) {
    long s = masks[(int) o];
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) (s >>> i & 1);
    }
  }

  @Override
  public BigInteger multiplicity(long o) {
    return BigInteger.ONE;
  }

  @Override
  public long target(long o) {
    return problem.targetNumerator(masks[(int) o]);
  }

  @Override
  public BigInteger targetDenominator() {
    return problem.targetDenominator();
  }

  @Override
  public long classOf(long mask) {
    int k = Arrays.binarySearch(masks, mask);
    return k >= 0 ? k : -1;
  }

  /** The set of class o. */
  public long mask(long o) {
    return masks[(int) o];
  }
}
