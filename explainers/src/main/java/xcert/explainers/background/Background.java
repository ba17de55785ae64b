package xcert.explainers.background;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.dist.ConditionalDistribution;
import xcert.solvers.dist.EmpiricalDistribution;
import xcert.solvers.dist.FeatureSupport;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;

/**
 * A reference distribution V as a finite list of weighted rows r_1..r_m with exact weights w_j
 * summing to 1, so that E_{r~V}[g(r)] = Σ_j w_j g(r_j) for any g: a point mass is one row; an
 * empirical distribution (csv:FILE) its distinct rows weighted by their counts; a product
 * distribution the product of its features' supports (at most {@value #MAX_ROWS} rows). A
 * conditional distribution is refused: its X_{S^c} depends on the coalition, so it is no fixed
 * background (its game is computed exactly by {@code xcert exact}).
 */
public final class Background {

  /** Most rows a product distribution may expand to. */
  public static final int MAX_ROWS = 4096;

  private final double[][] rows;
  private final BigFraction[] weights;
  private final double[] weightValues;
  private final String description;
  private final ReferenceDistribution distribution;

  private Background(double[][] rows, BigFraction[] weights, String description,
      ReferenceDistribution distribution) {
    this.rows = rows;
    this.weights = weights;
    this.weightValues = new double[weights.length];
    for (int j = 0; j < weights.length; j++) {
      weightValues[j] = weights[j].doubleValue();
    }
    this.description = description;
    this.distribution = distribution;
  }

  /**
   * The weighted rows of V.
   *
   * @throws InputException (setting {@code dist}) for a conditional distribution or a product whose
   *     support has more than {@value #MAX_ROWS} points
   */
  public static Background of(ReferenceDistribution v) {
    if (v instanceof EmpiricalDistribution e) {
      int m = e.distinctRowCount();
      double[][] rows = new double[m][];
      BigFraction[] w = new BigFraction[m];
      for (int k = 0; k < m; k++) {
        rows[k] = e.distinctRow(k);
        w[k] = BigFraction.of(e.count(k), e.rowCount());
      }
      return new Background(rows, w, v.describe(), v);
    }
    if (v instanceof ProductDistribution p) {
      return ofProduct(p);
    }
    if (v instanceof ConditionalDistribution) {
      throw InputException.setting("dist", v.describe() + " draws X_{S^c} given X_S = x_S, which "
          + "changes with the coalition, so it is no background of rows; the mask methods take "
          + "csv:, point:, uniform, bernoulli: or product: (xcert exact shapley computes the "
          + "conditional game exactly)");
    }
    throw InputException.setting("dist", v.describe() + " is not a background the mask methods"
        + " take");
  }

  /** The point mass at r: one row of weight 1 (the reference of the mask methods). */
  public static Background point(double[] r) {
    return of(ProductDistribution.pointMass(r));
  }

  private static Background ofProduct(ProductDistribution p) {
    int d = p.dimension();
    List<double[]> values = new ArrayList<>();
    List<BigFraction[]> probs = new ArrayList<>();
    double size = 1;
    for (int i = 0; i < d; i++) {
      FeatureSupport s = p.feature(i);
      List<Double> v = new ArrayList<>();
      List<BigFraction> q = new ArrayList<>();
      for (int a = 0; a < s.size(); a++) {
        if (s.probability(a).signum() != 0) {
          v.add(s.value(a));
          q.add(s.probability(a));
        }
      }
      values.add(v.stream().mapToDouble(Double::doubleValue).toArray());
      probs.add(q.toArray(new BigFraction[0]));
      size *= v.size();
    }
    if (size > MAX_ROWS) {
      throw InputException.setting("dist", p.describe() + " has " + (size < 1e15
          ? Long.toString((long) size) : Double.toString(size)) + " support points, more than the "
          + MAX_ROWS + " background rows the mask methods average over; pass a sample of it as "
          + "csv:FILE instead");
    }
    int m = (int) size;
    double[][] rows = new double[m][d];
    BigFraction[] w = new BigFraction[m];
    int[] digit = new int[d];
    for (int j = 0; j < m; j++) {
      BigFraction q = BigFraction.ONE;
      for (int i = 0; i < d; i++) {
        rows[j][i] = values.get(i)[digit[i]];
        q = q.multiply(probs.get(i)[digit[i]]);
      }
      w[j] = q;
      for (int i = d - 1; i >= 0; i--) {
        if (++digit[i] < values.get(i).length) {
          break;
        }
        digit[i] = 0;
      }
    }
    return new Background(rows, w, p.describe(), p);
  }

  /** m, the number of rows. */
  public int size() {
    return rows.length;
  }

  /** d, the number of features. */
  public int dimension() {
    return distribution.dimension();
  }

  /** Row j (a copy). */
  public double[] row(int j) {
    return rows[j].clone();
  }

  /** Row j's entry i, without copying. */
  double at(int j, int i) {
    return rows[j][i];
  }

  /** The exact weight of row j. */
  public BigFraction weight(int j) {
    return weights[j];
  }

  /** The weight of row j as a double. */
  public double weightValue(int j) {
    return weightValues[j];
  }

  /** The distribution the rows were taken from. */
  public ReferenceDistribution distribution() {
    return distribution;
  }

  /** V's description, e.g. "empirical(n=30)". */
  public String describe() {
    return description;
  }

  /** The combination in words, e.g. "x0 ⊙ ξ + r ⊙ (1 − ξ), r ~ V averaged over its 30 rows". */
  public String combination() {
    return "x0 ⊙ ξ + r ⊙ (1 − ξ), r ~ V = " + description + " averaged over its " + size()
        + (size() == 1 ? " row" : " rows") + " (v(ξ) = Σ_j w_j f(x0 ⊙ ξ + r_j ⊙ (1 − ξ)))";
  }
}
