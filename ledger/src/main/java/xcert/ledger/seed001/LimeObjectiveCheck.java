package xcert.ledger.seed001;

import java.util.ArrayList;
import java.util.List;
import xcert.explainers.api.Attribution;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.backend.LfaSums;
import xcert.explainers.glime.theory.SampleComplexity;
import xcert.explainers.lfa.Kernel;
import xcert.explainers.lfa.LfaExplainer;
import xcert.explainers.limits.ExactLimits;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;
import xcert.solvers.model.ReluNetwork;

/**
 * Seed 001 Eq. 1 (LIME's objective), Remark 2.1 (λ = α/n) and Eq. 2 (GLIME's objective), against
 * the explainers library:
 *
 * <ul>
 *   <li>Eq. 1: lime_image's kernel with the L2 distance and width σ/√2 is π(z') =
 *       exp(−‖1 − z'‖²/σ²) on every mask, and {@link ExactLimits#lime} (no intercept) equals an
 *       independent enumeration of argmin E_Uni[π(f(z) − vᵀz')²] + λ‖v‖² with z = x⊙z' + r⊙(1−z');
 *   <li>Remark 2.1: the sampled LIME is the solve of its own weighted sums plus α on the sum
 *       (Σπ z zᵀ + αI), and with α = 1 and n = 2^15 it lies nearer the λ = 0 limit than the λ = 1
 *       limit (λ = α/n → 0);
 *   <li>Eq. 2: GLIME-Binomial, -Gauss, -Laplace, -Uniform (π = 1, squared loss, ridge α) return the
 *       minimiser of the sample objective their sums define.
 * </ul>
 * Tolerances: 1e−9 relative (rounding of a 5×5 solve in double).
 */
public final class LimeObjectiveCheck implements ClaimCheck {

  static final double TOL = 1e-9;

