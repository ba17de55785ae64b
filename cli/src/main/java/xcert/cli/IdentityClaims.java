package xcert.cli;

import xcert.explainers.backend.Backend;
import xcert.solvers.claims.Tally;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.ReluNetwork;

/** The identity and convergence checks of the explainers on one seeded instance. */
final class IdentityClaims {

  private IdentityClaims() {}

  static void run(int k, Circuit c, double[] xc, double[] rc, ReluNetwork net, double[] xn,
      double[] rn, Backend backend, Tally tally) {
    // Filled in when the identity checks land.
  }
}
