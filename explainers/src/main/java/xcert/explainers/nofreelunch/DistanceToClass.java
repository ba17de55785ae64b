package xcert.explainers.nofreelunch;

import xcert.solvers.linalg.ExactLinearSolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import xcert.solvers.model.Model;
import xcert.solvers.result.Provenance;

/**
 * The distance between a model f on {0,1}^d and the class G of affine models, seed 000 Theorem 3
 * (Section 4.1, Appendix A.3): d(f, G) = min_{g∈G} max_x ℓ(f, g, 0, x). Here G is the affine class
 * g(x) = b + wᵀx (linear with an intercept; ℓ(f, g, 0, x) evaluates g at the input x itself), ℓ is the
 * squared error (f(x) − g(x))², and x ranges over all 2^d points of {0,1}^d, so
 * d(f, G) = (min_g max_x |f(x) − g(x)|)², the square of the Chebyshev (minimax) affine fit.
 *
 * <p>The fit is the linear programme min t s.t. −t ≤ f(x) − b − wᵀx ≤ t for all x (d+2 variables,
 * 2^{d+1} constraints), solved in float64 by ojAlgo, together with its dual
 * max Σ_x μ_x f(x) s.t. Σ_x μ_x = 0, Σ_x μ_x x = 0, Σ_x |μ_x| = 1. Both optima are then made exact:
 *
 * <ul>
 *   <li>upper bound U: the primal point is re-solved exactly on its active constraints (free
 *       coordinates fixed at the float64 values), and U = max_x |f(x) − g(x)| is recomputed exactly
 *       over all 2^d points, so U is the attained deviation of an explicit affine g;
 *   <li>lower bound L: the dual point is re-solved exactly on its support; when the weights
 *       λ_{x,s} = s·μ_x are all ≥ 0 they form a certificate: for every affine g,
 *       Σ λ s (f − g)(x) = Σ λ s f(x) = L, so max |f − g| ≥ L.
 * </ul>
 *
 * When L = U the distance (U²) is certified (provenance CERTIFIED); otherwise both bounds are kept
 * and the provenance says the LP was float64.
 */
public final class DistanceToClass {

  /** The largest d for which all 2^d points are enumerated. */
  public static final int MAX_D = 12;

  /**
   * The distance of f to the affine class.
   *
   * @param w the weights of the best affine g found (exact)
   * @param b its intercept (exact)
   * @param upperDeviation U = max_x |f(x) − g(x)| of that g, exact
   * @param lowerDeviation L from the exact dual certificate, or 0 when the certificate failed
   * @param dualSupport the points x (bit i−1 for feature i) of the dual certificate
   * @param dualWeights their signed weights μ_x (exact)
   * @param provenance certified when L = U
   */
  public record Result(List<BigFraction> w, BigFraction b, BigFraction upperDeviation,
      BigFraction lowerDeviation, List<Integer> dualSupport, List<BigFraction> dualWeights,
      Provenance provenance) {

    public Result {
      w = List.copyOf(w);
      dualSupport = List.copyOf(dualSupport);
      dualWeights = List.copyOf(dualWeights);
    }

    /** True when the lower and upper bounds meet, so d(f, G) is known exactly. */
    public boolean isCertified() {
      return lowerDeviation.equals(upperDeviation);
    }

    /** d(f, G) = U², exact when {@link #isCertified()}, otherwise an upper bound. */
    public BigFraction distance() {
      return upperDeviation.multiply(upperDeviation);
    }

    /** L² ≤ d(f, G), always a valid lower bound. */
    public BigFraction distanceLowerBound() {
      return lowerDeviation.multiply(lowerDeviation);
    }

    /** g(x) exactly, x a 0/1 point given as a bit mask. */
    public BigFraction g(long mask) {
      BigFraction v = b;
      for (int i = 0; i < w.size(); i++) {
        if ((mask >> i & 1) != 0) {
          v = v.add(w.get(i));
        }
      }
      return v;
    }
  }

  private DistanceToClass() {}

  /** f on the 0/1 point given by mask (bit i is feature i+1), exact. */
  static BigFraction[] exactTable(Model f) {
    int d = f.dimension();
    if (d < 1 || d > MAX_D) {
      throw new IllegalArgumentException("the distance to the affine class enumerates {0,1}^d and "
          + "needs 1 ≤ d ≤ " + MAX_D + ", the model has d = " + d);
    }
    BigFraction[] t = new BigFraction[1 << d];
    double[] x = new double[d];
    for (int m = 0; m < t.length; m++) {
      for (int i = 0; i < d; i++) {
        x[i] = m >> i & 1;
      }
      t[m] = f.exactValue(x);
    }
    return t;
  }

