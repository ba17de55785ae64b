package xcert.explainers.studies;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import xcert.explainers.api.Attribution;
import xcert.explainers.backend.Backend;
import xcert.explainers.claims.IdentityChecks;
import xcert.explainers.claims.LimitChecks;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.explainers.nofreelunch.AdversarialNeighbourhood;
import xcert.explainers.nofreelunch.DistanceToClass;
import xcert.solvers.claims.Tally;
import xcert.solvers.claims.Verdict;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.ReluNetwork;

/**
 * Loops the explainer property checks over seeded instances: the exact-limit checks of
 * {@link LimitChecks} (seed 000 Theorems 1–2, seed 001 GLIME), the identity and convergence checks of
 * {@link IdentityChecks} (seed 000 Theorems 1–2, A.2, Remark 1; seed 001 B.2) on circuits with
 * d ≤ 10 and ReLU networks with d ≤ 8, seeds 4000 + k, and the no free lunch theorem made
 * constructive (seed 000 Theorem 3) on circuits, seeds 4200 + k. Statistical checks use failure
 * probability δ = 1e-6 (C-LIME: 1e-3), with the tolerance derived in each check.
 */
final class ExplainerChecks {

  private ExplainerChecks() {}

  static void limitsAndIdentities(int perClaim, Backend backend, Tally tally,
      Consumer<String> progress) {
    progress.accept("explainers: exact-limit properties on " + perClaim + " instances each");
    for (int k = 0; k < perClaim; k++) {
      SplittableRandom rnd = new SplittableRandom(4000 + k);
      int dc = 2 + rnd.nextInt(9);
      Circuit c = RandomInstances.circuit(rnd, dc, 1 + rnd.nextInt(15));
      double[] xc = RandomInstances.input(rnd, dc, true);
      double[] rc = RandomInstances.input(rnd, dc, true);
      int dn = 2 + rnd.nextInt(7);
      ReluNetwork net = RandomInstances.relu(rnd, dn, 2 + rnd.nextInt(5), 1 + rnd.nextInt(2),
          false);
      ReluNetwork shallow = RandomInstances.relu(rnd, dn, 2 + rnd.nextInt(5), 1, false);
      double[] xn = point(rnd, dn);
      double[] rn = point(rnd, dn);
      String ci = "circuit seed " + (4000 + k) + " (d = " + dc + ")";
      String ni = "network seed " + (4000 + k) + " (d = " + dn + ")";
      add(tally, LimitChecks.kernelShapEqualsShapley(c, xc, rc), ci);
      add(tally, LimitChecks.kernelShapEqualsShapley(net, xn, rn), ni);
      double width = new double[] {0.25, 0.5, 1, 2}[k % 4];
      add(tally, LimitChecks.limeEqualsGlimeBinomial(c, xc, rc, width, true, 0, 1e-9), ci);
      add(tally, LimitChecks.limeEqualsGlimeBinomial(net, xn, rn, width, k % 2 == 0, 0, 1e-9), ni);
      add(tally, LimitChecks.occlusionEqualsLfa(c, xc, rc, 1e-12), ci);
      add(tally, LimitChecks.occlusionEqualsLfa(net, xn, rn, 1e-12), ni);
      add(tally, LimitChecks.igCompleteness(net, xn, rn), ni);
      add(tally, LimitChecks.igMatchesRiemann(net, xn, rn, 16), ni);
      add(tally, LimitChecks.smoothGradClosedFormMatchesSampled(shallow, xn, 0.5, 4000, 4000 + k),
          ni);
      identities(k, c, xc, rc, net, xn, rn, tally);
    }
  }

