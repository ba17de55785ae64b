package xcert.cli;

import java.util.SplittableRandom;
import xcert.explainers.backend.Backend;
import xcert.explainers.claims.IdentityChecks;
import xcert.solvers.claims.Tally;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.ReluNetwork;

/**
 * The identity and convergence checks of {@link IdentityChecks} (seed 000 Theorems 1–2, A.2,
 * Remark 1; seed 001 B.2) on one seeded instance. Statistical checks use failure probability
 * δ = 1e-6 (C-LIME: 1e-3), with the tolerance derived in each check.
 */
final class IdentityClaims {

  private IdentityClaims() {}

  static void run(int k, Circuit c, double[] xc, double[] rc, ReluNetwork net, double[] xn,
      double[] rn, Backend backend, Tally tally) {
    long seed = 4000 + k;
    String ci = "circuit seed " + seed + " (d = " + c.dimension() + ")";
    String ni = "network seed " + seed + " (d = " + net.dimension() + ")";
    ExplainerClaims.add(tally, IdentityChecks.smoothGradSameSamples(net, xn, seed, 500, 0.5), ni);
    ExplainerClaims.add(tally, IdentityChecks.occlusion(c, xc, seed, c.dimension(), rc), ci);
    ExplainerClaims.add(tally, IdentityChecks.occlusion(net, xn, seed, net.dimension(), rn), ni);
    ExplainerClaims.add(tally, IdentityChecks.gradientLimitsExact(net, xn, seed), ni);
    ExplainerClaims.add(tally, IdentityChecks.smoothGradToVanilla(net, xn, seed, 500, 1e-3, 1e-6),
        ni);
    ExplainerClaims.add(tally,
        IdentityChecks.integratedToGradientTimesInput(net, xn, seed, 500, 0.999, 1e-6), ni);
    SplittableRandom rnd = new SplittableRandom(seed * 31 + 7);
    int dl = net.dimension();
    ReluNetwork linear = RandomInstances.relu(rnd, dl, 1, 0, false);
    ExplainerClaims.add(tally, IdentityChecks.linearRecovery(linear, ExplainerClaims.point(rnd,
        dl), seed, 2000), "linear network seed " + seed + " (d = " + dl + ")");
    int ds = 2 + rnd.nextInt(3);
    Circuit small = RandomInstances.circuit(rnd, ds, 1 + rnd.nextInt(8));
    double[] xs = RandomInstances.input(rnd, ds, true);
    double[] rs = RandomInstances.input(rnd, ds, true);
    String si = "circuit seed " + seed + "' (d = " + ds + ")";
    long nShap = Math.min(IdentityChecks.kernelShapSamples(ds, 1e-6), 200_000);
    ExplainerClaims.add(tally, IdentityChecks.kernelShap(small, xs, seed, nShap, rs, 1e-6), si);
    ExplainerClaims.add(tally, IdentityChecks.limeAndGlimeConverge(small, xs, seed, 50_000, rs,
        2, 1e-6), si);
    if (k % 4 == 0) {
      // The Chebyshev tolerance needs about 2^20 samples to be finite at δ = 1e-3.
      ReluNetwork shallow = RandomInstances.relu(rnd, dl, 2 + rnd.nextInt(4), 1, false);
      ExplainerClaims.add(tally, IdentityChecks.cLimeToSmoothGrad(shallow, xn, seed, 1 << 20,
          0.5, 1e-3), ni);
    }
  }
}
