package xcert.explainers.lfa;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import xcert.explainers.api.Attribution;
import xcert.explainers.api.Explainer;
import xcert.explainers.backend.Backend;
import xcert.explainers.backend.LfaSums;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.result.Provenance;

/**
 * Runs one {@link LfaInstance} on n perturbations: the empirical minimiser of seed 000 Eq. 1,
 * g* = argmin_{g ∈ G} (1/n) Σ_i π(ξ_i) ℓ(f, g, x0, ξ_i), with ξ_1..ξ_n drawn from Z by a generator
 * seeded with {@code seed}.
 *
 * <ul>
 *   <li>Squared error: a weighted least-squares fit of g(ξ) = wᵀξ (+ b) to f(x0 ⊕ ξ) (or to the drop
 *       f(x0) − f(x0 ⊕ (1 − ξ)) for Occlusion), plain, ridge or lasso, or under KernelSHAP's
 *       efficiency constraint (eliminated: w_d = c − Σ_{i&lt;d} w_i).
 *   <li>Gradient matching: the minimiser of (1/n) Σ π_i ‖J_iᵀ∇f(x0 ⊕ ξ_i) − w‖² is the weighted mean
 *       of J_iᵀ∇f(x0 ⊕ ξ_i), with J = ∂(x0 ⊕ ξ)/∂ξ (seed 000 A.2.5, A.2.7). ReLU networks only;
 *       gradients are the backend's analytic ones.
 * </ul>
 *
 * Samples are generated and evaluated in chunks (default {@value #CHUNK}), in order, so memory stays
 * bounded and the result depends only on (instance, n, seed), not on the backend's threads.
 */
public final class LfaExplainer implements Explainer {

  /** Perturbations evaluated per backend call. */
  public static final int CHUNK = 8192;

  private final LfaInstance instance;
  private final long n;
  private final long seed;
  private final int batch;

  public LfaExplainer(LfaInstance instance, long n, long seed) {
    this(instance, n, seed, CHUNK);
  }