  /** The identity and convergence checks of {@link IdentityChecks} on one seeded instance. */
  private static void identities(int k, Circuit c, double[] xc, double[] rc, ReluNetwork net,
      double[] xn, double[] rn, Tally tally) {
    long seed = 4000 + k;
    String ci = "circuit seed " + seed + " (d = " + c.dimension() + ")";
    String ni = "network seed " + seed + " (d = " + net.dimension() + ")";
    add(tally, IdentityChecks.smoothGradSameSamples(net, xn, seed, 500, 0.5), ni);
    add(tally, IdentityChecks.occlusion(c, xc, seed, c.dimension(), rc), ci);
    add(tally, IdentityChecks.occlusion(net, xn, seed, net.dimension(), rn), ni);
    add(tally, IdentityChecks.gradientLimitsExact(net, xn, seed), ni);
    add(tally, IdentityChecks.smoothGradToVanilla(net, xn, seed, 500, 1e-3, 1e-6), ni);
    add(tally, IdentityChecks.integratedToGradientTimesInput(net, xn, seed, 500, 0.999, 1e-6), ni);
    SplittableRandom rnd = new SplittableRandom(seed * 31 + 7);
    int dl = net.dimension();
    ReluNetwork linear = RandomInstances.relu(rnd, dl, 1, 0, false);
    add(tally, IdentityChecks.linearRecovery(linear, point(rnd, dl), seed, 2000),
        "linear network seed " + seed + " (d = " + dl + ")");
    int ds = 2 + rnd.nextInt(3);
    Circuit small = RandomInstances.circuit(rnd, ds, 1 + rnd.nextInt(8));
    double[] xs = RandomInstances.input(rnd, ds, true);
    double[] rs = RandomInstances.input(rnd, ds, true);
    String si = "circuit seed " + seed + "' (d = " + ds + ")";
    long nShap = Math.min(IdentityChecks.kernelShapSamples(ds, 1e-6), 200_000);
    add(tally, IdentityChecks.kernelShap(small, xs, seed, nShap, rs, 1e-6), si);
    add(tally, IdentityChecks.limeAndGlimeConverge(small, xs, seed, 50_000, rs, 2, 1e-6), si);
    if (k % 4 == 0) {
      // The Chebyshev tolerance needs about 2^20 samples to be finite at δ = 1e-3.
      ReluNetwork shallow = RandomInstances.relu(rnd, dl, 2 + rnd.nextInt(4), 1, false);
      add(tally, IdentityChecks.cLimeToSmoothGrad(shallow, xn, seed, 1 << 20, 0.5, 1e-3), ni);
    }
  }

  static final String NFL = "no free lunch (seed 000 Theorem 3): for every explanation "
      + "some neighbourhood has loss ≥ d(f, G), exactly";

  /** Seed 000 Theorem 3 made constructive on {0,1}^d: the adversarial neighbourhood of each explanation. */
  static void noFreeLunch(int count, Backend backend, Tally tally, Consumer<String> progress) {
    progress.accept("explainers: no free lunch on " + count + " circuits");
    for (int k = 0; k < count; k++) {
      SplittableRandom rnd = new SplittableRandom(4200 + k);
      int d = 2 + rnd.nextInt(7);
      Circuit c = RandomInstances.circuit(rnd, d, 1 + rnd.nextInt(12));
      double[] x = RandomInstances.input(rnd, d, true);
      DistanceToClass.Result dist = DistanceToClass.compute(c);
      for (String m : Methods.BINARY) {
        if (m.equals("kernelshap") && d < 2) {
          continue;
        }
        Attribution a = Methods.create(m, MethodSettings.defaults().withSeed(k), d)
            .explain(c, x, backend);
        AdversarialNeighbourhood.Result r = AdversarialNeighbourhood.construct(c, x, a, dist);
        String what = m + " on circuit seed " + (4200 + k) + " (d = " + d + ")";
        tally.add(r.provedAtLeastDistance()
            ? Verdict.holds(NFL, "max loss " + r.maxLoss() + " ≥ d(f,G) " + dist.distance())
            : Verdict.fails(NFL, what + ": max loss " + r.maxLoss() + " < " + dist.distance()),
            "", what);
      }
    }
  }

  private static void add(Tally tally, Verdict v, String instance) {
    tally.add(v, "", instance);
  }

  /** A point with coordinates in {−2, −7/4, …, 2} (exact in binary). */
  static double[] point(SplittableRandom rnd, int d) {
    double[] x = new double[d];
    for (int i = 0; i < d; i++) {
      x[i] = (rnd.nextInt(17) - 8) / 4.0;
    }
    return x;
  }
}
