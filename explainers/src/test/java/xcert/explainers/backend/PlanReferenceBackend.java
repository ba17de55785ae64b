package xcert.explainers.backend;

import java.util.Optional;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;

/**
 * A Java oracle of {@link Backend#runPlan}, written from the Javadoc of {@link LfaPlan} (the per-sample
 * definition of each noise, weight and combination) and {@link LfaSums} (the layout of the sums),
 * not from the host loop of the explainers: it draws every sample from {@link CounterStream}, applies
 * ⊕ and π, evaluates the rows on a {@link CpuBackend}, and accumulates the sums. What a device must
 * compute for a plan is what this class computes.
 */
public final class PlanReferenceBackend implements Backend {

  private final CpuBackend cpu = new CpuBackend(1);
  private int plansRun;

  /** How many plans {@link #runPlan} has run. */
  public int plansRun() {
    return plansRun;
  }

  @Override
  public String name() {
    return "plan reference";
  }

  @Override
  public double[] evaluate(Model f, double[] rows, int n) {
    return cpu.evaluate(f, rows, n);
  }

  @Override
  public double[] gradients(ReluNetwork f, double[] rows, int n) {
    return cpu.gradients(f, rows, n);
  }

  @Override
  public Optional<LfaSums> runPlan(Model f, LfaPlan plan) {
    if (plan.fit() == LfaPlan.Fit.GRADIENT && !(f instanceof ReluNetwork)) {
      return Optional.empty();
    }
    plansRun++;
    int d = plan.dimension();
    int n = Math.toIntExact(plan.n());
    double[] x0 = plan.x0();
    double[] r = plan.reference();
    double[] jac = jacobian(plan.combine(), x0, r);
    double[] base = combine(plan.combine(), x0, new double[d], r);
    // The plan's J and x0 ⊕ 0 (the CPU combination's) are what its Combine code documents.
    if (!java.util.Arrays.equals(plan.jacobian(), jac)
        || !java.util.Arrays.equals(plan.base(), base)) {
      throw new IllegalStateException("the plan's Jacobian or x0 ⊕ 0 is not that of "
          + plan.combine());
    }
    CounterStream s = new CounterStream(plan.seed());
    double[][] xis = new double[n][];
    double[] rows = new double[n * d];
    for (int i = 0; i < n; i++) {
      xis[i] = plan.paired() && i % 2 == 1 ? complement(noise(plan, s, i - 1, d))
          : noise(plan, s, i, d);
      double[] at = plan.fit() == LfaPlan.Fit.DROP ? complement(xis[i]) : xis[i];
      System.arraycopy(combine(plan.combine(), x0, at, r), 0, rows, i * d, d);
    }
    if (plan.fit() == LfaPlan.Fit.GRADIENT) {
      double[] grads = cpu.gradients((ReluNetwork) f, rows, n);
      double[] moment = new double[d];
      double weightSum = 0;
      for (int i = 0; i < n; i++) {
        double w = weight(plan, xis[i]);
        for (int j = 0; j < d; j++) {
          moment[j] += w * jac[j] * grads[i * d + j];
        }
        weightSum += w;
      }
      return Optional.of(new LfaSums(new double[0], moment, weightSum, n, Double.NaN,
          Double.NaN));
    }
    double fx0 = Double.NaN;
    double fBase = Double.NaN;
    if (plan.efficiency() || plan.fit() == LfaPlan.Fit.DROP) {
      fx0 = cpu.evaluate(f, x0, 1)[0];
      if (plan.efficiency()) {
        fBase = cpu.evaluate(f, base, 1)[0];
      }
    }
    double[] values = cpu.evaluate(f, rows, n);
    int p = plan.columns();
    double[] gram = new double[p * p];
    double[] moment = new double[p];
    double weightSum = 0;
    for (int i = 0; i < n; i++) {
      double[] xi = xis[i];
      double y = plan.fit() == LfaPlan.Fit.DROP ? fx0 - values[i] : values[i];
      double[] a = new double[p];
      if (plan.efficiency()) {
        double last = xi[d - 1];
        for (int j = 0; j < d - 1; j++) {
          a[j] = xi[j] - last;
        }
        y = y - fBase - (fx0 - fBase) * last;
      } else {
        System.arraycopy(xi, 0, a, 0, d);
      }
      if (plan.intercept()) {
        a[p - 1] = 1;
      }
      double w = weight(plan, xi);
      for (int j = 0; j < p; j++) {
        for (int k = 0; k < p; k++) {
          gram[j * p + k] += w * a[j] * a[k];
        }
        moment[j] += w * a[j] * y;
      }
      weightSum += w;
    }
    return Optional.of(new LfaSums(gram, moment, weightSum, n, fx0, fBase));
  }

