package xcert.explainers.agreement;

import xcert.explainers.lfa.Kernel;
import xcert.explainers.lfa.LfaInstance;
import xcert.explainers.lfa.Loss;
import xcert.explainers.lfa.ModelClass;
import xcert.explainers.lfa.Target;

/**
 * The tolerances of {@link AgreementCheck} from the recorded float32 bounds and the CPU run's normal
 * equations; the derivations are in {@link AgreementCheck}'s class comment.
 */
final class AgreementTolerance {

  /** The constant of the stated-order float64 term for squared-error fits. */
  static final double C = 8;

  /** 2^-52, the float64 machine epsilon. */
  static final double EPS = 0x1p-52;

  private AgreementTolerance() {}

  /**
   * A squared-error fit.
   *
   * @param delta δ, the largest value bound over the rows the CPU run evaluated
   * @param d the number of features
   * @param n the number of samples
   * @param norm ‖(w_cpu, b_cpu)‖₂
   */
  static Tolerance squaredError(LfaInstance inst, FitSpectrum sp, double delta, int d, long n,
      double norm) {
    if (inst.loss() != Loss.SQUARED_ERROR) {
      throw new IllegalArgumentException(inst.name() + " does not fit by squared error");
    }
    ModelClass g = inst.modelClass();
    double factor = g.efficiency() || inst.target() == Target.DROP ? 2 : 1;
    double dy = factor * delta;
    String target = g.efficiency() ? "δ_y = 2δ (y − c0(1 − ξ_d) − f(x0) ξ_d)"
        : inst.target() == Target.DROP ? "δ_y = 2δ (drop)" : "δ_y = δ";
    double float64 = C * n * EPS * sp.conditionA() * (norm + 1);
    String f64 = String.format("8·n·2^-52·κ(A)·(‖w‖₂+1) = %.3e (κ(A) = %.3g)", float64,
        sp.conditionA());
    if (!(sp.lambdaMinA() > 0)) {
      return new Tolerance(Double.POSITIVE_INFINITY, float64, "λ_min(A) = " + sp.lambdaMinA()
          + " ≤ 0: the normal equations are singular, no bound");
    }
    double root = Math.sqrt(sp.weightSum());
    double beta;
    String how;
    if (g.penalty() == ModelClass.Penalty.LASSO) {
      beta = Math.sqrt(sp.lambdaMaxS()) * root * dy / sp.lambdaMinA();
      how = String.format("lasso: √λ_max(S)·√Σπ·δ_y/λ_min(A) = √%.4g·√%.4g·%.3e/%.4g", 
          sp.lambdaMaxS(), sp.weightSum(), dy, sp.lambdaMinA());
    } else {
      beta = root * dy / Math.sqrt(sp.lambdaMinA());
      how = String.format("%s: √Σπ·δ_y/√λ_min(A) = √%.4g·%.3e/√%.4g",
          g.penalty() == ModelClass.Penalty.RIDGE ? "ridge" : "least squares", sp.weightSum(), dy,
          sp.lambdaMinA());
    }
    double rigorous = beta;
    if (g.efficiency()) {
      double wd = 2 * delta + Math.sqrt(d - 1) * beta;
      rigorous = Math.sqrt(beta * beta + wd * wd + delta * delta);
      how += " for β; with 2δ + √(d−1)‖δβ‖₂ for w_d = c1 − Σβ and δ for b = c0, "
          + "√(‖δβ‖² + δw_d² + δb²)";
    }
    return new Tolerance(rigorous, float64, String.format("%s = %.3e; %s, δ = %.3e; + %s", how,
        rigorous, target, delta, f64));
  }

  /**
   * Gradient matching, π ≡ 1.
   *
   * @param jacobian the diagonal of J = ∂(x0 ⊕ ξ)/∂ξ
   * @param meanBound per coordinate, the mean over rows of the gradient bound
   * @param n the number of samples
   * @param norm ‖w_cpu‖₂
   * @throws IllegalStateException when the instance weights its samples (π ≢ 1)
   */
  static Tolerance gradient(LfaInstance inst, double[] jacobian, double[] meanBound, long n,
      double norm) {
    if (inst.loss() != Loss.GRADIENT_MATCHING) {
      throw new IllegalArgumentException(inst.name() + " does not match gradients");
    }
    if (inst.kernel() != Kernel.NONE) {
      throw new IllegalStateException(inst.name() + " weights its samples ("
          + inst.kernel().describe() + "); the gradient tolerance is derived for π ≡ 1");
    }
    double sq = 0;
    for (int i = 0; i < jacobian.length; i++) {
      double b = Math.abs(jacobian[i]) * meanBound[i];
      sq += b * b;
    }
    double rigorous = Math.sqrt(sq);
    double float64 = n * EPS * (norm + 1);
    return new Tolerance(rigorous, float64, String.format("gradient matching: ‖|J| ⊙ mean of the "
        + "per-row gradient bounds‖₂ = %.3e; + n·2^-52·(‖w‖₂+1) = %.3e", rigorous, float64));
  }
}
