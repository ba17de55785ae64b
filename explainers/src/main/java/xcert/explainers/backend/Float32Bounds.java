package xcert.explainers.backend;

import xcert.solvers.model.ReluNetwork;

/**
 * Rigorous bounds, for one input row x, on how far a float32 evaluation of a ReLU network's score
 * and gradient can lie from the float64 evaluation of {@link CpuBackend}, computed on the CPU from the
 * float64 forward and backward passes.
 *
 * <h2>The float32 model</h2>
 *
 * The device rounds x, every weight and every bias to float32 (round to nearest), then forms each
 * pre-activation z_j = b_j + Σ_i W_ji a_i (fan-in k) and each backward sum v_i = Σ_j W_ji δ_j (fan-out
 * m) with float32 products and sums in any order, fused multiply-adds or not; the ReLU and its mask
 * are exact; nothing else. Every rounding obeys fl(v) = v(1 + ε) + η with |ε| ≤ u = 2^-24 and
 * |η| ≤ η₀ = 2^-126: the standard model of Higham, "Accuracy and Stability of Numerical
 * Algorithms", 2nd ed., §2.2, which assumes no underflow, plus an absolute term for it, at most
 * 2^-150 under gradual underflow and below 2^-126 when results are flushed to zero (a subnormal
 * operand read as zero is the flush of the conversion that made it, and is covered by the same
 * term). No overflow: when a magnitude below could reach float32's largest value, or a weight or
 * bias rounds to infinity, every bound returned is +∞. With γ_k = k·u/(1 − k·u) (Higham §3.1,
 * Lemma 3.1): a sum of
 * k + 1 terms in any order puts each term through at most k additions, a product term also through
 * its product and its weight's rounding, so
 *
 * <pre>
 *   |fl(W̃ã + b̃) − (Wã + b)| ≤ γ_{k+2} (|W| |ã| + |b|) + η₀ (1 + γ_{k+2}) (‖ã‖₁ + 2k + 1)
 * </pre>
 *
 * (η₀ once per product, addition and conversion, the weight conversions' η₀ multiplied by |ã_i|).
 *
 * <h2>Value</h2>
 *
 * e_0 = u|x| + η₀ bounds the rounding of the input. With a_l the float64 activations and e_l ≥ |ã_l −
 * a_l| (float32 activations carry the earlier error, so |ã_l| ≤ |a_l| + e_l), the layer's
 * pre-activation error is
 *
 * <pre>
 *   E_{l+1} = |W_l| e_l + γ_{k+2} (|W_l| (|a_l| + e_l) + |b_l|) + η₀ (1 + γ_{k+2}) (‖|a_l| + e_l‖₁ + 2k + 1),
 * </pre>
 *
 * and e_{l+1} = E_{l+1} because the ReLU is 1-Lipschitz. The value bound is E_L of the score.
 *
 * <h2>Mask stability</h2>
 *
 * The row is mask-stable when every hidden pre-activation satisfies |z| > its bound E; then the
 * float32 and float64 pre-activations have the same sign, so both passes take the same ReLU branch
 * everywhere (and the backward masks 1[z > 0] agree).
 *
 * <h2>Gradient</h2>
 *
 * The backward pass is δ_L = 1 (the score), v = W_lᵀ δ_{l+1}, δ_l = v ⊙ 1[z_l > 0] for l ≥ 1, and
 * ∇f = v at l = 0. With ε_L = 0 and, for fan-out m = width of layer l's output (m products, m − 1
 * additions, m weight conversions),
 *
 * <pre>
 *   ε'_l = |W_l|ᵀ ε_{l+1} + γ_{m+1} |W_l|ᵀ (|δ_{l+1}| + ε_{l+1}) + η₀ (1 + γ_{m+1}) (‖|δ_{l+1}| + ε_{l+1}‖₁ + 2m)
 * </pre>
 *
 * bounds |ṽ − v|. At l = 0 the gradient bound is ε'_0. For l ≥ 1, where the unit's mask is the same
 * in both passes (|z| above its bound), ε_l = 1[z_l > 0] ε'_l; where it may differ (an ambiguous
 * unit), |ṽ m̃ − v m| ≤ max(|ṽ − v|, |ṽ|, |v|) ≤ |v| + ε'_l, so ε_l = |v| + ε'_l.
 *
 * <p><b>Mask-stable row</b> (no ambiguous unit): this is the backward pass with the masks shared,
 * ε_l = 1[z_l > 0] ⊙ ε'_l throughout.
 *
 * <p><b>Unstable row</b>: besides the recursion above, whatever the masks |δ̃_l| ≤ μ_l with μ_L = 1
 * and μ_l = (1 + γ_{m+1}) |W_l|ᵀ μ_{l+1} + η₀ (1 + γ_{m+1}) (‖μ_{l+1}‖₁ + 2m) (a mask only zeroes
 * entries), and the float64 gradient obeys the same bound, so |∇̃f − ∇f| ≤ 2 μ_0. Without the η₀
 * terms this is 2 ∏_l (1 + γ_{m_l+1}) · ĝ with ĝ = |W_0|ᵀ ⋯ |W_{L−1}|ᵀ · 1, the entrywise bound on
 * |∇f| under every activation pattern (L layers; γ ≤ max_l γ_{m_l+1} gives the form 2 (1 + γ)^L ĝ).
 * Both bounds hold; the gradient bound returned is their minimum per coordinate (for a stable row
 * too).
 *
 * <h2>The float64 computation of the bounds</h2>
 *
 * Three effects of computing on the CPU in float64 are folded into one factor {@link #FOLD} = 1 +
 * 2^-20, valid for at most {@value #MAX_LAYERS} layers of width at most 2^20 (checked): (i) the
 * float64 reference itself is off from the exact-arithmetic pass with the same masks by the same
 * recursions with u = 2^-53 and no conversions, at most 2^-29 times the float32 bound since
 * γ^{(64)}_{k+1} ≤ 2^-29 γ_{k+2}; the difference to compare is float32 − float64, hence a factor 1 +
 * 2^-29; (ii) the magnitudes |a_l|, |δ_l| used are the float64 ones, below the exact ones by at
 * most 2^-29 times the bound, a factor at most (1 + 2^-29)^{2L}; (iii) the recursions are sums of
 * products of non-negative numbers, each layer's computed in float64 with relative error ≤
 * γ^{(64)}_{2k+6}, at most (1 + γ^{(64)}_{2^21+6})^L overall. For L ≤ 64 the product is below 1 +
 * 2^-21.
 */
