package xcert.cli;

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

/**
 * The agreement part of {@code xcert bench explainers} with a backend other than the CPU: every
 * sampled method on the backend against the CPU (float64) on the device table's 64 → W → W → 1
 * networks at W = 64 and 512, n = {@value #SAMPLES}, seed 1, each difference against the tolerance
 * {@link AgreementCheck} derives (the same check as {@code GpuAgreementTest}).
 */
final class DeviceAgreement {

  static final int SAMPLES = 4096;
  static final int[] WIDTHS = {64, 512};

  private DeviceAgreement() {}

  /** Rows per width; every row says whether it is within its tolerance. */
  static Map<Integer, List<AgreementRow>> run(Backend device, Consumer<String> progress) {
    return run(device, WIDTHS, SAMPLES, progress);
  }

  /** The same at other widths and sample counts. */
  static Map<Integer, List<AgreementRow>> run(Backend device, int[] widths, long samples,
      Consumer<String> progress) {
    AgreementCheck check = new AgreementCheck(device, CpuBackend.allCores());
    Map<Integer, List<AgreementRow>> out = new LinkedHashMap<>();
    for (int w : widths) {
      progress.accept("bench explainers: agreement with the CPU at W = " + w);
      out.put(w, check.run(DeviceComparison.network(w), DeviceComparison.input(), samples, 1));
    }
    return out;
  }

  /** True when every row of every width is within its tolerance. */
  static boolean allWithin(Map<Integer, List<AgreementRow>> rows) {
    return rows.values().stream().flatMap(List::stream).allMatch(AgreementRow::within);
  }

  static void put(Output o, Map<Integer, List<AgreementRow>> rows, boolean json) {
    String what = "agreement with the CPU (float64): every method, seed 1, "
        + DeviceComparison.INPUTS + " → W → W → 1 He networks";
    if (json) {
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
      o.put("agreement", Map.of("setup", what, "all_within", allWithin(rows), "rows", list));
      return;
    }
    List<List<Object>> table = new ArrayList<>();
    for (Map.Entry<Integer, List<AgreementRow>> e : rows.entrySet()) {
      for (AgreementRow r : e.getValue()) {
        table.add(List.of(e.getKey(), r.method(), sci(r.distance()),
            Double.isNaN(r.interceptDifference()) ? "-" : sci(r.interceptDifference()),
            sci(r.tolerance().total()), r.within() ? "within" : "OUTSIDE"));
      }
    }
    o.put(what, new Output.Rows(List.of("W", "method", "‖Δw‖₂", "|Δb|", "tolerance", ""), table));
    o.put("all within", allWithin(rows) ? "yes" : "NO");
  }

  private static String sci(double v) {
    return String.format(Locale.ROOT, "%.2e", v);
  }
}
