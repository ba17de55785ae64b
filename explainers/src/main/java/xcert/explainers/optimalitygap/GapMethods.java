package xcert.explainers.optimalitygap;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import xcert.explainers.api.Attribution;
import xcert.explainers.api.Explainer;
import xcert.explainers.backend.Backend;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.solvers.dist.EmpiricalDistribution;
import xcert.solvers.dist.FeatureSupport;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.instances.Instance;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.result.Provenance;

/**
 * The sampled explainers of {@link Methods} as {@link Method}s for the gap comparison, and a random
 * baseline. A masked feature takes the most probable value of V's marginal of that feature (for an
 * empirical V, the most frequent value of its column; ties to the smaller value), so that the mask
 * methods replace features by a value V actually produces, and a circuit still sees 0/1 inputs.
 * Gradient methods apply to ReLU networks only; KernelSHAP to d ≥ 2.
 */
public final class GapMethods {

  private GapMethods() {}

  /** One of {@link Methods#NAMES} with default settings, the given seed and the mode reference. */
  public static Method existing(String name, long seed) {
    if (!Methods.NAMES.contains(name)) {
      throw new IllegalArgumentException("'" + name + "' is not a method; expected one of "
          + String.join(", ", Methods.NAMES));
    }
    boolean gradient = Methods.GRADIENT.contains(name);
    boolean continuous = name.equals("c-lime") || name.startsWith("glime-") && !name.equals(
        "glime-binomial");
    return new Method(name,
        inst -> (!gradient || inst.model() instanceof ReluNetwork)
            && (!continuous || !inst.model().requiresBinaryInputs())
            && (!name.equals("kernelshap") || inst.dimension() >= 2),
        inst -> Methods.create(name, MethodSettings.defaults().withSeed(seed)
            .withReference(mode(inst.distribution())), inst.dimension()));
  }

  /**
   * Scores drawn uniformly from [0,1) with a seed mixed with the instance's label: what thresholding
   * gives without any information about f.
   */
  public static Method random(long seed) {
    return Method.of("random", inst -> new RandomScores(seed ^ inst.label().hashCode()));
  }

  /**
   * The most probable value of each marginal of V.
   *
   * @throws IllegalArgumentException for a conditional distribution
   */
  public static double[] mode(ReferenceDistribution v) {
    int d = v.dimension();
    double[] r = new double[d];
    if (v instanceof ProductDistribution p) {
      for (int i = 0; i < d; i++) {
        FeatureSupport s = p.feature(i);
        int best = 0;
        for (int a = 1; a < s.size(); a++) {
          int c = s.probability(a).compareTo(s.probability(best));
          if (c > 0 || c == 0 && s.value(a) < s.value(best)) {
            best = a;
          }
        }
        r[i] = s.value(best);
      }
      return r;
    }
    if (v instanceof EmpiricalDistribution e) {
      for (int i = 0; i < d; i++) {
        Map<Double, Integer> counts = new java.util.TreeMap<>();
        for (int k = 0; k < e.distinctRowCount(); k++) {
          counts.merge(e.distinctRow(k)[i], e.count(k), Integer::sum);
        }
        double best = Double.NaN;
        int bestCount = -1;
        for (Map.Entry<Double, Integer> en : counts.entrySet()) { // ascending: ties keep the smaller
          if (en.getValue() > bestCount) {
            best = en.getKey();
            bestCount = en.getValue();
          }
        }
        r[i] = best;
      }
      return r;
    }
    throw new IllegalArgumentException("no per-feature reference for " + v.describe());
  }

  /** Uniform random scores with a fixed seed. */
  private record RandomScores(long seed) implements Explainer {
    @Override
    public String name() {
      return "random";
    }

    @Override
    public Attribution explain(Model f, double[] x0, Backend backend) {
      SplittableRandom rnd = new SplittableRandom(seed);
      double[] w = new double[f.dimension()];
      for (int i = 0; i < w.length; i++) {
        w[i] = rnd.nextDouble();
      }
      return new Attribution(w, OptionalDouble.empty(), "random", Map.of("seed",
          Long.toString(seed)), Provenance.heuristic("uniform random scores, seed " + seed, 0,
          seed));
    }
  }
}