public final class Float32Bounds {

  /** Unit roundoff of float32, 2^-24. */
  public static final double U = 0x1p-24;

  /** Absolute error allowed per float32 rounding (underflow or flush to zero), 2^-126. */
  public static final double ETA = 0x1p-126;

  /** The factor for the float64 computation of the bounds (class comment). */
  public static final double FOLD = 1 + 0x1p-20;

  /** Most layers for which {@link #FOLD} is derived. */
  public static final int MAX_LAYERS = 64;

  private static final int MAX_WIDTH = 1 << 20;

  private final DenseRelu net;
  private final double[][] absW;
  private final double[][] absB;
  private final double[] anyRow;
  private final boolean representable;

  /**
   * @throws IllegalArgumentException for a classifier (the bounds are for the score), more than
   *     {@value #MAX_LAYERS} layers or a layer wider than 2^20
   */
  public Float32Bounds(ReluNetwork f) {
    if (f.isClassifier()) {
      throw new IllegalArgumentException("float32 bounds are for the score; " + f
          + " is a classifier");
    }
    net = new DenseRelu(f);
    if (net.layers > MAX_LAYERS || net.maxWidth > MAX_WIDTH) {
      throw new IllegalArgumentException(f + ": the float64 factor is derived for at most "
          + MAX_LAYERS + " layers of width at most " + MAX_WIDTH);
    }
    absW = new double[net.layers][];
    absB = new double[net.layers][];
    boolean finite = true;
    for (int l = 0; l < net.layers; l++) {
      absW[l] = abs(net.w[l]);
      absB[l] = abs(net.b[l]);
      finite &= max(absW[l]) < Float.MAX_VALUE && max(absB[l]) < Float.MAX_VALUE;
    }
    representable = finite;
    anyRow = unstableGradient();
  }

