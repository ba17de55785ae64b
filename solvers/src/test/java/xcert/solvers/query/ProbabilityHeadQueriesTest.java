package xcert.solvers.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.exact.Arithmetic;
import xcert.solvers.io.ReluJsonFormat;
import xcert.solvers.model.Model;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;

/**
 * {@link ExactQueries#answer} on a probability after a Sigmoid head (no exact values): answered in
 * float64, the provenance saying why, against Shapley values computed here from σ by hand.
 */
class ProbabilityHeadQueriesTest {

  private static double sigma(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /** p(x) = σ(x1 − x2 + 1/2). */
  private static Model probability() {
    return ReluJsonFormat.readNetwork("s.json", new StringReader("{\"type\": \"relu-network\", \"inputs\": 2,"
        + " \"layers\": [{\"weights\": [[1, -1]], \"bias\": [0.5]}], \"head\": \"sigmoid\"}"))
        .network().probability(1, OptionalDouble.empty(), false);
  }

  @Test
  void shapleyOfASigmoidProbabilityIsFloat64AndSaysWhy() {
    double[] x = {1, 0};
    QueryAnswer a = ExactQueries.answer(probability(), x, ProductDistribution.uniform(2),
        Query.SHAPLEY, QuerySettings.defaults());
    // f at the four corners, f_S(x) under uniform {0,1}^2, and the two-player Shapley values
    double f00 = sigma(0.5);
    double f10 = sigma(1.5);
    double f01 = sigma(-0.5);
    double f11 = sigma(0.5);
    double fEmpty = (f00 + f10 + f01 + f11) / 4;
    double f1 = (f10 + f11) / 2;
    double f2 = (f00 + f10) / 2;
    double f12 = f10;
    double phi1 = ((f1 - fEmpty) + (f12 - f2)) / 2;
    double phi2 = ((f2 - fEmpty) + (f12 - f1)) / 2;
    Scalar[] v = a.values();
    assertEquals(phi1, v[0].value(), 1e-14);
    assertEquals(phi2, v[1].value(), 1e-14);
    assertFalse(v[0].isExact());
    assertFalse(a.isExact());
    assertEquals(Provenance.Kind.ENUMERATED_FLOAT64, a.provenance().kind());
    assertTrue(a.provenance().method().startsWith("float64: the sigmoid head is transcendental"),
        a.provenance().method());
    assertEquals(false, a.fields().get("exact"));
    assertTrue(((String) a.fields().get("method")).contains("the sigmoid head is transcendental"));
  }

  @Test
  void fsOfASigmoidProbability() {
    QueryAnswer a = ExactQueries.answer(probability(), new double[] {1, 0},
        ProductDistribution.uniform(2), Query.FS, QuerySettings.defaults()
            .withSet(xcert.solvers.features.FeatureSet.of(1)));
    assertEquals((sigma(1.5) + sigma(0.5)) / 2, a.value().value(), 1e-15);
  }

  @Test
  void float64AskedForStaysAsItWas() {
    QueryAnswer a = ExactQueries.answer(probability(), new double[] {1, 0},
        ProductDistribution.uniform(2), Query.SHAPLEY, QuerySettings.defaults()
            .withArithmetic(Arithmetic.FLOAT64));
    assertEquals(Provenance.Kind.ENUMERATED_FLOAT64, a.provenance().kind());
    assertFalse(a.provenance().method().contains("transcendental"));
  }
}
