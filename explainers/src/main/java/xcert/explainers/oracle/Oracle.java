package xcert.explainers.oracle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.explainers.explain.ExplainMethod;
import xcert.explainers.explain.ExplainSettings;
import xcert.explainers.explain.Explanation;
import xcert.explainers.explain.Explanations;
import xcert.explainers.oracle.bounds.SamplingBound;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.exact.Arithmetic;
import xcert.solvers.exact.GameValues;
import xcert.solvers.exact.RestrictedPredictionTable;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.model.Model;
import xcert.solvers.notation.DistributionSpec;
import xcert.solvers.num.Rationals;
import xcert.solvers.query.ExactQueries;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.Subsets;

/**
 * An attribution computed elsewhere held against its exact counterpart (seed 000 Theorems 1–3, seed
 * 001 Appendix B; the game values of v(S) = f_S(x), seed 004): per feature the given value, the exact
 * value and the absolute error; the largest error against a tolerance; and how well the rankings
 * agree.
 *
 * <p>Rankings are by importance |w_i|. Kendall's τ is τ_b over all pairs of features (ties in
 * either ranking count as neither concordant nor discordant; undefined when one side is all tied).
 * The given top-K set is the K features of largest |given| (ties to the lower index); it agrees with
 * the exact values when every feature in it has |exact| at least the K-th largest |exact|, so that
 * ties in the exact values never count against the given attribution. Top-1 is the case K = 1.
 */
public final class Oracle {

  private Oracle() {}

  /**
   * Refuses settings that do not apply to the counterpart, before any work; {@link #grade} calls
   * it too.
   *
   * @param distributionStated whether a reference distribution was given (only the game values
   *     take one)
   */
  public static void check(Against against, OracleSettings s, boolean distributionStated) {
    ExplainSettings l = s.limit();
    Explanations.check(ExplainMethod.LIME_LIMIT, l.withLasso(false), false);
    if (against.isGame() && l.reference() != null) {
      throw InputException.setting("reference", "applies to the limits and ig; shapley and "
          + "banzhaf take a reference distribution");
    }
    String limitSetting = l.sigma() != null ? "sigma" : l.kernelWidth() != null ? "kernelWidth"
        : l.distance() != null ? "distance" : l.lambda() != null ? "lambda"
        : !l.intercept() ? "noIntercept" : null;
    if (against.isGame() && limitSetting != null) {
      throw InputException.setting(limitSetting, "does not apply to " + against.id() + ", an "
          + "exact game value with no kernel, noise or fit; it is a setting of the limits");
    }
    if (!against.isGame() && distributionStated && !against.limit().takesBackground()) {
      throw InputException.setting("dist", "applies to shapley, banzhaf and the mask limits; "
          + against.id() + " takes a reference point");
    }
    if (!against.isGame() && distributionStated && l.reference() != null) {
      throw InputException.setting("reference", "conflicts with the background distribution "
          + "(dist); a reference r is the point mass point:r, so give one of the two");
    }
    if (s.tolerance().signum() < 0) {
      throw InputException.setting("tolerance", s.tolerance() + " is out of range; expected a "
          + "number >= 0");
    }
    if (s.estimator() != null) {
      SampledEstimator e = s.estimator();
      if (!e.limits().contains(against)) {
        throw InputException.setting("estimator", e.id() + " estimates converge to "
            + String.join(" or ", e.limits().stream().map(Against::id).toList())
            + ", not " + against.id() + "; grade them against that");
      }
      if (s.samples() < 2) {
        throw InputException.setting("samples", s.samples() + " is out of range; the bound needs"
            + " at least 2 sampled " + e.unit());
      }
      if (e == SampledEstimator.LIME && (l.lasso() || !l.intercept()
          || (l.lambda() != null && l.lambda() != 0))) {
        throw InputException.setting(l.lasso() ? "lasso" : !l.intercept() ? "intercept" : "lambda",
            "does not apply to --estimator lime: its bound is for LIME's fit (intercept,"
                + " Ridge(alpha=1)) against the λ = 0 limit");
      }
      if (!(s.confidence() > 0 && s.confidence() < 1)) {
        throw InputException.setting("confidence", s.confidence() + " is out of range; expected"
            + " a number in (0, 1)");
      }
    }
    if (s.relativeTolerance().signum() < 0) {
      throw InputException.setting("relativeTolerance", s.relativeTolerance() + " is out of"
          + " range; expected a number >= 0");
    }
  }

  /**
   * Grades {@code given} against the exact counterpart of {@code f} at {@code x}.
   *
   * @param distribution the reference distribution of the game values (null: uniform)
   * @param given one exact value per feature, w_1 first
   * @throws InputException for settings that do not apply, a K out of 1..d, or inputs the model
   *     or the counterpart cannot take
   */
  public static Grade grade(Model f, double[] x, ReferenceDistribution distribution,
      BigFraction[] given, Against against, OracleSettings s) {
    check(against, s, distribution != null);
    int d = f.dimension();
    if (given.length != d) {
      throw InputException.setting("attribution", given.length + " values given, expected d="
          + d);
    }
    int k = s.top() == null ? Math.min(3, d) : s.top();
    if (k < 1 || k > d) {
      throw InputException.setting("top", k + " is out of range; expected 1.." + d);
    }
    return grade(against, given, counterpart(f, x, distribution, against, s), k, s);
  }

