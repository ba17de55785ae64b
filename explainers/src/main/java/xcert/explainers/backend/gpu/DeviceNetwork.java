package xcert.explainers.backend.gpu;

import xcert.explainers.backend.DenseRelu;

import xcert.explainers.backend.gpu.CudaDevice;
import xcert.explainers.backend.gpu.DeviceArray;

/**
 * A ReLU network's weights on the device in float32, with the batched forward pass (the score) and
 * the backward pass (its gradient in the input) as chains of the {@code dense}, {@code score} and
 * {@code score_gradient} kernels. Same arithmetic as {@link DenseRelu} (ReLU on every hidden layer's
 * input, derivative 0 at a pre-activation ≤ 0), in float32.
 */
final class DeviceNetwork implements AutoCloseable {

  private static final int TILE = 64;

  final DenseRelu dense;
  private final CudaDevice device;
  private final DeviceArray[] w;
  private final DeviceArray[] b;
  private final DeviceArray lastRow;
  private final float lastBias;

  DeviceNetwork(CudaDevice device, DenseRelu dense) {
    this.device = device;
    this.dense = dense;
    int hidden = dense.layers() - 1;
    w = new DeviceArray[hidden];
    b = new DeviceArray[hidden];
    for (int l = 0; l < hidden; l++) {
      w[l] = DeviceArray.of(device, toFloat(dense.weights(l), dense.weights(l).length));
      b[l] = DeviceArray.of(device, toFloat(dense.biases(l), dense.biases(l).length));
    }
    int last = dense.layers() - 1;
    lastRow = DeviceArray.of(device, toFloat(dense.weights(last), dense.width(last)));
    lastBias = (float) dense.biases(last)[0];
  }

  static float[] toFloat(double[] v, int count) {
    float[] f = new float[count];
    for (int i = 0; i < count; i++) {
      f[i] = (float) v[i];
    }
    return f;
  }

  /** Floats per row of the hidden pre-activations. */
  long hiddenWidthSum() {
    long s = 0;
    for (int l = 1; l < dense.layers(); l++) {
      s += dense.width(l);
    }
    return s;
  }

  /** Pre-activation buffers z[1..L-1] for m rows (z[0] is the input). */
  DeviceArray[] hiddenBuffers(int m) {
    DeviceArray[] z = new DeviceArray[dense.layers()];
    for (int l = 1; l < dense.layers(); l++) {
      z[l] = DeviceArray.floats(device, (long) m * dense.width(l));
    }
    return z;
  }

  /** scores[r] = f(rows[r]) for r &lt; m; z[1..L-1] receive the pre-activations. */
  void forward(DeviceArray rows, int m, DeviceArray[] z, DeviceArray scores) {
    Object a = rows;
    int lda = dense.inputs();
    int relu = 0;
    for (int l = 0; l < dense.layers() - 1; l++) {
      int n = dense.width(l + 1);
      int k = dense.width(l);
      device.launch("dense", new int[] {ceil(n, TILE), ceil(m, TILE), 1}, new int[] {16, 16, 1},
          a, lda, relu, w[l], k, 1, b[l], null, 0, z[l + 1], n, m, n, k);
      a = z[l + 1];
      lda = n;
      relu = 1;
    }
    int k = dense.width(dense.layers() - 1);
    device.launch("score", new int[] {ceil((long) m * 32, 256), 1, 1}, new int[] {256, 1, 1},
        a, lda, relu, lastRow, lastBias, scores, m, k);
  }

  /**
   * The gradient of the score at each of the m rows whose forward pass filled z; returns the buffer
   * (one of {@code d1}, {@code d2}, each of m × maxWidth floats) holding it, m × d row-major.
   */
  DeviceArray backward(int m, DeviceArray[] z, DeviceArray d1, DeviceArray d2) {
    int last = dense.layers() - 1;
    int k = dense.width(last);
    DeviceArray cur = d1;
    DeviceArray next = d2;
    device.launch("score_gradient", new int[] {ceil((long) m * k, 256), 1, 1},
        new int[] {256, 1, 1}, lastRow, last >= 1 ? z[last] : null, cur, m, k);
    for (int l = last - 1; l >= 0; l--) {
      int n = dense.width(l);
      int kk = dense.width(l + 1);
      device.launch("dense", new int[] {ceil(n, TILE), ceil(m, TILE), 1}, new int[] {16, 16, 1},
          cur, kk, 0, w[l], n, 0, null, l >= 1 ? z[l] : null, n, next, n, m, n, kk);
      DeviceArray t = cur;
      cur = next;
      next = t;
    }
    return cur;
  }

  static int ceil(long a, int b) {
    long c = (a + b - 1) / b;
    if (c > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("grid of " + c + " blocks is too large");
    }
    return (int) c;
  }

  @Override
  public void close() {
    for (DeviceArray a : w) {
      a.close();
    }
    for (DeviceArray a : b) {
      a.close();
    }
    lastRow.close();
  }
}
