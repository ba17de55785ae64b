package xcert.solvers.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import xcert.solvers.dist.ConditionalDistribution;
import xcert.solvers.dist.FeatureSupport;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.exact.GameValues;
import xcert.solvers.exact.RestrictedPredictionTable;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.model.Circuit;
import xcert.solvers.result.Scalar;

/**
 * The stream past the table (issue 19, point 4): at d = 31..34, circuits whose Shapley and Banzhaf
 * values are known in closed form. The features are cut into blocks of exchangeable features and f
 * depends on the counts of ones c_k in the blocks only, f(z) = g(c_1, ..., c_K) (a threshold of one
 * block's count XOR a threshold of two blocks' counts; a weighted threshold XOR a block's parity; a
 * majority of all counts), built as circuits from carry-save adders and a comparison with a constant.
 *
 * <p>The expected values are computed exactly by a method independent of the stream (and of its
 * weights): with x fixed, block k splits into its a_k features with x_j = 1 and b_k with x_j = 0; the
 * game v(S) = f_S(x) under a product distribution that is Bernoulli(p_k) on every feature of block k
 * depends only on how many features of each kind S holds, (s1_k, s0_k), since then
 * c_k = s1_k + Binomial(n_k − s1_k − s0_k, p_k) independently over k. v is computed on that lattice
 * (one block at a time, in {@link BigFraction}), and the value of a feature of block k and kind κ is
 * Σ over the lattice of (the number of sets S ∌ i with those counts, a product of binomial
 * coefficients) × ω(|S|) × (v(S ∪ i) − v(S)), with ω(s) = s!(d−s−1)!/d! (Shapley) or 2^{−(d−1)}
 * (Banzhaf). Efficiency Σφ = f(x) − f_∅ is asserted exactly on the stream's values, and the lattice
 * method itself is checked against the f_S table at d = 9.
 *
 * <p>Run by default: d = 31 (uniform, Shapley and Banzhaf) and d = 32 (Bernoulli 1/4 in one block,
 * 1/2 elsewhere; Shapley), each a few seconds on 2 cores. d = 33 and d = 34 (2^33 and 2^34
 * evaluations) run only with {@code -Dxcert.closedForm.large=true}, for example
 * {@code mvn -o -B test -pl solvers -am -Dtest=ClosedFormShapleyTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dxcert.closedForm.large=true}.
 */
class ClosedFormShapleyTest {

  private static final BigFraction HALF = BigFraction.of(1, 2);
  private static final BigFraction QUARTER = BigFraction.of(1, 4);

  /** g of the block counts, 0 or 1. */
  interface CountFunction {
    boolean at(int[] counts);
  }

  /**
   * A function of block counts: {@code blockOf[i]} the block of feature i, {@code p[k]} P(X_j = 1)
   * in block k, the circuit computing g of the counts.
   */
  record Instance(int d, int[] blockOf, int blocks, CountFunction g, Circuit circuit) {
    int size(int k) {
      int n = 0;
      for (int b : blockOf) {
        n += b == k ? 1 : 0;
      }
      return n;
    }

    int[] counts(boolean[] z) {
      int[] c = new int[blocks];
      for (int i = 0; i < d; i++) {
        c[blockOf[i]] += z[i] ? 1 : 0;
      }
      return c;
    }
  }

  // ---------------------------------------------------------------- circuits

  /** Features 0..d-1 dealt to blocks of the given sizes in a seeded random order. */
  private static int[] deal(int[] sizes, long seed) {
    int d = Arrays.stream(sizes).sum();
    int[] blockOf = new int[d];
    int i = 0;
    for (int k = 0; k < sizes.length; k++) {
      for (int t = 0; t < sizes[k]; t++) {
        blockOf[i++] = k;
      }
    }
    SplittableRandom r = new SplittableRandom(seed);
    for (int j = d - 1; j > 0; j--) {
      int s = r.nextInt(j + 1);
      int tmp = blockOf[j];
      blockOf[j] = blockOf[s];
      blockOf[s] = tmp;
    }
    return blockOf;
  }

