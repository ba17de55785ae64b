package xcert.certificates.lp;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * OR-Tools GLOP on the {@link DualLp}, with the dual simplex (with default parameters GLOP scales
 * quadratically on this shape: few rows, very many boxed columns). Floating point: a candidate, not a
 * proof. GLOP's native library ships for linux-x86-64 in this build; elsewhere {@link #available()}
 * is false and callers use {@link OjAlgoSolver}.
 */
public final class GlopSolver {

  private static final boolean AVAILABLE = load();

  private GlopSolver() {}

  private static boolean load() {
    try {
      Loader.loadNativeLibraries();
      return true;
    } catch (Throwable t) {
      return false;
    }
  }

  /** True when the native solver could be loaded on this machine. */
  public static boolean available() {
    return AVAILABLE;
  }

  public static FloatSolution solve(DualLp lp) {
    if (!AVAILABLE) {
      throw new IllegalStateException("OR-Tools natives are not available on this platform");
    }
    long t0 = System.nanoTime();
    MPSolver solver = MPSolver.createSolver("GLOP");
    solver.setSolverSpecificParametersAsString("use_dual_simplex: true");
    MPConstraint[] rows = new MPConstraint[lp.orbits];
    for (int f = 0; f < lp.orbits; f++) {
      rows[f] = solver.makeConstraint(0, 0);
    }
    MPObjective obj = solver.objective();
    MPVariable[] z = new MPVariable[lp.classes];
    for (int o = 0; o < lp.classes; o++) {
      if (lp.weight[o] == 0) {
        continue;
      }
      z[o] = solver.makeNumVar(-1, 1, "");
      obj.setCoefficient(z[o], lp.weight[o] * lp.target[o]);
      for (int f = 0; f < lp.orbits; f++) {
        if (lp.counts[o][f] != 0) {
          rows[f].setCoefficient(z[o], lp.weight[o] * lp.counts[o][f] / lp.orbitSize[f]);
        }
      }
    }
    obj.setMaximization();
    MPSolver.ResultStatus status = solver.solve();
    if (status != MPSolver.ResultStatus.OPTIMAL) {
      throw new IllegalStateException("GLOP ended with status " + status);
    }
    double[] alpha = new double[lp.orbits];
    for (int f = 0; f < lp.orbits; f++) {
      alpha[f] = rows[f].dualValue() / lp.orbitSize[f];
    }
    double[] zs = new double[lp.classes];
    for (int o = 0; o < lp.classes; o++) {
      zs[o] = z[o] == null ? 0 : z[o].solutionValue();
    }
    double objective = obj.value() * lp.scale;
    solver.delete();
    return new FloatSolution(objective, alpha, zs, "OR-Tools GLOP (dual simplex)",
        (System.nanoTime() - t0) / 1e9);
  }
}
