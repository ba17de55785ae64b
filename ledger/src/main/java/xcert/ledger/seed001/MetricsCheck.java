package xcert.ledger.seed001;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import xcert.explainers.api.Attribution;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.explainers.metrics.Ball;
import xcert.explainers.metrics.Distances;
import xcert.explainers.metrics.LocalFidelity;
import xcert.explainers.metrics.Ranking;
import xcert.explainers.metrics.TopKJaccard;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;
import xcert.solvers.model.ReluNetwork;

/**
 * Seed 001 Section 5's metrics against independent implementations written here:
 *
 * <ul>
 *   <li>stability: the mean over the 45 pairs of 10 explanations of JI(A, B) = |A ∩ B|/|A ∪ B| of
 *       the top-K sets ("the indices of the K largest values": {@link Ranking#SIGNED}), on seeded
 *       random explanations and on GLIME-Gauss explanations from 10 seeds;
 *   <li>local fidelity 1/(1 + (1/m)Σ(f(z_i) − ŵᵀz'_i)²) with z_i uniform in B_x(ε) and z'_i = z_i − x
 *       ({@link LocalFidelity#measure} — which adds the explanation's intercept to ŵᵀz'), recomputed
 *       on the same points ({@link Ball#sample}, same seed);
 *   <li>R² = 1 − Σ(f − g)²/Σ(f − f̄)² ({@link Distances#rSquared}) recomputed on the same points.
 * </ul>
 * Tolerance 1e−12 (the same arithmetic in another order).
 */
public final class MetricsCheck implements ClaimCheck {

