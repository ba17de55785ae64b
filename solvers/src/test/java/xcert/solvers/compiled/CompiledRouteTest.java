package xcert.solvers.compiled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.dist.EmpiricalDistribution;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.features.FeatureSet;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Circuit;
import xcert.solvers.query.ExactQueries;
import xcert.solvers.query.Game;
import xcert.solvers.query.Method;
import xcert.solvers.query.Query;
import xcert.solvers.query.QueryAnswer;
import xcert.solvers.query.QuerySettings;
import xcert.solvers.exact.Arithmetic;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.Rho;
import xcert.solvers.stream.Semivalue;

/** The compiled route through {@link ExactQueries}: automatic routing, forcing, refusals. */
class CompiledRouteTest {

  private static final QuerySettings S = QuerySettings.defaults();

  private static Circuit majority(int d) {
    int t = d / 2;
    return CountLatticeTest.countCircuit(d, t + 1, (s, bit) -> Math.min(t, s + bit),
        s -> s == t);
  }

  private static double[] ones(int d, int a) {
    double[] x = new double[d];
    for (int i = 0; i < a; i++) {
      x[i] = 1;
    }
    return x;
  }

  @Test
  void autoTakesTheCompiledRoutePastTheStream() {
    int d = 40;
    QueryAnswer a = ExactQueries.answer(majority(d), ones(d, 25), ProductDistribution.uniform(d),
        Query.SHAPLEY, S);
    assertEquals(Method.COMPILED, a.route());
    BigFraction[] want = CountLatticeTest.expected(d, 25, c -> c >= d / 2, 1, 1,
        Semivalue.SHAPLEY);
    for (int i = 0; i < d; i++) {
      assertEquals(want[i], a.values()[i].exact(), "x" + (i + 1));
    }
    assertTrue(a.fields().containsKey("compiled_nodes"));
    assertTrue(a.fields().containsKey("compile_ms"));
    assertNotEquals(Method.COMPILED, ExactQueries.answer(majority(20), ones(20, 5),
        ProductDistribution.uniform(20), Query.SHAPLEY, S).route());
  }

  @Test
  void forcedCompiledEqualsTheTableForBothGames() {
    SplittableRandom r = new SplittableRandom(7);
    for (int n = 0; n < 10; n++) {
      int d = 2 + r.nextInt(8);
      Circuit c = RandomInstances.circuit(r, d, 3 * d);
      double[] x = RandomInstances.input(r, d, true);
      ProductDistribution v = RandomInstances.product(r, d, true);
      for (Query q : new Query[] {Query.SHAPLEY, Query.BANZHAF}) {
        for (Game g : Game.values()) {
          QuerySettings s = S.withGame(g);
          Scalar[] table = ExactQueries.answer(c, x, v, q, s.withMethod(Method.TABLE)).values();
          QueryAnswer a = ExactQueries.answer(c, x, v, q, s.withMethod(Method.COMPILED));
          assertEquals(Method.COMPILED, a.route());
          for (int i = 0; i < d; i++) {
            assertEquals(table[i].exact(), a.values()[i].exact(), q + " " + g + " x" + (i + 1));
          }
        }
      }
    }
  }

  @Test
  void refusesWhatItDoesNotCompute() {
    Circuit c = majority(6);
    double[] x = ones(6, 3);
    ProductDistribution u = ProductDistribution.uniform(6);
    QuerySettings s = S.withMethod(Method.COMPILED);
    assertSetting("rho", () -> ExactQueries.answer(c, x, u, Query.SHAPLEY,
        s.withGame(Game.SUF).withRho(Rho.SQUARED)));
    assertSetting("set", () -> ExactQueries.answer(c, x, u, Query.SHAPLEY,
        s.withSet(FeatureSet.of(1, 2))));
    assertSetting("float64", () -> ExactQueries.answer(c, x, u, Query.SHAPLEY,
        s.withArithmetic(Arithmetic.FLOAT64)));
    assertSetting("method", () -> ExactQueries.answer(c, x, u, Query.SUFFICIENCY,
        s.withSet(FeatureSet.of(1))));
    EmpiricalDistribution rows = new EmpiricalDistribution(new double[][] {ones(6, 1)}, "rows");
    assertSetting("distribution", () -> ExactQueries.answer(c, x, rows, Query.SHAPLEY, s));
  }

  @Test
  void refusesPastTheNodeBudgetWithTheSizeReached() {
    Circuit c = RandomInstances.cnf(new SplittableRandom(3), 40, 120, 3);
    TooLargeException e = assertThrows(TooLargeException.class, () -> ExactQueries.answer(c,
        new double[40], ProductDistribution.uniform(40), Query.SHAPLEY,
        S.withMethod(Method.COMPILED).withNodeBudget(16)));
    assertTrue(e.getMessage().contains("16"), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }

  private static void assertSetting(String name, org.junit.jupiter.api.function.Executable e) {
    InputException ex = assertThrows(InputException.class, e);
    assertTrue(ex.isSetting(), ex.getMessage());
    assertEquals(name, ex.source(), ex.getMessage());
  }
}
