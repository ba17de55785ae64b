package xcert.explainers.lfa;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import xcert.explainers.api.Attribution;
import xcert.explainers.api.Explainer;
import xcert.explainers.backend.Backend;
import xcert.explainers.backend.CounterStream;
import xcert.explainers.backend.LfaPlan;
import xcert.explainers.backend.LfaSums;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.result.Provenance;

/**
 * Runs one {@link LfaInstance} on n perturbations: the empirical minimiser of seed 000 Eq. 1,
 * g* = argmin_{g ∈ G} (1/n) Σ_i π(ξ_i) ℓ(f, g, x0, ξ_i), with ξ_0..ξ_{n−1} drawn from Z, sample i
 * from the counter-based stream {@link CounterStream} seeded with {@code seed} at index i.
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
 * Both finish from the run's sufficient statistics ({@link #sums}, {@link LfaSums}): computed on the
 * backend's device when it runs the instance's plan ({@link Backend#runPlan}), else on the host,
 * where samples are generated and evaluated in chunks (default {@value #CHUNK}) and accumulated in
 * sample order, so memory stays bounded and the result depends only on (instance, n, seed), not on
 * the batch size or the backend's threads. The penalty is applied by the host's solve in both cases.
 */
public final class LfaExplainer implements Explainer {

  /** The tolerance of a sampled run: none is stated; grading against the exact limit gives one. */
  public static final String NO_TOLERANCE =
      "none stated (grade it against the exact limit, Oracle.grade)";

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
    check(f, x0);
    LfaSums sums = computeSums(f, x0, backend);
    double[] w;
    OptionalDouble b = OptionalDouble.empty();
    ModelClass g = instance.modelClass();
    if (instance.loss() == Loss.GRADIENT_MATCHING) {
      if (!(sums.weightSum() > 0)) {
        throw new IllegalStateException("every sample has weight 0");
      }
      w = sums.moment();
      for (int i = 0; i < d; i++) {
        w[i] /= sums.weightSum();
      }
    } else if (g.efficiency()) {
      double c0 = sums.fBase();
      double c1 = sums.fx0() - c0;
      w = new double[d];
      double rest = c1;
      if (d >= 2) {
        double[] beta = WeightedLeastSquares.fromSums(d - 1, false, sums.gram(), sums.moment(),
            sums.weightSum(), sums.count()).solve(g.penalty(), g.lambda(), g.scale());
        for (int i = 0; i < d - 1; i++) {
          w[i] = beta[i];
          rest -= beta[i];
        }
      }
      w[d - 1] = rest;
      b = OptionalDouble.of(c0);
    } else {
      double[] beta = WeightedLeastSquares.fromSums(d, g.intercept(), sums.gram(), sums.moment(),
          sums.weightSum(), sums.count()).solve(g.penalty(), g.lambda(), g.scale());
      w = java.util.Arrays.copyOf(beta, d);
      if (g.intercept()) {
        b = OptionalDouble.of(beta[d]);
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
            n, seed, NO_TOLERANCE);
    return new Attribution(w, b, instance.name(), settings, p);
  }

  /**
   * The sufficient statistics of this run at x0 ({@link LfaSums}), from which {@link #explain}
   * finishes the fit. When the instance has a device form ({@link LfaInstance#plan}) and the backend
   * runs that plan ({@link Backend#runPlan}), its sums are used; otherwise the host draws the samples
   * from {@link CounterStream} in sample order and evaluates them through the backend's
   * {@link Backend#evaluate} or {@link Backend#gradients} in chunks of the batch size. Under the
   * efficiency constraint with d &lt; 2 the constraint alone determines w: no sample is drawn, the
   * sums are empty with count 0 and carry f(x0) and f(x0 ⊕ 0).
   *
   * @throws IllegalArgumentException when x0 does not fit f or the instance does not apply to f
   * @throws IllegalStateException when the backend returns sums of the wrong shape
   */
  public LfaSums sums(Model f, double[] x0, Backend backend) {
    check(f, x0);
    return computeSums(f, x0, backend);
  }

  private LfaSums computeSums(Model f, double[] x0, Backend backend) {
    int d = f.dimension();
    HostSums host = new HostSums(instance, n, seed, batch);
    if (instance.modelClass().efficiency() && d < 2) {
      double[] v = host.baseValues(f, x0, backend);
      return new LfaSums(new double[0], new double[0], 0, 0, v[0], v[1]);
    }
    Optional<LfaPlan> plan = instance.plan(x0, n, seed);
    if (plan.isPresent()) {
      Optional<LfaSums> device = backend.runPlan(f, plan.get());
      if (device.isPresent()) {
        return checked(device.get(), plan.get(), backend);
      }
    }
    return instance.loss() == Loss.GRADIENT_MATCHING
        ? host.gradientMatching((ReluNetwork) f, x0, backend)
        : host.squaredError(f, x0, backend);
  }

  /** The backend's sums, after checking that they have the plan's layout. */
  private static LfaSums checked(LfaSums sums, LfaPlan plan, Backend backend) {
    boolean gradient = plan.fit() == LfaPlan.Fit.GRADIENT;
    int p = gradient ? plan.dimension() : plan.columns();
    int gram = gradient ? 0 : p * p;
    boolean base = plan.efficiency() || plan.fit() == LfaPlan.Fit.DROP;
    if (sums.gram().length != gram || sums.moment().length != p || sums.count() != plan.n()
        || (base && Double.isNaN(sums.fx0())) || (plan.efficiency() && Double.isNaN(sums.fBase()))) {
      throw new IllegalStateException(backend.name() + " returned sums of the wrong shape for the "
          + "plan: gram " + sums.gram().length + " (expected " + gram + "), moment "
          + sums.moment().length + " (expected " + p + "), count " + sums.count() + " (expected "
          + plan.n() + "), f(x0) " + sums.fx0() + ", f(x0 ⊕ 0) " + sums.fBase());
    }
    return sums;
  }

  private void check(Model f, double[] x0) {
    int d = f.dimension();
    if (x0.length != d) {
      throw new IllegalArgumentException("x has " + x0.length + " values, the model has " + d
          + " inputs");
    }
    checkApplicable(f, x0);
  }

  private void checkApplicable(Model f, double[] x0) {
    if (instance.loss() == Loss.GRADIENT_MATCHING && !(f instanceof ReluNetwork)) {
      throw new IllegalArgumentException(instance.name() + " matches gradients and needs a ReLU "
          + "network; " + (f.requiresBinaryInputs() ? "a Boolean circuit has none (compile it with"
          + " xcert reduce circuit-to-relu)" : "the probability after a Sigmoid/Softmax head is"
          + " not one (explain the logit, the default)"));
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
}