  @Override
  public List<String> ids() {
    return List.of("001-§5-JI", "001-§5-LF", "001-§5-R2");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    SplittableRandom rng = new SplittableRandom(ctx.seed() ^ 0x515L);
    double worstJ = 0;
    int trials = 50;
    for (int t = 0; t < trials; t++) {
      int d = 4 + rng.nextInt(12);
      int k = 1 + rng.nextInt(d);
      List<double[]> ex = new ArrayList<>();
      for (int s = 0; s < 10; s++) {
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {
          w[i] = rng.nextInt(7) - 3 + rng.nextDouble() * 1e-3 * i;
        }
        ex.add(w);
      }
      worstJ = Math.max(worstJ, Math.abs(TopKJaccard.meanPairwise(ex, k, Ranking.SIGNED)
          - meanJaccard(ex, k)));
    }
    ReluNetwork f = Models.net4();
    CpuBackend cpu = new CpuBackend(1);
    List<double[]> glime = new ArrayList<>();
    for (int s = 0; s < 10; s++) {
      glime.add(Methods.create("glime-gauss", MethodSettings.defaults().withSeed(ctx.seed() + s)
          .withSamples(200).withSigma(0.5), 4).explain(f, Models.X4, cpu).values());
    }
    double libJ = TopKJaccard.meanPairwise(glime, 2, Ranking.SIGNED);
    double ownJ = meanJaccard(glime, 2);
    worstJ = Math.max(worstJ, Math.abs(libJ - ownJ));
    List<Finding> out = new ArrayList<>();
    out.add(Finding.of("001-§5-JI", worstJ <= 1e-12, "TopKJaccard.meanPairwise (SIGNED) against "
        + "an independent top-K/Jaccard over 45 pairs, " + trials + " random cases (seed "
        + ctx.seed() + ") and 10 GLIME-Gauss explanations (n = 200, K = 2)", "largest difference "
        + worstJ + "; GLIME-Gauss top-2 stability " + Grid.fmt(libJ) + ". The library's default "
        + "ranking is by |w_i| (MAGNITUDE); the seed's 'largest values' is SIGNED"));
    Attribution a = Methods.create("glime-gauss", MethodSettings.defaults().withSeed(ctx.seed())
        .withSamples(2000).withSigma(0.5), 4).explain(f, Models.X4, cpu);
    double worstF = 0;
    double worstR = 0;
    StringBuilder ev = new StringBuilder();
    for (Ball ball : Ball.values()) {
      for (double eps : new double[] {0.1, 0.5, 1}) {
        int m = 500;
        long seed = ctx.seed() + 7;
        LocalFidelity.Result r = LocalFidelity.measure(f, Models.X4, a, ball, eps, m, seed, cpu);
        double[] rows = ball.sample(Models.X4, eps, m, seed);
        double[] fz = new double[m];
        double[] gz = new double[m];
        double sse = 0;
        for (int i = 0; i < m; i++) {
          double[] z = Arrays.copyOfRange(rows, i * 4, i * 4 + 4);
          fz[i] = f.evaluate(z.clone());
          double g = a.intercept().orElse(0);
          for (int j = 0; j < 4; j++) {
            g += a.values()[j] * (z[j] - Models.X4[j]);
          }
          gz[i] = g;
          sse += (fz[i] - g) * (fz[i] - g);
        }
        double fid = 1 / (1 + sse / m);
        double mean = Arrays.stream(fz).average().orElse(0);
        double tot = 0;
        for (double v : fz) {
          tot += (v - mean) * (v - mean);
        }
        double r2 = 1 - sse / tot;
        worstF = Math.max(worstF, Math.abs(fid - r.fidelity()));
        worstR = Math.max(worstR, Math.abs(r2 - r.rSquared()));
        if (eps == 0.5) {
          ev.append(ball.label()).append(" ε=0.5: fidelity ").append(Grid.fmt(fid))
              .append(", R² ").append(Grid.fmt(r2)).append("; ");
        }
      }
    }
    String chk = "LocalFidelity.measure on GLIME-Gauss (σ = 0.5, n = 2000) of ReLU 4-3-1, balls "
        + "l1/l2/linf, ε ∈ {0.1, 0.5, 1}, m = 500, seed " + (ctx.seed() + 7)
        + ", against a recomputation on the same Ball.sample points";
    out.add(Finding.underReading("001-§5-LF", "with the explanation's intercept b added: "
        + "xcert scores g(z) = b + ŵᵀ(z − x); the seed writes ŵᵀz'", chk, "largest difference "
        + worstF + (worstF <= 1e-12 ? " ≤ 1e−12; " : " > 1e−12 (FAILS); ") + ev));
    if (worstF > 1e-12) {
      out.set(1, Finding.fails("001-§5-LF", chk, "largest difference " + worstF));
    }
    out.add(Finding.of("001-§5-R2", worstR <= 1e-12, chk + "; R² = 1 − SSE/SST", "largest "
        + "difference " + worstR + "; " + ev));
    return out;
  }

  /** Independent: mean over pairs of |A∩B|/|A∪B| of the indices of the K largest values. */
  static double meanJaccard(List<double[]> ex, int k) {
    List<java.util.Set<Integer>> sets = new ArrayList<>();
    for (double[] w : ex) {
      Integer[] idx = new Integer[w.length];
      for (int i = 0; i < w.length; i++) {
        idx[i] = i;
      }
      Arrays.sort(idx, (p, q) -> w[p] != w[q] ? Double.compare(w[q], w[p]) : Integer.compare(p, q));
      java.util.Set<Integer> s = new java.util.HashSet<>(Arrays.asList(idx).subList(0, k));
      sets.add(s);
    }
    double sum = 0;
    int pairs = 0;
    for (int i = 0; i < sets.size(); i++) {
      for (int j = i + 1; j < sets.size(); j++) {
        java.util.Set<Integer> inter = new java.util.HashSet<>(sets.get(i));
        inter.retainAll(sets.get(j));
        java.util.Set<Integer> union = new java.util.HashSet<>(sets.get(i));
        union.addAll(sets.get(j));
        sum += (double) inter.size() / union.size();
        pairs++;
      }
    }
    return sum / pairs;
  }
}