  /** ξ of sample i, per {@link LfaPlan.Noise}. */
  static double[] noise(LfaPlan plan, CounterStream s, long i, int d) {
    double p0 = plan.p0();
    double p1 = plan.p1();
    double[] xi = new double[d];
    switch (plan.noise()) {
      case GAUSSIAN -> {
        for (int f = 0; f < d; f++) {
          xi[f] = p0 * s.normal(i, f);
        }
      }
      case LAPLACE -> {
        for (int f = 0; f < d; f++) {
          double u = s.uniform(i, f) - 0.5;
          xi[f] = -p0 * Math.signum(u) * Math.log1p(-2 * Math.abs(u));
        }
      }
      case UNIFORM_BOX -> {
        for (int f = 0; f < d; f++) {
          xi[f] = p0 * (2 * s.uniform(i, f) - 1);
        }
      }
      case UNIFORM_SCALE -> {
        double t = p0 == p1 ? p0 : p0 + (p1 - p0) * s.uniform(i, 0);
        java.util.Arrays.fill(xi, t);
      }
      case BERNOULLI -> {
        for (int f = 0; f < d; f++) {
          xi[f] = s.uniform(i, f) < p0 ? 1 : 0;
        }
      }
      case LIME_MASK -> {
        for (int f = 0; f < d; f++) {
          xi[f] = i == 0 || s.uniform(i, f) < 0.5 ? 1 : 0;
        }
      }
      case SHAPLEY -> {
        int needed = shapleySize(s.uniform(i, 0), d);
        for (int f = 0; f < d; f++) {
          if (s.uniform(i, 1 + f) * (d - f) < needed) {
            xi[f] = 1;
            needed--;
          }
        }
      }
      case ONE_HOT -> xi[(int) (i % d)] = 1;
      case RIEMANN -> java.util.Arrays.fill(xi, ((i % (long) p0) + 0.5) / p0);
    }
    return xi;
  }

  /** k ∈ {1..d−1} with probability ∝ (d−1)/(k(d−k)), by inverting the cumulative masses at u. */
  private static int shapleySize(double u, int d) {
    double total = 0;
    for (int k = 1; k <= d - 1; k++) {
      total += (d - 1) / ((double) k * (d - k));
    }
    double v = u * total;
    for (int k = 1; k <= d - 2; k++) {
      v -= (d - 1) / ((double) k * (d - k));
      if (v < 0) {
        return k;
      }
    }
    return d - 1;
  }

  /** π(ξ), per {@link LfaPlan.Weight}. */
  private static double weight(LfaPlan plan, double[] xi) {
    int d = xi.length;
    int k = 0;
    for (double v : xi) {
      if (v != 0) {
        k++;
      }
    }
    double w = plan.width();
    return switch (plan.weight()) {
      case NONE -> 1;
      case LIME_COSINE -> {
        double dist = k == 0 ? 1 : 1 - Math.sqrt((double) k / d);
        yield Math.exp(-dist * dist / (2 * w * w));
      }
      case LIME_L2 -> Math.exp(-(d - k) / (2 * w * w));
    };
  }

  /** x0 ⊕ ξ, per {@link LfaPlan.Combine}. */
  private static double[] combine(LfaPlan.Combine c, double[] x0, double[] xi, double[] r) {
    double[] out = new double[x0.length];
    for (int f = 0; f < out.length; f++) {
      out[f] = switch (c) {
        case ADDITIVE -> x0[f] + xi[f];
        case MULTIPLICATIVE -> x0[f] * xi[f];
        case MASK -> x0[f] * xi[f] + r[f] * (1 - xi[f]);
      };
    }
    return out;
  }

  /** The Jacobian diagonal of ⊕, per {@link LfaPlan.Combine}. */
  private static double[] jacobian(LfaPlan.Combine c, double[] x0, double[] r) {
    double[] out = new double[x0.length];
    for (int f = 0; f < out.length; f++) {
      out[f] = switch (c) {
        case ADDITIVE -> 1;
        case MULTIPLICATIVE -> x0[f];
        case MASK -> x0[f] - r[f];
      };
    }
    return out;
  }

  private static double[] complement(double[] xi) {
    double[] out = new double[xi.length];
    for (int f = 0; f < xi.length; f++) {
      out[f] = 1 - xi[f];
    }
    return out;
  }
}