  /** The input nodes of block k. */
  private static List<Integer> inputsOf(Circuit.Builder b, int[] blockOf, int k) {
    List<Integer> nodes = new ArrayList<>();
    for (int i = 0; i < blockOf.length; i++) {
      if (blockOf[i] == k) {
        nodes.add(b.input(i + 1));
      }
    }
    return nodes;
  }

  /**
   * [Σ_j 2^j · (number of true nodes in column j) ≥ t]: the columns are reduced to one bit each by
   * full and half adders (carry-save), then compared with the constant t from the lowest bit up.
   */
  private static int atLeast(Circuit.Builder b, List<List<Integer>> columnsIn, long t) {
    List<List<Integer>> cols = new ArrayList<>();
    for (List<Integer> c : columnsIn) {
      cols.add(new ArrayList<>(c));
    }
    for (int j = 0; j < cols.size(); j++) {
      List<Integer> col = cols.get(j);
      while (col.size() > 1) {
        int x = col.remove(col.size() - 1);
        int y = col.remove(col.size() - 1);
        int carry;
        if (!col.isEmpty()) {
          int z = col.remove(col.size() - 1);
          int xy = b.xor(x, y);
          col.add(0, b.xor(xy, z));
          carry = b.or(b.and(x, y), b.and(xy, z));
        } else {
          col.add(0, b.xor(x, y));
          carry = b.and(x, y);
        }
        if (j + 1 == cols.size()) {
          cols.add(new ArrayList<>());
        }
        cols.get(j + 1).add(carry);
      }
    }
    // ge = [the low j bits of the sum >= the low j bits of t]: TRUE, FALSE or a node
    final int yes = -1;
    final int no = -2;
    int ge = yes;
    for (int j = 0; j < 63; j++) {
      boolean tj = ((t >>> j) & 1) != 0;
      int bit = j < cols.size() && !cols.get(j).isEmpty() ? cols.get(j).get(0) : no;
      if (tj) { // bit AND ge
        ge = bit == no || ge == no ? no : ge == yes ? bit : b.and(bit, ge);
      } else { // bit OR ge
        ge = ge == yes ? yes : bit == no ? ge : ge == no ? bit : b.or(bit, ge);
      }
    }
    return ge == yes ? b.constant(true) : ge == no ? b.constant(false) : ge;
  }

  private static List<List<Integer>> column(List<Integer> ones) {
    List<List<Integer>> c = new ArrayList<>();
    c.add(ones);
    return c;
  }

  /** f = [c_1 ≥ t1] XOR [c_2 + c_3 ≥ t2]. */
  private static Instance thresholdXor(int[] sizes, int t1, int t2, long seed) {
    int[] blockOf = deal(sizes, seed);
    Circuit.Builder b = Circuit.builder(blockOf.length);
    int first = atLeast(b, column(inputsOf(b, blockOf, 0)), t1);
    List<Integer> two = new ArrayList<>(inputsOf(b, blockOf, 1));
    two.addAll(inputsOf(b, blockOf, 2));
    int second = atLeast(b, column(two), t2);
    return new Instance(blockOf.length, blockOf, 3,
        c -> (c[0] >= t1) ^ (c[1] + c[2] >= t2), b.output(b.xor(first, second)).build());
  }

  /** f = [2 c_1 + c_2 ≥ t] XOR parity(c_3). */
  private static Instance weightedXorParity(int[] sizes, int t, long seed) {
    int[] blockOf = deal(sizes, seed);
    Circuit.Builder b = Circuit.builder(blockOf.length);
    List<List<Integer>> cols = new ArrayList<>();
    cols.add(new ArrayList<>(inputsOf(b, blockOf, 1)));
    cols.add(new ArrayList<>(inputsOf(b, blockOf, 0)));
    int ge = atLeast(b, cols, t);
    int parity = b.xor(inputsOf(b, blockOf, 2).stream().mapToInt(Integer::intValue).toArray());
    return new Instance(blockOf.length, blockOf, 3,
        c -> (2 * c[0] + c[1] >= t) ^ (c[2] % 2 == 1), b.output(b.xor(ge, parity)).build());
  }

