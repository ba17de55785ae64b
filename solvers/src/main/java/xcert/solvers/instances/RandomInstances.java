package xcert.solvers.instances;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.dist.EmpiricalDistribution;
import xcert.solvers.dist.FeatureSupport;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.ReluNetwork;

/**
 * Seeded random instances for checking the seeds' statements: Boolean circuits, small ReLU networks,
 * reference distributions (uniform, dyadic and non-dyadic Bernoulli, finite supports, empirical rows),
 * inputs, and finite joint distributions. The same seed and size parameters always give the same
 * instance, so a failure is reported by (seed, sizes) and rebuilt exactly; the property tests shrink
 * the sizes.
 *
 * <p>Weights, biases and probabilities are small dyadic or simple rationals so that exact arithmetic
 * stays cheap while ties and boundary cases (which the seeds' theorems are sensitive to) are common.
 */
public final class RandomInstances {

  private RandomInstances() {}

  /** A random circuit on d inputs with the given number of gates; the output is the last gate. */
  public static Circuit circuit(SplittableRandom rnd, int d, int gates) {
    return circuit(rnd, d, gates, false);
  }

  /**
   * A random circuit; with {@code symmetric12} (d ≥ 2) inputs x1 and x2 enter only through one
   * symmetric gate AND/OR/XOR(x1, x2), so the circuit is invariant under swapping them.
   */
  public static Circuit circuit(SplittableRandom rnd, int d, int gates, boolean symmetric12) {
    Circuit.Builder b = Circuit.builder(d);
    List<Integer> pool = new ArrayList<>();
    int first = 1;
    if (symmetric12 && d >= 2) {
      int x1 = b.input(1);
      int x2 = b.input(2);
      pool.add(switch (rnd.nextInt(3)) {
        case 0 -> b.and(x1, x2);
        case 1 -> b.or(x1, x2);
        default -> b.xor(x1, x2);
      });
      first = 3;
    }
    for (int i = first; i <= d; i++) {
      pool.add(b.input(i));
    }
    int last = d > 0 ? pool.get(pool.size() - 1) : b.constant(rnd.nextBoolean());
    for (int g = 0; g < gates; g++) {
      int kind = rnd.nextInt(20);
      if (kind == 0) {
        last = b.constant(rnd.nextBoolean());
      } else if (pool.isEmpty()) {
        last = b.constant(rnd.nextBoolean());
      } else if (kind <= 3) {
        last = b.not(pick(rnd, pool));
      } else {
        int arity = 2 + (rnd.nextInt(4) == 0 ? 1 : 0);
        int[] ch = new int[arity];
        for (int a = 0; a < arity; a++) {
          ch[a] = pick(rnd, pool);
        }
        last = switch (kind % 3) {
          case 0 -> b.and(ch);
          case 1 -> b.or(ch);
          default -> b.xor(ch);
        };
      }
      pool.add(last);
    }
    return b.output(last).build();
  }

  /** A random k-CNF: {@code clauses} clauses of k distinct variables, random signs. */
  public static Circuit cnf(SplittableRandom rnd, int d, int clauses, int k) {
    Circuit.Builder b = Circuit.builder(d);
    int[] cl = new int[clauses];
    int width = Math.min(k, d);
    for (int c = 0; c < clauses; c++) {
      int[] lits = new int[width];
      long used = 0;
      for (int j = 0; j < width; j++) {
        int v;
        do {
          v = rnd.nextInt(d);
        } while ((used >>> v & 1) != 0);
        used |= 1L << v;
        lits[j] = rnd.nextBoolean() ? b.input(v + 1) : b.not(b.input(v + 1));
      }
      cl[c] = b.or(lits);
    }
    return b.output(b.and(cl)).build();
  }