  /**
   * The bounds at one row.
   *
   * @param value bound on |f̃(x) − f(x)| (float32 against float64), +∞ on possible overflow
   * @param maskStable whether every hidden pre-activation exceeds its error bound in magnitude
   * @param gradient per-coordinate bound on |∇̃f(x) − ∇f(x)|: the minimum of the backward
   *     recursion's bound and the any-mask bound {@link #anyMaskGradient}
   */
  public record Row(double value, boolean maskStable, double[] gradient) {

    public Row {
      gradient = gradient.clone();
    }

    @Override
    public double[] gradient() {
      return gradient.clone();
    }
  }

  /** γ_k = k·u/(1 − k·u) for float32 (Higham §3.1). */
  public static double gamma(int k) {
    double ku = k * U;
    if (!(ku < 1)) {
      throw new IllegalArgumentException("γ_" + k + " is undefined: k·u ≥ 1");
    }
    return ku / (1 - ku);
  }

  /** The number of inputs. */
  public int dimension() {
    return net.d;
  }

  /** The value bound at rows[off..off+d−1] (the forward recursion only). */
  public double value(double[] rows, int off) {
    if (!representable) {
      return Double.POSITIVE_INFINITY;
    }
    Forward fw = forward(rows, off);
    return FOLD * fw.err[net.layers][0];
  }

  /** Value, mask stability and gradient bounds at x. */
  public Row row(double[] x) {
    return row(x, 0);
  }

  /** Value, mask stability and gradient bounds at rows[off..off+d−1]. */
  public Row row(double[] rows, int off) {
    if (!representable) {
      double[] inf = new double[net.d];
      java.util.Arrays.fill(inf, Double.POSITIVE_INFINITY);
      return new Row(Double.POSITIVE_INFINITY, false, inf);
    }
    Forward fw = forward(rows, off);
    double value = FOLD * fw.err[net.layers][0];
    double[] g = gradient(fw);
    for (int i = 0; i < g.length; i++) {
      g[i] = FOLD * Math.min(g[i], anyRow[i]);
    }
    return new Row(value, fw.stable, g);
  }

  /**
   * Pre-activations z[l] (z[0] the input), their error bounds err[l], the hidden units whose mask
   * may differ between float32 and float64, and whether there is none.
   */
  private record Forward(double[][] z, double[][] err, boolean[][] ambiguous, boolean stable) {}

  private Forward forward(double[] rows, int off) {
    int layers = net.layers;
    double[][] z = net.scratch();
    net.forward(rows, off, z);
    double[][] err = new double[layers + 1][];
    err[0] = new double[net.d];
    for (int i = 0; i < net.d; i++) {
      double x = Math.abs(z[0][i]);
      err[0][i] = x > Float.MAX_VALUE ? Double.POSITIVE_INFINITY : U * x + ETA;
    }
    boolean stable = true;
    boolean[][] ambiguous = new boolean[layers + 1][];
    for (int l = 0; l < layers; l++) {
      int k = net.width[l];
      int out = net.width[l + 1];
      double g = gamma(k + 2);
      double[] mag = new double[k];
      double l1 = 0;
      for (int i = 0; i < k; i++) {
        double a = z[l][i];
        mag[i] = (l > 0 ? Math.max(a, 0) : Math.abs(a)) + err[l][i];
        l1 += mag[i];
      }
      double[] e = err[l];
      double[] w = absW[l];
      double[] next = new double[out];
      double absolute = ETA * (1 + g) * (l1 + 2.0 * k + 1);
      for (int j = 0; j < out; j++) {
        double prop = 0;
        double m = absB[l][j];
        int base = j * k;
        for (int i = 0; i < k; i++) {
          prop += w[base + i] * e[i];
          m += w[base + i] * mag[i];
        }
        next[j] = (1 + g) * m + absolute < Float.MAX_VALUE
            ? prop + g * m + absolute : Double.POSITIVE_INFINITY;
      }
      err[l + 1] = next;
      ambiguous[l + 1] = new boolean[out];
      if (l + 1 < layers) {
        for (int j = 0; j < out; j++) {
          if (!(Math.abs(z[l + 1][j]) > FOLD * next[j])) {
            ambiguous[l + 1][j] = true;
            stable = false;
          }
        }
      }
    }
    return new Forward(z, err, ambiguous, stable);
  }

