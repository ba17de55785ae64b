package xcert.explainers.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.explainers.backend.Backend;
import xcert.solvers.dist.EmpiricalDistribution;
import xcert.solvers.dist.FeatureSupport;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.exact.Arithmetic;
import xcert.solvers.model.Model;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.SetFunction;

/**
 * The relevance-ordering test of seed 003 Section 5 ("We propose a variant of the relevance
 * ordering-based test"), an approximate rate–distortion function: order the features of x by a
 * relevance map, and for k = 0..d keep the k most relevant features of x fixed (S_k), draw the others
 * from a reference distribution V, and report the distortion of seed 003 Section 3,
 * D(S_k) = E_{y: y_{S_k} = x_{S_k}, y_{S_k^c} ~ V} ½ (f(x) − f(y))², the quantity that solvers'
 * {@code RateDistortion} minimises over all sets of size k. A good relevance map makes D(S_k) drop
 * to 0 quickly; D(S_k) ≥ the exact rate–distortion minimum for size k always.
 *
 * <p>How each D(S_k) is computed:
 *
 * <ul>
 *   <li>{@link ProductDistribution} with Π|supp_i| ≤ 2^20: every completion enumerated with its
 *       probability, in exact rationals ({@link Model#exactValue}) or in float64 through the backend;
 *   <li>{@link EmpiricalDistribution}: every distinct row with weight count/n (exact or float64);
 *   <li>a larger product distribution: n completions drawn with a seed (the same n draws for every k,
 *       common random numbers) and evaluated through the backend; the provenance carries n and the seed
 *       and, for Boolean-valued f, the Hoeffding half-width ½·√(ln(2/δ)/(2n)) at δ = 0.05 per k.
 * </ul>
 *
 * Ties in the relevance order are broken by feature index (seed 003 breaks them randomly).
 */
public final class RelevanceOrdering {

  /** Enumerate exactly up to this many completions. */
  public static final long MAX_ENUMERATION = 1L << 20;

  /**
   * One relevance-ordering curve.
   *
   * @param order the 0-based features, most relevant first (S_k is the first k)
   * @param distortions D(S_k) for k = 0..d (exact rationals where the provenance is exact)
   * @param provenance exact, enumerated in float64, or sampled with n and seed
   */
  public record Curve(int[] order, List<Scalar> distortions, Provenance provenance) {
    public Curve {
      order = order.clone();
      distortions = List.copyOf(distortions);
    }

    @Override
    public int[] order() {
      return order.clone();
    }

    /** D(S_k) as a double. */
    public double distortion(int k) {
      return distortions.get(k).value();
    }
  }

  private RelevanceOrdering() {}

  /**
   * The relevance-ordering curve of a relevance map for f at x under V.
   *
   * @param arithmetic for enumerated cases: exact rationals or float64
   * @param samples n for the sampled case
   * @param seed the seed for the sampled case
   * @throws IllegalArgumentException for mismatched dimensions, a conditional distribution, or n &lt; 1
   *     when sampling is needed
   */
  public static Curve curve(Model f, double[] x, double[] relevance, Ranking ranking,
      ReferenceDistribution v, Arithmetic arithmetic, int samples, long seed, Backend backend) {
    int d = f.dimension();
    if (x.length != d || relevance.length != d || v.dimension() != d) {
      throw new IllegalArgumentException("dimensions differ: model " + d + ", point " + x.length
          + ", relevance map " + relevance.length + ", distribution " + v.dimension());
    }
    int[] order = ranking.order(relevance);
    if (v instanceof EmpiricalDistribution e) {
      return empirical(f, x, order, e, arithmetic, backend);
    }
    if (!(v instanceof ProductDistribution p)) {
      throw new IllegalArgumentException("the relevance-ordering test draws features independently "
          + "of the kept ones; " + v.describe() + " is not supported (use a product or empirical "
          + "distribution)");
    }
    double size = 1;
    for (int i = 0; i < d; i++) {
      size *= p.feature(i).size();
    }
    if (size <= MAX_ENUMERATION) {
      return enumerated(f, x, order, p, arithmetic, backend);
    }
    if (samples < 1) {
      throw new IllegalArgumentException("the support has " + size + " points (more than 2^20), so "
          + "D is sampled; the number of samples must be at least 1, got " + samples);
    }
    return sampled(f, x, order, p, samples, seed, backend);
  }

