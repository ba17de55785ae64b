package xcert.solvers.model;

import java.math.BigDecimal;
import java.util.OptionalDouble;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.num.Rationals;

/**
 * A small fully connected ReLU network Φ(x) = W_L ρ(… ρ(W_1 x + b_1) …) + b_L with one output (the
 * score), as in seed 003 Section 4.1 (its ReLU-circuit footnote). With a threshold t it is a classifier whose
 * output is 1 when the score is ≥ t and 0 otherwise.
 *
 * <p>Classifier labels are exact: the float64 score decides when it lies farther from t than a
 * rounding bound derived from the magnitudes in the forward pass; otherwise the score is recomputed in
 * exact decimal arithmetic (every double is a finite decimal, products and sums of decimals are exact,
 * and the ReLU is a comparison).
 */
public final class ReluNetwork implements Model {

  /** Relative rounding allowance for the float64 forward pass (far above n·2^-53 for small nets). */
  private static final double ROUNDING_ALLOWANCE = 1e-9;

  private final int d;
  private final double[][][] weights;
  private final double[][] biases;
  private final OptionalDouble threshold;

  /**
   * @param weights weights[l][j][i]: weight from unit i of layer l's input to unit j of its output
   * @param biases biases[l][j]
   * @param threshold classifier threshold, or empty for a score
   */
  public ReluNetwork(double[][][] weights, double[][] biases, OptionalDouble threshold) {
    if (weights.length == 0 || weights.length != biases.length) {
      throw new IllegalArgumentException("need one bias vector per layer and at least one layer");
    }
    int in = weights[0].length == 0 ? 0 : weights[0][0].length;
    this.d = in;
    this.weights = new double[weights.length][][];
    this.biases = new double[biases.length][];
    for (int l = 0; l < weights.length; l++) {
      double[][] w = weights[l];
      if (w.length == 0 || w.length != biases[l].length) {
        throw new IllegalArgumentException("layer " + (l + 1) + ": " + w.length + " weight rows but "
            + biases[l].length + " biases");
      }
      this.weights[l] = new double[w.length][];
      for (int j = 0; j < w.length; j++) {
        if (w[j].length != in) {
          throw new IllegalArgumentException("layer " + (l + 1) + " row " + (j + 1) + " has "
              + w[j].length + " weights, expected " + in);
        }
        for (double v : w[j]) {
          if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("layer " + (l + 1) + " has a non-finite weight");
          }
        }
        this.weights[l][j] = w[j].clone();
      }
      for (double v : biases[l]) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("layer " + (l + 1) + " has a non-finite bias");
        }
      }
      this.biases[l] = biases[l].clone();
      in = w.length;
    }
    if (in != 1) {
      throw new IllegalArgumentException("the last layer must have one output, has " + in);
    }
    if (threshold.isPresent() && !Double.isFinite(threshold.getAsDouble())) {
      throw new IllegalArgumentException("threshold must be finite");
    }
    this.threshold = threshold;
  }

  @Override
  public int dimension() {
    return d;
  }

  public int layerCount() {
    return weights.length;
  }

  /** Output width of layer l (0-based). */
  public int width(int l) {
    return weights[l].length;
  }

  /** weights[l][j][i] (a copy of one entry). */
  public double weight(int l, int j, int i) {
    return weights[l][j][i];
  }

  public double bias(int l, int j) {
    return biases[l][j];
  }

  public OptionalDouble threshold() {
    return threshold;
  }

  public boolean isClassifier() {
    return threshold.isPresent();
  }

  /** The score in float64 arithmetic. */
  public double score(double[] x) {
    checkLength(x);
    double[] a = x;
    for (int l = 0; l < weights.length; l++) {
      double[][] w = weights[l];
      double[] b = biases[l];
      double[] z = new double[w.length];
      boolean hidden = l < weights.length - 1;
      for (int j = 0; j < w.length; j++) {
        double s = b[j];
        double[] row = w[j];
        for (int i = 0; i < row.length; i++) {
          s += row[i] * a[i];
        }
        z[j] = hidden && s < 0 ? 0 : s;
      }
      a = z;
    }
    return a[0];
  }

  /** The score in exact decimal arithmetic. */
  public BigDecimal exactScore(double[] x) {
    checkLength(x);
    BigDecimal[] a = new BigDecimal[x.length];
    for (int i = 0; i < x.length; i++) {
      a[i] = new BigDecimal(x[i]);
    }
    for (int l = 0; l < weights.length; l++) {
      double[][] w = weights[l];
      BigDecimal[] z = new BigDecimal[w.length];
      boolean hidden = l < weights.length - 1;
      for (int j = 0; j < w.length; j++) {
        BigDecimal s = new BigDecimal(biases[l][j]);
        for (int i = 0; i < a.length; i++) {
          if (w[j][i] != 0.0) {
            s = s.add(new BigDecimal(w[j][i]).multiply(a[i]));
          }
        }
        z[j] = hidden && s.signum() < 0 ? BigDecimal.ZERO : s;
      }
      a = z;
    }
    return a[0];
  }

  /** The label (1 when score ≥ threshold), decided exactly. */
  public int label(double[] x) {
    double t = threshold.orElseThrow(() -> new IllegalStateException("not a classifier"));
    double s = score(x);
    double margin = ROUNDING_ALLOWANCE * (1.0 + magnitude(x) + Math.abs(t));
    if (s - t > margin) {
      return 1;
    }
    if (t - s > margin) {
      return 0;
    }
    return exactScore(x).compareTo(new BigDecimal(t)) >= 0 ? 1 : 0;
  }

  /** An upper bound on every |partial sum| in the forward pass: the pass with |W|, |b|, |x|. */
  private double magnitude(double[] x) {
    double[] a = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      a[i] = Math.abs(x[i]);
    }
    for (int l = 0; l < weights.length; l++) {
      double[][] w = weights[l];
      double[] z = new double[w.length];
      for (int j = 0; j < w.length; j++) {
        double s = Math.abs(biases[l][j]);
        for (int i = 0; i < a.length; i++) {
          s += Math.abs(w[j][i]) * a[i];
        }
        z[j] = s;
      }
      a = z;
    }
    return a[0];
  }

  /** The label for a classifier, the score otherwise. */
  @Override
  public double evaluate(double[] x) {
    return threshold.isPresent() ? label(x) : score(x);
  }

  /** The label for a classifier, the exact score otherwise. */
  @Override
  public BigFraction exactValue(double[] x) {
    if (threshold.isPresent()) {
      return label(x) == 1 ? BigFraction.ONE : BigFraction.ZERO;
    }
    return Rationals.fromDecimal(exactScore(x));
  }

  @Override
  public boolean isBooleanValued() {
    return threshold.isPresent();
  }

  @Override
  public boolean requiresBinaryInputs() {
    return false;
  }

  private void checkLength(double[] x) {
    if (x.length != d) {
      throw new IllegalArgumentException("input has length " + x.length + ", expected " + d);
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ReluNetwork[").append(d);
    for (double[][] w : weights) {
      sb.append('-').append(w.length);
    }
    threshold.ifPresent(t -> sb.append(", threshold ").append(t));
    return sb.append(']').toString();
  }
}
