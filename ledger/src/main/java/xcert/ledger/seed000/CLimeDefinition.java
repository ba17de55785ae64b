package xcert.ledger.seed000;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import xcert.explainers.backend.CounterStream;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.claims.IdentityChecks;
import xcert.explainers.lfa.Kernel;
import xcert.explainers.lfa.LfaInstance;
import xcert.explainers.lfa.Loss;
import xcert.explainers.lfa.Noises;
import xcert.explainers.lfa.Target;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.ReluNetwork;

/**
 * Seed 000 Appendix A.2.4: C-LIME is LFA with additive Gaussian noise and the squared error, by
 * definition. Checked twice: the instance {@link Methods#instance} builds for "c-lime" has those
 * components (Gaussian, x0 + ξ, no kernel, squared error on the value), and its output equals the
 * ordinary least-squares fit of f(x0 + ξ_k) on (ξ_k, 1) computed here from the replayed samples
 * with this class's own normal equations, to {@link IdentityChecks#FIT_ROUNDING} relative.
 */
public final class CLimeDefinition implements ClaimCheck {

  @Override
  public List<String> ids() {
    return List.of("000-A.2.4");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    String id = "000-A.2.4";
    long base = ctx.seed() * 1000 + 4400;
    int count = ctx.full() ? 10 : 3;
    int n = 400;
    double sigma = 0.5;
    String check = "Methods.instance(\"c-lime\") components; C-LIME (λ = 0, n = " + n
        + ", σ = 1/2) against OLS on its replayed samples; " + count + " ReLU networks, seeds "
        + base + "..";
    LfaInstance inst = Methods.instance("c-lime", MethodSettings.defaults(), 3);
    if (inst.neighbourhood().isBinary() || !inst.combination().describe().equals("x0 + ξ")
        || inst.kernel() != Kernel.NONE || inst.loss() != Loss.SQUARED_ERROR
        || inst.target() != Target.VALUE) {
      return List.of(Finding.fails(id, check, "c-lime is " + inst.describe()));
    }
    double worst = 0;
    for (int k = 0; k < count; k++) {
      long seed = base + k;
      SplittableRandom rnd = new SplittableRandom(seed);
      int d = 2 + rnd.nextInt(4);
      ReluNetwork f = RandomInstances.relu(rnd, d, 2 + rnd.nextInt(4), 1, false);
      double[] x0 = LfaIdentities.point(rnd, d);
      double[] got = Methods.create("c-lime", MethodSettings.defaults().withSigma(sigma)
          .withLambda(0).withSamples(n).withSeed(seed), d).explain(f, x0, new CpuBackend(1))
          .values();
      int p = d + 1;
      double[][] a = new double[p][p + 1];
      CounterStream stream = new CounterStream(seed);
      double[] xi = new double[d];
      double[] z = new double[p];
      double[] x = new double[d];
      double scale = 0;
      for (int s = 0; s < n; s++) {
        Noises.gaussian(sigma).sample(stream, s, xi);
        for (int j = 0; j < d; j++) {
          x[j] = x0[j] + xi[j];
          z[j] = xi[j];
        }
        z[d] = 1;
        double y = f.score(x.clone());
        scale = Math.max(scale, Math.abs(y));
        for (int r = 0; r < p; r++) {
          for (int c = 0; c < p; c++) {
            a[r][c] += z[r] * z[c];
          }
          a[r][p] += z[r] * y;
        }
      }
      double[] ols = solve(a, p);
      for (int j = 0; j < d; j++) {
        double diff = Math.abs(got[j] - ols[j]);
        double tol = IdentityChecks.FIT_ROUNDING * (1 + scale);
        worst = Math.max(worst, diff);
        if (!(diff <= tol)) {
          return List.of(Finding.fails(id, check, String.format(Locale.ROOT, "seed %d feature %d:"
              + " C-LIME %.10g, OLS on its samples %.10g", seed, j + 1, got[j], ols[j])));
        }
      }
    }
    return List.of(Finding.holds(id, check, "components " + inst.describe().replace("\n", "; ") + "; max |C-LIME −"
        + " OLS| = " + String.format(Locale.ROOT, "%.2g", worst) + " (allowance 1e-8·(1 + max|f|))"));
  }

  /** Gaussian elimination with partial pivoting on an augmented p × (p+1) matrix (consumed). */
  static double[] solve(double[][] a, int p) {
    for (int col = 0; col < p; col++) {
      int piv = col;
      for (int r = col + 1; r < p; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
          piv = r;
        }
      }
      double[] t = a[piv];
      a[piv] = a[col];
      a[col] = t;
      for (int r = col + 1; r < p; r++) {
        double fct = a[r][col] / a[col][col];
        for (int c = col; c <= p; c++) {
          a[r][c] -= fct * a[col][c];
        }
      }
    }
    double[] x = new double[p];
    for (int r = p - 1; r >= 0; r--) {
      double s = a[r][p];
      for (int c = r + 1; c < p; c++) {
        s -= a[r][c] * x[c];
      }
      x[r] = s / a[r][r];
    }
    return x;
  }
}
