package xcert.explainers.permutation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import xcert.explainers.api.Attribution;
import xcert.explainers.api.Explainer;
import xcert.explainers.backend.Backend;
import xcert.solvers.model.Model;
import xcert.solvers.result.Provenance;

/**
 * Permutation sampling of the Shapley value of the game v(z) = f(x0 ⊙ z + r ⊙ (1 − z)) (the masking
 * game of KernelSHAP and Occlusion; with a {@link xcert.explainers.background.BackgroundGame} as f,
 * x0 = 1 and r = 0 it is the interventional game over background rows). N orders are walked, N even:
 * N/2 orders π drawn uniformly (Fisher–Yates from a {@link SplittableRandom} seeded with the seed,
 * in order, so the result depends only on (N, seed)), each walked forwards and then in reverse (the
 * antithetic pair of shap's PermutationExplainer). Along an order the features are switched on one
 * by one from ∅ to [d]; each step's difference v(S ∪ {i}) − v(S) is i's marginal contribution, and
 * φ̂_i is its mean over the N orders. Every walk telescopes to v([d]) − v(∅), so efficiency
 * Σ φ̂_i = v([d]) − v(∅) holds up to float64 summation for any N. A walk costs d + 1 evaluations of
 * v (evaluated through the backend, a chunk of orders per call); the intercept reported is v(∅).
 */
public final class PermutationSampling implements Explainer {

  /** Orders evaluated per backend call (the result does not depend on it). */
  static final int CHUNK = 256;

  private final long n;
  private final long seed;
  private final double[] reference;

  /**
   * @param n the number of orders walked, even and at least 2 (an antithetic pair is two)
   * @param reference r, the value a switched-off feature takes
   * @throws IllegalArgumentException for an odd n or n &lt; 2
   */
  public PermutationSampling(long n, long seed, double[] reference) {
    if (n < 2 || n % 2 != 0) {
      throw new IllegalArgumentException("the number of permutations must be even and at least 2"
          + " (each drawn order is walked forwards and in reverse), got " + n);
    }
    this.n = n;
    this.seed = seed;
    this.reference = reference.clone();
  }

  /** The default number of orders: {@value #DEFAULT_PERMUTATIONS} (100 antithetic pairs). */
  public static final long DEFAULT_PERMUTATIONS = 200;

  @Override
  public String name() {
    return "permutation";
  }

  public long samples() {
    return n;
  }

  public long seed() {
    return seed;
  }

  @Override
  public Attribution explain(Model f, double[] x0, Backend backend) {
    int d = f.dimension();
    if (x0.length != d || reference.length != d) {
      throw new IllegalArgumentException("x has " + x0.length + " values and the reference "
          + reference.length + "; the model has " + d + " inputs");
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] sum = new double[d];
    int[][] orders = new int[CHUNK][];
    double full = Double.NaN;
    double empty = Double.NaN;
    long done = 0;
    while (done < n) {
      int k = (int) Math.min(CHUNK, n - done);
      for (int t = 0; t < k; t += 2) {
        int[] pi = shuffled(d, random);
        int[] rev = new int[d];
        for (int i = 0; i < d; i++) {
          rev[i] = pi[d - 1 - i];
        }
        orders[t] = pi;
        orders[t + 1] = rev;
      }
      double[] pts = new double[k * (d + 1) * d];
      for (int t = 0; t < k; t++) {
        boolean[] on = new boolean[d];
        int base = t * (d + 1) * d;
        for (int step = 0; step <= d; step++) {
          if (step > 0) {
            on[orders[t][step - 1]] = true;
          }
          int off = base + step * d;
          for (int i = 0; i < d; i++) {
            pts[off + i] = on[i] ? x0[i] : reference[i];
          }
        }
      }
      double[] v = backend.evaluate(f, pts, k * (d + 1));
      for (int t = 0; t < k; t++) {
        int base = t * (d + 1);
        for (int step = 1; step <= d; step++) {
          sum[orders[t][step - 1]] += v[base + step] - v[base + step - 1];
        }
      }
      if (done == 0) {
        empty = v[0];
        full = v[d];
      }
      done += k;
    }
    double[] phi = new double[d];
    for (int i = 0; i < d; i++) {
      phi[i] = sum[i] / n;
    }
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("method", "permutation");
    settings.put("samples", Long.toString(n));
    settings.put("seed", Long.toString(seed));
    settings.put("orders", (n / 2) + " drawn uniformly, each walked forwards and in reverse "
        + "(antithetic)");
    settings.put("estimate", "φ_i = mean over the orders of v(S ∪ {i}) − v(S), S the features "
        + "before i");
    settings.put("evaluations", (n * (d + 1)) + " coalition values (d + 1 per order)");
    settings.put("efficiency", "Σφ − (v([d]) − v(∅)) = " + (sumOf(phi) - (full - empty)));
    settings.put("backend", backend.name());
    Provenance p = new Provenance(Provenance.Kind.SAMPLED, "permutation sampling of Shapley "
        + "values, antithetic (shap's PermutationExplainer, Captum's ShapleyValueSampling)", n,
        seed, "none stated (grade it: xcert oracle --against shapley --estimator permutation "
        + "--samples " + n + ")");
    return new Attribution(phi, OptionalDouble.of(empty), "permutation", settings, p);
  }

  private static double sumOf(double[] v) {
    double s = 0;
    for (double a : v) {
      s += a;
    }
    return s;
  }

  /** A uniform permutation of 0..d−1 (Fisher–Yates). */
  private static int[] shuffled(int d, SplittableRandom random) {
    int[] p = new int[d];
    for (int i = 0; i < d; i++) {
      p[i] = i;
    }
    for (int i = d - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = p[i];
      p[i] = p[j];
      p[j] = tmp;
    }
    return p;
  }
}
