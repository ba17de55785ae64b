package xcert.explainers.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import xcert.explainers.api.Attribution;
import xcert.explainers.backend.Backend;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.lfa.Kernel;
import xcert.explainers.lfa.LfaExplainer;
import xcert.explainers.limits.ExactLimits;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.report.Report;

/**
 * The explainers benchmark: (1) samples per second of every method on a backend, for a 20-input ReLU
 * network (20 → 64 → 64 → 1) and batch sizes 1 to 4096, each against batch size 1 in the same run;
 * (2) the number of samples each method needs to come within 1e-2 (ℓ2) of its exact limit
 * ({@link ExactLimits}; seed 000 Theorems 1–2, seed 001) on networks d → 8 → 1 at each d, doubling n
 * from 2^6; (3) with a backend other than the CPU, the agreement of every method with the CPU
 * ({@link DeviceAgreement}); (4) when given, the device table of {@link DeviceComparison}.
 */
public final class ExplainersBenchmark {

  public static final int[] BATCHES = {1, 16, 256, 4096};
  public static final int THROUGHPUT_SAMPLES = 1 << 14;
  public static final double TARGET = 1e-2;
  /** Hidden width of the convergence networks. */
  public static final int WIDTH = 8;
  public static final List<String> CONVERGENCE_METHODS = List.of("lime", "glime-binomial",
      "kernelshap", "smoothgrad", "c-lime", "glime-gauss", "integrated-gradients", "occlusion");
  /** What the throughput network is. */
  public static final String NETWORK =
      "20 → 64 → 64 → 1 ReLU, weights in {−2, −7/4, …, 2} (seed 20)";

  private ExplainersBenchmark() {}

  /**
   * What to run.
   *
   * @param ds numbers of inputs of the convergence networks, each 2..{@link ExactLimits#MAX_DIMENSION}
   * @param maxLog2 the largest n = 2^maxLog2 tried when counting the samples a method needs
   */
  public record Settings(List<Integer> ds, int maxLog2) {

    public Settings {
      ds = List.copyOf(ds);
    }

    public static Settings defaults() {
      return new Settings(List.of(10, 16, 20), 18);
    }

    public Settings withDs(List<Integer> v) {
      return new Settings(v, maxLog2);
    }

    public Settings withMaxLog2(int v) {
      return new Settings(ds, v);
    }
  }

  /** Samples per second of one method, per batch size (in {@link #BATCHES} order). */
  public record Throughput(String method, Map<Integer, Double> samplesPerSecond) {}

  /**
   * The samples each method of {@link #CONVERGENCE_METHODS} needed at one d: the least n reaching
   * {@link #TARGET}, or −1 where no n up to 2^maxLog2 did.
   */
  public record Convergence(int d, Map<String, Long> samplesNeeded) {}

