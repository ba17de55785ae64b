package xcert.explainers.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import xcert.explainers.backend.Backend;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.report.Report;

/**
 * The device table of the explainers benchmark: one whole explanation of n samples by each of a
 * few methods on 64 → W → W → 1 ReLU networks, timed on the selected backend and on
 * {@link CpuBackend#allCores()} as the baseline in the same run, reported as samples per second, the
 * ratio backend/CPU and, per width and method, the smallest n at which the ratio exceeds 1.
 *
 * <p>The CPU rate for a size n is measured at n_cpu = min(n, 2^j), where 2^j is the first of 2^8,
 * 2^9, … whose run takes at least {@link #CPU_RUN_SECONDS}; runs are shared between the sizes of one
 * width and method. The doubling also stops, with n_cpu marked as capped, where its next run would
 * take the CPU part of the table past {@link #CPU_BUDGET_SECONDS}; once that budget is spent, a width
 * and method not yet measured on the CPU is not measured at all. When the selected backend is the
 * CPU itself there is nothing to compare, and the table shows the CPU alone.
 */
public final class DeviceComparison {

  /** Inputs d of every network. */
  public static final int INPUTS = 64;
  /** Default hidden widths W. */
  public static final List<Integer> WIDTHS = List.of(64, 256, 1024, 4096);
  /** Default explanation sizes, as log2 n. */
  public static final List<Integer> LOG2_SIZES = List.of(10, 14, 17, 20);
  /** Default widths when the table shows the CPU alone. */
  public static final List<Integer> CPU_ALONE_WIDTHS = List.of(64, 256);
  /** Default sizes (log2 n) when the table shows the CPU alone. */
  public static final List<Integer> CPU_ALONE_LOG2_SIZES = List.of(10, 14);
  /** Default methods: forward + gradients, and forward + regression. */
  public static final List<String> METHODS = List.of("smoothgrad", "c-lime");
  public static final int MAX_WIDTH = 8192;
  public static final int MIN_LOG2 = 4;
  public static final int MAX_LOG2 = 22;
  /** The CPU's first timed size is 2^8 (smaller sizes n are timed at n). */
  public static final int CPU_FIRST_LOG2 = 8;
  /** A CPU run at least this long ends the doubling. */
  public static final double CPU_RUN_SECONDS = 1;
  /** The CPU runs of the whole table stay within this, plus at most one run. */
  public static final double CPU_BUDGET_SECONDS = 150;
  /** Seed of x0 and of the weights. */
  public static final long SEED = 64;

  /**
   * One width, method and size: seconds of one explanation of n samples on the backend (NaN where the
   * backend is the CPU alone) and of one of cpuN samples on the CPU (cpuN = 0 where the budget was
   * spent before this width and method). Where an explanation failed (a fit with more unknowns than
   * samples, say) its seconds are NaN and {@code error} says why; otherwise error is null.
   */
  public record Cell(int width, String method, long n, double backendSeconds, long cpuN,
      double cpuSeconds, boolean cpuCapped, String error) {

    public double backendRate() {
      return n / backendSeconds;
    }

    public double cpuRate() {
      return cpuN == 0 ? Double.NaN : cpuN / cpuSeconds;
    }

    public double ratio() {
      return backendRate() / cpuRate();
    }
  }

  /** Per width and method: the smallest n whose ratio exceeds 1, if any, among sizes up to largest. */
  public record Pays(int width, String method, OptionalLong from, long largest) {

    public String text() {
      return from.isPresent() ? "pays from n = " + pow2(from.getAsLong())
          : "does not pay up to " + pow2(largest);
    }
  }

