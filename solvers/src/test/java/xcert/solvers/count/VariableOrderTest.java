package xcert.solvers.count;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.model.Circuit;

/**
 * The default variable order of the BDD route ({@link WeightedModelCounter.VariableOrder#AUTO}) on a
 * circuit that is not a CNF: ten blocks of 40 inputs, each "at least 20 ones" by the counting
 * recurrence c[j][k] = c[j−1][k] ∨ (x_j ∧ c[j−1][k−1]) (8,000 gates), joined by alternating XOR and
 * AND. FORCE on its Tseitin encoding takes more than ten minutes here; the default compiles it in
 * about a second. The BDD is checked against the exact probability computed by hand: each block is
 * 1 with probability t = Σ_{k ≥ 20} C(40, k) / 2^40, independently.
 */
class VariableOrderTest {

  static Circuit thresholdBlocks(int blocks, int n, int t) {
    Circuit.Builder b = Circuit.builder(blocks * n);
    int[] outs = new int[blocks];
    for (int g = 0; g < blocks; g++) {
      int[] xs = new int[n];
      for (int j = 0; j < n; j++) {
        xs[j] = b.input(g * n + j + 1);
      }
      outs[g] = b.atLeast(xs, t);
    }
    int o = outs[0];
    for (int g = 1; g < blocks; g++) {
      o = g % 2 == 0 ? b.and(o, outs[g]) : b.xor(o, outs[g]);
    }
    return b.output(o).build();
  }

  @Test
  void theDefaultOrderCompilesA400InputCircuitOfThresholdBlocks() {
    Circuit c = thresholdBlocks(10, 40, 20);
    WeightedModelCounter w = WeightedModelCounter.bdd(c, 0);
    BigInteger num = BigInteger.ZERO;
    BigInteger choose = BigInteger.ONE;
    for (int k = 0; k <= 40; k++) {
      if (k >= 20) {
        num = num.add(choose);
      }
      choose = choose.multiply(BigInteger.valueOf(40 - k)).divide(BigInteger.valueOf(k + 1));
    }
    BigFraction t = BigFraction.of(num, BigInteger.ONE.shiftLeft(40));
    BigFraction p = t;
    for (int g = 1; g < 10; g++) {
      p = g % 2 == 0 ? p.multiply(t)
          : p.multiply(BigFraction.ONE.subtract(t)).add(BigFraction.ONE.subtract(p).multiply(t));
    }
    assertEquals(p, w.probability(ProductDistribution.uniform(400)));
    WeightedModelCounter dfs = WeightedModelCounter.bdd(c, 0,
        WeightedModelCounter.VariableOrder.DFS, WeightedModelCounter.DEFAULT_BDD_NODE_LIMIT);
    assertEquals(dfs.size(), w.size(), "a circuit that is not a CNF is ordered depth-first");
  }
}
