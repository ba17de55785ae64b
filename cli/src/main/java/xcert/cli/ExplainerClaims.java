package xcert.cli;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import xcert.explainers.backend.Backend;
import xcert.explainers.claims.LimitChecks;
import xcert.solvers.claims.Tally;
import xcert.solvers.claims.Verdict;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.ReluNetwork;

/**
 * Loops the explainer property checks ({@link LimitChecks} and the identity checks) over seeded
 * instances for the report: circuits with d ≤ 10 and ReLU networks with d ≤ 8, seeds 4000 + k.
 */
final class ExplainerClaims {

  private ExplainerClaims() {}

  static void run(int perClaim, Backend backend, Tally tally, Consumer<String> progress) {
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
      IdentityClaims.run(k, c, xc, rc, net, xn, rn, backend, tally);
    }
  }

  static void add(Tally tally, Verdict v, String instance) {
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
