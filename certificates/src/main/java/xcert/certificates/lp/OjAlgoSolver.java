package xcert.certificates.lp;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * ojAlgo's pure-Java LP on the {@link DualLp}: an independent check of optimum values. Its
 * multipliers are not used (they were found out of row order and wrong on a small LP), so
 * {@link FloatSolution#alpha()} is left empty and z is read from the primal solution only.
 */
public final class OjAlgoSolver {

  private OjAlgoSolver() {}

  public static FloatSolution solve(DualLp lp) {
    long t0 = System.nanoTime();
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Variable[] z = new Variable[lp.classes];
    Expression[] rows = new Expression[lp.orbits];
    for (int f = 0; f < lp.orbits; f++) {
      rows[f] = model.addExpression("orbit" + f).level(0);
    }
    for (int o = 0; o < lp.classes; o++) {
      if (lp.weight[o] == 0) {
        continue;
      }
      z[o] = model.addVariable("z" + o).lower(-1).upper(1).weight(lp.weight[o] * lp.target[o]);
      for (int f = 0; f < lp.orbits; f++) {
        if (lp.counts[o][f] != 0) {
          rows[f].set(z[o], lp.weight[o] * lp.counts[o][f] / lp.orbitSize[f]);
        }
      }
    }
    Optimisation.Result r = model.maximise();
    if (!r.getState().isOptimal()) {
      throw new IllegalStateException("ojAlgo ended in state " + r.getState());
    }
    double[] zs = new double[lp.classes];
    for (int o = 0; o < lp.classes; o++) {
      zs[o] = z[o] == null ? 0 : z[o].getValue().doubleValue();
    }
    return new FloatSolution(r.getValue() * lp.scale, new double[0], zs, "ojAlgo LP",
        (System.nanoTime() - t0) / 1e9);
  }
}
