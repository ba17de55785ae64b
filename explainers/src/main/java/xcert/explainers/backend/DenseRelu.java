package xcert.explainers.backend;

import xcert.solvers.model.ReluNetwork;

/**
 * The weights of a {@link ReluNetwork} copied once into flat row-major arrays, with a forward pass
 * and a backward pass (the gradient of the score) for one input at a time. Scratch space belongs to
 * the caller, so one instance serves many threads.
 */
public final class DenseRelu {

  final int d;
  final int layers;
  final int[] width;
  // w[l] is width[l+1] x width[l] row-major; width[0] = d.
  final double[][] w;
  final double[][] b;
  final int maxWidth;

  /** Copies the weights of {@code net}. */
  public DenseRelu(ReluNetwork net) {
    d = net.dimension();
    layers = net.layerCount();
    width = new int[layers + 1];
    width[0] = d;
    w = new double[layers][];
    b = new double[layers][];
    int max = d;
    for (int l = 0; l < layers; l++) {
      int out = net.width(l);
      int in = width[l];
      width[l + 1] = out;
      max = Math.max(max, out);
      w[l] = new double[out * in];
      b[l] = new double[out];
      for (int j = 0; j < out; j++) {
        b[l][j] = net.bias(l, j);
        for (int i = 0; i < in; i++) {
          w[l][j * in + i] = net.weight(l, j, i);
        }
      }
    }
    maxWidth = max;
  }

  /** Inputs d. */
  public int inputs() {
    return d;
  }

  /** Layers with weights (the last one gives the score). */
  public int layers() {
    return layers;
  }

  /** Width of layer l: l = 0 is the input (d), l = layers() the score (1). */
  public int width(int l) {
    return width[l];
  }

  /** The widest layer, input included. */
  public int maxWidth() {
    return maxWidth;
  }

  /** Weights of layer l (0-based), width(l+1) × width(l), row-major (a copy). */
  public double[] weights(int l) {
    return w[l].clone();
  }

  /** Biases of layer l (a copy). */
  public double[] biases(int l) {
    return b[l].clone();
  }

  /** Scratch for one thread: pre-activations of every layer. */
  double[][] scratch() {
    double[][] z = new double[layers + 1][];
    for (int l = 0; l <= layers; l++) {
      z[l] = new double[width[l]];
    }
    return z;
  }

  /** The score at rows[off..off+d-1]; z receives the pre-activations (z[0] the input). */
  double forward(double[] rows, int off, double[][] z) {
    System.arraycopy(rows, off, z[0], 0, d);
    for (int l = 0; l < layers; l++) {
      int in = width[l];
      int out = width[l + 1];
      double[] a = z[l];
      double[] wl = w[l];
      double[] next = z[l + 1];
      boolean hidden = l > 0;
      for (int j = 0; j < out; j++) {
        double s = b[l][j];
        int base = j * in;
        for (int i = 0; i < in; i++) {
          double ai = a[i];
          if (hidden && ai < 0) {
            ai = 0;
          }
          s += wl[base + i] * ai;
        }
        next[j] = s;
      }
    }
    return z[layers][0];
  }

  /**
   * The gradient of the score after {@link #forward} filled z; written to grad[goff..goff+d-1].
   * delta is scratch of length maxWidth times 2.
   */
  void backward(double[][] z, double[] delta, double[] grad, int goff) {
    int m = maxWidth;
    // delta[0..] holds dScore/dz[l+1] for the current layer, delta[m..] the next one.
    int cur = 0;
    int nxt = m;
    delta[cur] = 1.0;
    for (int l = layers - 1; l >= 0; l--) {
      int in = width[l];
      int out = width[l + 1];
      double[] wl = w[l];
      for (int i = 0; i < in; i++) {
        delta[nxt + i] = 0;
      }
      for (int j = 0; j < out; j++) {
        double dj = delta[cur + j];
        if (dj == 0) {
          continue;
        }
        int base = j * in;
        for (int i = 0; i < in; i++) {
          delta[nxt + i] += wl[base + i] * dj;
        }
      }
      if (l > 0) {
        double[] pre = z[l];
        for (int i = 0; i < in; i++) {
          if (pre[i] <= 0) {
            delta[nxt + i] = 0;
          }
        }
      }
      int t = cur;
      cur = nxt;
      nxt = t;
    }
    System.arraycopy(delta, cur, grad, goff, d);
  }
}