  /**
   * d(f, G) for f on {0,1}^d, 1 ≤ d ≤ {@value #MAX_D}.
   *
   * @throws IllegalArgumentException when d is out of range
   */
  public static Result compute(Model f) {
    BigFraction[] table = exactTable(f);
    int d = f.dimension();
    int n = table.length;
    double[] fd = new double[n];
    for (int m = 0; m < n; m++) {
      fd[m] = table[m].doubleValue();
    }
    double[] primal = solvePrimal(fd, d);
    double[] mu = solveDual(fd, d);

    // exact primal: variables (b, w_1..w_d, t); active rows b + wᵀx + s·t = f(x), s = sign(f − g)
    double t = primal[d + 1];
    double tol = 1e-7 * Math.max(1, Math.abs(t));
    List<BigFraction[]> rows = new ArrayList<>();
    List<BigFraction> rhs = new ArrayList<>();
    for (int m = 0; m < n; m++) {
      double r = fd[m] - gAt(primal, m, d);
      for (int s = -1; s <= 1; s += 2) {
        if (s * r >= t - tol) {
          BigFraction[] row = new BigFraction[d + 2];
          row[0] = BigFraction.ONE;
          for (int i = 0; i < d; i++) {
            row[1 + i] = BigFraction.of(m >> i & 1);
          }
          row[d + 1] = BigFraction.of(s);
          rows.add(row);
          rhs.add(table[m]);
        }
      }
    }
    BigFraction[] gx = ExactLinearSolver.solveNear(rows.toArray(new BigFraction[0][]),
        rhs.toArray(new BigFraction[0]), primal).orElseGet(() -> exactOf(primal));
    BigFraction bExact = gx[0];
    List<BigFraction> wExact = new ArrayList<>();
    for (int i = 0; i < d; i++) {
      wExact.add(gx[1 + i]);
    }
    Result partial = new Result(wExact, bExact, BigFraction.ZERO, BigFraction.ZERO, List.of(),
        List.of(), Provenance.exact(""));
    BigFraction upper = BigFraction.ZERO;
    for (int m = 0; m < n; m++) {
      BigFraction dev = table[m].subtract(partial.g(m)).abs();
      if (dev.compareTo(upper) > 0) {
        upper = dev;
      }
    }

    // exact dual on the support of μ: Σ μ_x = 0, Σ μ_x x_i = 0, Σ s_x μ_x = 1, s_x μ_x ≥ 0
    List<Integer> support = new ArrayList<>();
    List<Double> guess = new ArrayList<>();
    for (int m = 0; m < n; m++) {
      if (Math.abs(mu[m]) > 1e-9) {
        support.add(m);
        guess.add(mu[m]);
      }
    }
    BigFraction lower = BigFraction.ZERO;
    List<BigFraction> weights = List.of();
    Optional<BigFraction[]> dual = support.isEmpty() ? Optional.empty()
        : ExactLinearSolver.solveNear(dualRows(support, guess, d).toArray(new BigFraction[0][]),
            dualRhs(d).toArray(new BigFraction[0]),
            guess.stream().mapToDouble(Double::doubleValue).toArray());
    if (dual.isPresent() && isCertificate(dual.get(), guess)) {
      BigFraction l = BigFraction.ZERO;
      for (int k = 0; k < support.size(); k++) {
        l = l.add(dual.get()[k].multiply(table[support.get(k)]));
      }
      if (l.signum() > 0) {
        lower = l;
      }
      weights = List.of(dual.get());
    }
    if (upper.signum() == 0) {
      lower = BigFraction.ZERO; // f is affine: g reproduces it exactly, nothing to certify below 0
    }
    boolean certified = lower.equals(upper);
    String how = "Chebyshev affine fit on all 2^" + d + " points: ojAlgo LP (float64) for primal and "
        + "dual, both re-solved exactly";
    Provenance p = certified
        ? new Provenance(Provenance.Kind.CERTIFIED, how + "; dual certificate meets the primal value",
            0, 0, "")
        : Provenance.float64(how + "; not certified: bounds [" + lower + ", " + upper + "]^2");
    return new Result(wExact, bExact, upper, lower, weights.isEmpty() ? List.of() : support,
        weights, p);
  }

