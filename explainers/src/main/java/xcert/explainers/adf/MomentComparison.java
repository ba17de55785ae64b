package xcert.explainers.adf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How far assumed density filtering (seed 003 Section 4.3) is from the exact moments, layer by
 * layer: the largest |mean error| and |variance error| over the neurons of each pre-activation
 * (W_l a + b_l) and post-activation (ρ of it) vector, ADF against {@link ExactMoments}.
 *
 * @param rows one per recorded vector, in network order
 */
public record MomentComparison(List<Row> rows) {

  /**
   * @param layer the layer, 1-based
   * @param afterRelu false for the pre-activation W_l a + b_l, true for its ReLU
   * @param maxMeanError max_j |E_adf − E_exact|
   * @param maxVarianceError max_j |V_adf,jj − V_exact,jj|
   */
  public record Row(int layer, boolean afterRelu, double maxMeanError, double maxVarianceError) {}

  public MomentComparison {
    rows = List.copyOf(rows);
  }

  public static MomentComparison compare(AdfPropagation.Trace adf, AdfPropagation.Trace exact) {
    if (adf.pre().size() != exact.pre().size()) {
      throw new IllegalArgumentException("traces of " + adf.pre().size() + " and "
          + exact.pre().size() + " layers");
    }
    List<Row> rows = new ArrayList<>();
    for (int l = 0; l < adf.pre().size(); l++) {
      rows.add(row(l + 1, false, adf.pre().get(l), exact.pre().get(l)));
      if (l < adf.post().size()) {
        rows.add(row(l + 1, true, adf.post().get(l), exact.post().get(l)));
      }
    }
    return new MomentComparison(rows);
  }

  private static Row row(int layer, boolean relu, Moments a, Moments e) {
    double dm = 0;
    double dv = 0;
    for (int j = 0; j < a.dimension(); j++) {
      dm = Math.max(dm, Math.abs(a.mean(j) - e.mean(j)));
      dv = Math.max(dv, Math.abs(a.variance(j) - e.variance(j)));
    }
    return new Row(layer, relu, dm, dv);
  }

  /** The output row (the score). */
  public Row output() {
    return rows.get(rows.size() - 1);
  }

  /** One line per row: "layer 1 pre  mean 0 variance 0". */
  public String describe() {
    StringBuilder b = new StringBuilder();
    for (Row r : rows) {
      b.append(String.format(Locale.ROOT, "layer %d %-4s max|Δmean| %.3e  max|Δvar| %.3e%n",
          r.layer, r.afterRelu ? "relu" : "pre", r.maxMeanError, r.maxVarianceError));
    }
    return b.toString();
  }
}
