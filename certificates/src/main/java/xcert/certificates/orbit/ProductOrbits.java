package xcert.certificates.orbit;

import java.math.BigInteger;
import xcert.certificates.problem.AttributionProblem;
import xcert.certificates.problem.SubsetFamily;

/**
 * Feature groups G_1..G_F such that every permutation within a group fixes the problem (f, x and the
 * family): a class is the vector (|S ∩ G_1|, …, |S ∩ G_F|), with Π_f C(|G_f|, k_f) sets, and its target
 * is read off one representative set (the first k_f features of each group). The caller vouches for
 * the invariance; the full-LP check of a lifted certificate does not rely on it.
 */
public final class ProductOrbits implements OrbitStructure {

  private final AttributionProblem problem;
  private final int[][] groups;
  private final int[] orbitOf;
  private final long[] groupMasks;
  private final long[] radix;
  private final long classes;

  /** @param groups 0-based features of each group; together a partition of [d] */
  public ProductOrbits(AttributionProblem problem, int[][] groups) {
    int d = problem.dimension();
    if (problem.family().kind() == SubsetFamily.Kind.LIST) {
      throw new IllegalArgumentException("a listed family has no product structure");
    }
    this.problem = problem;
    this.groups = groups;
    this.orbitOf = new int[d];
    java.util.Arrays.fill(orbitOf, -1);
    this.groupMasks = new long[groups.length];
    this.radix = new long[groups.length];
    long count = 1;
    for (int f = 0; f < groups.length; f++) {
      for (int i : groups[f]) {
        if (orbitOf[i] >= 0) {
          throw new IllegalArgumentException("feature " + (i + 1) + " is in two groups");
        }
        orbitOf[i] = f;
        groupMasks[f] |= 1L << i;
      }
      radix[f] = count;
      count = Math.multiplyExact(count, groups[f].length + 1L);
    }
    for (int i = 0; i < d; i++) {
      if (orbitOf[i] < 0) {
        throw new IllegalArgumentException("feature " + (i + 1) + " is in no group");
      }
    }
    this.classes = count;
  }

  @Override
  public String describe() {
    return problem.name() + ": classes by counts in " + groups.length + " feature groups";
  }

  @Override
  public int dimension() {
    return problem.dimension();
  }

  @Override
  public int featureOrbits() {
    return groups.length;
  }

  @Override
  public int orbitSize(int f) {
    return groups[f].length;
  }

  @Override
  public int orbitOf(int i) {
    return orbitOf[i];
  }

  @Override
  public long classCount() {
    return classes;
  }

  @Override
  public int[] counts(long o) {
    int[] k = new int[groups.length];
    for (int f = 0; f < groups.length; f++) {
      k[f] = (int) (o / radix[f] % (groups[f].length + 1));
    }
    return k;
  }

  @Override
  public BigInteger multiplicity(long o) {
    int[] k = counts(o);
    if (problem.family().kind() == SubsetFamily.Kind.SIZE_AT_MOST
        && java.util.Arrays.stream(k).sum() > problem.family().sizeBound()) {
      return BigInteger.ZERO;
    }
    BigInteger w = BigInteger.ONE;
    for (int f = 0; f < groups.length; f++) {
      w = w.multiply(Binomials.of(groups[f].length, k[f]));
    }
    return w;
  }

  @Override
  public long target(long o) {
    int[] k = counts(o);
    long s = 0;
    for (int f = 0; f < groups.length; f++) {
      for (int j = 0; j < k[f]; j++) {
        s |= 1L << groups[f][j];
      }
    }
    return problem.family().contains(s) ? problem.targetNumerator(s) : 0;
  }

  @Override
  public BigInteger targetDenominator() {
    return problem.targetDenominator();
  }

  @Override
  public long classOf(long mask) {
    if (!problem.family().contains(mask)) {
      return -1;
    }
    long o = 0;
    for (int f = 0; f < groups.length; f++) {
      o += radix[f] * Long.bitCount(mask & groupMasks[f]);
    }
    return o;
  }
}
