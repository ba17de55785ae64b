package xcert.solvers.dist;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.num.Rationals;

/**
 * Independent features, feature i drawn from a finite {@link FeatureSupport}: the uniform distribution
 * on {0,1}^d, product Bernoulli(p_i), or any product of finite supports. For these, all 2^d restricted
 * predictions f_S(x) follow from one pass over the grid by a butterfly (SPEC section 1).
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
