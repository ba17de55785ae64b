package xcert.solvers.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.TestData;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.features.FeatureSet;
import xcert.solvers.io.ExprFormat;
import xcert.solvers.io.ModelFiles;
import xcert.solvers.model.Model;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;

/** Every route of {@link ExactQueries}: the table against counting and SAT, the automatic choice. */
class ExactQueriesTest {

  private static Path examples() {
    return TestData.satlib().getParent().getParent().resolve("examples");
  }

  private static Model majority() {
    return ModelFiles.read(examples().resolve("majority3.expr"));
  }

  private static final double[] X = {1, 1, 0};

  @Test
  void sufficiencyWithABudgetOnTheTable() {
    QueryAnswer a = ExactQueries.answer(majority(), X, ProductDistribution.uniform(3),
        Query.SUFFICIENCY, QuerySettings.defaults().withTau(2));
    assertEquals(Method.TABLE, a.route());
    assertEquals(Provenance.Kind.EXACT, a.provenance().kind());
    assertEquals(BigFraction.ZERO, a.value().exact());
    assertEquals(List.of(FeatureSet.of(1, 2)), a.sets());
    assertEquals("P_suf: minimise over |S| <= 2", a.fields().get("problem"));
  }

  @Test
  void shapleyValuesAreEfficientAndAPointMassIsABaseline() {
    QueryAnswer a = ExactQueries.answer(majority(), X, ProductDistribution.uniform(3),
        Query.SHAPLEY, QuerySettings.defaults());
    Scalar[] phi = a.values();
    assertEquals(phi[0], phi[1]); // features 1 and 2 are symmetric at x = 110
    BigFraction sum = phi[0].exact().add(phi[1].exact()).add(phi[2].exact());
    assertEquals(BigFraction.of(1, 2), sum); // f(x) − f_∅(x) = 1 − 1/2
    assertTrue(a.isExact());
    QueryAnswer b = ExactQueries.answer(majority(), X, ProductDistribution.pointMass(0, 0, 0),
        Query.SHAPLEY, QuerySettings.defaults());
    assertEquals(List.of("1/2", "1/2", "0"),
        List.of(b.values()).stream().map(Scalar::toString).toList());
  }

  @Test
  void countingAndSatAgreeWithTheTableOnUf20() {
    Model f = ModelFiles.read(examples().resolve("uf20-01.cnf"));
    double[] x = new double[20];
    String bits = "01010110101101001011";
    for (int i = 0; i < 20; i++) {
      x[i] = bits.charAt(i) - '0';
    }
    ProductDistribution v = ProductDistribution.uniform(20);
    for (String set : List.of("1-12", "-", "3,5,7-20")) {
      QuerySettings s = QuerySettings.defaults().withSet(FeatureSet.parse("set", set, 20));
      for (Query q : List.of(Query.FS, Query.SUFFICIENCY, Query.NECESSITY, Query.UNIFIED,
          Query.RELEVANCE)) {
        QueryAnswer table = ExactQueries.answer(f, x, v, q, s.withMethod(Method.TABLE));
        QueryAnswer count = ExactQueries.answer(f, x, v, q, s.withMethod(Method.COUNT));
        assertEquals(Method.TABLE, table.route());
        assertEquals(Method.COUNT, count.route());
        assertEquals(table.value().exact(), count.value().exact(), q + " " + set);
      }
      QueryAnswer table = ExactQueries.answer(f, x, v, Query.RELEVANCE, s);
      QueryAnswer sat = ExactQueries.answer(f, x, v, Query.RELEVANCE, s.withMethod(Method.SAT));
      assertEquals(Method.SAT, sat.route());
      assertEquals(table.value().exact().equals(BigFraction.ONE), sat.fields().get("relevant"));
    }
  }