  @Override
  public List<String> ids() {
    return List.of("001-Eq1", "001-Rem2.1", "001-Eq2");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    ReluNetwork f = Models.net4();
    double[] x = Models.X4;
    double[] r = {0.25, -0.5, 0, 1};
    int d = 4;
    double sigma = 1;
    List<Finding> out = new ArrayList<>();
    // Eq. 1
    Kernel k = Kernel.lime(sigma / Math.sqrt(2), Kernel.Distance.L2);
    double worstKernel = 0;
    double[] y = new double[1 << d];
    double[] z = new double[d];
    double[] pt = new double[d];
    for (int m = 0; m < 1 << d; m++) {
      for (int i = 0; i < d; i++) {
        z[i] = m >> i & 1;
        pt[i] = z[i] == 1 ? x[i] : r[i];
      }
      y[m] = f.evaluate(pt.clone());
      double want = Math.exp(-(d - Integer.bitCount(m)) / (sigma * sigma));
      worstKernel = Math.max(worstKernel, Math.abs(k.weight(z) / want - 1));
    }
    double worstLimit = 0;
    for (double lambda : new double[] {0, 0.05, 1}) {
      double[] lib = ExactLimits.lime(f, x, r, sigma / Math.sqrt(2), Kernel.Distance.L2, false,
          lambda).values();
      double[] own = SampleComplexity.limit(SampleComplexity.Method.LIME, d, sigma, y, lambda);
      worstLimit = Math.max(worstLimit, ReferenceIndependenceCheck.dist(lib, own)
          / Math.max(1e-300, ReferenceIndependenceCheck.norm(own)));
    }
    out.add(Finding.of("001-Eq1", worstKernel <= TOL && worstLimit <= TOL, "Kernel.lime(σ/√2, "
        + "L2) on all 16 masks; ExactLimits.lime (no intercept, λ ∈ {0, 0.05, 1}) against "
        + "SampleComplexity.limit's own enumeration; ReLU 4-3-1, σ = 1, r = (0.25, −0.5, 0, 1)",
        "largest relative kernel error " + Grid.fmt(worstKernel) + ", largest relative limit "
        + "difference " + Grid.fmt(worstLimit) + " (tolerance " + TOL + ")"));
    // Remark 2.1 and Eq. 2
    CpuBackend cpu = new CpuBackend(1);
    double alpha = 1;
    long n = 1 << 15;
    MethodSettings lime = MethodSettings.defaults().withSeed(ctx.seed()).withSamples(n)
        .withKernelWidth(sigma / Math.sqrt(2)).withDistance("l2").withReference(r)
        .withLambda(alpha);
    double sumsGap = sumsGap("lime", lime, f, x, cpu, alpha, d);
    double[] est = Methods.create("lime", lime, d).explain(f, x, cpu).values();
    double[] lim0 = ExactLimits.lime(f, x, r, sigma / Math.sqrt(2), Kernel.Distance.L2, true, 0)
        .values();
    double[] lim1 = ExactLimits.lime(f, x, r, sigma / Math.sqrt(2), Kernel.Distance.L2, true,
        alpha).values();
    double to0 = ReferenceIndependenceCheck.dist(est, lim0);
    double to1 = ReferenceIndependenceCheck.dist(est, lim1);
    out.add(Finding.measured("001-Rem2.1", sumsGap <= TOL && to0 < to1, "the estimate equals the "
        + "solve of (Σπ z̃z̃ᵀ + α·diag(1,…,1,0))θ = Σπ z̃y to 1e−9, and after n = 2^15 samples it is "
        + "nearer the λ = 0 limit than the λ = α limit", "Methods lime (L2, width σ/√2, σ = 1, "
        + "Ridge α = 1, intercept) via LfaExplainer.sums and explain, n = " + n + ", seed "
        + ctx.seed() + "; ExactLimits.lime at λ = 0 and λ = 1", "sums gap " + Grid.fmt(sumsGap)
        + "; ‖ŵ − w(λ=0)‖ = " + Grid.fmt(to0) + ", ‖ŵ − w(λ=α)‖ = " + Grid.fmt(to1)));
    double worst = 0;
    StringBuilder ev = new StringBuilder();
    for (String m : List.of("glime-binomial", "glime-gauss", "glime-laplace", "glime-uniform")) {
      MethodSettings s = MethodSettings.defaults().withSeed(ctx.seed()).withSamples(2000)
          .withSigma(0.5).withReference(r).withLambda(alpha);
      double g = sumsGap(m, s, f, x, cpu, alpha, d);
      worst = Math.max(worst, g);
      ev.append(m).append(" ").append(Grid.fmt(g)).append("; ");
    }
    out.add(Finding.of("001-Eq2", worst <= TOL, "Methods glime-binomial/-gauss/-laplace/-uniform "
        + "(π = 1, squared loss, Ridge α = 1, σ = 0.5, n = 2000, seed " + ctx.seed() + "): explain "
        + "against the solve of the sample objective from LfaExplainer.sums", "relative gaps: " + ev
        + "tolerance " + TOL));
    return out;
  }

  /** ‖explain − solve(sums + α on the feature diagonal)‖/‖solve‖, intercept included. */
  static double sumsGap(String method, MethodSettings s, ReluNetwork f, double[] x, CpuBackend cpu,
      double alpha, int d) {
    LfaExplainer ex = Methods.create(method, s, d);
    LfaSums sums = ex.sums(f, x, cpu);
    Attribution a = ex.explain(f, x, cpu);
    double[] g = sums.gram();
    int p = sums.moment().length;
    for (int i = 0; i < d; i++) {
      g[i * p + i] += alpha;
    }
    double[] theta = xcert.solvers.linalg.FloatLinearSolver.solve(g, sums.moment(), 0);
    double[] got = new double[p];
    for (int i = 0; i < d; i++) {
      got[i] = a.values()[i];
    }
    if (p > d) {
      got[d] = a.intercept().orElse(Double.NaN);
    }
    return ReferenceIndependenceCheck.dist(got, theta)
        / Math.max(1e-300, ReferenceIndependenceCheck.norm(theta));
  }
}
