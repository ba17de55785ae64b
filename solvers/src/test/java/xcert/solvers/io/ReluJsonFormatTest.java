package xcert.solvers.io;

import xcert.solvers.errors.InputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;
import static xcert.solvers.io.IoAssertions.assertInputError;
import static xcert.solvers.io.IoAssertions.assertTooLarge;
import static xcert.solvers.io.IoAssertions.resource;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xcert.solvers.model.ReluNetwork;

class ReluJsonFormatTest {

  private static ReluNetwork read(String text) {
    return ReluJsonFormat.read("n.json", new StringReader(text));
  }

  private static void bad(String text, int line, int col, String... fragments) {
    assertInputError(() -> read(text), "n.json", line, col, fragments);
  }

  private static final String LAYERS = "\"layers\": [{\"weights\": [[1, 1]], \"bias\": [0]}]";

  // ---------------------------------------------------------------- the documented example

  @Test
  void theDocumentedExample() {
    ReluNetwork net = ReluJsonFormat.read(resource("example.json"));
    assertEquals(3, net.dimension());
    assertEquals(2, net.layerCount());
    assertEquals(2, net.width(0));
    assertEquals(1, net.width(1));
    assertEquals(-2.0, net.weight(0, 0, 1));
    assertEquals(-1.0, net.bias(0, 1));
    assertEquals(OptionalDouble.of(0.0), net.threshold());
    // scores worked out by hand: h = relu(W1 x + b1), score = h1 + h2 + 0.5
    assertEquals(2.0, net.score(new double[] {1, 0, 1})); // h = (1.5, 0)
    assertEquals(0.5, net.score(new double[] {0, 1, 0})); // h = (0, 0): both pre-activations <= 0
    assertEquals(1.5, net.score(new double[] {0, 1, 1})); // h = (0, 1)
    assertEquals(1.0, net.evaluate(new double[] {0, 0, 0})); // label: 0.5 >= 0
  }

  @Test
  void aByteOrderMarkIsSkipped() {
    assertEquals(2, read("\uFEFF{\"type\": \"relu-network\", \"inputs\": 2, " + LAYERS + "}").dimension());
  }

  @Test
  void optionalKeysAndAnyKeyOrder() {
    ReluNetwork net = read("{" + LAYERS + ", \"inputs\": 2, \"type\": \"relu-network\"}");
    assertFalse(net.isClassifier());
    assertEquals(3.0, net.evaluate(new double[] {1, 2}));
    ReluNetwork cls = read("{\"threshold\": 3.5, " + LAYERS + ", \"type\": \"relu-network\", \"inputs\": 2}");
    assertEquals(0.0, cls.evaluate(new double[] {1, 2}));
    assertEquals(1.0, cls.evaluate(new double[] {2, 2}));
  }

  // ---------------------------------------------------------------- round trips