  /**
   * The relevance-ordering curve read off a distortion already known on every set: D(S_k) for
   * k = 0..d, S_k the first k features of {@code order}. This is the curve the optimality gap
   * compares with the exact envelope D*(k) (seed 003 Section 5 against Section 3).
   *
   * @param order the 0-based features, most relevant first
   * @param distortion D over all 2^d sets (bit i = feature i)
   * @param provenance how {@code distortion} was computed
   */
  public static Curve curve(int[] order, SetFunction distortion, Provenance provenance) {
    if (order.length != distortion.dimension()) {
      throw new IllegalArgumentException("an order of " + order.length + " features for a "
          + "distortion over " + distortion.dimension());
    }
    List<Scalar> out = new ArrayList<>();
    int set = 0;
    for (int k = 0; k <= order.length; k++) {
      if (k > 0) {
        set |= 1 << order[k - 1];
      }
      out.add(distortion.valueAt(set));
    }
    return new Curve(order, out, provenance);
  }

  private static Curve enumerated(Model f, double[] x, int[] order, ProductDistribution p,
      Arithmetic arithmetic, Backend backend) {
    int d = x.length;
    boolean exact = arithmetic == Arithmetic.EXACT;
    BigFraction fxExact = exact ? f.exactValue(x) : null;
    double fx = f.evaluate(x);
    List<Scalar> out = new ArrayList<>();
    boolean[] kept = new boolean[d];
    for (int k = 0; k <= d; k++) {
      if (k > 0) {
        kept[order[k - 1]] = true;
      }
      int[] free = freeFeatures(kept);
      long count = 1;
      for (int i : free) {
        count *= p.feature(i).size();
      }
      double[] rows = new double[(int) count * d];
      BigFraction[] probs = new BigFraction[(int) count];
      int[] digit = new int[free.length];
      for (int r = 0; r < count; r++) {
        BigFraction pr = BigFraction.ONE;
        for (int i = 0; i < d; i++) {
          rows[r * d + i] = x[i];
        }
        for (int j = 0; j < free.length; j++) {
          FeatureSupport s = p.feature(free[j]);
          rows[r * d + free[j]] = s.value(digit[j]);
          pr = pr.multiply(s.probability(digit[j]));
        }
        probs[r] = pr;
        for (int j = 0; j < free.length; j++) { // next mixed-radix digit string
          if (++digit[j] < p.feature(free[j]).size()) {
            break;
          }
          digit[j] = 0;
        }
      }
      if (exact) {
        BigFraction sum = BigFraction.ZERO;
        double[] y = new double[d];
        for (int r = 0; r < count; r++) {
          System.arraycopy(rows, r * d, y, 0, d);
          BigFraction diff = fxExact.subtract(f.exactValue(y));
          sum = sum.add(probs[r].multiply(diff.multiply(diff)));
        }
        out.add(Scalar.exact(sum.divide(2)));
      } else {
        double[] fy = backend.evaluate(f, rows, (int) count);
        double sum = 0;
        for (int r = 0; r < count; r++) {
          sum += probs[r].doubleValue() * (fx - fy[r]) * (fx - fy[r]);
        }
        out.add(Scalar.approximate(sum / 2));
      }
    }
    String method = "relevance ordering (seed 003 Section 5), D(S_k) = E ½(f(x) − f(y))² over every "
        + "completion of " + p.describe();
    return new Curve(order, out, exact ? Provenance.exact(method) : Provenance.float64(method));
  }

