package xcert.solvers.compiled;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.exact.GameValues;
import xcert.solvers.exact.RestrictedPredictionTable;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Circuit;
import xcert.solvers.result.Scalar;
import xcert.solvers.stream.Semivalue;

/**
 * The compiled engine against the f_S table (seed 004 Eq. 1, then Shapley and Banzhaf values over
 * all 2^d sets): exactly equal values, f_∅ and f(x), on generated circuits (OBDD route) and 3-CNFs
 * (d-DNNF and OBDD routes) with d ≤ 20, under the uniform distribution, dyadic Bernoulli
 * distributions (including probabilities 0 and 1), non-dyadic rational ones and point masses.
 */
class CompiledEqualsTableTest {

  private static ProductDistribution distribution(SplittableRandom r, int d) {
    BigFraction[] p = new BigFraction[d];
    switch (r.nextInt(4)) {
      case 0:
        return ProductDistribution.uniform(d);
      case 1:
        for (int i = 0; i < d; i++) {
          p[i] = RandomInstances.dyadic(r);
        }
        return ProductDistribution.bernoulli(p);
      case 2:
        for (int i = 0; i < d; i++) {
          int den = 3 + r.nextInt(5);
          p[i] = BigFraction.of(r.nextInt(den + 1), den);
        }
        return ProductDistribution.bernoulli(p);
      default:
        for (int i = 0; i < d; i++) {
          p[i] = r.nextBoolean() ? BigFraction.ONE : BigFraction.ZERO;
        }
        return ProductDistribution.bernoulli(p);
    }
  }

  private static void check(Circuit c, SplittableRandom r, CompiledForms.Route route, String what) {
    int d = c.dimension();
    double[] xd = RandomInstances.input(r, d, true);
    boolean[] x = new boolean[d];
    for (int i = 0; i < d; i++) {
      x[i] = xd[i] == 1.0;
    }
    ProductDistribution v = distribution(r, d);
    RestrictedPredictionTable t = RestrictedPredictions.table(c, xd, v);
    DecomposableCircuit dc = CompiledForms.compile(c, 0, route,
        CompiledForms.DEFAULT_NODE_BUDGET);
    for (Semivalue s : Semivalue.values()) {
      CompiledResult res = CompiledValues.compute(dc, x, v, s);
      Scalar[] expected = s == Semivalue.SHAPLEY ? GameValues.shapley(t.values())
          : GameValues.banzhaf(t.values());
      for (int i = 0; i < d; i++) {
        assertEquals(expected[i].exact(), res.values().get(i).exact(),
            what + " " + s + " x" + (i + 1) + " " + v.describe() + " " + dc);
      }
      assertEquals(t.fEmpty().exact(), res.fEmpty().exact(), what + " f_empty");
      assertEquals(t.fx().exact(), res.fx().exact(), what + " f(x)");
    }
  }

  @Test
  void generatedCircuitsEqualTheTable() {
    SplittableRandom r = new SplittableRandom(20);
    for (int n = 0; n < 60; n++) {
      int d = n < 50 ? 1 + r.nextInt(12) : 13 + r.nextInt(8);
      Circuit c = RandomInstances.circuit(r, d, 1 + r.nextInt(3 * d + 2));
      check(c, r, CompiledForms.Route.AUTO, "circuit #" + n + " d=" + d);
    }
  }

  @Test
  void threeCnfsEqualTheTableByBothRoutes() {
    SplittableRandom r = new SplittableRandom(21);
    for (int n = 0; n < 40; n++) {
      int d = n < 32 ? 3 + r.nextInt(10) : 13 + r.nextInt(8);
      Circuit c = RandomInstances.cnf(r, d, 1 + r.nextInt(4 * d), 3);
      long seed = r.nextLong();
      check(c, new SplittableRandom(seed), CompiledForms.Route.DDNNF, "3-CNF #" + n + " d=" + d);
      check(c, new SplittableRandom(seed), CompiledForms.Route.BDD, "3-CNF #" + n + " d=" + d);
    }
  }
}