  /** f = majority of the three blocks' thresholds [c_k ≥ t_k]. */
  private static Instance majorityOfThresholds(int[] sizes, int[] t, long seed) {
    int[] blockOf = deal(sizes, seed);
    Circuit.Builder b = Circuit.builder(blockOf.length);
    int[] th = new int[3];
    for (int k = 0; k < 3; k++) {
      th[k] = atLeast(b, column(inputsOf(b, blockOf, k)), t[k]);
    }
    int maj = b.or(b.and(th[0], th[1]), b.and(th[0], th[2]), b.and(th[1], th[2]));
    return new Instance(blockOf.length, blockOf, 3, c -> {
      int n = 0;
      for (int k = 0; k < 3; k++) {
        n += c[k] >= t[k] ? 1 : 0;
      }
      return n >= 2;
    }, b.output(maj).build());
  }

  // ---------------------------------------------------------------- the lattice

  /** Expected values from the count lattice. */
  record Expected(BigFraction[] phi, BigFraction fEmpty, BigFraction fx) {}

  private static BigFraction[][] binomialRows(int n) {
    BigFraction[][] c = new BigFraction[n + 1][];
    for (int r = 0; r <= n; r++) {
      c[r] = new BigFraction[r + 1];
      c[r][0] = BigFraction.ONE;
      c[r][r] = BigFraction.ONE;
      for (int j = 1; j < r; j++) {
        c[r][j] = c[r - 1][j - 1].add(c[r - 1][j]);
      }
    }
    return c;
  }

  /** Pascal's triangle up to 64, as integers. */
  private static final BigInteger[][] CHOOSE = new BigInteger[65][];

  static {
    for (int r = 0; r <= 64; r++) {
      CHOOSE[r] = new BigInteger[r + 1];
      CHOOSE[r][0] = BigInteger.ONE;
      CHOOSE[r][r] = BigInteger.ONE;
      for (int j = 1; j < r; j++) {
        CHOOSE[r][j] = CHOOSE[r - 1][j - 1].add(CHOOSE[r - 1][j]);
      }
    }
  }

  private static BigInteger choose(int n, int k) {
    return k < 0 || k > n ? BigInteger.ZERO : CHOOSE[n][k];
  }