  @Test
  void randomNetworksRoundTripExactly() {
    qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      int layers = 1 + r.nextInt(3);
      int in = 1 + r.nextInt(5);
      int d = in;
      double[][][] w = new double[layers][][];
      double[][] b = new double[layers][];
      for (int l = 0; l < layers; l++) {
        int out = l == layers - 1 ? 1 : 1 + r.nextInt(4);
        w[l] = new double[out][in];
        b[l] = new double[out];
        for (int j = 0; j < out; j++) {
          for (int i = 0; i < in; i++) {
            w[l][j][i] = value(r);
          }
          b[l][j] = value(r);
        }
        in = out;
      }
      OptionalDouble t = r.nextBoolean() ? OptionalDouble.of(value(r)) : OptionalDouble.empty();
      ReluNetwork net = new ReluNetwork(w, b, t);
      ReluNetwork back = read(ReluJsonFormat.toString(net));
      assertEquals(d, back.dimension());
      assertEquals(net.layerCount(), back.layerCount());
      for (int l = 0; l < layers; l++) {
        for (int j = 0; j < net.width(l); j++) {
          assertEquals(0, Double.compare(net.bias(l, j), back.bias(l, j)));
          for (int i = 0; i < w[l][j].length; i++) {
            assertEquals(0, Double.compare(net.weight(l, j, i), back.weight(l, j, i)));
          }
        }
      }
      assertEquals(net.threshold(), back.threshold());
    });
  }

  private static double value(Random r) {
    return switch (r.nextInt(5)) {
      case 0 -> 0.0;
      case 1 -> -0.0;
      case 2 -> r.nextInt(7) - 3;
      case 3 -> r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
      default -> Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL) * (r.nextBoolean()
          ? 1 : -1);
    };
  }

  @Test
  void writesFiles(@TempDir Path dir) throws Exception {
    ReluNetwork net = ReluJsonFormat.read(resource("example.json"));
    Path f = dir.resolve("net.json");
    ReluJsonFormat.write(net, f);
    assertEquals(2.0, ReluJsonFormat.read(f).score(new double[] {1, 0, 1}));
  }

  // ---------------------------------------------------------------- bad input

  @Test
  void malformedJson() {
    InputException e = assertInputError(() -> read("{\"inputs\": 2,, " + LAYERS + "}"), "n.json",
        1, -1, "malformed JSON: unexpected ','; expected a key in double quotes");
    assertTrue(e.column() >= 14 && e.column() <= 15, e.getMessage());
    bad("", 0, 0, "empty file", "expected a JSON object");
    bad("[1, 2]", 1, 1, "expected a JSON object", "found an array");
    assertInputError(() -> read("{\"inputs\": 2,\n " + LAYERS), "n.json", 2, -1,
        "malformed JSON: the file ends inside an object; expected '}'");
  }

  @Test
  void wrongTypes() {
    bad("{\"inputs\": \"2\", " + LAYERS + "}", 1, 12, "\"inputs\" (an integer)", "a string");
    bad("{\"inputs\": 2.5, " + LAYERS + "}", 1, 12, "\"inputs\" (an integer)", "a number");
    bad("{\"inputs\": -2, " + LAYERS + "}", 1, 12, "non-negative integer", "-2");
    bad("{\"inputs\": 0, " + LAYERS + "}", 1, 12, "\"inputs\" is 0", "d >= 1");
    bad("{\"inputs\": 2, \"layers\": {}}", 1, 25, "\"layers\" must be an array", "an object");
    bad("{\"inputs\": 2, \"layers\": [[1]]}", 1, 26, "layer 1 must be an object", "an array");
    bad("{\"inputs\": 2, \"layers\": [{\"weights\": [[1, \"x\"]], \"bias\": [0]}]}", 1, 43,
        "layer 1, row 1: entry 2 must be a number", "a string");
    bad("{\"inputs\": 2, \"layers\": [{\"weights\": [1, 1], \"bias\": [0]}]}", 1, 39,
        "layer 1, row 1 must be an array of numbers", "found a number");
    bad("{\"inputs\": 2, \"threshold\": \"high\", " + LAYERS + "}", 1, 28, "\"threshold\"",
        "a string");
    bad("{\"type\": \"mlp\", \"inputs\": 2, " + LAYERS + "}", 1, 10,
        "\"type\" must be \"relu-network\"", "\"mlp\"");
  }

  @Test
  void unknownAndDuplicateKeys() {
    bad("{\"inputs\": 2, \"bias\": 1, " + LAYERS + "}", 1, 15, "unknown key \"bias\"",
        "allowed keys are type, inputs, layers, head, threshold, threshold_rule");
    bad("{\"inputs\": 2, \"layers\": [{\"weights\": [[1, 1]], \"biases\": [0]}]}", 1, 48,
        "unknown key \"biases\" in layer 1", "allowed keys are weights, bias");
    bad("{\"inputs\": 2, \"inputs\": 2, " + LAYERS + "}", 1, 15, "\"inputs\" appears twice");
  }

  @Test
  void missingKeys() {
    bad("{" + LAYERS + "}", 1, 1, "missing key \"inputs\"");
    bad("\n  {\"inputs\": 2}", 2, 3, "missing key \"layers\"");
    bad("{\"inputs\": 2, \"layers\": [{\"weights\": [[1, 1]]}]}", 1, 26,
        "layer 1 is missing key \"bias\"");
    bad("{\"inputs\": 2, \"layers\": [{\"bias\": [1]}]}", 1, 26,
        "layer 1 is missing key \"weights\"");
  }

  @Test
  void shapeMismatchesNameTheLayerAndRow() {
    String text = "{\"inputs\": 3,\n"
        + " \"layers\": [{\"weights\": [[1, 2, 3], [4, 5, 6]], \"bias\": [0, 0]},\n"
        + "            {\"weights\": [[1, 1], [1, 1, 1]], \"bias\": [0, 0]},\n"
        + "            {\"weights\": [[1, 1]], \"bias\": [0]}]}";
    bad(text, 3, 34, "layer 2, row 2 has 3 weights, expected 2", "the 2 rows of layer 1");
    bad("{\"inputs\": 3, " + LAYERS + "}", 1, 39, "layer 1, row 1 has 2 weights, expected 3",
        "\"inputs\" = 3");
    bad("{\"inputs\": 2, \"layers\": [{\"weights\": [[1, 1]], \"bias\": [0, 1]}]}", 1, 56,
        "layer 1 has 1 weight row but 2 biases", "one bias per row");
    bad("{\"inputs\": 2, \"layers\": [{\"weights\": [[1, 1], [1, 0]], \"bias\": [0, 1]}]}", 1,
        38, "the last layer (layer 1) has 2 rows", "exactly one row");
    bad("{\"inputs\": 2, \"layers\": [{\"weights\": [], \"bias\": []}]}", 1, 38,
        "layer 1 has no weight rows");
    bad("{\"inputs\": 2, \"layers\": []}", 1, 25, "\"layers\" is empty");
  }

  @Test
  void nonFiniteNumbers() {
    bad("{\"inputs\": 2, \"layers\": [{\"weights\": [[1, NaN]], \"bias\": [0]}]}", 1, 43,
        "layer 1, row 1: weight 2 is NaN", "finite");
    bad("{\"inputs\": 2, \"layers\": [{\"weights\": [[1, 1]], \"bias\": [-Infinity]}]}", 1, 57,
        "bias 1 is -Infinity", "finite");
    bad("{\"inputs\": 2, \"threshold\": 1e999, " + LAYERS + "}", 1, 28,
        "\"threshold\" is 1e999", "finite");
  }

  @Test
  void trailingContent() {
    bad("{\"inputs\": 2, " + LAYERS + "} {}", 1, 63, "after the network object");
  }

  @Test
  void sizes() {
    assertTooLarge(() -> read("{\"inputs\": 2000000000, " + LAYERS + "}"), "n.json:1:12",
        "2000000000", "at most 1000000");
    assertTooLarge(() -> read("{\"inputs\": 99999999999999999999999, " + LAYERS + "}"),
        "at most 1000000");
  }
}