  private static boolean isCertificate(BigFraction[] mu, List<Double> guess) {
    // s_x is the sign of the float64 weight; the exact weight must have the same sign (or be 0)
    for (int k = 0; k < mu.length; k++) {
      if (mu[k].signum() * Math.signum(guess.get(k)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static List<BigFraction[]> dualRows(List<Integer> support, List<Double> guess, int d) {
    List<BigFraction[]> rows = new ArrayList<>();
    for (int r = 0; r <= d + 1; r++) {
      BigFraction[] row = new BigFraction[support.size()];
      for (int k = 0; k < support.size(); k++) {
        int m = support.get(k);
        if (r == 0) {
          row[k] = BigFraction.ONE;
        } else if (r <= d) {
          row[k] = BigFraction.of(m >> (r - 1) & 1);
        } else {
          row[k] = BigFraction.of((int) Math.signum(guess.get(k)));
        }
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<BigFraction> dualRhs(int d) {
    List<BigFraction> c = new ArrayList<>();
    for (int r = 0; r <= d; r++) {
      c.add(BigFraction.ZERO);
    }
    c.add(BigFraction.ONE);
    return c;
  }

  private static BigFraction[] exactOf(double[] v) {
    BigFraction[] out = new BigFraction[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = BigFraction.from(v[i]);
    }
    return out;
  }

  private static double gAt(double[] bw, int mask, int d) {
    double g = bw[0];
    for (int i = 0; i < d; i++) {
      if ((mask >> i & 1) != 0) {
        g += bw[1 + i];
      }
    }
    return g;
  }

  /** (b, w_1..w_d, t) minimising t. */
  private static double[] solvePrimal(double[] f, int d) {
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Variable[] v = new Variable[d + 2];
    for (int j = 0; j <= d; j++) {
      v[j] = model.addVariable("v" + j); // b and w free
    }
    v[d + 1] = model.addVariable("t").lower(0).weight(1);
    for (int m = 0; m < f.length; m++) {
      // f(x) − t ≤ b + wᵀx ≤ f(x) + t, as two rows with t on the left
      Expression lo = model.addExpression("lo" + m).lower(f[m]);
      Expression hi = model.addExpression("hi" + m).upper(f[m]);
      lo.set(v[0], 1).set(v[d + 1], 1);
      hi.set(v[0], 1).set(v[d + 1], -1);
      for (int i = 0; i < d; i++) {
        if ((m >> i & 1) != 0) {
          lo.set(v[1 + i], 1);
          hi.set(v[1 + i], 1);
        }
      }
    }
    Optimisation.Result r = model.minimise();
    if (!r.getState().isOptimal()) {
      throw new IllegalStateException("ojAlgo ended the Chebyshev fit in state " + r.getState());
    }
    double[] out = new double[d + 2];
    for (int j = 0; j < d + 2; j++) {
      out[j] = v[j].getValue().doubleValue();
    }
    return out;
  }

  /** μ_x = μ⁺_x − μ⁻_x maximising Σ μ f. */
  private static double[] solveDual(double[] f, int d) {
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    int n = f.length;
    Variable[] plus = new Variable[n];
    Variable[] minus = new Variable[n];
    Expression[] orth = new Expression[d + 1];
    for (int r = 0; r <= d; r++) {
      orth[r] = model.addExpression("orth" + r).level(0);
    }
    Expression mass = model.addExpression("mass").level(1);
    for (int m = 0; m < n; m++) {
      plus[m] = model.addVariable("p" + m).lower(0).weight(f[m]);
      minus[m] = model.addVariable("m" + m).lower(0).weight(-f[m]);
      orth[0].set(plus[m], 1).set(minus[m], -1);
      for (int i = 0; i < d; i++) {
        if ((m >> i & 1) != 0) {
          orth[1 + i].set(plus[m], 1).set(minus[m], -1);
        }
      }
      mass.set(plus[m], 1).set(minus[m], 1);
    }
    Optimisation.Result r = model.maximise();
    if (!r.getState().isOptimal()) {
      throw new IllegalStateException("ojAlgo ended the dual of the Chebyshev fit in state "
          + r.getState());
    }
    double[] mu = new double[n];
    for (int m = 0; m < n; m++) {
      mu[m] = plus[m].getValue().doubleValue() - minus[m].getValue().doubleValue();
    }
    return mu;
  }
}