  /**
   * The finished benchmark.
   *
   * @param agreement null on the CPU backend
   * @param device null when no device table was asked for
   */
  public record Result(String backend, int cores, Settings settings, List<Throughput> throughput,
      List<Convergence> convergence, DeviceAgreement.Result agreement,
      DeviceComparison.Result device) {

    /** False only when some method on the backend disagreed with the CPU beyond its tolerance. */
    public boolean passed() {
      return agreement == null || agreement.allWithin();
    }

    /** Ordered JSON-ready fields (the agreement and the device table where they ran). */
    public Map<String, Object> data() {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("benchmark", "explainers");
      o.put("backend", backend);
      o.put("cores", cores);
      o.put("network", NETWORK);
      o.put("samples per run", THROUGHPUT_SAMPLES);
      List<Object> rows = new ArrayList<>();
      for (Throughput t : throughput) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("method", t.method());
        t.samplesPerSecond().forEach((b, r) -> j.put("batch_" + b + "_samples_per_s", r));
        rows.add(j);
      }
      o.put("throughput", rows);
      List<Object> conv = new ArrayList<>();
      for (Convergence c : convergence) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("d", c.d());
        c.samplesNeeded().forEach((m, n) -> j.put(m, n < 0 ? "more than 2^" + settings.maxLog2()
            : n));
        conv.add(j);
      }
      o.put("samples_to_1e-2", conv);
      if (agreement != null) {
        o.put("agreement", agreement.data());
      }
      if (device != null) {
        o.put("device_comparison", device.data());
      }
      return o;
    }

    /** Samples per second per method and batch size, each against batch 1. */
    public Report.Table throughputTable() {
      List<String> header = new ArrayList<>(List.of("method", "batch 1 (baseline)"));
      for (int b : BATCHES) {
        if (b != 1) {
          header.add("batch " + b + " (vs 1)");
        }
      }
      List<List<Object>> rows = new ArrayList<>();
      for (Throughput t : throughput) {
        double base = t.samplesPerSecond().get(1);
        List<Object> row = new ArrayList<>(List.of(t.method(), rate(base)));
        for (int b : BATCHES) {
          if (b != 1) {
            double r = t.samplesPerSecond().get(b);
            row.add(rate(r) + " (" + String.format(Locale.ROOT, "%.1fx", r / base) + ")");
          }
        }
        rows.add(row);
      }
      return new Report.Table("samples per second", header, rows, Report.Medium.ALL);
    }

    /** Samples to reach the target per d and method ("≤ 64" where the first n did). */
    public Report.Table convergenceTable() {
      List<String> header = new ArrayList<>(List.of("d"));
      header.addAll(CONVERGENCE_METHODS);
      List<List<Object>> rows = new ArrayList<>();
      for (Convergence c : convergence) {
        List<Object> row = new ArrayList<>(List.of(c.d()));
        c.samplesNeeded().forEach((m, n) -> {
          boolean first = n == (m.equals("occlusion") ? c.d() : 64);
          row.add(n < 0 ? "> 2^" + settings.maxLog2() : (first && !m.equals("occlusion") ? "≤ "
              : "") + n);
        });
        rows.add(row);
      }
      return new Report.Table("samples to come within 1e-2 (l2) of the exact limit, seed 1, d → 8 "
          + "→ 1 networks, output / 16", header, rows, Report.Medium.ALL);
    }
  }

  /**
   * Runs the benchmark on {@code backend}; the agreement with the CPU runs where the backend is not
   * the CPU, the device table where {@code device} is not null.
   */
  public static Result run(Backend backend, Settings settings, DeviceComparison device,
      Consumer<String> progress) {
    SplittableRandom rnd = new SplittableRandom(20);
    ReluNetwork net = RandomInstances.relu(rnd, 20, 64, 2, false);
    double[] x = centred(rnd, 20);
    progress.accept("warming up on " + backend.name());
    for (String m : Methods.NAMES) {
      throughput(m, net, x, 4096, backend);
    }
    List<Throughput> throughput = new ArrayList<>();
    for (String m : Methods.NAMES) {
      progress.accept("throughput of " + m);
      Map<Integer, Double> rates = new LinkedHashMap<>();
      for (int b : BATCHES) {
        rates.put(b, throughput(m, net, x, b, backend));
      }
      throughput.add(new Throughput(m, Collections.unmodifiableMap(rates)));
    }
    List<Convergence> convergence = new ArrayList<>();
    for (int d : settings.ds()) {
      SplittableRandom r2 = new SplittableRandom(1000 + d);
      ReluNetwork f = scaledOutput(RandomInstances.relu(r2, d, WIDTH, 1, false), 1.0 / 16);
      double[] x0 = centred(r2, d);
      double[] ref = new double[d];
      progress.accept("exact limits at d = " + d);
      Map<String, Long> needed = new LinkedHashMap<>();
      for (Map.Entry<String, double[]> e : limits(f, x0, ref).entrySet()) {
        progress.accept("d = " + d + ", " + e.getKey());
        needed.put(e.getKey(), samplesNeeded(e.getKey(), f, x0, e.getValue(), settings.maxLog2(),
            backend));
      }
      convergence.add(new Convergence(d, Collections.unmodifiableMap(needed)));
    }
    DeviceAgreement.Result agreement = backend instanceof CpuBackend ? null
        : DeviceAgreement.run(backend, progress);
    DeviceComparison.Result dev = device == null ? null : device.run();
    return new Result(backend.name(), Runtime.getRuntime().availableProcessors(), settings,
        throughput, convergence, agreement, dev);
  }

  /**
   * The network with its output layer multiplied by a power of two (exact in binary), so that
   * scores and attributions are of order 1 and an absolute 1e-2 is a meaningful target.
   */
  static ReluNetwork scaledOutput(ReluNetwork f, double scale) {
    int layers = f.layerCount();
    double[][][] w = new double[layers][][];
    double[][] b = new double[layers][];
    int in = f.dimension();
    for (int l = 0; l < layers; l++) {
      int out = f.width(l);
      double s = l == layers - 1 ? scale : 1;
      w[l] = new double[out][in];
      b[l] = new double[out];
      for (int j = 0; j < out; j++) {
        for (int i = 0; i < in; i++) {
          w[l][j][i] = s * f.weight(l, j, i);
        }
        b[l][j] = s * f.bias(l, j);
      }
      in = out;
    }
    return new ReluNetwork(w, b, f.threshold());
  }

  private static Map<String, double[]> limits(ReluNetwork f, double[] x0, double[] ref) {
    Map<String, double[]> m = new LinkedHashMap<>();
    m.put("lime", ExactLimits.lime(f, x0, ref, 0.25, Kernel.Distance.COSINE, true, 0).values());
    m.put("glime-binomial", ExactLimits.glimeBinomial(f, x0, ref, 1, true, 0).values());
    m.put("kernelshap", ExactLimits.kernelShap(f, x0, ref).values());
    double[] sg = ExactLimits.smoothGrad(f, x0, 0.5).values();
    m.put("smoothgrad", sg);
    m.put("c-lime", sg);
    m.put("glime-gauss", sg);
    m.put("integrated-gradients", ExactLimits.integratedGradients(f, x0, ref).values());
    m.put("occlusion", ExactLimits.occlusion(f, x0, ref).values());
    return m;
  }

  /** The least n = 2^k, 6 ≤ k ≤ maxLog2, whose estimate is within 1e-2 of the limit; −1 if none. */
  private static long samplesNeeded(String method, ReluNetwork f, double[] x0, double[] limit,
      int maxLog2, Backend backend) {
    int d = f.dimension();
    for (int k = 6; k <= maxLog2; k++) {
      // Occlusion enumerates the d one-hot vectors: n = d is its exact value.
      long n = method.equals("occlusion") ? (long) d << (k - 6) : 1L << k;
      MethodSettings s = MethodSettings.defaults().withSeed(1).withSamples(n);
      if (method.equals("integrated-gradients")) {
        s = s.withSteps((int) n);
      }
      Attribution a = Methods.create(method, s, d).explain(f, x0, backend);
      if (l2(a.values(), limit) <= TARGET) {
        return n;
      }
    }
    return -1;
  }

  private static double throughput(String method, ReluNetwork f, double[] x, int batch,
      Backend backend) {
    MethodSettings s = MethodSettings.defaults().withSeed(1).withSamples(THROUGHPUT_SAMPLES);
    LfaExplainer e = Methods.create(method, s, f.dimension()).withBatch(batch);
    long t0 = System.nanoTime();
    e.explain(f, x, backend);
    return THROUGHPUT_SAMPLES / ((System.nanoTime() - t0) / 1e9);
  }

  static double[] centred(SplittableRandom rnd, int d) {
    double[] x = new double[d];
    for (int i = 0; i < d; i++) {
      x[i] = Math.round((2 * rnd.nextDouble() - 1) * 4) / 4.0;
    }
    return x;
  }

  static double l2(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }

  private static String rate(double r) {
    return String.format(Locale.ROOT, "%.3g/s", r);
  }
}