  /** The finished table. */
  public record Result(String backend, String baseline, boolean compared, List<Cell> cells,
      List<Pays> pays, double cpuSeconds, double cpuBudget, boolean capped) {

    public Result {
      cells = List.copyOf(cells);
      pays = List.copyOf(pays);
    }

    /** What the networks and explanations are. */
    public String network() {
      return INPUTS + " → W → W → 1 ReLU networks, He-initialised N(0, 2/fan_in) weights, "
          + "zero biases, x0 ~ N(0, I) (seed " + SEED + "); one explanation of n samples, seed 1, "
          + "method defaults";
    }

    /** How the CPU rate was measured, and whether the budget was reached. */
    public String cpuRule() {
      return String.format(Locale.ROOT, "CPU rate at n_cpu = min(n, the first 2^j, "
          + "j ≥ %d, whose run takes ≥ %.0f s); the CPU runs of the whole table are capped at "
          + "%.0f s (this run: %.1f s%s)", CPU_FIRST_LOG2, CPU_RUN_SECONDS, cpuBudget, cpuSeconds,
          capped ? ", cap reached: * marks an n_cpu whose doubling the cap stopped, "
              + "'not measured' a width and method that came after it" : ", cap not reached");
    }

    /** The table as ordered JSON-ready fields. */
    public Map<String, Object> data() {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("backend", backend);
      j.put("baseline", baseline);
      j.put("compared", compared);
      j.put("network", network());
      j.put("cpu_rule", cpuRule());
      j.put("cpu_budget_s", cpuBudget);
      j.put("cpu_seconds", cpuSeconds);
      j.put("cpu_capped", capped);
      List<Object> rows = new ArrayList<>();
      for (Cell c : cells) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("width", c.width());
        m.put("method", c.method());
        m.put("n", c.n());
        if (compared) {
          m.put("backend_seconds", c.backendSeconds());
          m.put("backend_samples_per_s", c.backendRate());
        }
        m.put("cpu_n", c.cpuN());
        m.put("cpu_seconds", c.cpuSeconds());
        m.put("cpu_samples_per_s", c.cpuRate());
        m.put("cpu_capped", c.cpuCapped());
        if (compared) {
          m.put("ratio", c.ratio());
        }
        if (c.error() != null) {
          m.put("error", c.error());
        }
        rows.add(m);
      }
      j.put("rows", rows);
      if (compared) {
        List<Object> list = new ArrayList<>();
        for (Pays p : pays) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("width", p.width());
          m.put("method", p.method());
          m.put("pays_from_n", p.from().isPresent() ? (Object) p.from().getAsLong() : null);
          m.put("largest_n", p.largest());
          m.put("text", p.text());
          list.add(m);
        }
        j.put("pays_from", list);
      }
      return j;
    }

    /** The table for reading: rates with three digits, n as powers of two. */
    public Report.Table table() {
      List<String> header = new ArrayList<>(List.of("W", "method", "n"));
      if (compared) {
        header.add(backend + " samples/s");
      }
      header.addAll(List.of("CPU samples/s", "n_cpu"));
      if (compared) {
        header.add("ratio");
      }
      boolean notes = cells.stream().anyMatch(c -> c.error() != null);
      if (notes) {
        header.add("note");
      }
      List<List<Object>> rows = new ArrayList<>();
      for (Cell c : cells) {
        List<Object> row = new ArrayList<>(List.of(c.width(), c.method(), pow2(c.n())));
        if (compared) {
          row.add(rate(c.backendRate()));
        }
        if (c.cpuN() == 0) {
          row.addAll(List.of("not measured", "-"));
        } else {
          row.addAll(List.of(rate(c.cpuRate()), pow2(c.cpuN()) + (c.cpuCapped() ? "*" : "")));
        }
        if (compared) {
          row.add(Double.isFinite(c.ratio()) ? String.format(Locale.ROOT, "%.2fx", c.ratio())
              : "-");
        }
        if (notes) {
          // the reason up to its first colon after the backend's name (data() has all of it)
          String e = c.error() == null ? "" : c.error();
          int colon = e.indexOf(':', e.indexOf(": ") + 2);
          row.add(colon > 0 ? e.substring(0, colon) : e);
        }
        rows.add(row);
      }
      String title = compared ? "device comparison: " + backend + " against " + baseline
          + " (ratio = backend/CPU)" : "device table, the CPU alone (" + baseline
          + "; the selected backend is the CPU, so there is nothing to compare)";
      return new Report.Table(title, header, rows, Report.Medium.ALL);
    }

    /** Per width and method, where the backend pays; empty when nothing was compared. */
    public List<Report.Table> paysTables() {
      if (!compared) {
        return List.of();
      }
      List<List<Object>> rows = new ArrayList<>();
      for (Pays p : pays) {
        rows.add(List.of(p.width(), p.method(), p.text()));
      }
      return List.of(new Report.Table("where " + backend + " pays (smallest n with ratio > 1)",
          List.of("W", "method", "pays from"), rows, Report.Medium.ALL));
    }
  }

  private final Backend backend;
  private final boolean compare;
  private final List<Integer> widths;
  private final List<Long> sizes;
  private final List<String> methods;
  private final Consumer<String> progress;
  private final double budget;
  private final CpuBackend cpu = CpuBackend.allCores();
  private double cpuSpent;
  private boolean capped;
  private String failure;

  /**
   * @param backend the selected backend
   * @param compare false when the selected backend is the CPU: the table shows the CPU alone
   * @param widths hidden widths W
   * @param log2Sizes explanation sizes as log2 n, ascending
   * @param methods names from {@link Methods#NAMES}
   * @param progress receives one line per timed run
   */
  public DeviceComparison(Backend backend, boolean compare, List<Integer> widths, List<Integer> log2Sizes,
      List<String> methods, Consumer<String> progress) {
    this(backend, compare, widths, log2Sizes, methods, progress, CPU_BUDGET_SECONDS);
  }

  /** As above, with the CPU runs capped at {@code budget} seconds instead of the default. */
  public DeviceComparison(Backend backend, boolean compare, List<Integer> widths, List<Integer> log2Sizes,
      List<String> methods, Consumer<String> progress, double budget) {
    this.budget = budget;
    this.backend = backend;
    this.compare = compare;
    this.widths = List.copyOf(widths);
    this.sizes = log2Sizes.stream().map(k -> 1L << k).toList();
    this.methods = List.copyOf(methods);
    this.progress = progress;
  }

  public Result run() {
    // JIT and device start-up: every method once on each backend, n = 2^10, W ≤ 64
    ReluNetwork warmNet = network(Math.min(64, widths.stream().min(Integer::compare).orElseThrow()));
    double[] x0 = input();
    for (Backend b : compare ? List.of(backend, cpu) : List.<Backend>of(cpu)) {
      progress.accept("device table: warming up " + b.name());
      for (String m : methods) {
        seconds(m, warmNet, x0, 1 << 10, b);
      }
    }
    List<Cell> cells = new ArrayList<>();
    List<Pays> pays = new ArrayList<>();
    for (int w : widths) {
      ReluNetwork net = network(w);
      for (String m : methods) {
        TreeMap<Long, Double> cpuRuns = new TreeMap<>();
        Map<Long, String> cpuErrors = new LinkedHashMap<>();
        List<Cell> row = new ArrayList<>();
        for (long n : sizes) {
          double tb = Double.NaN;
          String error = null;
          if (compare) {
            progress.accept("device table: W = " + w + ", " + m + ", n = " + pow2(n) + " on "
                + backend.name());
            tb = seconds(m, net, x0, n, backend);
            error = Double.isNaN(tb) ? backend.name() + ": " + failure : null;
          }
          Cell c = cpuCell(w, m, n, net, x0, cpuRuns, cpuErrors, tb);
          if (error != null) {
            c = new Cell(w, m, n, tb, c.cpuN(), c.cpuSeconds(), c.cpuCapped(),
                c.error() == null ? error : c.error());
          }
          row.add(c);
        }
        cells.addAll(row);
        if (compare) {
          long[] ns = row.stream().mapToLong(Cell::n).toArray();
          double[] ratios = row.stream().mapToDouble(Cell::ratio).toArray();
          pays.add(new Pays(w, m, paysFrom(ns, ratios), ns[ns.length - 1]));
        }
      }
    }
    return new Result(compare ? backend.name() : cpu.name(), cpu.name(), compare, cells, pays,
        cpuSpent, budget, capped);
  }

  /** The CPU's measurement for size n, doubling from 2^8 (runs kept in {@code runs}). */
  private Cell cpuCell(int w, String m, long n, ReluNetwork net, double[] x0,
      TreeMap<Long, Double> runs, Map<Long, String> errors, double backendSeconds) {
    long size = Math.min(n, 1L << CPU_FIRST_LOG2);
    while (true) {
      Double t = runs.get(size);
      if (t == null) {
        if (runs.isEmpty() && cpuSpent >= budget) {
          capped = true;
          return new Cell(w, m, n, backendSeconds, 0, Double.NaN, true, null);
        }
        progress.accept("device table: W = " + w + ", " + m + ", n = " + pow2(size) + " on "
            + cpu.name());
        t = seconds(m, net, x0, size, cpu);
        if (Double.isNaN(t)) {
          errors.put(size, cpu.name() + ": " + failure);
        } else {
          cpuSpent += t;
        }
        runs.put(size, t);
      }
      if (Double.isNaN(t)) {
        return new Cell(w, m, n, backendSeconds, size, t, false, errors.get(size));
      }
      if (size >= n || t >= CPU_RUN_SECONDS) {
        return new Cell(w, m, n, backendSeconds, size, t, false, null);
      }
      if (cpuSpent + 2 * t > budget) {
        capped = true;
        return new Cell(w, m, n, backendSeconds, size, t, true, null);
      }
      size *= 2;
    }
  }

  /**
   * Seconds of one whole explanation of n samples of {@code method} at x0 on {@code b}; NaN, with
   * the reason in {@link #failure}, where the explanation cannot be computed (its least-squares fit
   * is singular, as for an unpenalised fit with fewer samples than unknowns).
   */
  private double seconds(String method, ReluNetwork net, double[] x0, long n, Backend b) {
    MethodSettings s = MethodSettings.defaults().withSeed(1).withSamples(n);
    long t0 = System.nanoTime();
    try {
      Methods.create(method, s, net.dimension()).explain(net, x0, b);
    } catch (IllegalStateException e) {
      failure = e.getMessage();
      return Double.NaN;
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** The smallest n whose ratio exceeds 1 (sizes ascending; NaN ratios never do). */
  public static OptionalLong paysFrom(long[] ns, double[] ratios) {
    for (int i = 0; i < ns.length; i++) {
      if (ratios[i] > 1) {
        return OptionalLong.of(ns[i]);
      }
    }
    return OptionalLong.empty();
  }

  /** x0: d standard normal values, the first draws of the seed. */
  public static double[] input() {
    SplittableRandom rnd = new SplittableRandom(SEED);
    double[] x = new double[INPUTS];
    for (int i = 0; i < INPUTS; i++) {
      x[i] = rnd.nextGaussian();
    }
    return x;
  }

  /**
   * The 64 → W → W → 1 network: after x0's draws from the same seed, He-initialised weights
   * N(0, 2/fan_in) layer by layer, zero biases, a score (no threshold).
   */
  public static ReluNetwork network(int width) {
    SplittableRandom rnd = new SplittableRandom(SEED);
    for (int i = 0; i < INPUTS; i++) {
      rnd.nextGaussian();
    }
    int[] size = {INPUTS, width, width, 1};
    double[][][] w = new double[3][][];
    double[][] b = new double[3][];
    for (int l = 0; l < 3; l++) {
      double sd = Math.sqrt(2.0 / size[l]);
      w[l] = new double[size[l + 1]][size[l]];
      b[l] = new double[size[l + 1]];
      for (double[] unit : w[l]) {
        for (int i = 0; i < unit.length; i++) {
          unit[i] = sd * rnd.nextGaussian();
        }
      }
    }
    return new ReluNetwork(w, b, OptionalDouble.empty());
  }

  /** 2^k for a power of two, else the number. */
  public static String pow2(long n) {
    return Long.bitCount(n) == 1 ? "2^" + Long.numberOfTrailingZeros(n) : Long.toString(n);
  }

  private static String rate(double r) {
    return Double.isFinite(r) ? String.format(Locale.ROOT, "%.3g/s", r) : "-";
  }
}