  /**
   * The exact values of every feature from the lattice of counts (s1_k, s0_k): see the class
   * documentation. {@code p[k]} is P(X_j = 1) in block k.
   */
  static Expected expected(Instance f, boolean[] x, BigFraction[] p, Semivalue query) {
    int kb = f.blocks();
    int d = f.d();
    int[] n = new int[kb];
    int[] a = new int[kb];
    int[] bz = new int[kb];
    for (int i = 0; i < d; i++) {
      n[f.blockOf()[i]]++;
      if (x[i]) {
        a[f.blockOf()[i]]++;
      } else {
        bz[f.blockOf()[i]]++;
      }
    }
    // g on the count lattice, then each count axis replaced by the state axis (s1, s0)
    int[] dims = new int[kb];
    for (int k = 0; k < kb; k++) {
      dims[k] = n[k] + 1;
    }
    BigFraction[] arr = new BigFraction[Arrays.stream(dims).reduce(1, (u, v) -> u * v)];
    int[] c = new int[kb];
    for (int idx = 0; idx < arr.length; idx++) {
      decode(idx, dims, c);
      arr[idx] = f.g().at(c) ? BigFraction.ONE : BigFraction.ZERO;
    }
    BigFraction[][] binom = binomialRows(d);
    for (int k = 0; k < kb; k++) {
      int states = (a[k] + 1) * (bz[k] + 1);
      BigFraction[][] m = new BigFraction[states][n[k] + 1]; // P(c_k = c | s1, s0)
      BigFraction q = BigFraction.ONE.subtract(p[k]);
      for (int s1 = 0; s1 <= a[k]; s1++) {
        for (int s0 = 0; s0 <= bz[k]; s0++) {
          int free = n[k] - s1 - s0;
          BigFraction[] row = m[s1 * (bz[k] + 1) + s0];
          Arrays.fill(row, BigFraction.ZERO);
          for (int j = 0; j <= free; j++) {
            row[s1 + j] = binom[free][j].multiply(p[k].pow(j)).multiply(q.pow(free - j));
          }
        }
      }
      int[] nd = dims.clone();
      nd[k] = states;
      arr = contract(arr, dims, nd, k, m);
      dims = nd;
    }
    // arr is now v over the states; index (s1_k, s0_k) per block
    BigFraction[] phi = new BigFraction[d];
    BigFraction[] omega = new BigFraction[d];
    for (int s = 0; s < d; s++) {
      omega[s] = query == Semivalue.SHAPLEY
          ? BigFraction.of(factorial(s).multiply(factorial(d - s - 1)), factorial(d))
          : BigFraction.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(d - 1));
    }
    int[] st = new int[kb];
    for (int k = 0; k < kb; k++) {
      for (int kind = 0; kind < 2; kind++) {
        int total = kind == 1 ? a[k] : bz[k];
        if (total == 0) {
          continue;
        }
        BigFraction sum = BigFraction.ZERO;
        for (int idx = 0; idx < arr.length; idx++) {
          decode(idx, dims, st);
          int s1k = st[k] / (bz[k] + 1);
          int s0k = st[k] % (bz[k] + 1);
          if ((kind == 1 ? s1k : s0k) >= total) {
            continue; // S holds every feature of this kind, i among them
          }
          BigInteger mult = BigInteger.ONE;
          int size = 0;
          for (int kk = 0; kk < kb; kk++) {
            int s1 = st[kk] / (bz[kk] + 1);
            int s0 = st[kk] % (bz[kk] + 1);
            size += s1 + s0;
            mult = mult.multiply(choose(a[kk] - (kk == k && kind == 1 ? 1 : 0), s1))
                .multiply(choose(bz[kk] - (kk == k && kind == 0 ? 1 : 0), s0));
          }
          int with = idx + (kind == 1 ? (bz[k] + 1) : 1) * stride(dims, k);
          BigFraction delta = arr[with].subtract(arr[idx]);
          if (delta.signum() != 0) {
            sum = sum.add(delta.multiply(omega[size]).multiply(mult));
          }
        }
        for (int i = 0; i < d; i++) {
          if (f.blockOf()[i] == k && (x[i] ? 1 : 0) == kind) {
            phi[i] = sum;
          }
        }
      }
    }
    BigFraction fx = f.g().at(f.counts(x)) ? BigFraction.ONE : BigFraction.ZERO;
    int full = 0;
    for (int k = kb - 1; k >= 0; k--) {
      full = full * dims[k] + (dims[k] - 1);
    }
    assertEquals(fx, arr[full], "the lattice's v(N) is f(x)");
    return new Expected(phi, arr[0], fx);
  }

  private static BigInteger factorial(int n) {
    BigInteger r = BigInteger.ONE;
    for (int j = 2; j <= n; j++) {
      r = r.multiply(BigInteger.valueOf(j));
    }
    return r;
  }

  /** Mixed radix, axis 0 fastest. */
  private static void decode(int idx, int[] dims, int[] out) {
    for (int k = 0; k < dims.length; k++) {
      out[k] = idx % dims[k];
      idx /= dims[k];
    }
  }

  private static int stride(int[] dims, int axis) {
    int s = 1;
    for (int k = 0; k < axis; k++) {
      s *= dims[k];
    }
    return s;
  }

  /** out[.., σ, ..] = Σ_c m[σ][c] in[.., c, ..] along one axis. */
  private static BigFraction[] contract(BigFraction[] in, int[] dims, int[] nd, int axis,
      BigFraction[][] m) {
    int inner = stride(dims, axis);
    int outer = in.length / (inner * dims[axis]);
    BigFraction[] out = new BigFraction[inner * nd[axis] * outer];
    for (int o = 0; o < outer; o++) {
      for (int s = 0; s < nd[axis]; s++) {
        for (int l = 0; l < inner; l++) {
          BigFraction sum = BigFraction.ZERO;
          for (int c = 0; c < dims[axis]; c++) {
            BigFraction w = m[s][c];
            BigFraction v = in[(o * dims[axis] + c) * inner + l];
            if (w.signum() != 0 && v.signum() != 0) {
              sum = sum.add(w.multiply(v));
            }
          }
          out[(o * nd[axis] + s) * inner + l] = sum;
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- helpers

  private static boolean[] randomX(int d, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    boolean[] x = new boolean[d];
    for (int i = 0; i < d; i++) {
      x[i] = r.nextBoolean();
    }
    return x;
  }

  private static double[] asDoubles(boolean[] x) {
    double[] v = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      v[i] = x[i] ? 1 : 0;
    }
    return v;
  }

  private static BigFraction[] featureP(Instance f, BigFraction[] p) {
    BigFraction[] q = new BigFraction[f.d()];
    for (int i = 0; i < f.d(); i++) {
      q[i] = p[f.blockOf()[i]];
    }
    return q;
  }

  private static ReferenceDistribution distribution(Instance f, BigFraction[] p) {
    boolean uniform = Arrays.stream(p).allMatch(HALF::equals);
    return uniform ? ProductDistribution.uniform(f.d())
        : ProductDistribution.bernoulli(featureP(f, p));
  }

  /** The circuit computes g of the counts (on random inputs, and on x). */
  private static void assertCircuitIsG(Instance f, boolean[] x) {
    SplittableRandom r = new SplittableRandom(7);
    for (int t = 0; t < 2000; t++) {
      boolean[] z = t == 0 ? x : randomX(f.d(), r.nextLong());
      assertEquals(f.g().at(f.counts(z)), f.circuit().evaluate(0, z), "circuit against g at "
          + Arrays.toString(f.counts(z)));
    }
  }

  /** Streams f at x under p and asserts the lattice's values, f_∅, f(x) and efficiency. */
  private static void check(Instance f, boolean[] x, BigFraction[] p, Semivalue query) {
    assertCircuitIsG(f, x);
    Expected e = expected(f, x, p, query);
    StreamValues s = StreamingValues.compute(f.circuit(), asDoubles(x), distribution(f, p), query,
        StreamOptions.defaults());
    String what = query.id() + ", d = " + f.d() + ", p = " + Arrays.toString(p);
    assertEquals(e.fEmpty(), s.fEmpty().exact(), "f_empty, " + what);
    assertEquals(e.fx(), s.fx().exact(), "f(x), " + what);
    BigFraction sum = BigFraction.ZERO;
    for (int i = 0; i < f.d(); i++) {
      assertEquals(e.phi()[i], s.values().get(i).exact(), "feature " + (i + 1) + ", " + what);
      sum = sum.add(s.values().get(i).exact());
    }
    if (query == Semivalue.SHAPLEY) {
      assertEquals(s.fx().exact().subtract(s.fEmpty().exact()), sum, "efficiency, " + what);
    }
    assertEquals(1L << f.d(), s.evaluations());
  }

  // ---------------------------------------------------------------- tests

  @Test
  void theLatticeMatchesTheTableAtSmallD() {
    Instance[] fs = {
      thresholdXor(new int[] {3, 3, 3}, 2, 3, 11),
      weightedXorParity(new int[] {3, 3, 3}, 4, 12),
      majorityOfThresholds(new int[] {3, 3, 3}, new int[] {2, 1, 2}, 13)
    };
    BigFraction[][] ps = {{HALF, HALF, HALF}, {QUARTER, HALF, HALF}, {HALF, BigFraction.of(3, 4),
        QUARTER}};
    int seed = 0;
    for (Instance f : fs) {
      for (BigFraction[] p : ps) {
        boolean[] x = randomX(f.d(), seed++);
        assertCircuitIsG(f, x);
        ReferenceDistribution v = distribution(f, p);
        RestrictedPredictionTable t = RestrictedPredictions.table(f.circuit(), asDoubles(x), v);
        for (Semivalue q : List.of(Semivalue.SHAPLEY, Semivalue.BANZHAF)) {
          Expected e = expected(f, x, p, q);
          Scalar[] table = q == Semivalue.SHAPLEY ? GameValues.shapley(t.values())
              : GameValues.banzhaf(t.values());
          for (int i = 0; i < f.d(); i++) {
            assertEquals(table[i].exact(), e.phi()[i], q.id() + " of feature " + (i + 1));
          }
          assertEquals(t.fEmpty().exact(), e.fEmpty());
          // and the stream agrees at this size too
          StreamValues s = StreamingValues.compute(f.circuit(), asDoubles(x), v, q,
              StreamOptions.defaults().withThreads(2));
          for (int i = 0; i < f.d(); i++) {
            assertEquals(e.phi()[i], s.values().get(i).exact(), q.id() + " of feature " + (i + 1));
          }
        }
      }
    }
  }

  @Test
  void d31UniformThresholdXorShapleyAndBanzhaf() {
    Instance f = thresholdXor(new int[] {10, 11, 10}, 6, 10, 31);
    boolean[] x = randomX(31, 131);
    BigFraction[] p = {HALF, HALF, HALF};
    check(f, x, p, Semivalue.SHAPLEY);
    check(f, x, p, Semivalue.BANZHAF);
  }

  @Test
  void d32BernoulliQuarterWeightedThresholdXorParity() {
    Instance f = weightedXorParity(new int[] {11, 11, 10}, 16, 32);
    boolean[] x = randomX(32, 132);
    check(f, x, new BigFraction[] {QUARTER, HALF, HALF}, Semivalue.SHAPLEY);
  }

  @Test
  @EnabledIfSystemProperty(named = "xcert.closedForm.large", matches = "true")
  void d33MajorityOfThresholdsUniform() {
    Instance f = majorityOfThresholds(new int[] {11, 11, 11}, new int[] {5, 6, 7}, 33);
    check(f, randomX(33, 133), new BigFraction[] {HALF, HALF, HALF}, Semivalue.SHAPLEY);
  }

  @Test
  @EnabledIfSystemProperty(named = "xcert.closedForm.large", matches = "true")
  void d34BernoulliThresholdXor() {
    Instance f = thresholdXor(new int[] {12, 11, 11}, 4, 12, 34);
    check(f, randomX(34, 134), new BigFraction[] {QUARTER, HALF, BigFraction.of(3, 4)},
        Semivalue.SHAPLEY);
  }

  @Test
  void whatCannotBeStreamedIsRefusedInOneLine() {
    Circuit xor3 = weightedXorParity(new int[] {1, 1, 1}, 1, 1).circuit();
    // a feature with three values
    List<FeatureSupport> three = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      three.add(i == 1 ? new FeatureSupport(new double[] {0, 1, 2}, new BigFraction[] {
          BigFraction.of(1, 3), BigFraction.of(1, 3), BigFraction.of(1, 3)})
          : FeatureSupport.fairCoin());
    }
    InputException e1 = assertThrows(InputException.class, () -> StreamPlan.of(xor3,
        new double[] {0, 0, 0}, ProductDistribution.of(three), Semivalue.SHAPLEY));
    assertOneLine(e1.getMessage());
    assertTrue(e1.getMessage().contains("feature 2"), e1.getMessage());
    // more than 62 moving features
    Circuit.Builder b = Circuit.builder(63);
    int[] all = new int[63];
    for (int i = 0; i < 63; i++) {
      all[i] = b.input(i + 1);
    }
    Circuit wide = b.output(b.xor(all)).build();
    TooLargeException e2 = assertThrows(TooLargeException.class, () -> StreamPlan.of(wide,
        new double[63], ProductDistribution.uniform(63), Semivalue.SHAPLEY));
    assertOneLine(e2.getMessage());
    assertTrue(e2.getMessage().contains("63"), e2.getMessage());
    // a conditional distribution
    ConditionalDistribution cond = new ConditionalDistribution(new double[][] {{0, 0, 0},
        {1, 1, 1}}, new BigFraction[] {HALF, HALF}, null);
    InputException e3 = assertThrows(InputException.class, () -> StreamPlan.of(xor3,
        new double[] {1, 1, 1}, cond, Semivalue.SHAPLEY));
    assertOneLine(e3.getMessage());
  }

  private static void assertOneLine(String m) {
    assertFalse(m == null || m.isBlank() || m.contains("\n"), "one line: " + m);
  }
}
