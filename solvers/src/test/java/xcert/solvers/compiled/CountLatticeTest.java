package xcert.solvers.compiled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.function.IntPredicate;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.model.Circuit;
import xcert.solvers.stream.Semivalue;

/**
 * The compiled engine on wide circuits (d up to 400) whose values are known independently: f(z) =
 * g(number of ones in z), a function of the count of ones in one block of d exchangeable features,
 * under i.i.d. Bernoulli(u/2^e) features. Then v(S) = f_S(x) depends on S only through
 * s1 = |S ∩ ones(x)| and s0 = |S ∩ zeros(x)|, and equals H(m, s1)/2^{e·m} with m = d − s1 − s0 free
 * features and H computed over the count lattice by H(0, c) = g(c), H(m, c) = u·H(m−1, c+1) +
 * (2^e − u)·H(m−1, c). Shapley and Banzhaf values are then sums over (s1, s0) with the binomial
 * multiplicities of the sets; none of this uses the circuit or the engine.
 */
class CountLatticeTest {

  /** The decision-NNF of g(count of ones): node (i, s) branches on x_i, s = automaton state. */
  static Circuit countCircuit(int d, int states, java.util.function.IntBinaryOperator next,
      IntPredicate accept) {
    Circuit.Builder b = Circuit.builder(d);
    int[] level = new int[states];
    for (int s = 0; s < states; s++) {
      level[s] = b.constant(accept.test(s));
    }
    for (int i = d; i >= 1; i--) {
      int[] up = new int[states];
      int pos = b.input(i);
      int neg = b.not(pos);
      for (int s = 0; s < states; s++) {
        int one = level[next.applyAsInt(s, 1)];
        int zero = level[next.applyAsInt(s, 0)];
        up[s] = one == zero ? one : b.or(b.and(pos, one), b.and(neg, zero));
      }
      level = up;
    }
    return b.output(level[0]).build();
  }

  /** Expected values by the count lattice; x has ones at features 1..a, zeros after. */
  static BigFraction[] expected(int d, int a, IntPredicate g, int u, int e, Semivalue sv) {
    BigInteger bu = BigInteger.valueOf(u);
    BigInteger bw = BigInteger.ONE.shiftLeft(e).subtract(bu);
    BigInteger[][] h = new BigInteger[d + 1][];
    h[0] = new BigInteger[d + 1];
    for (int c = 0; c <= d; c++) {
      h[0][c] = g.test(c) ? BigInteger.ONE : BigInteger.ZERO;
    }
    for (int m = 1; m <= d; m++) {
      h[m] = new BigInteger[d - m + 1];
      for (int c = 0; c <= d - m; c++) {
        h[m][c] = bu.multiply(h[m - 1][c + 1]).add(bw.multiply(h[m - 1][c]));
      }
    }
    int b = d - a;
    BigInteger[] fact = new BigInteger[d + 1];
    fact[0] = BigInteger.ONE;
    for (int k = 1; k <= d; k++) {
      fact[k] = fact[k - 1].multiply(BigInteger.valueOf(k));
    }
    // Σ over S ⊆ N∖i of weight(|S|)·(v(S∪i) − v(S)), scaled by 2^{e d}; weights scaled by d! or
    // 2^{d−1}.
    BigInteger[][] pascal = new BigInteger[d + 1][];
    for (int n = 0; n <= d; n++) {
      pascal[n] = new BigInteger[n + 1];
      pascal[n][0] = BigInteger.ONE;
      pascal[n][n] = BigInteger.ONE;
      for (int k = 1; k < n; k++) {
        pascal[n][k] = pascal[n - 1][k - 1].add(pascal[n - 1][k]);
      }
    }
    BigInteger sumOne = BigInteger.ZERO;
    BigInteger sumZero = BigInteger.ZERO;
    for (int s1 = 0; s1 <= a; s1++) {
      for (int s0 = 0; s0 <= b; s0++) {
        int s = s1 + s0;
        if (s == d) {
          continue;
        }
        int m = d - s;
        BigInteger w = sv == Semivalue.SHAPLEY ? fact[s].multiply(fact[d - 1 - s]) : BigInteger.ONE;
        BigInteger vs = h[m][s1].shiftLeft(e * s); // v(S)·2^{e d}
        if (s1 < a) { // i among the ones, S has s1 of the other a − 1 ones
          BigInteger vi = h[m - 1][s1 + 1].shiftLeft(e * (s + 1));
          sumOne = sumOne.add(pascal[a - 1][s1].multiply(pascal[b][s0]).multiply(w)
              .multiply(vi.subtract(vs)));
        }
        if (s0 < b) { // i among the zeros
          BigInteger vi = h[m - 1][s1].shiftLeft(e * (s + 1));
          sumZero = sumZero.add(pascal[a][s1].multiply(pascal[b - 1][s0]).multiply(w)
              .multiply(vi.subtract(vs)));
        }
      }
    }
    BigInteger den = BigInteger.ONE.shiftLeft(e * d)
        .multiply(sv == Semivalue.SHAPLEY ? fact[d] : BigInteger.ONE.shiftLeft(d - 1));
    BigFraction[] out = new BigFraction[d];
    for (int i = 0; i < d; i++) {
      out[i] = BigFraction.of(i < a ? sumOne : sumZero, den);
    }
    return out;
  }

  private static void check(int d, int a, int states, java.util.function.IntBinaryOperator next,
      IntPredicate accept, IntPredicate g, int u, int e, Semivalue sv) {
    Circuit c = countCircuit(d, states, next, accept);
    DecomposableCircuit dc = CompiledForms.compile(c);
    assertTrue(dc.route().contains("as given"), dc.route());
    boolean[] x = new boolean[d];
    for (int i = 0; i < a; i++) {
      x[i] = true;
    }
    BigFraction[] p = new BigFraction[d];
    java.util.Arrays.fill(p, BigFraction.of(u, 1 << e));
    CompiledResult r = CompiledValues.compute(dc, x, ProductDistribution.bernoulli(p), sv);
    BigFraction[] want = expected(d, a, g, u, e, sv);
    for (int i = 0; i < d; i++) {
      assertEquals(want[i], r.values().get(i).exact(), sv + " x" + (i + 1) + " d=" + d);
    }
  }

  @Test
  void thresholdAtLeastThreeOfFourHundred() {
    int t = 3;
    check(400, 100, t + 1, (s, bit) -> Math.min(t, s + bit), s -> s == t, c -> c >= t, 1, 1,
        Semivalue.SHAPLEY);
  }

  @Test
  void countModuloThreeOfFourHundredUnderBernoulliQuarter() {
    check(400, 40, 3, (s, bit) -> (s + bit) % 3, s -> s == 0, c -> c % 3 == 0, 1, 2,
        Semivalue.BANZHAF);
  }

  @Test
  void majorityOfOneHundredAndTwenty() {
    int t = 60;
    check(120, 70, t + 1, (s, bit) -> Math.min(t, s + bit), s -> s == t, c -> c >= t, 1, 1,
        Semivalue.SHAPLEY);
    check(120, 70, t + 1, (s, bit) -> Math.min(t, s + bit), s -> s == t, c -> c >= t, 3, 2,
        Semivalue.BANZHAF);
  }
}
