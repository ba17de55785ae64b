package xcert.explainers.backend;

import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;

/**
 * A CPU emulation of a float32 device: the input, the weights and the biases are rounded to float32
 * and every product and sum is a float32 operation (Java's float arithmetic is IEEE 754 binary32,
 * round to nearest), the forward pass and the backward pass as {@link CpuBackend} does them in
 * float64, with the ReLU derivative 0 at a pre-activation ≤ 0. Two orders of arithmetic stand for a
 * device's freedom: {@link Mode#PLAIN} adds rounded products to the bias in index order,
 * {@link Mode#FMA} accumulates fused multiply-adds in reverse index order and adds the bias last.
 * Scores of ReLU networks only.
 */
public final class Float32CpuBackend implements Backend {

  /** The order and kind of the float32 arithmetic. */
  public enum Mode {
    /** s = b; s = fl(s + fl(w·a)) for i = 0, 1, …. */
    PLAIN,
    /** s = 0; s = fma(w, a, s) for i = k−1, …, 0; then s = fl(s + b). */
    FMA
  }

  private final Mode mode;

  public Float32CpuBackend(Mode mode) {
    this.mode = mode;
  }

  @Override
  public String name() {
    return "float32 emulation (" + mode.name().toLowerCase() + ")";
  }

  @Override
  public double[] evaluate(Model f, double[] rows, int n) {
    Net net = new Net(relu(f));
    double[] out = new double[n];
    for (int r = 0; r < n; r++) {
      float[][] z = net.forward(rows, r * net.width[0]);
      out[r] = z[net.layers][0];
    }
    return out;
  }

  @Override
  public double[] gradients(ReluNetwork f, double[] rows, int n) {
    Net net = new Net(relu(f));
    int d = net.width[0];
    double[] out = new double[n * d];
    for (int r = 0; r < n; r++) {
      float[] g = net.backward(net.forward(rows, r * d));
      for (int i = 0; i < d; i++) {
        out[r * d + i] = g[i];
      }
    }
    return out;
  }

  private static ReluNetwork relu(Model f) {
    if (!(f instanceof ReluNetwork net) || net.isClassifier()) {
      throw new IllegalArgumentException("the float32 emulation evaluates ReLU network scores only");
    }
    return net;
  }

  /** The network's weights rounded to float32. */
  private final class Net {
    final int layers;
    final int[] width;
    final float[][][] w;
    final float[][] b;

    Net(ReluNetwork f) {
      layers = f.layerCount();
      width = new int[layers + 1];
      width[0] = f.dimension();
      w = new float[layers][][];
      b = new float[layers][];
      for (int l = 0; l < layers; l++) {
        width[l + 1] = f.width(l);
        w[l] = new float[width[l + 1]][width[l]];
        b[l] = new float[width[l + 1]];
        for (int j = 0; j < width[l + 1]; j++) {
          b[l][j] = (float) f.bias(l, j);
          for (int i = 0; i < width[l]; i++) {
            w[l][j][i] = (float) f.weight(l, j, i);
          }
        }
      }
    }

    /** Pre-activations of every layer in float32; z[0] is the rounded input. */
    float[][] forward(double[] rows, int off) {
      float[][] z = new float[layers + 1][];
      z[0] = new float[width[0]];
      for (int i = 0; i < width[0]; i++) {
        z[0][i] = (float) rows[off + i];
      }
      for (int l = 0; l < layers; l++) {
        float[] a = z[l].clone();
        if (l > 0) {
          for (int i = 0; i < a.length; i++) {
            a[i] = Math.max(a[i], 0f);
          }
        }
        z[l + 1] = new float[width[l + 1]];
        for (int j = 0; j < width[l + 1]; j++) {
          z[l + 1][j] = dot(w[l][j], a, b[l][j]);
        }
      }
      return z;
    }

    float dot(float[] row, float[] a, float bias) {
      if (mode == Mode.PLAIN) {
        float s = bias;
        for (int i = 0; i < a.length; i++) {
          float p = row[i] * a[i];
          s = s + p;
        }
        return s;
      }
      float s = 0f;
      for (int i = a.length - 1; i >= 0; i--) {
        s = Math.fma(row[i], a[i], s);
      }
      return s + bias;
    }

    float[] backward(float[][] z) {
      float[] delta = {1f};
      for (int l = layers - 1; l >= 0; l--) {
        float[] v = new float[width[l]];
        float[] col = new float[width[l + 1]];
        for (int i = 0; i < width[l]; i++) {
          for (int j = 0; j < width[l + 1]; j++) {
            col[j] = w[l][j][i];
          }
          v[i] = dot(col, delta, 0f);
          if (l > 0 && z[l][i] <= 0) {
            v[i] = 0f;
          }
        }
        delta = v;
      }
      return delta;
    }
  }
}
