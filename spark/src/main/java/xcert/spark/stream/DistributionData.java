package xcert.spark.stream;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.dist.EmpiricalDistribution;
import xcert.solvers.dist.FeatureSupport;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;

/**
 * The numbers of a reference distribution the stream takes, to rebuild it on executors (the
 * distribution may have come from files the executors do not see): a product distribution's
 * supports, or a background's distinct rows with their counts. The rebuilt distribution has the
 * same numbers, hence the same stream plan; its name is not kept (the driver's plan names it).
 *
 * @param values per feature, the support's values (product), or null
 * @param probabilities per feature, their probabilities (product), or null
 * @param rows the distinct rows (background), or null
 * @param counts how often each distinct row occurs (background), or null
 */
public record DistributionData(double[][] values, BigFraction[][] probabilities, double[][] rows,
    int[] counts) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The numbers of {@code v}; refuses what the stream does not take. */
  public static DistributionData of(ReferenceDistribution v) {
    if (v instanceof ProductDistribution p) {
      double[][] vals = new double[p.dimension()][];
      BigFraction[][] probs = new BigFraction[p.dimension()][];
      for (int i = 0; i < vals.length; i++) {
        FeatureSupport f = p.feature(i);
        vals[i] = new double[f.size()];
        probs[i] = new BigFraction[f.size()];
        for (int a = 0; a < f.size(); a++) {
          vals[i][a] = f.value(a);
          probs[i][a] = f.probability(a);
        }
      }
      return new DistributionData(vals, probs, null, null);
    }
    if (v instanceof EmpiricalDistribution e) {
      double[][] r = new double[e.distinctRowCount()][];
      int[] c = new int[r.length];
      for (int k = 0; k < r.length; k++) {
        r[k] = e.distinctRow(k);
        c[k] = e.count(k);
      }
      return new DistributionData(null, null, r, c);
    }
    throw InputException.setting("distribution", "the Spark engine streams product "
        + "distributions and backgrounds; " + v.describe() + " is neither");
  }

  /** The distribution with these numbers. */
  public ReferenceDistribution rebuild() {
    if (values != null) {
      List<FeatureSupport> s = new ArrayList<>(values.length);
      for (int i = 0; i < values.length; i++) {
        s.add(new FeatureSupport(values[i], probabilities[i]));
      }
      return ProductDistribution.of(s);
    }
    List<double[]> all = new ArrayList<>();
    for (int k = 0; k < rows.length; k++) {
      for (int n = 0; n < counts[k]; n++) {
        all.add(rows[k]);
      }
    }
    return new EmpiricalDistribution(all.toArray(double[][]::new), "background");
  }

  /** What identifies these numbers. */
  String fingerprint() {
    return Arrays.deepToString(values) + "|" + Arrays.deepToString(probabilities) + "|"
        + Arrays.deepToString(rows) + "|" + Arrays.toString(counts);
  }
}
