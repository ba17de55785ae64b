package xcert.solvers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xcert.solvers.io.IoAssertions.assertInputError;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xcert.solvers.model.AffineLayer;
import xcert.solvers.model.FeedForwardNetwork;
import xcert.solvers.model.HeadProbability;
import xcert.solvers.model.HeadUse;
import xcert.solvers.model.Model;
import xcert.solvers.model.OutputHead;
import xcert.solvers.model.ReluNetwork;

/** JSON networks with several outputs, a head and a threshold rule: reading, writing, refusals. */
class ReluJsonMultiOutputTest {

  /** The second example of the format's Javadoc: 2 inputs, 2 hidden units, 3 outputs, softmax. */
  private static final String THREE = "{\"type\": \"relu-network\", \"inputs\": 2,\n"
      + " \"layers\": [{\"weights\": [[1.0, -1.0], [0.5, 0.5]], \"bias\": [0.0, 0.25]},\n"
      + "            {\"weights\": [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]],"
      + " \"bias\": [0.0, 0.0, -1.0]}],\n"
      + " \"head\": \"softmax\", \"threshold\": 0.5, \"threshold_rule\": \">\"}";

  private static NetworkFile read(String text) {
    return ReluJsonFormat.readNetwork("n.json", new StringReader(text));
  }

  private static void bad(String text, int line, int col, String... fragments) {
    assertInputError(() -> read(text), "n.json", line, col, fragments);
  }

  private static ModelSelection output(int k, HeadUse use, Double t, Boolean strict) {
    return new ModelSelection(OptionalInt.of(k), Optional.ofNullable(use),
        t == null ? OptionalDouble.empty() : OptionalDouble.of(t), Optional.ofNullable(strict));
  }

  @Test
  void threeOutputsASoftmaxHeadAndAStrictRule() {
    NetworkFile nf = read(THREE);
    assertEquals(3, nf.network().outputs());
    assertEquals(OutputHead.SOFTMAX, nf.network().head());
    assertEquals(OptionalDouble.of(0.5), nf.threshold());
    assertTrue(nf.strict());
    // by hand at x = (2, 1): h = (relu(2 - 1), relu(1 + 0.5 + 0.25)) = (1, 1.75);
    // outputs (1, 1.75, 1.75 ); at x = (0, 1): h = (0, 0.75), outputs (0, 0.75, -0.25)
    Model score2 = ModelFiles.select("n.json", nf, output(2, null, null, false));
    // the file's threshold 0.5 with a non-strict rule stated: 1.75 >= 0.5
    assertEquals(1.0, score2.evaluate(new double[] {2, 1}));
    ReluNetwork logit3 = (ReluNetwork) ModelFiles.select("n.json", nf,
        new ModelSelection(OptionalInt.of(3), Optional.empty(), OptionalDouble.empty(),
            Optional.empty()));
    assertTrue(logit3.isStrictThreshold());
    assertEquals(1.75, logit3.score(new double[] {2, 1}));
    assertEquals(-0.25, logit3.score(new double[] {0, 1}));
    assertEquals(BigFraction.of(-1, 4), logit3.exactScoreFraction(new double[] {0, 1}));
    HeadProbability p = (HeadProbability) ModelFiles.select("n.json", nf,
        output(2, HeadUse.PROBABILITY, null, null));
    double e1 = Math.exp(1);
    double e175 = Math.exp(1.75);
    assertEquals(e175 / (e1 + 2 * e175), p.probability(new double[] {2, 1}), 1e-15);
    assertFalse(p.hasExactValues());
  }

  @Test
  void theStrictRuleDecidesATie() {
    // one output, score = x1: at x1 = 0.5 the tie goes to 1 under >= and to 0 under >
    String net = "{\"type\": \"relu-network\", \"inputs\": 1, \"layers\": [{\"weights\": [[1]], \"bias\": [0]}],"
        + " \"threshold\": 0.5%s}";
    ReluNetwork ge = ReluJsonFormat.read("n.json", new StringReader(String.format(net, "")));
    ReluNetwork geStated = ReluJsonFormat.read("n.json",
        new StringReader(String.format(net, ", \"threshold_rule\": \">=\"")));
    ReluNetwork gt = ReluJsonFormat.read("n.json",
        new StringReader(String.format(net, ", \"threshold_rule\": \">\"")));
    assertEquals(1.0, ge.evaluate(new double[] {0.5}));
    assertEquals(1.0, geStated.evaluate(new double[] {0.5}));
    assertEquals(0.0, gt.evaluate(new double[] {0.5}));
    assertEquals(1.0, gt.evaluate(new double[] {0.75}));
  }

