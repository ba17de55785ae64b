package xcert.explainers.backend.gpu;

import xcert.explainers.backend.LfaSums;

import xcert.explainers.backend.LfaPlan;

import xcert.explainers.backend.gpu.CudaDevice;
import xcert.explainers.backend.gpu.DeviceArray;

/**
 * One {@link LfaPlan} executed on the device (see {@link GpuBackend#runPlan}): per chunk of samples
 * the kernels {@code perturb} (draw ξ, x0 ⊕ ξ and π), the network's forward pass, then either the
 * backward pass and {@code gradient_moment}, or {@code design} and {@code gram}; every sum stays on
 * the device until the one copy of the results at the end.
 */
final class DevicePlanRun {

  private final CudaDevice device;
  private final DeviceNetwork net;
  private final LfaPlan plan;
  private final GpuBackend.ChunkPolicy chunks;
  private final int d;
  private final boolean gradient;
  private final boolean anchors;
  private final int p;
  private final int q;

  DevicePlanRun(CudaDevice device, DeviceNetwork net, LfaPlan plan, GpuBackend.ChunkPolicy chunks) {
    this.device = device;
    this.net = net;
    this.plan = plan;
    this.chunks = chunks;
    this.d = plan.dimension();
    this.gradient = plan.fit() == LfaPlan.Fit.GRADIENT;
    this.anchors = plan.fit() == LfaPlan.Fit.DROP || plan.efficiency();
    this.p = gradient ? 0 : plan.columns();
    this.q = gradient ? 0 : p + 2;
  }

  LfaSums run() {
    int maxWidth = net.dense.maxWidth();
    long perRow = 12L * d + 8 + 4 + (gradient ? 8L * maxWidth : 8L * q);
    int chunk = chunks.rows(net, perRow, plan.n());
    // Results: gram (q × q) or moment (d), Σπ, then f(x0) and f(x0 ⊕ 0).
    int sumsLength = gradient ? d + 1 : q * q;
    int resultLength = sumsLength + 2;
    double[] x0 = plan.x0();
    try (DeviceArray result = DeviceArray.doubles(device, resultLength);
        DeviceArray dx0 = DeviceArray.of(device, x0);
        DeviceArray dref = DeviceArray.of(device, plan.reference());
        DeviceArray jac = DeviceArray.of(device, plan.jacobian());
        DeviceArray anchorScores = DeviceArray.floats(device, 2);
        DeviceArray xi = DeviceArray.doubles(device, (long) chunk * d);
        DeviceArray rows = DeviceArray.floats(device, (long) Math.max(chunk, 2) * d);
        DeviceArray pi = DeviceArray.doubles(device, chunk);
        DeviceArray scores = DeviceArray.floats(device, chunk);
        DeviceArray d1 = DeviceArray.floats(device, gradient ? (long) chunk * maxWidth : 1);
        DeviceArray d2 = DeviceArray.floats(device, gradient ? (long) chunk * maxWidth : 1);
        DeviceArray design = DeviceArray.doubles(device, gradient ? 1 : (long) chunk * q)) {
      DeviceArray[] z = net.hiddenBuffers(Math.max(chunk, 2));
      try {
        result.clear();
        anchorScores.clear();
        if (anchors) {
          rows.copyFrom(anchorRows(x0, plan.base()), 2 * d);
          net.forward(rows, 2, z, anchorScores);
          device.launch("widen", new int[] {1, 1, 1}, new int[] {32, 1, 1}, anchorScores, 2,
              result.at(sumsLength));
        }
        for (long first = 0; first < plan.n(); first += chunk) {
          int m = (int) Math.min(chunk, plan.n() - first);
          device.launch("perturb", new int[] {DeviceNetwork.ceil(m, 128), 1, 1},
              new int[] {128, 1, 1}, first, m, d, plan.seed(), plan.noise().ordinal(), plan.p0(),
              plan.p1(), plan.paired() ? 1 : 0, plan.combine().ordinal(), plan.weight().ordinal(),
              plan.width(), plan.fit().ordinal(), dx0, dref, xi, rows, pi);
          net.forward(rows, m, z, scores);
          if (gradient) {
            DeviceArray g = net.backward(m, z, d1, d2);
            int strip = 256;
            device.launch("gradient_moment",
                new int[] {DeviceNetwork.ceil(d, 128), DeviceNetwork.ceil(m, strip), 1},
                new int[] {128, 1, 1}, g, pi, jac, m, d, strip, result);
            device.launch("sum", new int[] {Math.min(1024, DeviceNetwork.ceil(m, 256)), 1, 1},
                new int[] {256, 1, 1}, pi, m, result.at(d));
          } else {
            device.launch("design", new int[] {DeviceNetwork.ceil(m, 128), 1, 1},
                new int[] {128, 1, 1}, xi, pi, scores, anchorScores, m, d, plan.fit().ordinal(),
                plan.intercept() ? 1 : 0, plan.efficiency() ? 1 : 0, design, q);
            int strip = 512;
            device.launch("gram", new int[] {DeviceNetwork.ceil(q, 16), DeviceNetwork.ceil(q, 16),
                DeviceNetwork.ceil(m, strip)}, new int[] {16, 16, 1}, design, m, q, strip, result);
          }
        }
        double[] out = new double[resultLength];
        result.copyTo(out);
        return sums(out, sumsLength);
      } finally {
        for (DeviceArray a : z) {
          if (a != null) {
            a.close();
          }
        }
      }
    }
  }

  private LfaSums sums(double[] out, int sumsLength) {
    double fx0 = anchors ? out[sumsLength] : Double.NaN;
    double fBase = plan.efficiency() ? out[sumsLength + 1] : Double.NaN;
    if (gradient) {
      return new LfaSums(new double[0], java.util.Arrays.copyOf(out, d), out[d], plan.n(), fx0,
          fBase);
    }
    double[] gram = new double[p * p];
    double[] moment = new double[p];
    for (int i = 0; i < p; i++) {
      System.arraycopy(out, i * q, gram, i * p, p);
      moment[i] = out[i * q + p];
    }
    return new LfaSums(gram, moment, out[(p + 1) * q + p + 1], plan.n(), fx0, fBase);
  }

  /** The rows x0 and x0 ⊕ 0, in float32. */
  private static float[] anchorRows(double[] x0, double[] base) {
    int d = x0.length;
    float[] rows = new float[2 * d];
    for (int i = 0; i < d; i++) {
      rows[i] = (float) x0[i];
      rows[d + i] = (float) base[i];
    }
    return rows;
  }
}
