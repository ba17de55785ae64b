package xcert.reductions.relu;

import xcert.solvers.model.ReluNetwork;

/**
 * A classifier {@link ReluNetwork} with integer weights and biases, evaluated on 0/1 inputs in
 * {@code long} arithmetic, exactly. Weight matrices are stored sparsely (only non-zero entries).
 *
 * <p>Exactness: on a 0/1 input every pre-activation and partial sum is an integer bounded in absolute
 * value by the forward pass with |W|, |b| and all-ones inputs; {@link #of} refuses networks for which
 * that bound (computed in float64, then padded) reaches 2^60, so no {@code long} overflows. For an
 * integer score s and a real threshold t, s ≥ t iff s ≥ ⌈t⌉.
 */
final class IntegerRelu {

  private static final double LIMIT = 0x1p60;

  private final int d;
  private final int[][] start;
  private final int[][] col;
  private final long[][] w;
  private final long[][] bias;
  private final long threshold;
  private final int maxWidth;
  /** The first layer by columns: input i feeds units colUnit[colStart[i]..colStart[i+1]). */
  private final int[] colStart;
  private final int[] colUnit;
  private final long[] colW;

  private IntegerRelu(int d, int[][] start, int[][] col, long[][] w, long[][] bias, long threshold,
      int maxWidth) {
    this.d = d;
    this.start = start;
    this.col = col;
    this.w = w;
    this.bias = bias;
    this.threshold = threshold;
    this.maxWidth = maxWidth;
    this.colStart = new int[d + 1];
    for (int c : col[0]) {
      colStart[c + 1]++;
    }
    for (int i = 0; i < d; i++) {
      colStart[i + 1] += colStart[i];
    }
    int[] fill = colStart.clone();
    this.colUnit = new int[col[0].length];
    this.colW = new long[col[0].length];
    for (int j = 0; j + 1 < start[0].length; j++) {
      for (int k = start[0][j]; k < start[0][j + 1]; k++) {
        int at = fill[col[0][k]]++;
        colUnit[at] = j;
        colW[at] = w[0][k];
      }
    }
  }

  /** The integer form of a classifier, or null when a weight, bias is not an integer or too large. */
  static IntegerRelu of(ReluNetwork net) {
    if (!net.isClassifier()) {
      throw new IllegalArgumentException("the network has no threshold; a classifier is needed");
    }
    int layers = net.layerCount();
    int[][] start = new int[layers][];
    int[][] col = new int[layers][];
    long[][] w = new long[layers][];
    long[][] bias = new long[layers][];
    int in = net.dimension();
    int maxWidth = Math.max(1, in);
    double[] mag = new double[in];
    java.util.Arrays.fill(mag, 1.0);
    for (int l = 0; l < layers; l++) {
      int out = net.width(l);
      maxWidth = Math.max(maxWidth, out);
      int nz = 0;
      for (int j = 0; j < out; j++) {
        for (int i = 0; i < in; i++) {
          if (net.weight(l, j, i) != 0) {
            nz++;
          }
        }
      }
      start[l] = new int[out + 1];
      col[l] = new int[nz];
      w[l] = new long[nz];
      bias[l] = new long[out];
      double[] next = new double[out];
      int k = 0;
      for (int j = 0; j < out; j++) {
        start[l][j] = k;
        double bj = net.bias(l, j);
        if (!isInteger(bj)) {
          return null;
        }
        bias[l][j] = (long) bj;
        double m = Math.abs(bj);
        for (int i = 0; i < in; i++) {
          double x = net.weight(l, j, i);
          if (x == 0) {
            continue;
          }
          if (!isInteger(x)) {
            return null;
          }
          col[l][k] = i;
          w[l][k++] = (long) x;
          m += Math.abs(x) * mag[i];
        }
        if (!(m * 1.0000001 < LIMIT)) {
          return null;
        }
        next[j] = m;
      }
      start[l][out] = k;
      mag = next;
      in = out;
    }
    double t = net.threshold().getAsDouble();
    long thr = t > LIMIT ? Long.MAX_VALUE : t < -LIMIT ? Long.MIN_VALUE : (long) Math.ceil(t);
    return new IntegerRelu(net.dimension(), start, col, w, bias, thr, maxWidth);
  }

  private static boolean isInteger(double x) {
    return x == Math.rint(x) && Math.abs(x) < LIMIT;
  }

  /** Scratch for one thread: two activation vectors and the first layer's pre-activations. */
  long[][] scratch() {
    return new long[][] {new long[maxWidth], new long[maxWidth], new long[maxWidth]};
  }

  /** The label on the 0/1 input whose feature i+1 is bit i of {@code bits} (bit i of word i/64). */
  int label(long[] bits, long[][] scratch) {
    return score(bits, scratch) >= threshold ? 1 : 0;
  }

  /** The exact integer score on a 0/1 input given as bits. */
  long score(long[] bits, long[][] scratch) {
    firstLayer(bits, scratch[2]);
    return fromFirstLayer(scratch[2], scratch);
  }

  /** The first layer's pre-activations (before ReLU) on a 0/1 input given as bits. */
  void firstLayer(long[] bits, long[] pre) {
    int[] st = start[0];
    int[] c = col[0];
    long[] wl = w[0];
    long[] b = bias[0];
    for (int j = 0; j < b.length; j++) {
      long s = b[j];
      for (int k = st[j]; k < st[j + 1]; k++) {
        int i = c[k];
        if ((bits[i >>> 6] >>> i & 1L) != 0) {
          s += wl[k];
        }
      }
      pre[j] = s;
    }
  }

  /**
   * Updates the first layer's pre-activations when input i (0-based) changes: + column i when it
   * becomes 1, − column i when it becomes 0.
   */
  void flip(long[] pre, int i, boolean nowOne) {
    for (int k = colStart[i]; k < colStart[i + 1]; k++) {
      pre[colUnit[k]] += nowOne ? colW[k] : -colW[k];
    }
  }

  /** The label given the first layer's pre-activations. */
  int labelFromFirstLayer(long[] pre, long[][] scratch) {
    return fromFirstLayer(pre, scratch) >= threshold ? 1 : 0;
  }

  /** The score given the first layer's pre-activations (left unchanged). */
  private long fromFirstLayer(long[] pre, long[][] scratch) {
    int layers = w.length;
    if (layers == 1) {
      return pre[0];
    }
    long[] a = scratch[0];
    long[] z = scratch[1];
    int width = bias[0].length;
    for (int j = 0; j < width; j++) {
      a[j] = pre[j] < 0 ? 0 : pre[j];
    }
    for (int l = 1; l < layers; l++) {
      int[] st = start[l];
      int[] c = col[l];
      long[] wl = w[l];
      long[] b = bias[l];
      int out = b.length;
      boolean hidden = l < layers - 1;
      for (int j = 0; j < out; j++) {
        long s = b[j];
        for (int k = st[j]; k < st[j + 1]; k++) {
          s += wl[k] * a[c[k]];
        }
        z[j] = hidden && s < 0 ? 0 : s;
      }
      long[] tmp = a;
      a = z;
      z = tmp;
    }
    return a[0];
  }

  int dimension() {
    return d;
  }
}
