package xcert.explainers.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import xcert.explainers.agreement.AgreementCheck;
import xcert.explainers.agreement.AgreementRow;
import xcert.explainers.backend.Backend;
import xcert.explainers.backend.CpuBackend;
import xcert.solvers.report.Report;

/**
 * The agreement part of the explainers benchmark with a backend other than the CPU: every sampled
 * method on the backend against the CPU (float64) on the device table's 64 → W → W → 1 networks at
 * W = 64 and 512, n = {@value #SAMPLES}, seed 1, each difference against the tolerance
 * {@link AgreementCheck} derives (the same check as {@code GpuAgreementTest}).
 */
public final class DeviceAgreement {

  public static final int SAMPLES = 4096;
  public static final int[] WIDTHS = {64, 512};

  private DeviceAgreement() {}

  /** Rows per width, in width order; every row says whether it is within its tolerance. */
  public record Result(Map<Integer, List<AgreementRow>> rows) {

    public Result {
      Map<Integer, List<AgreementRow>> copy = new LinkedHashMap<>();
      rows.forEach((w, l) -> copy.put(w, List.copyOf(l)));
      rows = java.util.Collections.unmodifiableMap(copy);
    }

    /** True when every row of every width is within its tolerance. */
    public boolean allWithin() {
      return rows.values().stream().flatMap(List::stream).allMatch(AgreementRow::within);
    }

    /** What was compared. */
    public String setup() {
      return "agreement with the CPU (float64): every method, seed 1, "
          + DeviceComparison.INPUTS + " → W → W → 1 He networks";
    }

    /** Ordered JSON-ready fields: setup, all_within, rows. */
    public Map<String, Object> data() {
      List<Object> list = new ArrayList<>();
      for (Map.Entry<Integer, List<AgreementRow>> e : rows.entrySet()) {
        for (AgreementRow r : e.getValue()) {
          Map<String, Object> j = new LinkedHashMap<>();
          j.put("width", e.getKey());
          j.put("method", r.method());
          j.put("l2_difference", r.distance());
          j.put("intercept_difference", r.interceptDifference());
          j.put("tolerance", r.tolerance().total());
          j.put("tolerance_rigorous", r.tolerance().rigorous());
          j.put("tolerance_float64", r.tolerance().float64());
          j.put("within", r.within());
          j.put("derivation", r.tolerance().derivation());
          list.add(j);
        }
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("setup", setup());
      m.put("all_within", allWithin());
      m.put("rows", list);
      return m;
    }

    /** The rows for reading, titled with {@link #setup()}. */
    public Report.Table table() {
      List<List<Object>> table = new ArrayList<>();
      for (Map.Entry<Integer, List<AgreementRow>> e : rows.entrySet()) {
        for (AgreementRow r : e.getValue()) {
          table.add(List.of(e.getKey(), r.method(), sci(r.distance()),
              Double.isNaN(r.interceptDifference()) ? "-" : sci(r.interceptDifference()),
              sci(r.tolerance().total()), r.within() ? "within" : "OUTSIDE"));
        }
      }
      return new Report.Table(setup(), List.of("W", "method", "‖Δw‖₂", "|Δb|", "tolerance", ""),
          table, Report.Medium.ALL);
    }
  }

  /** Every method at {@link #WIDTHS} with {@link #SAMPLES} samples. */
  public static Result run(Backend device, Consumer<String> progress) {
    return run(device, WIDTHS, SAMPLES, progress);
  }

  /** The same at other widths and sample counts. */
  public static Result run(Backend device, int[] widths, long samples, Consumer<String> progress) {
    AgreementCheck check = new AgreementCheck(device, CpuBackend.allCores());
    Map<Integer, List<AgreementRow>> out = new LinkedHashMap<>();
    for (int w : widths) {
      progress.accept("agreement with the CPU at W = " + w);
      out.put(w, check.run(DeviceComparison.network(w), DeviceComparison.input(), samples, 1));
    }
    return new Result(out);
  }

  private static String sci(double v) {
    return String.format(Locale.ROOT, "%.2e", v);
  }
}
