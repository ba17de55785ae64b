package xcert.explainers.realdata.tabular;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xcert.explainers.backend.Backend;
import xcert.explainers.limits.ExactLimits;
import xcert.explainers.metrics.Distances;
import xcert.solvers.model.ReluNetwork;

/**
 * How far the sampled explanations that Experiments 2 and 3 use (n = 1000, seed 000 A.4) lie from
 * their exact infinite-sample limits ({@link SeedMethods#LIMITS}): the mean over points of
 * ‖sampled − limit‖₁ / ‖limit‖₁, a measurement (no criterion) that says how much of a perturbation
 * curve is sampling noise. The binary-noise limits enumerate {0,1}^d, so they run where
 * d ≤ {@value ExactLimits#MAX_DIMENSION} (diabetes); Integrated Gradients' exact integral runs on
 * every model.
 *
 * @param set the data set
 * @param model the model kind
 * @param rows the points
 * @param gaps per limit, the mean relative L1 distance of its sampled method
 */
public record SampledVsLimit(TabularSet set, String model, int[] rows, Map<String, Double> gaps) {

  /** Runs on {@code rows} with the seeds the experiments use (seed + point index). */
  public static SampledVsLimit run(TabularSet set, String model, ReluNetwork f, int[] rows,
      long seed, Backend backend) {
    Map<String, Double> gaps = new LinkedHashMap<>();
    for (String limit : limitsFor(f.dimension())) {
      double sum = 0;
      for (int p = 0; p < rows.length; p++) {
        double[] x = set.scaled(rows[p]);
        double[] exact = SeedMethods.explain(limit, f, x, seed + p, backend);
        double[] sampled = SeedMethods.explain(SeedMethods.sampledOf(limit), f, x, seed + p,
            backend);
        double norm = 0;
        for (double v : exact) {
          norm += Math.abs(v);
        }
        sum += Distances.l1(sampled, exact) / Math.max(norm, 1e-300);
      }
      gaps.put(limit, sum / rows.length);
    }
    return new SampledVsLimit(set, model, rows.clone(), gaps);
  }

  /** The limits computable at dimension d: all three up to d = 20, else Integrated Gradients'. */
  public static List<String> limitsFor(int d) {
    return d <= ExactLimits.MAX_DIMENSION ? SeedMethods.LIMITS
        : List.of("integrated-gradients-exact");
  }

  public Map<String, Object> data() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dataset", set.name());
    m.put("model", model);
    m.put("points", rows.length);
    m.put("mean_relative_l1_sampled_to_limit", new LinkedHashMap<>(gaps));
    return m;
  }

  /** The table rows: model, sampled method, limit, mean relative L1. */
  List<List<Object>> tableRows() {
    List<List<Object>> out = new ArrayList<>();
    gaps.forEach((k, v) -> out.add(List.of(set.label() + " " + model, SeedMethods.sampledOf(k)
        + " (n = " + SeedMethods.SAMPLES + ")", k, String.format(java.util.Locale.ROOT, "%.3g",
            v))));
    return out;
  }
}