  private double[] gradient(Forward fw) {
    int layers = net.layers;
    double[] delta = {1.0};
    double[] eps = {0.0};
    for (int l = layers - 1; l >= 0; l--) {
      int in = net.width[l];
      int m = net.width[l + 1];
      double g = gamma(m + 1);
      double[] w = net.w[l];
      double[] aw = absW[l];
      double l1 = 0;
      for (int j = 0; j < m; j++) {
        l1 += Math.abs(delta[j]) + eps[j];
      }
      double absolute = ETA * (1 + g) * (l1 + 2.0 * m);
      double[] v = new double[in];
      double[] prop = new double[in];
      double[] mag = new double[in];
      for (int j = 0; j < m; j++) {
        double dj = delta[j];
        double ej = eps[j];
        double mj = Math.abs(dj) + ej;
        int base = j * in;
        for (int i = 0; i < in; i++) {
          v[i] += w[base + i] * dj;
          prop[i] += aw[base + i] * ej;
          mag[i] += aw[base + i] * mj;
        }
      }
      double[] next = new double[in];
      for (int i = 0; i < in; i++) {
        double e = (1 + g) * mag[i] + absolute < Float.MAX_VALUE
            ? prop[i] + g * mag[i] + absolute : Double.POSITIVE_INFINITY;
        boolean open = l == 0 || fw.z[l][i] > 0;
        if (l > 0 && fw.ambiguous[l][i]) {
          next[i] = Math.abs(v[i]) + e;
        } else {
          next[i] = open ? e : 0;
        }
        if (!open) {
          v[i] = 0;
        }
      }
      delta = v;
      eps = next;
    }
    return eps;
  }

  /**
   * The gradient bound that holds at every row whatever the masks: FOLD · 2 μ_0 of the class
   * comment.
   */
  public double[] anyMaskGradient() {
    double[] g = anyRow.clone();
    for (int i = 0; i < g.length; i++) {
      g[i] *= FOLD;
    }
    return g;
  }

  private double[] unstableGradient() {
    double[] mu = {1.0};
    for (int l = net.layers - 1; l >= 0; l--) {
      int in = net.width[l];
      int m = net.width[l + 1];
      double g = gamma(m + 1);
      double l1 = 0;
      for (int j = 0; j < m; j++) {
        l1 += mu[j];
      }
      double absolute = ETA * (1 + g) * (l1 + 2.0 * m);
      double[] next = new double[in];
      double[] aw = absW[l];
      for (int j = 0; j < m; j++) {
        int base = j * in;
        for (int i = 0; i < in; i++) {
          next[i] += aw[base + i] * mu[j];
        }
      }
      for (int i = 0; i < in; i++) {
        double v = (1 + g) * next[i] + absolute;
        next[i] = v < Float.MAX_VALUE ? v : Double.POSITIVE_INFINITY;
      }
      mu = next;
    }
    for (int i = 0; i < mu.length; i++) {
      mu[i] *= 2;
    }
    return mu;
  }

  private static double max(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, x);
    }
    return m;
  }

  private static double[] abs(double[] v) {
    double[] a = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      a[i] = Math.abs(v[i]);
    }
    return a;
  }
}