  /**
   * @param batch perturbations per backend call (the result does not depend on it; the speed does)
   */
  public LfaExplainer(LfaInstance instance, long n, long seed, int batch) {
    if (n < 1) {
      throw new IllegalArgumentException("the number of samples must be at least 1, got " + n);
    }
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1, got " + batch);
    }
    this.instance = instance;
    this.n = n;
    this.seed = seed;
    this.batch = batch;
  }

  /** The same explainer with a different batch size. */
  public LfaExplainer withBatch(int b) {
    return new LfaExplainer(instance, n, seed, b);
  }

  public LfaInstance instance() {
    return instance;
  }

  public long samples() {
    return n;
  }

  public long seed() {
    return seed;
  }

  @Override
  public String name() {
    return instance.name();
  }

  @Override
  public Attribution explain(Model f, double[] x0, Backend backend) {
    int d = f.dimension();
    if (x0.length != d) {
      throw new IllegalArgumentException("x has " + x0.length + " values, the model has " + d
          + " inputs");
    }
    checkApplicable(f, x0);
    double[] w;
    OptionalDouble b = OptionalDouble.empty();
    if (instance.loss() == Loss.GRADIENT_MATCHING) {
      w = gradientMatching((ReluNetwork) f, x0, backend);
    } else {
      double[] fit = squaredError(f, x0, backend);
      w = java.util.Arrays.copyOf(fit, d);
      if (instance.modelClass().intercept()) {
        b = OptionalDouble.of(fit[d]);
      } else if (instance.modelClass().efficiency()) {
        b = OptionalDouble.of(fit[d]);
      }
    }
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("method", instance.name());
    settings.put("samples", Long.toString(n));
    settings.put("seed", Long.toString(seed));
    settings.put("neighbourhood", instance.neighbourhood().describe()
        + (instance.paired() ? ", paired" : ""));
    settings.put("combination", instance.combination().describe());
    settings.put("kernel", instance.kernel().describe());
    settings.put("loss", instance.loss().name().toLowerCase().replace('_', ' ')
        + (instance.target() == Target.DROP ? " (target: drop f(x0) − f(x0 ⊕ (1−ξ)))" : ""));
    settings.put("class", instance.modelClass().describe());
    settings.put("backend", backend.name());
    Provenance p = instance.neighbourhood().isDeterministic(d, n)
        ? Provenance.float64("LFA " + instance.name() + ": the neighbourhood is degenerate or "
            + "enumerated, every perturbation evaluated")
        : new Provenance(Provenance.Kind.SAMPLED, "LFA " + instance.name() + " (seed 000 Eq. 1)",
            n, seed, "none stated by this command (xcert oracle compares with the exact limit)");
    return new Attribution(w, b, instance.name(), settings, p);
  }

  /**
   * The sufficient statistics of this explanation ({@link LfaSums}): the normal equations of the
   * squared-error fit (Gram matrix Σ π a aᵀ over the regression rows a, moment Σ π a y), or for
   * gradient matching the weighted sum of J ⊙ ∇f, drawing the same samples as {@link #explain}.
   * The penalty of the class is not applied.
   */
  public LfaSums sums(Model f, double[] x0, Backend backend) {
    int d = f.dimension();
    if (x0.length != d) {
      throw new IllegalArgumentException("x has " + x0.length + " values, the model has " + d
          + " inputs");
    }
    checkApplicable(f, x0);
    SplittableRandom rnd = new SplittableRandom(seed);
    int chunk = (int) Math.min(batch, n);
    double[] xis = new double[chunk * d];
    double[] rows = new double[chunk * d];
    double[] prev = new double[d];
    double[] xi = new double[d];
    double weightSum = 0;
    if (instance.loss() == Loss.GRADIENT_MATCHING) {
      double[] jac = new double[d];
      instance.combination().jacobianDiagonal(x0, jac);
      double[] sum = new double[d];
      for (long first = 0; first < n; first += chunk) {
        int m = (int) Math.min(chunk, n - first);
        draw(rnd, first, m, d, x0, xis, rows, prev);
        double[] grads = backend.gradients((ReluNetwork) f, java.util.Arrays.copyOf(rows, m * d),
            m);
        for (int r = 0; r < m; r++) {
          System.arraycopy(xis, r * d, xi, 0, d);
          double weight = instance.kernel().weight(xi);
          for (int i = 0; i < d; i++) {
            sum[i] += weight * jac[i] * grads[r * d + i];
          }
          weightSum += weight;
        }
      }
      return new LfaSums(new double[0], sum, weightSum, n, Double.NaN, Double.NaN);
    }
    ModelClass g = instance.modelClass();
    boolean efficiency = g.efficiency();
    boolean drop = instance.target() == Target.DROP;
    double fx0 = Double.NaN;
    double fBase = Double.NaN;
    if (efficiency || drop) {
      double[] two = new double[2 * d];
      System.arraycopy(x0, 0, two, 0, d);
      double[] base = new double[d];
      instance.combination().apply(x0, new double[d], base);
      System.arraycopy(base, 0, two, d, d);
      double[] v = backend.evaluate(f, two, 2);
      fx0 = v[0];
      fBase = efficiency ? v[1] : Double.NaN;
    }
    int features = efficiency ? d - 1 : d;
    int p = features + (g.intercept() ? 1 : 0);
    double[] gram = new double[p * p];
    double[] moment = new double[p];
    double[] a = new double[p];
    double[] tmp = new double[d];
    for (long first = 0; first < n; first += chunk) {
      int m = (int) Math.min(chunk, n - first);
      draw(rnd, first, m, d, x0, xis, rows, prev);
      double[] eval = java.util.Arrays.copyOf(rows, m * d);
      if (drop) {
        for (int r = 0; r < m; r++) {
          for (int i = 0; i < d; i++) {
            xi[i] = 1 - xis[r * d + i];
          }
          instance.combination().apply(x0, xi, tmp);
          System.arraycopy(tmp, 0, eval, r * d, d);
        }
      }
      double[] v = backend.evaluate(f, eval, m);
      for (int r = 0; r < m; r++) {
        System.arraycopy(xis, r * d, xi, 0, d);
        double weight = instance.kernel().weight(xi);
        double y = drop ? fx0 - v[r] : v[r];
        if (efficiency) {
          double zd = xi[d - 1];
          for (int i = 0; i < features; i++) {
            a[i] = xi[i] - zd;
          }
          y = y - fBase - (fx0 - fBase) * zd;
        } else {
          System.arraycopy(xi, 0, a, 0, d);
        }
        if (g.intercept()) {
          a[p - 1] = 1;
        }
        for (int i = 0; i < p; i++) {
          for (int j = 0; j < p; j++) {
            gram[i * p + j] += weight * a[i] * a[j];
          }
          moment[i] += weight * a[i] * y;
        }
        weightSum += weight;
      }
    }
    return new LfaSums(gram, moment, weightSum, n, fx0, fBase);
  }

  private void checkApplicable(Model f, double[] x0) {
    if (instance.loss() == Loss.GRADIENT_MATCHING && !(f instanceof ReluNetwork)) {
      throw new IllegalArgumentException(instance.name() + " matches gradients and needs a ReLU "
          + "network; a Boolean circuit has none (compile it with xcert reduce circuit-to-relu)");
    }
    if (f.requiresBinaryInputs()) {
      if (!instance.neighbourhood().isBinary()) {
        throw new IllegalArgumentException(instance.name() + " perturbs continuously ("
            + instance.neighbourhood().describe() + "); a Boolean circuit takes only 0/1 inputs "
            + "(use a binary-mask method, or compile the circuit with xcert reduce circuit-to-relu)");
      }
      for (int i = 0; i < x0.length; i++) {
        if (x0[i] != 0 && x0[i] != 1) {
          throw new IllegalArgumentException("x" + (i + 1) + " = " + x0[i]
              + " is not 0 or 1; a Boolean circuit takes only 0/1 inputs");
        }
      }
      double[] ones = new double[x0.length];
      double[] zeros = new double[x0.length];
      java.util.Arrays.fill(ones, 1);
      double[] out = new double[x0.length];
      for (double[] xi : new double[][] {ones, zeros}) {
        instance.combination().apply(x0, xi, out);
        for (int i = 0; i < out.length; i++) {
          if (out[i] != 0 && out[i] != 1) {
            throw new IllegalArgumentException("the reference value " + out[i] + " of x" + (i + 1)
                + " is not 0 or 1; a Boolean circuit takes only 0/1 inputs");
          }
        }
      }
    }
  }

  /**
   * Fills xis and rows (row-major) with the next m perturbations ξ and x0 ⊕ ξ. {@code prev} holds
   * the last ξ drawn before this chunk, for paired sampling across chunk boundaries; it is updated.
   */
  private void draw(SplittableRandom rnd, long first, int m, int d, double[] x0, double[] xis,
      double[] rows, double[] prev) {
    double[] xi = new double[d];
    double[] out = new double[d];
    for (int r = 0; r < m; r++) {
      long index = first + r;
      if (instance.paired() && (index & 1) == 1) {
        for (int i = 0; i < d; i++) {
          xi[i] = 1 - prev[i];
        }
      } else {
        instance.neighbourhood().sample(rnd, index, xi);
      }
      System.arraycopy(xi, 0, prev, 0, d);
      System.arraycopy(xi, 0, xis, r * d, d);
      instance.combination().apply(x0, xi, out);
      System.arraycopy(out, 0, rows, r * d, d);
    }
  }

  private double[] squaredError(Model f, double[] x0, Backend backend) {
    int d = f.dimension();
    ModelClass g = instance.modelClass();
    boolean efficiency = g.efficiency();
    double fx0 = Double.NaN;
    double c0 = 0;
    double c1 = 0;
    if (efficiency || instance.target() == Target.DROP) {
      double[] two = new double[2 * d];
      System.arraycopy(x0, 0, two, 0, d);
      double[] base = new double[d];
      instance.combination().apply(x0, new double[d], base);
      System.arraycopy(base, 0, two, d, d);
      double[] v = backend.evaluate(f, two, 2);
      fx0 = v[0];
      c0 = v[1];
      c1 = v[0] - v[1];
      if (efficiency && d < 2) {
        // With one feature the constraint determines w alone.
        return new double[] {c1, c0};
      }
    }
    int features = efficiency ? d - 1 : d;
    WeightedLeastSquares ls = new WeightedLeastSquares(features, g.intercept());
    SplittableRandom rnd = new SplittableRandom(seed);
    int chunk = (int) Math.min(batch, n);
    double[] xis = new double[chunk * d];
    double[] rows = new double[chunk * d];
    double[] comp = instance.target() == Target.DROP ? new double[chunk * d] : null;
    double[] u = new double[d];
    double[] xi = new double[d];
    double[] tmp = new double[d];
    double[] prev = new double[d];
    for (long first = 0; first < n; first += chunk) {
      int m = (int) Math.min(chunk, n - first);
      draw(rnd, first, m, d, x0, xis, rows, prev);
      double[] y;
      if (instance.target() == Target.DROP) {
        for (int r = 0; r < m; r++) {
          for (int i = 0; i < d; i++) {
            xi[i] = 1 - xis[r * d + i];
          }
          instance.combination().apply(x0, xi, tmp);
          System.arraycopy(tmp, 0, comp, r * d, d);
        }
        double[] dropped = backend.evaluate(f, m == chunk ? comp
            : java.util.Arrays.copyOf(comp, m * d), m);
        y = new double[m];
        for (int r = 0; r < m; r++) {
          y[r] = fx0 - dropped[r];
        }
      } else {
        y = backend.evaluate(f, m == chunk ? rows : java.util.Arrays.copyOf(rows, m * d), m);
      }
      for (int r = 0; r < m; r++) {
        System.arraycopy(xis, r * d, xi, 0, d);
        double weight = instance.kernel().weight(xi);
        if (efficiency) {
          double zd = xi[d - 1];
          for (int i = 0; i < d - 1; i++) {
            u[i] = xi[i] - zd;
          }
          ls.add(u, y[r] - c0 - c1 * zd, weight);
        } else {
          ls.add(xi, y[r], weight);
        }
      }
    }
    double[] beta = ls.solve(g.penalty(), g.lambda(), g.scale());
    if (!efficiency) {
      return beta;
    }
    double[] w = new double[d + 1];
    double rest = c1;
    for (int i = 0; i < d - 1; i++) {
      w[i] = beta[i];
      rest -= beta[i];
    }
    w[d - 1] = rest;
    w[d] = c0;
    return w;
  }

  private double[] gradientMatching(ReluNetwork f, double[] x0, Backend backend) {
    int d = f.dimension();
    SplittableRandom rnd = new SplittableRandom(seed);
    int chunk = (int) Math.min(batch, n);
    double[] xis = new double[chunk * d];
    double[] rows = new double[chunk * d];
    double[] jac = new double[d];
    instance.combination().jacobianDiagonal(x0, jac);
    double[] sum = new double[d];
    double weightSum = 0;
    double[] xi = new double[d];
    double[] prev = new double[d];
    for (long first = 0; first < n; first += chunk) {
      int m = (int) Math.min(chunk, n - first);
      draw(rnd, first, m, d, x0, xis, rows, prev);
      double[] grads = backend.gradients(f, m == chunk ? rows
          : java.util.Arrays.copyOf(rows, m * d), m);
      for (int r = 0; r < m; r++) {
        System.arraycopy(xis, r * d, xi, 0, d);
        double weight = instance.kernel().weight(xi);
        for (int i = 0; i < d; i++) {
          sum[i] += weight * jac[i] * grads[r * d + i];
        }
        weightSum += weight;
      }
    }
    if (weightSum <= 0) {
      throw new IllegalStateException("every sample has weight 0");
    }
    for (int i = 0; i < d; i++) {
      sum[i] /= weightSum;
    }
    return sum;
  }
}
