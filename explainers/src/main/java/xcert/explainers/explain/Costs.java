package xcert.explainers.explain;

import xcert.explainers.lfa.LfaExplainer;
import xcert.explainers.masks.MaskSettings;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.explainers.permutation.PermutationSampling;
import xcert.explainers.rde.DistortionMode;
import xcert.explainers.rde.RdeSettings;
import xcert.solvers.limits.CostEstimate;
import xcert.solvers.limits.SizePolicy;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;

/**
 * The cost of one {@link Explanations#explain} run estimated from its settings and the model's size
 * ({@link SizePolicy#evaluationCost}) before any work (README, "Size and cost policy"): model
 * evaluations × steps per evaluation, plus the fit's (d+1)² system per sample, give the steps; the
 * fit's system, the sample buffers and the relaxations' per-step buffers give the memory. The exact
 * limits are checked by their own table bounds.
 */
final class Costs {

  /**
   * Host steps per drawn sample besides the model (drawing, weighting, accumulating), measured on
   * lime with a 3-input network: 2^31 samples took about 50 minutes, about 1.4 µs each; the
   * relaxed masks take about 1 µs per Gumbel-softmax sample (K = 10^5, T = 1000 on the 3-input
   * examples/net.json: 102 s on 2 cores).
   */
  static final long PER_SAMPLE = 1000;

  private Costs() {}

  /**
   * The estimate of method m on f with settings s; {@code rows} is the number of background rows
   * each coalition is averaged over (1 for a reference point).
   */
  static CostEstimate estimate(ExplainMethod m, Model f, ExplainSettings s, int rows) {
    int d = f.dimension();
    double e = (double) SizePolicy.evaluationCost(f) * Math.max(1, rows);
    String name = m.id();
    if (m == ExplainMethod.PERMUTATION) {
      long n = s.samples() == null ? PermutationSampling.DEFAULT_PERMUTATIONS : s.samples();
      double ops = n * (d + 1.0) * (PER_SAMPLE + e);
      double buffer = 256.0 * d;
      return new CostEstimate(name + " with n = " + n + " orders on d = " + d + " inputs", ops,
          buffer * 4 + 8.0 * d, buffer, "the buffer of drawn orders");
    }
    if (m.kind() == ExplainMethod.Kind.RELAXATION) {
      return m == ExplainMethod.RDE ? rde(f, s, e) : masks(name, d, s, e);
    }
    MethodSettings ms = MethodSettings.defaults();
    if (s.steps() != null) {
      ms = ms.withSteps(s.steps());
    }
    long n = s.samples() != null ? s.samples() : Methods.defaultSamples(name, ms, d);
    double chunk = Math.min(n, LfaExplainer.CHUNK);
    String what = name + " with n = " + n + (name.equals("integrated-gradients") ? " steps"
        : " samples") + " on d = " + d + " inputs";
    if (Methods.GRADIENT.contains(name)) {
      double ops = n * (PER_SAMPLE + 3 * e + d);
      return new CostEstimate(what, ops, 3 * 8 * chunk * d, chunk * d, "a batch of samples");
    }
    double q = d + 1.0;
    double ops = n * (PER_SAMPLE + e + q * q) + q * q * q;
    double bytes = 8 * q * q + 2 * 8 * chunk * d;
    return new CostEstimate(what, ops, bytes, q * q,
        "the " + (d + 1) + "×" + (d + 1) + " system of the fit");
  }

  /** Relaxed masks: T steps of K samples with value and gradient, and the final estimates. */
  private static CostEstimate masks(String name, int d, ExplainSettings s, double e) {
    long t = s.iterations() == null ? MaskSettings.DEFAULT_ITERATIONS : s.iterations();
    long k = s.maskSamples() == null ? MaskSettings.DEFAULT_SAMPLES_PER_STEP : s.maskSamples();
    long ev = MaskSettings.DEFAULT_EVALUATION_SAMPLES;
    double ops = (double) t * k * (PER_SAMPLE + 3 * e + 10.0 * d) + 2.0 * ev * (e + d);
    double rowsAtOnce = Math.max(k, ev);
    return new CostEstimate(name + " with T = " + t + " iterations of K = " + k
        + " mask samples on d = " + d + " inputs", ops, 4 * 8 * rowsAtOnce * d,
        rowsAtOnce * d, "a step's " + (long) rowsAtOnce + "×" + d + " sample matrix");
  }

  /** RDE: T iterations of the distortion D(s) and its gradient, by its mode. */
  private static CostEstimate rde(Model f, ExplainSettings s, double e) {
    RdeSettings def = RdeSettings.defaults();
    int d = f.dimension();
    long t = s.iterations() == null ? def.iterations() : s.iterations();
    DistortionMode mode = s.distortion() == null ? def.mode() : s.distortion();
    double w = d;
    if (f instanceof ReluNetwork n) {
      for (int l = 0; l < n.layerCount(); l++) {
        w = Math.max(w, n.width(l));
      }
    }
    String what = "rde (" + mode.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
        + ") with T = " + t + " iterations on d = " + d + " inputs";
    return switch (mode) {
      case SAMPLES -> {
        long n = s.samples() == null ? def.samples() : s.samples();
        yield new CostEstimate(what + " and n = " + n + " rows of V", (double) t * n * (PER_SAMPLE
            + 3 * e + 3.0 * d), 3 * 8.0 * n * d, (double) n * d, "the " + n + "×" + d + " matrix of rows of V");
      }
      case LOW_RANK -> {
        double r = Math.min(s.rank() == null ? def.rank() : s.rank(), d);
        yield new CostEstimate(what + " and rank r = " + (long) r, 2.0 * t * e * (r + 1),
            3 * 8.0 * w * r, w * r, "a " + (long) w + "×" + (long) r + " covariance factor");
      }
      case FULL -> new CostEstimate(what, 2.0 * t * e * (w + 1), 3 * 8.0 * w * w, w * w,
          "a " + (long) w + "×" + (long) w + " covariance");
      default -> new CostEstimate(what, 2.0 * t * e * 4, 3 * 8.0 * w, w, "a layer's variances");
    };
  }
}
