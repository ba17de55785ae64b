package xcert.ledger.seed000;

import java.util.List;
import java.util.SplittableRandom;
import xcert.explainers.api.Attribution;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.explainers.nofreelunch.AdversarialNeighbourhood;
import xcert.explainers.nofreelunch.DistanceToClass;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Circuit;

/**
 * Seed 000 Theorem 3 (Proposition 2, Appendix A.3), made constructive on {0,1}^d: for the
 * explanation g* of each binary method at x0, {@link AdversarialNeighbourhood} builds a neighbourhood
 * Z2 whose maximum squared loss is proved, in rationals, to be at least d(f, G) = min_g max_x
 * (f − g)², certified by {@link DistanceToClass}.
 */
public final class NoFreeLunch implements ClaimCheck {

  @Override
  public List<String> ids() {
    return List.of("000-Thm3");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    String id = "000-Thm3";
    int count = ctx.full() ? 30 : 6;
    long base = ctx.seed() * 1000 + 4200;
    String check = "AdversarialNeighbourhood.construct for " + Methods.BINARY + " on " + count
        + " random circuits (d ≤ 6), seeds " + base + "..; d(f, G) by DistanceToClass";
    int explanations = 0;
    String example = null;
    for (int k = 0; k < count; k++) {
      SplittableRandom rnd = new SplittableRandom(base + k);
      int d = 2 + rnd.nextInt(5);
      Circuit c = RandomInstances.circuit(rnd, d, 1 + rnd.nextInt(10));
      double[] x = RandomInstances.input(rnd, d, true);
      DistanceToClass.Result dist = DistanceToClass.compute(c);
      for (String m : Methods.BINARY) {
        Attribution a = Methods.create(m, MethodSettings.defaults().withSeed(k), d)
            .explain(c, x, new CpuBackend(1));
        AdversarialNeighbourhood.Result r = AdversarialNeighbourhood.construct(c, x, a, dist);
        explanations++;
        if (!r.provedAtLeastDistance()) {
          return List.of(Finding.fails(id, check, m + " on seed " + (base + k) + " (d = " + d
              + "): max loss " + r.maxLoss() + " < d(f, G) = " + dist.distance()));
        }
        if (example == null && dist.distance().signum() > 0) {
          example = m + " at seed " + (base + k) + ": max loss " + r.maxLoss() + " ≥ d(f, G) = "
              + dist.distance();
        }
      }
    }
    return List.of(Finding.holds(id, check, explanations + " explanations, each with a"
        + " neighbourhood of max loss ≥ d(f, G), exactly" + (example == null ? "" : "; e.g. "
        + example)));
  }
}
