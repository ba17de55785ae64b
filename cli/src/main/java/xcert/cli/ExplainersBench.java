package xcert.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import picocli.CommandLine.Model.CommandSpec;
import xcert.explainers.api.Attribution;
import xcert.explainers.backend.Backend;
import xcert.explainers.lfa.Kernel;
import xcert.explainers.lfa.LfaExplainer;
import xcert.explainers.limits.ExactLimits;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.ReluNetwork;

/**
 * {@code xcert bench explainers}: (1) samples per second of every method on a backend, for a
 * 20-input ReLU network (20 → 64 → 64 → 1) and batch sizes 1 to 4096, each against batch size 1 in
 * the same run; (2) the number of samples each method needs to come within 1e-2 (ℓ2) of its exact
 * limit ({@link ExactLimits}) on networks d → 16 → 1 at d = 10, 16, 20, doubling n from 2^6; (3)
 * with a backend other than the CPU, or when asked, the device table of {@link DeviceComparison}.
 */
final class ExplainersBench {

  static final int[] BATCHES = {1, 16, 256, 4096};
  static final int THROUGHPUT_SAMPLES = 1 << 14;
  static final double TARGET = 1e-2;

  private final CommandSpec spec;
  private final boolean json;
  private final Backend backend;
  private final List<Integer> ds;
  private final int maxLog2;
  private final DeviceComparison device;

  /**
   * @param device the device table, or null to skip it (the backend is the CPU and
   *     {@code --device-table} was not given)
   */
  ExplainersBench(CommandSpec spec, boolean json, Backend backend, List<Integer> ds, int maxLog2,
      DeviceComparison device) {
    this.spec = spec;
    this.json = json;
    this.backend = backend;
    this.ds = ds;
    this.maxLog2 = maxLog2;
    this.device = device;
  }

  int run() {
    var err = spec.commandLine().getErr();
    SplittableRandom rnd = new SplittableRandom(20);
    ReluNetwork net = RandomInstances.relu(rnd, 20, 64, 2, false);
    double[] x = centred(rnd, 20);
    err.println("bench explainers: warming up on " + backend.name());
    for (String m : Methods.NAMES) {
      throughput(m, net, x, 4096);
    }
    List<List<Object>> rows = new ArrayList<>();
    List<Object> jsonRows = new ArrayList<>();
    for (String m : Methods.NAMES) {
      err.println("bench explainers: throughput of " + m);
      double base = throughput(m, net, x, 1);
      List<Object> row = new ArrayList<>(List.of(m, rate(base)));
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("method", m);
      j.put("batch_1_samples_per_s", base);
      for (int b : BATCHES) {
        if (b == 1) {
          continue;
        }
        double r = throughput(m, net, x, b);
        row.add(rate(r) + " (" + ratio(r / base) + ")");
        j.put("batch_" + b + "_samples_per_s", r);
      }
      rows.add(row);
      jsonRows.add(j);
    }
    List<List<Object>> conv = new ArrayList<>();
    List<Object> jsonConv = new ArrayList<>();
    for (int d : ds) {
      SplittableRandom r2 = new SplittableRandom(1000 + d);
      ReluNetwork f = scaledOutput(RandomInstances.relu(r2, d, WIDTH, 1, false), 1.0 / 16);
      double[] x0 = centred(r2, d);
      double[] ref = new double[d];
      err.println("bench explainers: exact limits at d = " + d);
      Map<String, double[]> limits = limits(f, x0, ref);
      List<Object> row = new ArrayList<>(List.of(d));
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("d", d);
      for (Map.Entry<String, double[]> e : limits.entrySet()) {
        err.println("bench explainers: d = " + d + ", " + e.getKey());
        long n = samplesNeeded(e.getKey(), f, x0, e.getValue());
        boolean first = n == (e.getKey().equals("occlusion") ? d : 64);
        row.add(n < 0 ? "> 2^" + maxLog2 : (first && !e.getKey().equals("occlusion") ? "≤ " : "")
            + n);
        j.put(e.getKey(), n < 0 ? "more than 2^" + maxLog2 : n);
      }
      conv.add(row);
      jsonConv.add(j);
    }
    Map<Integer, List<xcert.explainers.agreement.AgreementRow>> agreement =
        backend instanceof xcert.explainers.backend.CpuBackend ? null
            : DeviceAgreement.run(backend, err::println);
    DeviceComparison.Result dev = device == null ? null : device.run();
    Output o = new Output().put("benchmark", "explainers").put("backend", backend.name())
        .put("cores", Runtime.getRuntime().availableProcessors())
        .put("network", "20 → 64 → 64 → 1 ReLU, weights in {−2, −7/4, …, 2} (seed 20)")
        .put("samples per run", THROUGHPUT_SAMPLES);
    List<String> convHeader = new ArrayList<>(List.of("d"));
    convHeader.addAll(CONVERGENCE_METHODS);
    if (json) {
      o.put("throughput", jsonRows).put("samples_to_1e-2", jsonConv);
      if (agreement != null) {
        DeviceAgreement.put(o, agreement, true);
      }
      if (dev != null) {
        DeviceComparison.put(o, dev, true);
      } else {
        o.put("device_comparison", Map.of("skipped", SKIPPED));
      }
      spec.commandLine().getOut().println(o.toJson());
    } else {
      List<String> header = new ArrayList<>(List.of("method", "batch 1 (baseline)"));
      for (int b : BATCHES) {
        if (b != 1) {
          header.add("batch " + b + " (vs 1)");
        }
      }
      o.put("samples per second", new Output.Rows(header, rows));
      o.put("samples to come within 1e-2 (l2) of the exact limit, seed 1, d → 8 → 1 networks, output / 16",
          new Output.Rows(convHeader, conv));
      spec.commandLine().getOut().print(o.toTable());
      spec.commandLine().getOut().println("\nLimits: lime and glime-binomial against their "
          + "enumerated limits (λ → 0 as n grows, since Ridge(α) is on the sum scale), kernelshap "
          + "against the exact Shapley values of f(x_S, r_{S^c}), smoothgrad, c-lime and glime-gauss "
          + "against the closed-form SmoothGrad (Stein's lemma), integrated-gradients (n Riemann "
          + "midpoints) against exact IG, occlusion against its exact value.");
      Output d = new Output();
      if (agreement != null) {
        DeviceAgreement.put(d, agreement, false);
      }
      if (dev != null) {
        DeviceComparison.put(d, dev, false);
      } else {
        d.put("device table", SKIPPED);
      }
      spec.commandLine().getOut().print("\n" + d.toTable());
    }
    return agreement == null || DeviceAgreement.allWithin(agreement) ? 0 : 1;
  }

  static final String SKIPPED = "skipped: the backend is the CPU (--device-table runs it on the "
      + "CPU alone)";

  /** Hidden width of the convergence networks. */
  static final int WIDTH = 8;

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

  static final List<String> CONVERGENCE_METHODS = List.of("lime", "glime-binomial", "kernelshap",
      "smoothgrad", "c-lime", "glime-gauss", "integrated-gradients", "occlusion");

  private Map<String, double[]> limits(ReluNetwork f, double[] x0, double[] ref) {
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
  private long samplesNeeded(String method, ReluNetwork f, double[] x0, double[] limit) {
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

  private double throughput(String method, ReluNetwork f, double[] x, int batch) {
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

  private static String ratio(double r) {
    return String.format(Locale.ROOT, "%.1fx", r);
  }
}