  /** A CNF instance under a product Bernoulli distribution (uniform, dyadic or other rationals). */
  public static Instance cnfInstance(long seed, int d, int clauses) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Circuit c = cnf(rnd, d, clauses, 3);
    double[] x = input(rnd, d, true);
    ProductDistribution v = product(rnd, d, true);
    return new Instance(c, x, v, "cnf(seed=" + seed + ", d=" + d + ", clauses=" + clauses + ", V="
        + v.describe() + ")");
  }

  /** Picks from the pool with a bias to recent nodes, so circuits get depth. */
  private static int pick(SplittableRandom rnd, List<Integer> pool) {
    int n = pool.size();
    if (rnd.nextBoolean()) {
      return pool.get(n - 1 - rnd.nextInt(Math.min(n, 4)));
    }
    return pool.get(rnd.nextInt(n));
  }

  /** A random ReLU network d → width (× layers) → 1, weights and biases in {−2, −7/4, …, 2}. */
  public static ReluNetwork relu(SplittableRandom rnd, int d, int width, int hiddenLayers,
      boolean classifier) {
    double[][][] w = new double[hiddenLayers + 1][][];
    double[][] b = new double[hiddenLayers + 1][];
    int in = d;
    for (int l = 0; l <= hiddenLayers; l++) {
      int out = l == hiddenLayers ? 1 : width;
      w[l] = new double[out][in];
      b[l] = new double[out];
      for (int j = 0; j < out; j++) {
        for (int i = 0; i < in; i++) {
          w[l][j][i] = quarter(rnd);
        }
        b[l][j] = quarter(rnd);
      }
      in = out;
    }
    return new ReluNetwork(w, b,
        classifier ? OptionalDouble.of(quarter(rnd) / 2) : OptionalDouble.empty());
  }

  private static double quarter(SplittableRandom rnd) {
    return (rnd.nextInt(17) - 8) / 4.0;
  }

  /**
   * A product distribution on {0,1}^d (binary) or, when not binary, over small finite supports:
   * uniform, dyadic Bernoulli (k/2^m), or non-dyadic rational Bernoulli (k/3, k/5, …).
   */
  public static ProductDistribution product(SplittableRandom rnd, int d, boolean binary) {
    int kind = rnd.nextInt(binary ? 3 : 4);
    if (kind == 0) {
      return ProductDistribution.uniform(d);
    }
    if (kind == 3) {
      List<FeatureSupport> f = new ArrayList<>();
      for (int i = 0; i < d; i++) {
        f.add(finiteSupport(rnd));
      }
      return ProductDistribution.of(f);
    }
    BigFraction[] p = new BigFraction[d];
    for (int i = 0; i < d; i++) {
      p[i] = kind == 1 ? dyadic(rnd) : simple(rnd);
    }
    return ProductDistribution.bernoulli(p);
  }

  /** k/2^m with m ∈ 1..3, including 0 and 1 now and then. */
  public static BigFraction dyadic(SplittableRandom rnd) {
    int m = 1 + rnd.nextInt(3);
    return BigFraction.of(rnd.nextInt((1 << m) + 1), 1 << m);
  }

  private static BigFraction simple(SplittableRandom rnd) {
    int[] dens = {3, 5, 6, 7};
    int q = dens[rnd.nextInt(dens.length)];
    return BigFraction.of(1 + rnd.nextInt(q - 1), q);
  }

  private static FeatureSupport finiteSupport(SplittableRandom rnd) {
    int r = 2 + rnd.nextInt(2);
    double[] v = new double[r];
    int[] w = new int[r];
    int total = 0;
    for (int a = 0; a < r; a++) {
      v[a] = a - 1; // {-1, 0} or {-1, 0, 1}
      w[a] = 1 + rnd.nextInt(3);
      total += w[a];
    }
    BigFraction[] p = new BigFraction[r];
    for (int a = 0; a < r; a++) {
      p[a] = BigFraction.of(w[a], total);
    }
    return new FeatureSupport(v, p);
  }

  /** n rows from {0,1}^d (binary) or {−1, 0, 1}^d. */
  public static EmpiricalDistribution rows(SplittableRandom rnd, int d, int n, boolean binary) {
    double[][] rows = new double[n][d];
    for (double[] r : rows) {
      for (int i = 0; i < d; i++) {
        r[i] = binary ? rnd.nextInt(2) : rnd.nextInt(3) - 1;
      }
    }
    return new EmpiricalDistribution(rows, "generated");
  }

  /** An input in {0,1}^d, or in {−1, 0, 1}^d when not binary. */
  public static double[] input(SplittableRandom rnd, int d, boolean binary) {
    double[] x = new double[d];
    for (int i = 0; i < d; i++) {
      x[i] = binary ? rnd.nextInt(2) : rnd.nextInt(3) - 1;
    }
    return x;
  }

  /** A circuit instance: circuit, binary input, product or empirical distribution. */
  public static Instance circuitInstance(long seed, int d, int gates) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Circuit c = circuit(rnd, d, gates);
    double[] x = input(rnd, d, true);
    ReferenceDistribution v = rnd.nextInt(5) == 0 ? rows(rnd, d, 1 + rnd.nextInt(12), true)
        : product(rnd, d, true);
    return new Instance(c, x, v, "circuit(seed=" + seed + ", d=" + d + ", gates=" + gates
        + ", V=" + v.describe() + ")");
  }

  /**
   * A circuit instance in which features 1 and 2 are interchangeable: the circuit is symmetric in x1,
   * x2, x1 = x2, and both have the same marginal, so they are symmetric players in v(S) = f_S(x).
   */
  public static Instance symmetricCircuitInstance(long seed, int d, int gates) {
    if (d < 2) {
      throw new IllegalArgumentException("a symmetric pair needs d ≥ 2");
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    Circuit c = circuit(rnd, d, gates, true);
    double[] x = input(rnd, d, true);
    x[1] = x[0];
    BigFraction[] p = new BigFraction[d];
    for (int i = 0; i < d; i++) {
      p[i] = dyadic(rnd);
    }
    p[1] = p[0];
    ProductDistribution v = ProductDistribution.bernoulli(p);
    return new Instance(c, x, v, "symmetric circuit(seed=" + seed + ", d=" + d + ", gates="
        + gates + ", V=" + v.describe() + ")");
  }

  /** A ReLU instance: network (score or classifier), input, product or empirical distribution. */
  public static Instance reluInstance(long seed, int d, int width, boolean classifier) {
    SplittableRandom rnd = new SplittableRandom(seed);
    ReluNetwork net = relu(rnd, d, width, 1 + rnd.nextInt(2), classifier);
    boolean binary = rnd.nextBoolean();
    double[] x = input(rnd, d, binary);
    ReferenceDistribution v = rnd.nextInt(4) == 0 ? rows(rnd, d, 1 + rnd.nextInt(12), binary)
        : product(rnd, d, binary);
    return new Instance(net, x, v, "relu(seed=" + seed + ", d=" + d + ", width=" + width
        + (classifier ? ", classifier" : "") + ", V=" + v.describe() + ")");
  }

  /**
   * A finite joint distribution of (X, Y), X ∈ {0,1}^d, Y ∈ {0, 1/2, 1, 2}, over {@code points}
   * support points with dyadic-ish weights.
   */
  public static FiniteJoint joint(long seed, int d, int points) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[][] xs = new double[points][];
    BigFraction[] ys = new BigFraction[points];
    int[] w = new int[points];
    int total = 0;
    BigFraction[] labels = {BigFraction.ZERO, BigFraction.of(1, 2), BigFraction.ONE,
        BigFraction.of(2)};
    for (int k = 0; k < points; k++) {
      xs[k] = input(rnd, d, true);
      ys[k] = labels[rnd.nextInt(labels.length)];
      w[k] = 1 + rnd.nextInt(4);
      total += w[k];
    }
    BigFraction[] ps = new BigFraction[points];
    for (int k = 0; k < points; k++) {
      ps[k] = BigFraction.of(w[k], total);
    }
    return new FiniteJoint(xs, ys, ps);
  }
}
