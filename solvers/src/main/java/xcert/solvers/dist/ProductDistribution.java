package xcert.solvers.dist;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.num.Rationals;

/**
 * Independent features, feature i drawn from a finite {@link FeatureSupport}: the uniform distribution
 * on {0,1}^d, product Bernoulli(p_i), or any product of finite supports. For these, all 2^d restricted
 * predictions f_S(x) of seed 004 Eq. 1 follow from one pass over the grid by a butterfly. A point
 * mass at a reference r ({@link #pointMass}) is the baseline of masking explainers: f_S(x) is then
 * f(x_S, r_{S^c}), the game of KernelSHAP and Occlusion (seed 000 Table 1).
 */
public final class ProductDistribution implements ReferenceDistribution {

  private final FeatureSupport[] features;
  private final String kind;

  private ProductDistribution(FeatureSupport[] features, String kind) {
    this.features = features;
    this.kind = kind;
  }

  /** The uniform distribution on {0,1}^d. */
  public static ProductDistribution uniform(int d) {
    FeatureSupport[] f = new FeatureSupport[d];
    Arrays.fill(f, FeatureSupport.fairCoin());
    return new ProductDistribution(f, "uniform");
  }

  /** Product Bernoulli: feature i is 1 with probability p[i]. */
  public static ProductDistribution bernoulli(BigFraction... p) {
    FeatureSupport[] f = new FeatureSupport[p.length];
    for (int i = 0; i < p.length; i++) {
      f[i] = FeatureSupport.bernoulli(p[i]);
    }
    String desc = "bernoulli(" + Arrays.stream(p).map(Rationals::format)
        .collect(Collectors.joining(",")) + ")";
    return new ProductDistribution(f, desc);
  }

  /**
   * The point mass at r: X = r with probability 1. Under it f_S(x) = f(x_S, r_{S^c}), the baseline
   * game of masking explainers with reference r.
   */
  public static ProductDistribution pointMass(double... r) {
    FeatureSupport[] f = new FeatureSupport[r.length];
    StringBuilder desc = new StringBuilder("point(");
    for (int i = 0; i < r.length; i++) {
      if (!Double.isFinite(r[i])) {
        throw new IllegalArgumentException("r_" + (i + 1) + " = " + r[i] + " is not finite");
      }
      f[i] = new FeatureSupport(new double[] {r[i]}, new BigFraction[] {BigFraction.ONE});
      desc.append(i == 0 ? "" : ",").append(r[i] == Math.rint(r[i]) && Math.abs(r[i]) < 1e15
          ? Long.toString((long) r[i]) : Double.toString(r[i]));
    }
    return new ProductDistribution(f, desc.append(')').toString());
  }

  /** Any product of finite supports. */
  public static ProductDistribution of(List<FeatureSupport> supports) {
    return new ProductDistribution(supports.toArray(new FeatureSupport[0]), "product");
  }

  @Override
  public int dimension() {
    return features.length;
  }

  /** The distribution of feature i, 0-based. */
  public FeatureSupport feature(int i) {
    return features[i];
  }

  @Override
  public boolean isBinary() {
    for (FeatureSupport f : features) {
      if (!f.isBinary()) {
        return false;
      }
    }
    return true;
  }

  /** True when every probability is a dyadic rational k/2^m. */
  public boolean isDyadic() {
    for (FeatureSupport f : features) {
      for (int a = 0; a < f.size(); a++) {
        if (!Rationals.isDyadic(f.probability(a))) {
          return false;
        }
      }
    }
    return true;
  }

  /** True when this is the uniform distribution on {0,1}^d. */
  public boolean isUniformBinary() {
    for (FeatureSupport f : features) {
      if (!f.isBinary() || f.size() != 2
          || !f.probabilityOf(0).equals(BigFraction.of(1, 2))) {
        return false;
      }
    }
    return true;
  }

  /** P(X_i = 1) for a binary feature i (0-based). */
  public BigFraction probabilityOfOne(int i) {
    if (!features[i].isBinary()) {
      throw new IllegalStateException("feature " + (i + 1) + " is not binary");
    }
    return features[i].probabilityOf(1.0);
  }

  @Override
  public String describe() {
    if (!kind.equals("product")) {
      return kind;
    }
    return "product(" + Arrays.stream(features).map(FeatureSupport::toString)
        .collect(Collectors.joining(", ")) + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}
