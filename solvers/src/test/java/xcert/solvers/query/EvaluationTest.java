package xcert.solvers.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.TestData;
import xcert.solvers.errors.InputException;
import xcert.solvers.io.ModelFiles;
import xcert.solvers.io.ModelSelection;
import xcert.solvers.io.ReluJsonFormat;
import xcert.solvers.model.AffineLayer;
import xcert.solvers.model.FeedForwardNetwork;
import xcert.solvers.model.HeadUse;
import xcert.solvers.model.Model;
import xcert.solvers.model.OutputHead;
import xcert.solvers.result.Provenance;

/** {@link Evaluation#evaluate}: f(x) in one pass, against values worked out by hand. */
class EvaluationTest {

  private static Path examples() {
    return TestData.satlib().getParent().getParent().resolve("examples");
  }

  @Test
  void theExampleNetworkByHand() {
    // examples/net.json at x = (1, 0, 1): h1 = relu(1 - 0 + 0.5) = 1.5,
    // h2 = relu(0.5 + 0 + 1 - 1) = 0.5, score = 1.5 + 1.5 * 0.5 + 0.25 = 2.5
    Evaluation.Value v = Evaluation.evaluate(ModelFiles.read(examples().resolve("net.json")),
        new double[] {1, 0, 1});
    assertEquals(2.5, v.value());
    assertEquals(Optional.of(BigFraction.of(5, 2)), v.rational());
    assertEquals(OptionalInt.empty(), v.label());
    assertEquals(Provenance.Kind.EXACT, v.provenance().kind());
    assertTrue(v.isExact());
    // at x = (0.5, -1, 2): h1 = relu(0.5 + 2 + 1) = 3.5, h2 = relu(0.25 - 1 + 2 - 1) = 0.25,
    // score = 3.5 + 0.375 + 0.25 = 33/8; classifier.json's threshold 1 gives label 1
    Evaluation.Value c = Evaluation.evaluate(
        ModelFiles.read(examples().resolve("classifier.json")), new double[] {0.5, -1, 2});
    assertEquals(Optional.of(BigFraction.of(33, 8)), c.rational());
    assertEquals(OptionalInt.of(1), c.label());
  }

  @Test
  void aThresholdAndItsRuleDecideTheLabelExactly() {
    Path net = examples().resolve("net.json");
    double[] x = {1, 0, 1}; // score 5/2
    assertEquals(OptionalInt.of(1), Evaluation.evaluate(ModelFiles.read(net, threshold(2.5, null)),
        x).label());
    assertEquals(OptionalInt.of(0), Evaluation.evaluate(ModelFiles.read(net,
        threshold(2.5, true)), x).label());
    assertEquals(OptionalInt.of(1), Evaluation.evaluate(ModelFiles.read(net,
        threshold(2.4, true)), x).label());
  }

  private static ModelSelection threshold(double t, Boolean strict) {
    return new ModelSelection(OptionalInt.empty(), Optional.empty(), OptionalDouble.of(t),
        Optional.ofNullable(strict));
  }

  @Test
  void aDivisionStaysExact() {
    // one layer with weight 1/3: f(x) = x/3, not a double, exact as a rational
    AffineLayer third = AffineLayer.of(new BigFraction[][] {{BigFraction.of(1, 3)}},
        new BigFraction[] {BigFraction.ZERO});
    Model f = new FeedForwardNetwork(List.of(third), OutputHead.NONE).logit(1,
        OptionalDouble.empty(), false);
    Evaluation.Value v = Evaluation.evaluate(f, new double[] {1});
    assertEquals(Optional.of(BigFraction.of(1, 3)), v.rational());
    assertEquals(1.0 / 3, v.value());
  }

  @Test
  void aSigmoidProbabilityIsFloat64AndSaysWhy() {
    Model f = ReluJsonFormat.readNetwork("s.json", new StringReader("{\"type\": \"relu-network\", \"inputs\": 2,"
        + " \"layers\": [{\"weights\": [[1, -1]], \"bias\": [0.5]}], \"head\": \"sigmoid\"}"))
        .network().probability(1, OptionalDouble.of(0.5), true);
    Evaluation.Value v = Evaluation.evaluate(f, new double[] {1, 0});
    assertEquals(1 / (1 + Math.exp(-1.5)), v.value(), 1e-15);
    assertTrue(v.rational().isEmpty());
    assertFalse(v.isExact());
    assertEquals(OptionalInt.of(1), v.label());
    assertEquals(Provenance.Kind.ENUMERATED_FLOAT64, v.provenance().kind());
    assertTrue(v.provenance().method().startsWith("float64: the sigmoid head is transcendental"),
        v.provenance().method());
    // at x = (0, 0.5) the logit is 0, p = 1/2 exactly: not > 1/2
    assertEquals(OptionalInt.of(0), Evaluation.evaluate(f, new double[] {0, 0.5}).label());
  }

  @Test
  void aCircuitIsItsOwnLabelAndTakesBits() {
    Model maj = ModelFiles.read(examples().resolve("majority3.expr"));
    Evaluation.Value v = Evaluation.evaluate(maj, new double[] {1, 1, 0});
    assertEquals(Optional.of(BigFraction.ONE), v.rational());
    assertEquals(OptionalInt.of(1), v.label());
    assertEquals(OptionalInt.of(0), Evaluation.evaluate(maj, new double[] {0, 1, 0}).label());
    InputException e = assertThrows(InputException.class,
        () -> Evaluation.evaluate(maj, new double[] {0.5, 1, 0}));
    assertEquals("x", e.source());
    assertThrows(InputException.class, () -> Evaluation.evaluate(maj, new double[] {1, 1}));
  }

  @Test
  void headUseProbabilityThroughTheSelection() {
    Model f = ModelFiles.select("s.json", ReluJsonFormat.readNetwork("s.json",
        new StringReader("{\"type\": \"relu-network\", \"inputs\": 1, \"layers\": [{\"weights\": [[2]], \"bias\": [0]}],"
            + " \"head\": \"sigmoid\"}")), new ModelSelection(OptionalInt.empty(),
        Optional.of(HeadUse.PROBABILITY), OptionalDouble.empty(), Optional.empty()));
    assertEquals(1 / (1 + Math.exp(-2.0)), Evaluation.evaluate(f, new double[] {1}).value(),
        1e-15);
  }
}