  /**
   * The exact counterpart at x: the values, how they were computed, and for the game values also
   * f(x) and f_∅(x) from the same table.
   */
  record Counterpart(Scalar[] values, Provenance how, String distribution,
      Map<String, String> settings, Scalar fx, Scalar fEmpty, SamplingBound bound) {}

  static Counterpart counterpart(Model f, double[] x, ReferenceDistribution distribution,
      Against against, OracleSettings s) {
    int d = f.dimension();
    if (against.isGame()) {
      ReferenceDistribution v = distribution != null ? distribution
          : DistributionSpec.parse("dist", "uniform", d, Path.of("."));
      Explanations.compatible(f, x, v);
      if (d > BEYOND_TABLE_FROM && s.estimator() == null && f.hasExactValues()) {
        return beyondTheTable(f, x, v, against);
      }
      Subsets.checkTableDimension(d);
      // a probability after a Sigmoid/Softmax head has no exact values: float64, saying why
      boolean exactValues = f.hasExactValues();
      RestrictedPredictionTable t = RestrictedPredictions.table(f, x, v,
          exactValues ? Arithmetic.EXACT : Arithmetic.FLOAT64);
      Scalar[] exact = against == Against.SHAPLEY ? GameValues.shapley(t.values())
          : GameValues.banzhaf(t.values());
      Provenance how = exactValues ? t.provenance() : t.provenance().withMethod(
          ExactQueries.float64Reason(f) + "; " + t.provenance().method());
      SamplingBound bound = s.estimator() == null ? null
          : SampledBounds.of(t.values(), exact, s);
      return new Counterpart(exact, how, v.describe(), Map.of(), t.fx(), t.fEmpty(), bound);
    }
    Explanation e = Explanations.explain(f, x, distribution, against.limit(), s.limit());
    SamplingBound bound = s.estimator() == null ? null
        : SampledBounds.of(SampledBounds.game(f, x, distribution, s), e.values(), s);
    return new Counterpart(e.values(), e.provenance(), distribution == null ? null
        : distribution.describe(), e.settings(), null, null, bound);
  }

  /**
   * Above this d the exact game values come from {@link ExactQueries} (the stream, or the compiled
   * engine for circuits too wide to stream), with no table; statistical bounds (an estimator) still
   * need the table's population moments, so they stop at the table's limit.
   */
  static final int BEYOND_TABLE_FROM = 20;

  /** Exact Shapley or Banzhaf values, f(x) and f_∅(x) by the exact queries' automatic route. */
  private static Counterpart beyondTheTable(Model f, double[] x, ReferenceDistribution v,
      Against against) {
    xcert.solvers.query.QueryAnswer a = ExactQueries.answer(f, x, v,
        against == Against.SHAPLEY ? xcert.solvers.query.Query.SHAPLEY
            : xcert.solvers.query.Query.BANZHAF,
        xcert.solvers.query.QuerySettings.defaults());
    Object fx = a.fields().get("f(x)");
    Object fe = a.fields().get("f_empty(x)");
    return new Counterpart(a.values(), a.provenance(), v.describe(), Map.of(),
        fx instanceof Scalar sx ? sx : null, fe instanceof Scalar se ? se : null, null);
  }

  /**
   * b_i − a_i, the range of feature i's marginal contributions v(S ∪ {i}) − v(S) over all S ∌ i,
   * from the table's values as doubles, widened by 10^-12 of max |v| for their rounding.
   */
  static double[] marginalWidths(xcert.solvers.setfunction.SetFunction v) {
    int d = v.dimension();
    int n = 1 << d;
    double[] val = new double[n];
    double max = 0;
    for (int s = 0; s < n; s++) {
      val[s] = v.doubleAt(s);
      max = Math.max(max, Math.abs(val[s]));
    }
    double[] w = new double[d];
    for (int i = 0; i < d; i++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      int bit = 1 << i;
      for (int s = 0; s < n; s++) {
        if ((s & bit) == 0) {
          double m = val[s | bit] - val[s];
          lo = Math.min(lo, m);
          hi = Math.max(hi, m);
        }
      }
      w[i] = hi - lo + 1e-12 * max;
    }
    return w;
  }

  /**
   * Grades an explanation computed here (its weights read exactly: a double is the rational it
   * holds) against the exact counterpart.
   */
  public static Grade grade(Model f, double[] x, ReferenceDistribution distribution,
      Explanation given, Against against, OracleSettings s) {
    Scalar[] v = given.values();
    BigFraction[] q = new BigFraction[v.length];
    for (int i = 0; i < v.length; i++) {
      q[i] = v[i].isExact() ? v[i].exact() : Rationals.fromDouble(v[i].value());
    }
    return grade(f, x, distribution, q, against, s);
  }

