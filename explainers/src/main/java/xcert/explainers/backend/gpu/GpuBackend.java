package xcert.explainers.backend.gpu;

import xcert.explainers.backend.LfaSums;

import xcert.explainers.backend.LfaPlan;

import xcert.explainers.backend.DenseRelu;

import xcert.explainers.backend.CounterStream;

import xcert.explainers.backend.CpuBackend;

import xcert.explainers.backend.Backend;

import java.util.Optional;
import xcert.explainers.backend.gpu.CudaDevice;
import xcert.explainers.backend.gpu.DeviceArray;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;

/**
 * The CUDA backend: ReLU networks evaluated and differentiated on the GPU in float32, and whole LFA
 * explanations ({@link #runPlan}) run there with one transfer in (the network, x0, the plan) and
 * one out (the sufficient statistics): the device draws the samples from the counter-based stream
 * of {@link CounterStream} (so sample i is the CPU's sample i), applies ⊕ and π, evaluates the
 * network (and its gradients), and accumulates the normal equations or the gradient moment in
 * float64. Boolean circuits and classifier labels are evaluated by the CPU backend.
 *
 * <p>Numbers differ from the CPU backend's only by float32 arithmetic in the network (inputs,
 * weights, products and sums rounded to float32) and by the order of float64 sums;
 * {@code xcert.explainers.agreement.AgreementCheck} bounds the effect on every method's attribution.
 */
public final class GpuBackend implements Backend {

  /** Most rows processed per launch sequence. */
  static final int MAX_CHUNK = 1 << 16;

  /** Largest share of the free device memory one call's buffers may take. */
  static final double MEMORY_SHARE = 0.5;

  private final CudaDevice device;
  private final CpuBackend cpu;
  private ReluNetwork cachedNet;
  private DeviceNetwork cached;

  /** The backend on an open device (see {@link CudaDevice#open()}). */
  public GpuBackend(CudaDevice device) {
    this.device = device;
    this.cpu = CpuBackend.allCores();
  }

  @Override
  public String name() {
    return "gpu (" + device.name() + ", float32)";
  }

  @Override
  public synchronized double[] evaluate(Model f, double[] rows, int n) {
    if (!(f instanceof ReluNetwork net) || net.isClassifier()) {
      return cpu.evaluate(f, rows, n);
    }
    int d = f.dimension();
    check(rows, n, d);
    DeviceNetwork dn = network(net);
    double[] out = new double[n];
    int chunk = chunkRows(dn, 4L * d + 4, n);
    try (DeviceArray in = DeviceArray.floats(device, (long) chunk * d);
        DeviceArray scores = DeviceArray.floats(device, chunk)) {
      DeviceArray[] z = dn.hiddenBuffers(chunk);
      try {
        float[] buf = new float[chunk * d];
        float[] s = new float[chunk];
        for (int first = 0; first < n; first += chunk) {
          int m = Math.min(chunk, n - first);
          upload(rows, first, m, d, buf, in);
          dn.forward(in, m, z, scores);
          scores.copyTo(s);
          for (int r = 0; r < m; r++) {
            out[first + r] = s[r];
          }
        }
      } finally {
        free(z);
      }
    }
    return out;
  }

  @Override
  public synchronized double[] gradients(ReluNetwork f, double[] rows, int n) {
    int d = f.dimension();
    check(rows, n, d);
    DeviceNetwork dn = network(f);
    double[] grad = new double[n * d];
    int maxWidth = dn.dense.maxWidth();
    int chunk = chunkRows(dn, 4L * d + 4 + 8L * maxWidth, n);
    try (DeviceArray in = DeviceArray.floats(device, (long) chunk * d);
        DeviceArray scores = DeviceArray.floats(device, chunk);
        DeviceArray d1 = DeviceArray.floats(device, (long) chunk * maxWidth);
        DeviceArray d2 = DeviceArray.floats(device, (long) chunk * maxWidth)) {
      DeviceArray[] z = dn.hiddenBuffers(chunk);
      try {
        float[] buf = new float[chunk * d];
        for (int first = 0; first < n; first += chunk) {
          int m = Math.min(chunk, n - first);
          upload(rows, first, m, d, buf, in);
          dn.forward(in, m, z, scores);
          DeviceArray g = dn.backward(m, z, d1, d2);
          float[] gf = new float[m * d];
          g.copyTo(gf);
          for (int i = 0; i < m * d; i++) {
            grad[first * d + i] = gf[i];
          }
        }
      } finally {
        free(z);
      }
    }
    return grad;
  }

  @Override
  public synchronized Optional<LfaSums> runPlan(Model f, LfaPlan plan) {
    if (!(f instanceof ReluNetwork net) || net.isClassifier()
        || plan.dimension() != f.dimension() || (plan.efficiency() && plan.dimension() < 2)) {
      return Optional.empty();
    }
    return Optional.of(new DevicePlanRun(device, network(net), plan, this::chunkRows).run());
  }

  /** The rows per chunk for a call whose buffers take {@code bytesPerRow} besides the network's. */
  int chunkRows(DeviceNetwork dn, long bytesPerRow, long n) {
    long perRow = bytesPerRow + 4 * dn.hiddenWidthSum();
    long budget = (long) (device.freeMemory() * MEMORY_SHARE);
    long fit = budget / perRow;
    if (fit < 1) {
      throw new IllegalStateException("one row of this network needs " + perRow + " bytes of GPU "
          + "memory; " + budget + " are available");
    }
    return (int) Math.max(1, Math.min(Math.min(n, MAX_CHUNK), fit));
  }

  private DeviceNetwork network(ReluNetwork net) {
    if (cachedNet != net) {
      if (cached != null) {
        cached.close();
      }
      cached = new DeviceNetwork(device, new DenseRelu(net));
      cachedNet = net;
    }
    return cached;
  }

  /** Rows first..first+m−1 of the batch, rounded to float32, into {@code in}. */
  private static void upload(double[] rows, int first, int m, int d, float[] buf, DeviceArray in) {
    for (int i = 0; i < m * d; i++) {
      buf[i] = (float) rows[first * d + i];
    }
    in.copyFrom(buf, m * d);
  }

  private static void free(DeviceArray[] arrays) {
    for (DeviceArray a : arrays) {
      if (a != null) {
        a.close();
      }
    }
  }

  private static void check(double[] rows, int n, int d) {
    if (n < 0 || (long) n * d != rows.length) {
      throw new IllegalArgumentException("batch of " + rows.length + " numbers is not " + n
          + " rows of " + d);
    }
  }

  /** How {@link DevicePlanRun} asks for its chunk size. */
  interface ChunkPolicy {
    int rows(DeviceNetwork dn, long bytesPerRow, long n);
  }
}
