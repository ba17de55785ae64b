package xcert.solvers.count;

import java.util.Arrays;

/**
 * Exact conditional counts of one circuit output Φ under the uniform distribution on {0,1}^d, in
 * {@code long} arithmetic, over the BDD that {@link WeightedModelCounter#bdd} compiled. It serves the
 * exhaustive RELEVANT-INPUT checks of seed 003 (δ-relevance, Section 3), which visit tens of
 * thousands of sets S per instance: the {@code BigFraction} pass of {@link
 * WeightedModelCounter#conditionalProbability} answers the same question for any product
 * distribution, at many times the cost.
 *
 * <p>For a node g of the diagram the pass computes the integer val(g) = 2^d · P_{y uniform}(g(y) = 1 |
 * y_S = x_S):
 *
 * <ul>
 *   <li>terminals: val(0) = 0, val(1) = 2^d;
 *   <li>decision node on x_v with children lo, hi: if v ∈ S, val = val(hi) when x_v = 1 and val(lo)
 *       when x_v = 0 (conditioning on y_v = x_v); otherwise val = (val(hi) + val(lo)) / 2, since
 *       P(g) = (P(hi) + P(lo))/2 for a uniform y_v that occurs in neither child.
 * </ul>
 *
 * <h2>Why it is exact</h2>
 *
 * P(g) is an average over the free variables that g depends on, each contributing a factor 1/2, so it
 * is a multiple of 2^{−d} and val(g) is an integer in [0, 2^d]; the halving never drops a bit.
 * Variables that a path skips need no correction, because a probability does not depend on which
 * superset of its support it is taken over (the two weights 1/2 of an absent variable sum to 1). For
 * the same reason the pass does not depend on the diagram's variable order, which {@link
 * WeightedModelCounter.VariableOrder} chooses and which need not be x1 &lt; ... &lt; xd: each node is
 * steered only by whether its own variable lies in S. With d ≤ {@value #MAX_DIMENSION}, val(hi) +
 * val(lo) ≤ 2^63 fits an unsigned 64-bit sum and the halving is an unsigned shift. The results are
 * the {@code BigFraction} results of the weighted model counter under the uniform distribution,
 * times 2^d.
 *
 * <p>Sets are {@code long} masks, bit i−1 standing for feature i (the layout of {@link FeatureSets}).
 * Instances are immutable and safe to share between threads; a {@link Cursor} is not.
 */
public final class ScaledUniformCounts {

  /** Largest dimension served: values up to 2^d must fit a long with room for one sum. */
  public static final int MAX_DIMENSION = 62;

  private final int d;
  // Decision nodes 2..root of the counter's diagram, children before parents; 0 and 1 are the
  // terminals false and true, and root < 2 for a constant function.
  private final int[] var;
  private final int[] lo;
  private final int[] hi;
  private final int root;

  private ScaledUniformCounts(int d, int[] var, int[] lo, int[] hi, int root) {
    this.d = d;
    this.var = var;
    this.lo = lo;
    this.hi = hi;
    this.root = root;
  }

  /**
   * The long pass over a counter compiled by the BDD route (any variable order).
   *
   * @throws IllegalArgumentException for a d-DNNF counter, or when d &gt; {@value #MAX_DIMENSION}
   */
  public static ScaledUniformCounts of(WeightedModelCounter w) {
    if (w.route() != WeightedModelCounter.Route.BDD) {
      throw new IllegalArgumentException("long-valued uniform counts run over the BDD route; this "
          + "counter was compiled by the " + w.route() + " route");
    }
    checkDimension(w.dimension());
    int n = Math.max(2, w.rootNode() + 1);
    return new ScaledUniformCounts(w.dimension(), Arrays.copyOf(w.nodeVariables(), n),
        Arrays.copyOf(w.lowChildren(), n), Arrays.copyOf(w.highChildren(), n), w.rootNode());
  }

  /**
   * Checks d against {@value #MAX_DIMENSION}; callers may use it before compiling a BDD that {@link
   * #of} would refuse.
   *
   * @throws IllegalArgumentException when d &gt; {@value #MAX_DIMENSION}
   */
  public static void checkDimension(int d) {
    if (d > MAX_DIMENSION) {
      throw new IllegalArgumentException("long-valued uniform counts serve d <= " + MAX_DIMENSION
          + "; the circuit has d = " + d + " (use WeightedModelCounter's BigFraction queries)");
    }
  }

  /** Number of inputs d. */
  public int dimension() {
    return d;
  }

  /** Number of decision nodes of the diagram (0 for a constant). */
  public int size() {
    return Math.max(0, root - 1);
  }

  /** Φ(x), by following x from the root to a terminal. */
  public boolean evaluate(boolean[] x) {
    checkPoint(x);
    int n = root;
    while (n >= 2) {
      n = x[var[n]] ? hi[n] : lo[n];
    }
    return n == 1;
  }

  /**
   * 2^d · P_{y uniform}(Φ(y) = 1 | y_S = x_S), bit i−1 of {@code mask} standing for feature i; this is
   * 2^{|S|} times the number of y ∈ {0,1}^d with y_S = x_S and Φ(y) = 1.
   */
  public long scaledProbability(boolean[] x, long mask) {
    checkPoint(x);
    checkMask(mask);
    return pass(x, mask, new long[var.length]);
  }

  /**
   * 2^d · P_{y uniform}(Φ(y) = Φ(x) | y_S = x_S): the agreement probability of δ-relevance (seed 003
   * Section 3), scaled to an integer.
   */
  public long scaledAgreement(boolean[] x, long mask) {
    long one = scaledProbability(x, mask);
    return evaluate(x) ? one : (1L << d) - one;
  }

  /** A cursor at x (copied), for many sets S without allocating per query. */
  public Cursor at(boolean[] x) {
    checkPoint(x);
    return new Cursor(x.clone());
  }

  /**
   * The queries of {@link ScaledUniformCounts} at one fixed point x, sharing one scratch array and
   * Φ(x) between them; for use by one thread at a time.
   */
  public final class Cursor {
    private final boolean[] x;
    private final boolean label;
    private final long[] val = new long[var.length];

    private Cursor(boolean[] x) {
      this.x = x;
      this.label = evaluate(x);
    }

    /** Φ(x). */
    public boolean label() {
      return label;
    }

    /** {@link ScaledUniformCounts#scaledProbability} at this cursor's x. */
    public long scaledProbability(long mask) {
      checkMask(mask);
      return pass(x, mask, val);
    }

    /** {@link ScaledUniformCounts#scaledAgreement} at this cursor's x. */
    public long scaledAgreement(long mask) {
      long one = scaledProbability(mask);
      return label ? one : (1L << d) - one;
    }
  }

  private long pass(boolean[] x, long mask, long[] val) {
    val[0] = 0L;
    val[1] = 1L << d;
    for (int g = 2; g <= root; g++) {
      int v = var[g];
      if (((mask >>> v) & 1L) != 0) {
        val[g] = x[v] ? val[hi[g]] : val[lo[g]];
      } else {
        val[g] = (val[hi[g]] + val[lo[g]]) >>> 1;
      }
    }
    return val[root];
  }

  private void checkPoint(boolean[] x) {
    if (x.length != d) {
      throw new IllegalArgumentException("input has length " + x.length + ", expected " + d);
    }
  }

  private void checkMask(long mask) {
    if ((mask >>> d) != 0) {
      throw new IllegalArgumentException("mask 0x" + Long.toHexString(mask)
          + " names a feature above d = " + d);
    }
  }

  @Override
  public String toString() {
    return "ScaledUniformCounts[d=" + d + ", nodes=" + size() + "]";
  }
}
