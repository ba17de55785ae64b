package xcert.solvers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xcert.solvers.io.IoAssertions.assertInputError;
import static xcert.solvers.io.IoAssertions.resource;

import java.io.StringReader;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.dist.ProductDistribution;

class ProductSupportJsonTest {

  private static ProductDistribution read(String text) {
    return ProductSupportJson.read("p.json", new StringReader(text));
  }

  private static void bad(String text, int line, int col, String... fragments) {
    assertInputError(() -> read(text), "p.json", line, col, fragments);
  }

  @Test
  void theDocumentedExample() {
    ProductDistribution p = ProductSupportJson.read(resource("product.json"));
    assertEquals(3, p.dimension());
    assertEquals(BigFraction.of(1, 2), p.feature(0).probabilityOf(1));
    assertEquals(BigFraction.of(1, 4), p.feature(0).probabilityOf(2));
    assertEquals(BigFraction.of(1, 10), p.feature(1).probabilityOf(0)); // exactly, not a double
    assertEquals(BigFraction.of(2, 3), p.feature(2).probabilityOf(3));
    assertEquals(-1.5, p.feature(2).value(0));
    assertFalse(p.isBinary());
  }

  @Test
  void numbersAreReadExactlyFromTheirText() {
    // 0.1 + 0.2 + 0.7 is exactly 1 as decimals (as doubles it is 1.0000000000000002 or so)
    ProductDistribution p = read("{\"features\": [{\"values\": [1, 2, 3],"
        + " \"probabilities\": [0.1, 0.2, 0.7]}]}");
    assertEquals(BigFraction.of(1, 5), p.feature(0).probabilityOf(2));
    ProductDistribution q = read("{\"features\": [{\"values\": [0, 1],"
        + " \"probabilities\": [\"25e-2\", 75E-2]}]}");
    assertEquals(BigFraction.of(3, 4), q.feature(0).probabilityOf(1));
    assertTrue(q.isBinary());
  }

  @Test
  void probabilitiesMustSumToExactlyOne() {
    bad("{\"features\": [{\"values\": [0, 1, 2], \"probabilities\": [0.333, 0.333, 0.333]}]}",
        1, 15, "feature 1: probabilities sum to 999/1000", "expected exactly 1", "\"1/3\"");
    bad("{\"features\": [\n {\"values\": [0], \"probabilities\": [1]},\n"
        + " {\"values\": [0, 1], \"probabilities\": [\"1/3\", \"1/3\"]}]}", 3, 2,
        "feature 2: probabilities sum to 2/3");
  }

  @Test
  void badProbabilities() {
    bad("{\"features\": [{\"values\": [0, 1], \"probabilities\": [\"3/2\", \"-1/2\"]}]}", 1, 52,
        "feature 1: probability 1 is '3/2'", "in [0,1]");
    bad("{\"features\": [{\"values\": [0, 1], \"probabilities\": [\"half\", 0.5]}]}", 1, 52,
        "probability 1 is 'half'", "such as \"1/3\"");
    bad("{\"features\": [{\"values\": [0, 1], \"probabilities\": [\"1/0\", 0.5]}]}", 1, 52,
        "'1/0'");
    bad("{\"features\": [{\"values\": [0, 1], \"probabilities\": [null, 0.5]}]}", 1, 52,
        "must be a string such as \"1/3\" or a number", "found null");
    bad("{\"features\": [{\"values\": [0, 1], \"probabilities\": [\"1e-99999999\", 1]}]}", 1, 52,
        "'1e-99999999'");
  }

  @Test
  void shapeErrors() {
    bad("{\"features\": [{\"values\": [0, 1], \"probabilities\": [1]}]}", 1, 15,
        "feature 1 has 2 values but 1 probability");
    bad("{\"features\": [{\"values\": [0, 0], \"probabilities\": [0.5, 0.5]}]}", 1, 30,
        "value 0 is listed twice");
    bad("{\"features\": [{\"values\": [], \"probabilities\": []}]}", 1, 15, "has no values");
    bad("{\"features\": [{\"values\": [0, 1]}]}", 1, 15, "missing key \"probabilities\"");
    bad("{\"features\": []}", 1, 14, "\"features\" is empty");
    bad("{}", 1, 1, "missing key \"features\"");
    bad("{\"features\": [{\"values\": [0, \"a\"], \"probabilities\": [0.5, 0.5]}]}", 1, 30,
        "value 2 must be a number", "a string");
  }

  @Test
  void unknownKeysAndMalformedJson() {
    bad("{\"feature\": []}", 1, 2, "unknown key \"feature\"", "allowed keys are features");
    bad("{\"features\": [{\"values\": [0], \"probs\": [1]}]}", 1, 31,
        "unknown key \"probs\" in feature 1", "allowed keys are values, probabilities");
    assertInputError(() -> read("{\"features\": [}"), "p.json", 1, -1, "malformed JSON");
    bad("", 0, 0, "empty file");
  }
}