  private static Curve empirical(Model f, double[] x, int[] order, EmpiricalDistribution e,
      Arithmetic arithmetic, Backend backend) {
    int d = x.length;
    boolean exact = arithmetic == Arithmetic.EXACT;
    BigFraction fxExact = exact ? f.exactValue(x) : null;
    double fx = f.evaluate(x);
    int rowsN = e.distinctRowCount();
    List<Scalar> out = new ArrayList<>();
    boolean[] kept = new boolean[d];
    for (int k = 0; k <= d; k++) {
      if (k > 0) {
        kept[order[k - 1]] = true;
      }
      double[] rows = new double[rowsN * d];
      for (int r = 0; r < rowsN; r++) {
        double[] row = e.distinctRow(r);
        for (int i = 0; i < d; i++) {
          rows[r * d + i] = kept[i] ? x[i] : row[i];
        }
      }
      if (exact) {
        BigFraction sum = BigFraction.ZERO;
        double[] y = new double[d];
        for (int r = 0; r < rowsN; r++) {
          System.arraycopy(rows, r * d, y, 0, d);
          BigFraction diff = fxExact.subtract(f.exactValue(y));
          sum = sum.add(diff.multiply(diff).multiply(e.count(r)));
        }
        out.add(Scalar.exact(sum.divide(2L * e.rowCount())));
      } else {
        double[] fy = backend.evaluate(f, rows, rowsN);
        double sum = 0;
        for (int r = 0; r < rowsN; r++) {
          sum += e.count(r) * (fx - fy[r]) * (fx - fy[r]);
        }
        out.add(Scalar.approximate(sum / (2.0 * e.rowCount())));
      }
    }
    String method = "relevance ordering (seed 003 Section 5) over every row of " + e.describe();
    return new Curve(order, out, exact ? Provenance.exact(method) : Provenance.float64(method));
  }

  private static Curve sampled(Model f, double[] x, int[] order, ProductDistribution p, int n,
      long seed, Backend backend) {
    int d = x.length;
    SplittableRandom rng = new SplittableRandom(seed);
    double[] draws = new double[n * d];
    for (int r = 0; r < n; r++) {
      for (int i = 0; i < d; i++) {
        draws[r * d + i] = draw(p.feature(i), rng.nextDouble());
      }
    }
    double fx = f.evaluate(x);
    List<Scalar> out = new ArrayList<>();
    boolean[] kept = new boolean[d];
    double[] rows = new double[n * d];
    for (int k = 0; k <= d; k++) {
      if (k > 0) {
        kept[order[k - 1]] = true;
      }
      for (int r = 0; r < n; r++) {
        for (int i = 0; i < d; i++) {
          rows[r * d + i] = kept[i] ? x[i] : draws[r * d + i];
        }
      }
      double[] fy = backend.evaluate(f, rows, n);
      double sum = 0;
      for (int r = 0; r < n; r++) {
        sum += (fx - fy[r]) * (fx - fy[r]);
      }
      out.add(Scalar.approximate(sum / (2.0 * n)));
    }
    String tol = f.isBooleanValued()
        ? "±" + 0.5 * Math.sqrt(Math.log(2 / 0.05) / (2.0 * n))
            + " per k with probability 0.95 (Hoeffding, ½(f(x)−f(y))² in [0, ½])"
        : "none stated (real-valued f, unbounded loss)";
    String method = "relevance ordering (seed 003 Section 5), D(S_k) sampled from " + p.describe()
        + ", the same n draws for every k";
    return new Curve(order, out, new Provenance(Provenance.Kind.SAMPLED, method, n, seed, tol));
  }

  private static double draw(FeatureSupport s, double u) {
    double c = 0;
    for (int a = 0; a < s.size(); a++) {
      c += s.probability(a).doubleValue();
      if (u < c) {
        return s.value(a);
      }
    }
    return s.value(s.size() - 1);
  }

  private static int[] freeFeatures(boolean[] kept) {
    int n = 0;
    for (boolean b : kept) {
      n += b ? 0 : 1;
    }
    int[] free = new int[n];
    int j = 0;
    for (int i = 0; i < kept.length; i++) {
      if (!kept[i]) {
        free[j++] = i;
      }
    }
    return free;
  }
}