  @Test
  void roundTripsKeepEveryWeightTheHeadAndTheRule(@TempDir Path dir) throws Exception {
    Random rnd = new Random(16);
    for (int trial = 0; trial < 50; trial++) {
      int d = 1 + rnd.nextInt(5);
      int hidden = 1 + rnd.nextInt(4);
      int outs = 1 + rnd.nextInt(4);
      OutputHead head = OutputHead.values()[rnd.nextInt(3)];
      OptionalDouble t = rnd.nextBoolean() ? OptionalDouble.of(rnd.nextGaussian())
          : OptionalDouble.empty();
      boolean strict = t.isPresent() && rnd.nextBoolean();
      FeedForwardNetwork net = new FeedForwardNetwork(List.of(random(rnd, d, hidden),
          random(rnd, hidden, outs)), head);
      NetworkFile nf = new NetworkFile(net, t, strict);
      String text = ReluJsonFormat.toString(nf);
      NetworkFile back = read(text);
      assertEquals(head, back.network().head());
      assertEquals(t, back.threshold());
      assertEquals(strict, back.strict());
      assertEquals(text.contains("\"head\""), head != OutputHead.NONE);
      assertEquals(text.contains("threshold_rule"), strict);
      for (int l = 0; l < 2; l++) {
        AffineLayer a = net.layers().get(l);
        AffineLayer b = back.network().layers().get(l);
        assertEquals(a.outputs(), b.outputs());
        assertEquals(a.inputs(), b.inputs());
        for (int j = 0; j < a.outputs(); j++) {
          assertEquals(a.bias(j), b.bias(j));
          for (int i = 0; i < a.inputs(); i++) {
            assertEquals(a.weight(j, i), b.weight(j, i));
          }
        }
      }
      assertEquals(text, ReluJsonFormat.toString(back));
    }
    Path file = dir.resolve("three.json");
    ReluJsonFormat.write(read(THREE), file);
    assertEquals(ReluJsonFormat.toString(read(THREE)),
        ReluJsonFormat.toString(ReluJsonFormat.readNetwork(file)));
  }

  /** A layer of random doubles (any double, not only short decimals). */
  private static AffineLayer random(Random rnd, int in, int out) {
    double[][] w = new double[out][in];
    double[] b = new double[out];
    for (int j = 0; j < out; j++) {
      for (int i = 0; i < in; i++) {
        w[j][i] = rnd.nextInt(4) == 0 ? 0.0 : rnd.nextGaussian() * Math.pow(10, rnd.nextInt(7) - 3);
      }
      b[j] = rnd.nextGaussian();
    }
    return AffineLayer.ofDoubles(w, b);
  }

  @Test
  void aOneOutputNetworkWithAStrictRuleRoundTripsThroughTheOldWriter() {
    ReluNetwork net = ReluJsonFormat.read("n.json", new StringReader("{\"type\": \"relu-network\", \"inputs\": 2,"
        + " \"layers\": [{\"weights\": [[1, -1]], \"bias\": [0.5]}], \"threshold\": 0,"
        + " \"threshold_rule\": \">\"}"));
    String text = ReluJsonFormat.toString(net);
    assertTrue(text.contains("\"threshold_rule\": \">\""));
    assertTrue(ReluJsonFormat.read("n.json", new StringReader(text)).isStrictThreshold());
  }

  @Test
  void aNonDyadicLayerIsNotWrittenAsDoubles() {
    AffineLayer third = AffineLayer.of(new BigFraction[][] {{BigFraction.of(1, 3)}},
        new BigFraction[] {BigFraction.ZERO});
    NetworkFile nf = new NetworkFile(new FeedForwardNetwork(List.of(third), OutputHead.NONE),
        OptionalDouble.empty(), false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ReluJsonFormat.toString(nf));
    assertTrue(e.getMessage().contains("layer 1"), e.getMessage());
  }

  @Test
  void badHeadsAndRulesNameTheLineAndColumn() {
    String layers = "\"layers\": [{\"weights\": [[1, 1]], \"bias\": [0]}]";
    bad("{\"inputs\": 2, " + layers + ",\n \"head\": \"tanh\"}", 2, 10,
        "\"head\" must be one of \"none\", \"sigmoid\", \"softmax\"", "\"tanh\"");
    bad("{\"inputs\": 2, " + layers + ",\n \"head\": 1}", 2, 10, "\"head\" must be one of",
        "a number");
    bad("{\"inputs\": 2, " + layers + ", \"threshold\": 0,\n \"threshold_rule\": \"=>\"}", 2, 20,
        "\"threshold_rule\" must be \">=\"", "\">\"", "found \"=>\"");
    bad("{\"inputs\": 2, " + layers + ",\n \"threshold_rule\": \">\"}", 2, 20,
        "\"threshold_rule\" needs a \"threshold\"");
    bad("{\"inputs\": 2, " + layers + ", \"head\": \"none\",\n \"head\": \"none\"}", 2, 2,
        "\"head\" appears twice");
  }
}
