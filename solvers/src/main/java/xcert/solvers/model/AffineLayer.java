package xcert.solvers.model;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.num.Rationals;

/**
 * One affine map z = W a + b of a feed-forward network (a layer of the ReLU networks of seed 003
 * Section 4.1), held as exact rationals together with the nearest doubles. A weight read from a
 * float32 or float64 file is the dyadic rational the float denotes; a Div by a constant, as
 * exported input standardisation is, adds an odd denominator, which is kept exactly (rounding 1/c
 * into a float weight would change the function). Immutable.
 */
public final class AffineLayer {

  private final BigFraction[][] weights;
  private final BigFraction[] bias;
  private final double[][] weightsDouble;
  private final double[] biasDouble;
  private final boolean dyadic;
  private volatile BigInteger lcd;

  private AffineLayer(BigFraction[][] weights, BigFraction[] bias) {
    int out = weights.length;
    if (out == 0 || bias.length != out) {
      throw new IllegalArgumentException("a layer needs at least one row and one bias per row");
    }
    int in = weights[0].length;
    this.weights = new BigFraction[out][];
    this.weightsDouble = new double[out][in];
    this.bias = bias.clone();
    this.biasDouble = new double[out];
    boolean dy = true;
    for (int j = 0; j < out; j++) {
      if (weights[j].length != in) {
        throw new IllegalArgumentException("row " + (j + 1) + " has " + weights[j].length
            + " weights, expected " + in);
      }
      this.weights[j] = weights[j].clone();
      for (int i = 0; i < in; i++) {
        weightsDouble[j][i] = weights[j][i].doubleValue();
        dy &= Rationals.isDyadic(weights[j][i]);
      }
      biasDouble[j] = bias[j].doubleValue();
      dy &= Rationals.isDyadic(bias[j]);
    }
    this.dyadic = dy;
  }

  /** A layer with the given exact weights (rows: one per output) and biases. */
  public static AffineLayer of(BigFraction[][] weights, BigFraction[] bias) {
    return new AffineLayer(weights, bias);
  }

  /**
   * A layer whose weights are the exact values of the given finite doubles.
   *
   * @throws IllegalArgumentException for a non-finite entry or a shape mismatch
   */
  public static AffineLayer ofDoubles(double[][] weights, double[] bias) {
    BigFraction[][] w = new BigFraction[weights.length][];
    for (int j = 0; j < weights.length; j++) {
      w[j] = new BigFraction[weights[j].length];
      for (int i = 0; i < weights[j].length; i++) {
        if (!Double.isFinite(weights[j][i])) {
          throw new IllegalArgumentException("row " + (j + 1) + " has a non-finite weight");
        }
        w[j][i] = Rationals.fromDouble(weights[j][i]);
      }
    }
    BigFraction[] b = new BigFraction[bias.length];
    for (int j = 0; j < bias.length; j++) {
      if (!Double.isFinite(bias[j])) {
        throw new IllegalArgumentException("bias " + (j + 1) + " is not finite");
      }
      b[j] = Rationals.fromDouble(bias[j]);
    }
    return new AffineLayer(w, b);
  }

  /** The identity map on n inputs. */
  public static AffineLayer identity(int n) {
    BigFraction[][] w = new BigFraction[n][n];
    BigFraction[] b = new BigFraction[n];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        w[j][i] = i == j ? BigFraction.ONE : BigFraction.ZERO;
      }
      b[j] = BigFraction.ZERO;
    }
    return new AffineLayer(w, b);
  }

  public int inputs() {
    return weights[0].length;
  }

  public int outputs() {
    return weights.length;
  }

  /** The exact weight from input i to output j (0-based). */
  public BigFraction weight(int j, int i) {
    return weights[j][i];
  }

  public BigFraction bias(int j) {
    return bias[j];
  }

  /** The double nearest to the weight (the weight itself when the layer is dyadic and in range). */
  public double weightDouble(int j, int i) {
    return weightsDouble[j][i];
  }

  public double biasDouble(int j) {
    return biasDouble[j];
  }

  /** The nearest doubles of the weights, one row per output (a copy). */
  public double[][] weightDoubles() {
    double[][] out = new double[weightsDouble.length][];
    for (int j = 0; j < out.length; j++) {
      out[j] = weightsDouble[j].clone();
    }
    return out;
  }

  /** The nearest doubles of the biases (a copy). */
  public double[] biasDoubles() {
    return biasDouble.clone();
  }

  /** True when every weight and bias has a power-of-two denominator. */
  public boolean isDyadic() {
    return dyadic;
  }

  /** True when every entry equals its nearest double exactly. */
  public boolean isDoubleExact() {
    if (!dyadic) {
      return false;
    }
    for (int j = 0; j < outputs(); j++) {
      for (int i = 0; i < inputs(); i++) {
        if (!Rationals.fromDouble(weightsDouble[j][i]).equals(weights[j][i])) {
          return false;
        }
      }
      if (!Rationals.fromDouble(biasDouble[j]).equals(bias[j])) {
        return false;
      }
    }
    return true;
  }

  /** The layer keeping only output row k (0-based). */
  public AffineLayer row(int k) {
    return new AffineLayer(new BigFraction[][] {weights[k]}, new BigFraction[] {bias[k]});
  }

  /** The exact composition this ∘ inner: a ↦ W (W' a + b') + b. */
  public AffineLayer after(AffineLayer inner) {
    if (inner.outputs() != inputs()) {
      throw new IllegalArgumentException("cannot compose: " + inner.outputs() + " outputs into "
          + inputs() + " inputs");
    }
    int out = outputs();
    int in = inner.inputs();
    BigFraction[][] w = new BigFraction[out][in];
    BigFraction[] b = new BigFraction[out];
    for (int j = 0; j < out; j++) {
      BigFraction bj = bias[j];
      for (int m = 0; m < inputs(); m++) {
        if (weights[j][m].signum() != 0) {
          bj = bj.add(weights[j][m].multiply(inner.bias[m]));
        }
      }
      b[j] = bj;
      for (int i = 0; i < in; i++) {
        BigFraction s = BigFraction.ZERO;
        for (int m = 0; m < inputs(); m++) {
          if (weights[j][m].signum() != 0 && inner.weights[m][i].signum() != 0) {
            s = s.add(weights[j][m].multiply(inner.weights[m][i]));
          }
        }
        w[j][i] = s;
      }
    }
    return new AffineLayer(w, b);
  }

  /** The least common denominator of every weight and bias. */
  public BigInteger commonDenominator() {
    BigInteger cached = lcd;
    if (cached != null) {
      return cached;
    }
    BigInteger l = BigInteger.ONE;
    for (int j = 0; j < outputs(); j++) {
      for (int i = 0; i < inputs(); i++) {
        l = lcm(l, weights[j][i].getDenominator().abs());
      }
      l = lcm(l, bias[j].getDenominator().abs());
    }
    lcd = l;
    return l;
  }

  private static BigInteger lcm(BigInteger a, BigInteger b) {
    return a.divide(a.gcd(b)).multiply(b);
  }
}
