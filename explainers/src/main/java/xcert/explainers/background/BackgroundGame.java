package xcert.explainers.background;

import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.model.Model;

/**
 * The game of a model f at x over a background as a model of the mask:
 * h(ξ) = Σ_j w_j f(x ⊙ ξ + r_j ⊙ (1 − ξ)), which for a 0/1 mask ξ is the interventional game value
 * v(ξ) = E_{r~V}[f(x ⊙ ξ + r ⊙ (1 − ξ))] = f_S(x), S = {i : ξ_i = 1} (seed 004 Eq. 1). A mask
 * explainer run on h at x' = 1 with reference 0 (so that x' ⊙ ξ + 0 ⊙ (1 − ξ) = ξ) regresses on the
 * game values exactly as shap's KernelExplainer does with background data: h(1) = f(x) and
 * h(0) = E_V f. Its inputs are masks, so it takes only 0/1 inputs. Float64 values sum the rows in
 * order; exact values sum them exactly.
 */
public final class BackgroundGame implements Model {

  private final Model f;
  private final double[] x;
  private final Background background;

  /**
   * @throws IllegalArgumentException when x or the background does not have f's dimension
   */
  public BackgroundGame(Model f, double[] x, Background background) {
    if (x.length != f.dimension() || background.dimension() != f.dimension()) {
      throw new IllegalArgumentException("x has " + x.length + " values and the background "
          + background.dimension() + " features; the model has d = " + f.dimension());
    }
    this.f = f;
    this.x = x.clone();
    this.background = background;
  }

  /** The model f. */
  public Model model() {
    return f;
  }

  /** The point x (a copy). */
  public double[] point() {
    return x.clone();
  }

  public Background background() {
    return background;
  }

  @Override
  public int dimension() {
    return f.dimension();
  }

  /** The input x ⊙ ξ + r_j ⊙ (1 − ξ) into {@code out} (at {@code offset}). */
  void masked(double[] xi, int xiOffset, int j, double[] out, int offset) {
    int d = x.length;
    for (int i = 0; i < d; i++) {
      double z = xi[xiOffset + i];
      out[offset + i] = x[i] * z + background.at(j, i) * (1 - z);
    }
  }

  @Override
  public double evaluate(double[] xi) {
    double[] z = new double[x.length];
    double sum = 0;
    for (int j = 0; j < background.size(); j++) {
      masked(xi, 0, j, z, 0);
      sum += background.weightValue(j) * f.evaluate(z);
    }
    return sum;
  }

  @Override
  public BigFraction exactValue(double[] xi) {
    double[] z = new double[x.length];
    BigFraction sum = BigFraction.ZERO;
    for (int j = 0; j < background.size(); j++) {
      masked(xi, 0, j, z, 0);
      sum = sum.add(background.weight(j).multiply(f.exactValue(z)));
    }
    return sum;
  }

  @Override
  public boolean isBooleanValued() {
    return background.size() == 1 && f.isBooleanValued();
  }

  @Override
  public boolean hasExactValues() {
    return f.hasExactValues();
  }

  /** True: the inputs are masks. */
  @Override
  public boolean requiresBinaryInputs() {
    return true;
  }

  @Override
  public String toString() {
    return "the game of " + f + " over the background " + background.describe();
  }
}