  @Test
  void minRelevantByCountingAndSatFindsTheTablesSets() {
    ProductDistribution v = ProductDistribution.uniform(3);
    QuerySettings s = QuerySettings.defaults().withDelta(BigFraction.ONE);
    QueryAnswer table = ExactQueries.answer(majority(), X, v, Query.MIN_RELEVANT, s);
    QueryAnswer count = ExactQueries.answer(majority(), X, v, Query.MIN_RELEVANT,
        s.withMethod(Method.COUNT));
    QueryAnswer sat = ExactQueries.answer(majority(), X, v, Query.MIN_RELEVANT,
        s.withMethod(Method.SAT));
    assertEquals(List.of(FeatureSet.of(1, 2)), table.sets());
    assertEquals(table.sets(), count.sets());
    assertEquals(table.sets(), sat.sets());
    assertEquals(2, count.fields().get("value"));
  }

  @Test
  void autoCountsCircuitsWiderThanTheTableLimit() {
    int d = Method.AUTO_TABLE_LIMIT + 6;
    StringBuilder e = new StringBuilder("x1 | (x2");
    for (int i = 3; i <= d; i++) {
      e.append(" & x").append(i);
    }
    Model f = ExprFormat.parse("wide", e.append(")").toString());
    double[] x = new double[d];
    x[0] = 1;
    QueryAnswer a = ExactQueries.answer(f, x, ProductDistribution.uniform(d), Query.SUFFICIENCY,
        QuerySettings.defaults().withSet(FeatureSet.of(1)));
    assertEquals(Method.COUNT, a.route());
    assertEquals(BigFraction.ZERO, a.value().exact());
    assertTrue(a.provenance().method().contains("weighted model count"));
    assertEquals(Method.TABLE, Method.AUTO.route(majority()));
  }

  @Test
  void badSettingsNameTheSetting() {
    ProductDistribution v = ProductDistribution.uniform(3);
    InputException e = assertThrows(InputException.class, () -> ExactQueries.answer(majority(), X,
        v, Query.SUFFICIENCY, QuerySettings.defaults().withTau(4)));
    assertTrue(e.isSetting());
    assertEquals("tau", e.source());
    assertEquals("4 is out of range; expected 0..3", e.problem());
    e = assertThrows(InputException.class, () -> ExactQueries.answer(majority(), X, v,
        Query.SUFFICIENCY, QuerySettings.defaults()));
    assertEquals("set", e.source());
    e = assertThrows(InputException.class, () -> ExactQueries.answer(majority(), X, v,
        Query.MIN_RELEVANT, QuerySettings.defaults().withDelta(BigFraction.of(1, 2))
            .withMethod(Method.SAT)));
    assertEquals("delta", e.source());
    e = assertThrows(InputException.class, () -> ExactQueries.answer(majority(), X, v,
        Query.SHAPLEY, QuerySettings.defaults().withMethod(Method.COUNT)));
    assertEquals("method", e.source());
    e = assertThrows(InputException.class, () -> Query.fromId("bogus"));
    assertTrue(e.problem().endsWith(String.join(", ", Query.ids())), e.problem());
    assertEquals(Method.COUNT, Method.fromId("count"));
    assertEquals(Game.SUF, Game.fromId("suf"));
    assertThrows(InputException.class, () -> Method.fromId("fast"));
  }

  @Test
  void theSufficiencyGameAndRateDistortion() {
    ProductDistribution v = ProductDistribution.uniform(3);
    QueryAnswer g = ExactQueries.answer(majority(), X, v, Query.BANZHAF,
        QuerySettings.defaults().withGame(Game.SUF).withSet(FeatureSet.of(1)));
    assertEquals("v(S) = -abs(f(x), f_S(x))", g.fields().get("game"));
    assertNotNull(g.fields().get("partition_value"));
    QueryAnswer rd = ExactQueries.answer(majority(), X, v, Query.RATE_DISTORTION,
        QuerySettings.defaults().withEps(BigFraction.ZERO));
    QueryAnswer.Table steps = (QueryAnswer.Table) rd.fields().get("steps");
    assertEquals(List.of("rate", "from_eps", "below_eps", "sets"), steps.columns());
    assertEquals(2, rd.fields().get("value")); // R(0): a sufficient set has size 2
    assertFalse(steps.rows().isEmpty());
  }
}