  static Grade grade(Against against, BigFraction[] given, Counterpart cp, int k,
      OracleSettings s) {
    Scalar[] exact = cp.values();
    int d = given.length;
    Scalar[] given0 = new Scalar[d];
    Scalar[] errors = new Scalar[d];
    BigFraction[] exactQ = new BigFraction[d];
    boolean allExact = true;
    for (int i = 0; i < d; i++) {
      given0[i] = Scalar.exact(given[i]);
      if (exact[i].isExact()) {
        exactQ[i] = exact[i].exact();
        errors[i] = Scalar.exact(given[i].subtract(exactQ[i]).abs());
      } else {
        allExact = false;
        exactQ[i] = Rationals.fromDouble(exact[i].value());
        errors[i] = Scalar.approximate(Math.abs(given[i].doubleValue() - exact[i].value()));
      }
    }
    int worst = 0;
    for (int i = 1; i < d; i++) {
      if (larger(errors[i], errors[worst])) {
        worst = i;
      }
    }
    Scalar maxError = errors[worst];
    boolean pass = true;
    BigFraction[] tols = new BigFraction[d];
    String bound = null;
    for (int i = 0; i < d; i++) {
      tols[i] = s.toleranceFor(exactQ[i]);
      SamplingBound sb = cp.bound();
      if (sb != null && !sb.vacuous()) {
        tols[i] = tols[i].add(Rationals.fromDouble(Math.nextUp(sb.halfWidths()[i])));
      }
      pass &= within(errors[i], tols[i]);
    }
    if (cp.bound() != null) {
      bound = s.samples() + " " + s.estimator().id() + " samples at confidence "
          + s.confidence() + " (" + cp.bound().inequality() + ")";
      pass &= !cp.bound().vacuous();
    }
    BigFraction tol = tols[worst];
    BigFraction[] givenAbs = abs(given);
    BigFraction[] exactAbs = abs(exactQ);
    Double tau = kendallTauB(givenAbs, exactAbs);
    int[] givenTop = topK(givenAbs, k);
    int[] exactTop = topK(exactAbs, k);
    return new Grade(against, List.of(given0), List.of(exact), List.of(errors), allExact, cp.how(),
        maxError, worst + 1, tau == null ? OptionalDouble.empty() : OptionalDouble.of(tau),
        agrees(topK(givenAbs, 1), exactAbs, 1), k, agrees(givenTop, exactAbs, k),
        features(givenTop), features(exactTop), tol, pass, cp.distribution(), cp.settings(),
        bound, cp.bound());
  }

  /** error ≤ tolerance, exactly where the error is exact. */
  static boolean within(Scalar error, BigFraction tol) {
    return error.isExact() ? error.exact().compareTo(tol) <= 0
        : error.value() <= tol.doubleValue();
  }

  private static boolean larger(Scalar a, Scalar b) {
    if (a.isExact() && b.isExact()) {
      return a.exact().compareTo(b.exact()) > 0;
    }
    return a.value() > b.value();
  }

  private static BigFraction[] abs(BigFraction[] v) {
    BigFraction[] a = new BigFraction[v.length];
    for (int i = 0; i < v.length; i++) {
      a[i] = v[i].abs();
    }
    return a;
  }

  /** Kendall's τ_b of two rankings; null when either is constant (or d < 2). */
  static Double kendallTauB(BigFraction[] a, BigFraction[] b) {
    long concordant = 0;
    long discordant = 0;
    long tiesA = 0;
    long tiesB = 0;
    long pairs = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = i + 1; j < a.length; j++) {
        pairs++;
        int sa = Integer.signum(a[i].compareTo(a[j]));
        int sb = Integer.signum(b[i].compareTo(b[j]));
        if (sa == 0) {
          tiesA++;
        }
        if (sb == 0) {
          tiesB++;
        }
        if (sa * sb > 0) {
          concordant++;
        } else if (sa * sb < 0) {
          discordant++;
        }
      }
    }
    double denom = Math.sqrt((double) (pairs - tiesA) * (double) (pairs - tiesB));
    return denom == 0 ? null : (concordant - discordant) / denom;
  }

  /** The K features (0-based) of largest value, ties to the lower index, ascending. */
  static int[] topK(BigFraction[] v, int k) {
    Integer[] idx = new Integer[v.length];
    for (int i = 0; i < v.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, Comparator.<Integer, BigFraction>comparing(i -> v[i]).reversed()
        .thenComparing(i -> i));
    int[] t = new int[k];
    for (int i = 0; i < k; i++) {
      t[i] = idx[i];
    }
    Arrays.sort(t);
    return t;
  }

  /** True when every feature of the set has exact importance ≥ the K-th largest. */
  static boolean agrees(int[] set, BigFraction[] exactAbs, int k) {
    BigFraction[] sorted = exactAbs.clone();
    Arrays.sort(sorted, Comparator.reverseOrder());
    BigFraction kth = sorted[k - 1];
    for (int i : set) {
      if (exactAbs[i].compareTo(kth) < 0) {
        return false;
      }
    }
    return true;
  }

  private static List<Integer> features(int[] set) {
    List<Integer> f = new ArrayList<>();
    for (int i : set) {
      f.add(i + 1);
    }
    return f;
  }
}
