package xcert.explainers.glime.theory;

import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.model.Model;

/**
 * A model given by its value on each mask z ∈ {0,1}^d (bit i of the index is z_i), read at any
 * input by thresholding each coordinate at 1/2; with x = 1 and r = 0 the masked input of LIME and
 * GLIME-Binomial is the mask itself, so the library's samplers explain exactly the table
 * {@link SampleComplexity} uses.
 */
public final class MaskTableModel implements Model {

  private final int d;
  private final double[] y;

  public MaskTableModel(int d, double[] y) {
    if (y.length != 1 << d) {
      throw new IllegalArgumentException("need 2^" + d + " values, got " + y.length);
    }
    this.d = d;
    this.y = y.clone();
  }

  private int mask(double[] x) {
    int m = 0;
    for (int i = 0; i < d; i++) {
      if (x[i] > 0.5) {
        m |= 1 << i;
      }
    }
    return m;
  }

  @Override
  public int dimension() {
    return d;
  }

  @Override
  public double evaluate(double[] x) {
    return y[mask(x)];
  }

  @Override
  public BigFraction exactValue(double[] x) {
    return xcert.solvers.num.Rationals.fromDouble(y[mask(x)]);
  }

  @Override
  public boolean isBooleanValued() {
    return false;
  }

  @Override
  public boolean requiresBinaryInputs() {
    return false;
  }
}
