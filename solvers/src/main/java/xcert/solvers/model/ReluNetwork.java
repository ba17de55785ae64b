package xcert.solvers.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.num.Rationals;

/**
 * A small fully connected ReLU network Φ(x) = W_L ρ(… ρ(W_1 x + b_1) …) + b_L with one output (the
 * score), as in seed 003 Section 4.1 (its ReLU-circuit footnote). With a threshold t it is a
 * classifier whose output is 1 when the score is ≥ t (or, with a strict threshold, when it is &gt; t)
 * and 0 otherwise.
 *
 * <p>The weights are exact rationals ({@link AffineLayer}); the float64 forward pass uses the nearest
 * doubles, which are the weights themselves unless a layer has a non-dyadic entry (a Div by a
 * constant folded in exactly). Classifier labels are exact: the float64 score decides when it lies
 * farther from t than a rounding bound derived from the magnitudes in the forward pass and the
 * weights are doubles; otherwise the score is recomputed exactly.
 */
public final class ReluNetwork implements Model {

  /** Relative rounding allowance for the float64 forward pass (far above n·2^-53 for small nets). */
  private static final double ROUNDING_ALLOWANCE = 1e-9;

  private final int d;
  private final List<AffineLayer> layers;
  private final double[][][] weights;
  private final double[][] biases;
  private final OptionalDouble threshold;
  private final boolean strict;
  private final boolean doubleExact;

  /**
   * @param weights weights[l][j][i]: weight from unit i of layer l's input to unit j of its output
   * @param biases biases[l][j]
   * @param threshold classifier threshold, or empty for a score
   */
  public ReluNetwork(double[][][] weights, double[][] biases, OptionalDouble threshold) {
    this(layersOf(weights, biases), threshold, false);
  }

  /**
   * A network from exact layers; ReLU follows every layer but the last, which must have one row.
   *
   * @param strict true for the label rule score &gt; t, false for score ≥ t
   */
  public ReluNetwork(List<AffineLayer> layers, OptionalDouble threshold, boolean strict) {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("need at least one layer");
    }
    this.layers = List.copyOf(layers);
    this.d = layers.get(0).inputs();
    this.weights = new double[layers.size()][][];
    this.biases = new double[layers.size()][];
    int in = d;
    boolean exact = true;
    for (int l = 0; l < layers.size(); l++) {
      AffineLayer a = layers.get(l);
      if (a.inputs() != in) {
        throw new IllegalArgumentException("layer " + (l + 1) + " has " + a.inputs()
            + " inputs, expected " + in);
      }
      weights[l] = a.weightDoubles();
      biases[l] = a.biasDoubles();
      exact &= a.isDoubleExact();
      in = a.outputs();
    }
    if (in != 1) {
      throw new IllegalArgumentException("the last layer must have one output, has " + in);
    }
    if (threshold.isPresent() && !Double.isFinite(threshold.getAsDouble())) {
      throw new IllegalArgumentException("threshold must be finite");
    }
    this.threshold = threshold;
    this.strict = strict;
    this.doubleExact = exact;
  }

  private static List<AffineLayer> layersOf(double[][][] weights, double[][] biases) {
    if (weights.length == 0 || weights.length != biases.length) {
      throw new IllegalArgumentException("need one bias vector per layer and at least one layer");
    }
    List<AffineLayer> out = new ArrayList<>();
    for (int l = 0; l < weights.length; l++) {
      double[][] w = weights[l];
      if (w.length == 0 || w.length != biases[l].length) {
        throw new IllegalArgumentException("layer " + (l + 1) + ": " + w.length + " weight rows but "
            + biases[l].length + " biases");
      }
      try {
        out.add(AffineLayer.ofDoubles(w, biases[l]));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("layer " + (l + 1) + ": " + e.getMessage());
      }
    }
    return out;
  }

  /** The same network with another threshold rule (empty: a score). */
  public ReluNetwork withThreshold(OptionalDouble t, boolean strictRule) {
    return new ReluNetwork(layers, t, strictRule);
  }

  /** The exact layers. */
  public List<AffineLayer> layers() {
    return layers;
  }

  /** True when every weight and bias is a double exactly (no Div by a non-power-of-two constant). */
  public boolean hasDoubleWeights() {
    return doubleExact;
  }

  /** True when the label rule is score &gt; t rather than score ≥ t. */
  public boolean isStrictThreshold() {
    return strict;
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

  /** weights[l][j][i] as a double (the nearest double when the layer is not dyadic). */
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
    return forward(weights, biases, x)[0];
  }

  /** The float64 forward pass W_L ρ(… ρ(W_1 x + b_1) …) + b_L: the last layer's values. */
  static double[] forward(double[][][] weights, double[][] biases, double[] x) {
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
    return a;
  }

  /**
   * The score in exact decimal arithmetic.
   *
   * @throws ArithmeticException when a weight is not a double (use {@link #exactScoreFraction})
   */
  public BigDecimal exactScore(double[] x) {
    checkLength(x);
    if (!doubleExact) {
      throw new ArithmeticException("the network has non-dyadic weights; use exactScoreFraction");
    }
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

  /** The score as an exact rational, from the exact layers. */
  public BigFraction exactScoreFraction(double[] x) {
    checkLength(x);
    if (doubleExact) {
      return Rationals.fromDecimal(exactScore(x));
    }
    BigFraction[] a = new BigFraction[x.length];
    for (int i = 0; i < x.length; i++) {
      a[i] = Rationals.fromDouble(x[i]);
    }
    for (int l = 0; l < layers.size(); l++) {
      AffineLayer layer = layers.get(l);
      BigFraction[] z = new BigFraction[layer.outputs()];
      boolean hidden = l < layers.size() - 1;
      for (int j = 0; j < z.length; j++) {
        BigFraction s = layer.bias(j);
        for (int i = 0; i < a.length; i++) {
          if (layer.weight(j, i).signum() != 0 && a[i].signum() != 0) {
            s = s.add(layer.weight(j, i).multiply(a[i]));
          }
        }
        z[j] = hidden && s.signum() < 0 ? BigFraction.ZERO : s;
      }
      a = z;
    }
    return a[0];
  }

  /** The label (1 when score ≥ threshold, or &gt; threshold when strict), decided exactly. */
  public int label(double[] x) {
    double t = threshold.orElseThrow(() -> new IllegalStateException("not a classifier"));
    if (doubleExact) {
      double s = score(x);
      double margin = ROUNDING_ALLOWANCE * (1.0 + magnitude(x) + Math.abs(t));
      if (s - t > margin) {
        return 1;
      }
      if (t - s > margin) {
        return 0;
      }
    }
    return labelOf(exactScoreFraction(x));
  }

  /** The label of an exact score under this network's threshold rule. */
  public int labelOf(BigFraction score) {
    double t = threshold.orElseThrow(() -> new IllegalStateException("not a classifier"));
    int c = score.compareTo(Rationals.fromDouble(t));
    return c > 0 || (c == 0 && !strict) ? 1 : 0;
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
    return exactScoreFraction(x);
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
    threshold.ifPresent(t -> sb.append(", threshold ").append(strict ? "> " : "").append(t));
    return sb.append(']').toString();
  }
}
