package xcert.ledger.seed001;

import java.util.Arrays;
import java.util.List;
import xcert.explainers.api.Attribution;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.lfa.Kernel;
import xcert.explainers.limits.ExactLimits;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;
import xcert.solvers.model.ReluNetwork;

/**
 * Seed 001 Section 4.2, Figure 1b and Figure 9: LIME's explanation depends on the reference r;
 * GLIME-Gauss, -Laplace and -Uniform (z = x + ξ) do not. LIME: the exact limits
 * ({@link ExactLimits#lime}, L2 distance, width σ/√2 with σ = 1, λ = 0, intercept) of a ReLU
 * network at x for three references. GLIME: the sampled explainers run with the same seed and
 * n for the three references. Criterion, fixed here: the LIME limits differ pairwise by at least
 * 1% of the largest ‖w‖₂, and every GLIME variant returns bitwise the same explanation for every r.
 */
public final class ReferenceIndependenceCheck implements ClaimCheck {

  @Override
  public List<String> ids() {
    return List.of("001-§4.2-ref");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    ReluNetwork f = Models.net4();
    double[] x = Models.X4;
    double[][] refs = {{0, 0, 0, 0}, {0.5, 0.5, 0.5, 0.5}, {-1, 1, -1, 1}};
    double[][] lime = new double[refs.length][];
    double scale = 0;
    for (int i = 0; i < refs.length; i++) {
      lime[i] = ExactLimits.lime(f, x, refs[i], 1 / Math.sqrt(2), Kernel.Distance.L2, true, 0)
          .values();
      scale = Math.max(scale, norm(lime[i]));
    }
    double minGap = Double.POSITIVE_INFINITY;
    for (int i = 0; i < refs.length; i++) {
      for (int j = i + 1; j < refs.length; j++) {
        minGap = Math.min(minGap, dist(lime[i], lime[j]));
      }
    }
    boolean limeChanges = minGap >= 0.01 * scale;
    boolean glimeSame = true;
    StringBuilder g = new StringBuilder();
    CpuBackend cpu = new CpuBackend(1);
    for (String m : List.of("glime-gauss", "glime-laplace", "glime-uniform")) {
      double[] first = null;
      for (double[] r : refs) {
        Attribution a = Methods.create(m, MethodSettings.defaults().withSeed(ctx.seed())
            .withSamples(500).withSigma(0.5).withReference(r), 4).explain(f, x, cpu);
        if (first == null) {
          first = a.values();
        } else {
          glimeSame &= Arrays.equals(first, a.values());
        }
      }
      g.append(m).append(" ").append(Arrays.toString(round(first))).append("; ");
    }
    String evidence = "LIME limits: " + Arrays.toString(round(lime[0])) + " (r = 0), "
        + Arrays.toString(round(lime[1])) + " (r = 0.5), " + Arrays.toString(round(lime[2]))
        + " (r = ±1); smallest pairwise distance " + Grid.fmt(minGap) + " vs 1% of "
        + Grid.fmt(scale) + "; GLIME identical for all three r: " + glimeSame + " (" + g + ")";
    return List.of(Finding.measured("001-§4.2-ref", limeChanges && glimeSame, "LIME limits differ "
        + "pairwise by ≥ 1% of the largest ‖w‖; GLIME-Gauss/-Laplace/-Uniform bitwise equal across "
        + "r", "ExactLimits.lime (ReLU 4-3-1, x = " + Arrays.toString(x) + ", σ = 1, λ = 0) at 3 "
        + "references; Methods glime-gauss/-laplace/-uniform, σ = 0.5, n = 500, seed " + ctx.seed(),
        evidence));
  }

  static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  static double dist(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }

  static double[] round(double[] v) {
    double[] o = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      o[i] = Math.round(v[i] * 1e4) / 1e4;
    }
    return o;
  }
}
