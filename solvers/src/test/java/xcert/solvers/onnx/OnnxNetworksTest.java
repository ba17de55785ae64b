package xcert.solvers.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xcert.solvers.io.IoAssertions.assertInputError;
import static xcert.solvers.onnx.OnnxBuild.DOUBLE;
import static xcert.solvers.onnx.OnnxBuild.FLOAT;
import static xcert.solvers.onnx.OnnxBuild.bool;
import static xcert.solvers.onnx.OnnxBuild.dims;
import static xcert.solvers.onnx.OnnxBuild.doubleData;
import static xcert.solvers.onnx.OnnxBuild.doubles;
import static xcert.solvers.onnx.OnnxBuild.floatAttr;
import static xcert.solvers.onnx.OnnxBuild.floatData;
import static xcert.solvers.onnx.OnnxBuild.floats;
import static xcert.solvers.onnx.OnnxBuild.floatsAttr;
import static xcert.solvers.onnx.OnnxBuild.int64s;
import static xcert.solvers.onnx.OnnxBuild.intAttr;
import static xcert.solvers.onnx.OnnxBuild.node;
import static xcert.solvers.onnx.OnnxBuild.tensorAttr;
import static xcert.solvers.onnx.OnnxBuild.value;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Function;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xcert.solvers.io.ModelFiles;
import xcert.solvers.io.ModelSelection;
import xcert.solvers.model.AffineLayer;
import xcert.solvers.model.FeedForwardNetwork;
import xcert.solvers.model.Model;
import xcert.solvers.model.OutputHead;
import xcert.solvers.num.Rationals;
import xcert.solvers.onnx.proto.OnnxProto.ModelProto;

/**
 * The supported constructs of {@link OnnxNetworks} on models built here with the generated
 * protobuf classes. Expected values are computed in the test from the formula each graph denotes
 * (exactly, with BigFraction) and, where the graph is float32, by ONNX Runtime's Java API within
 * the bound γ_K · m(x) of {@link OnnxChain} (skipped where its native library cannot load).
 */
class OnnxNetworksTest {

  private static final double U32 = 0x1p-24;

  private static FeedForwardNetwork parse(ModelProto m) {
    return OnnxNetworks.parse("t.onnx", m.toByteArray());
  }

  private static BigFraction q(double v) {
    return Rationals.fromDouble(v);
  }

  private static BigFraction exact(FeedForwardNetwork net, int k, double[] x) {
    return net.logit(k, OptionalDouble.empty(), false).exactValue(x);
  }

  private static BigFraction relu(BigFraction v) {
    return v.signum() < 0 ? BigFraction.ZERO : v;
  }

  /** Asserts xcert's exact value = the formula, and ONNX Runtime agrees within γ_K m(x). */
  private static void check(ModelProto m, int outputs, Function<double[], BigFraction[]> formula,
      List<double[]> xs) {
    FeedForwardNetwork net = parse(m);
    assertEquals(outputs, net.outputs());
    for (double[] x : xs) {
      BigFraction[] want = formula.apply(x);
      for (int k = 1; k <= outputs; k++) {
        assertEquals(want[k - 1], exact(net, k, x), "output " + k + " at "
            + java.util.Arrays.toString(x));
      }
    }
    OnnxChain chain = new OnnxChain(m);
    try (OrtRunner pre = OrtRunner.of(OnnxChain.stripHead(m))) {
      for (double[] x : xs) {
        double[] ort = pre.run(x);
        OnnxChain.Bound b = chain.bound(x);
        for (int k = 1; k <= outputs; k++) {
          double err = Math.abs(q(ort[k - 1]).subtract(exact(net, k, x)).doubleValue());
          assertTrue(err <= b.at(k - 1, U32), "output " + k + ": |ORT - exact| = " + err
              + " > " + b.at(k - 1, U32));
        }
      }
    }
  }

  private static List<double[]> floatInputs(int d, int n, long seed) {
    Random r = new Random(seed);
    List<double[]> xs = new java.util.ArrayList<>();
    for (int s = 0; s < n; s++) {
      double[] x = new double[d];
      for (int i = 0; i < d; i++) {
        x[i] = (float) (3 * r.nextGaussian());
      }
      xs.add(x);
    }
    return xs;
  }

  @Test
  void divByThreeStaysExact() {
    // y = (x1 + x2) / 3: Div by the float32 constant 3, then MatMul by [[1], [1]].
    ModelProto m = new OnnxBuild.Model()
        .input(value("x", FLOAT, "N", 2)).output(value("y", FLOAT, "N", 1))
        .init(floats("three", dims(2), 3f, 3f)).init(floats("ones", dims(2, 1), 1f, 1f))
        .node(node("Div", "standardise", List.of("x", "three"), "s"))
        .node(node("MatMul", "sum", List.of("s", "ones"), "y"))
        .build();
    FeedForwardNetwork net = parse(m);
    AffineLayer layer = net.layers().get(0);
    assertEquals(BigFraction.of(1, 3), layer.weight(0, 0));
    assertFalse(layer.isDyadic());
    BigFraction v = exact(net, 1, new double[] {1, 1});
    assertEquals(BigFraction.of(2, 3), v);
    assertEquals(BigInteger.ZERO, v.getDenominator().mod(BigInteger.valueOf(3)),
        "the exact value of (1 + 1) / 3 keeps the denominator 3");
    check(m, 1, x -> new BigFraction[] {q(x[0]).add(q(x[1])).divide(3)},
        floatInputs(2, 50, 3));
  }

  @Test
  void divByAFloatIsByItsExactValueNotARoundedReciprocal() {
    float c = 0.1f; // 13421773 / 2^27
    ModelProto m = new OnnxBuild.Model()
        .input(value("x", FLOAT, 1, 1)).output(value("y", FLOAT, 1, 1))
        .init(floats("c", dims(), c))
        .node(node("Div", null, List.of("x", "c"), "y"))
        .build();
    AffineLayer layer = parse(m).layers().get(0);
    assertEquals(BigFraction.of(BigInteger.ONE.shiftLeft(27), BigInteger.valueOf(13421773)),
        layer.weight(0, 0));
    assertEquals(q(c), BigFraction.of(13421773, 1 << 27));
  }

  @Test
  void elementwiseWithConstantsOnEitherSideOfAVector() {
    // x: [3] (no batch axis). y = sum_i m_i relu(2 - x_i) + 3 * 1/4, m = (1, -1, 1/2).
    ModelProto m = new OnnxBuild.Model()
        .input(value("x", FLOAT, 3)).output(value("y", FLOAT, 1, 1))
        .init(floats("two", dims(), 2f))
        .init(floats("m", dims(1, 3), 1f, -1f, 0.5f))
        .init(floats("quarter", dims(1), 0.25f))
        .init(floats("ones", dims(3, 1), 1f, 1f, 1f))
        .node(node("Sub", "a", List.of("two", "x"), "a"))
        .node(node("Relu", "r", List.of("a"), "r"))
        .node(node("Mul", "s", List.of("r", "m"), "s"))
        .node(node("Add", "t", List.of("quarter", "s"), "t"))
        .node(node("MatMul", "y", List.of("t", "ones"), "y"))
        .build();
    FeedForwardNetwork net = parse(m);
    assertEquals(2, net.layers().size());
    BigFraction[] mm = {BigFraction.ONE, BigFraction.ONE.negate(), BigFraction.of(1, 2)};
    check(m, 1, x -> {
      BigFraction s = BigFraction.of(3, 4);
      for (int i = 0; i < 3; i++) {
        s = s.add(mm[i].multiply(relu(BigFraction.of(2).subtract(q(x[i])))));
      }
      return new BigFraction[] {s};
    }, floatInputs(3, 50, 5));
  }

  @Test
  void shapeNoOpsConstantNodesAndDropoutAreTransparent() {
    float[] w = {0.5f, -1f, 2f, 0.25f, -0.75f, 1.5f, 1f, -2f}; // [4, 2], row-major
    ModelProto m = new OnnxBuild.Model()
        .input(value("x", FLOAT, "batch", 4)).output(value("y", FLOAT, "batch", 1))
        .init(int64s("shape1", -1, 4)).init(int64s("shape2", 0, 2))
        .init(floats("ratio", dims(), 0.3f)).init(bool("training", false))
        .init(floats("w2", dims(1, 2), 3f, -0.5f)).init(floats("c2", dims(1), 0.125f))
        .node(node("Constant", "W", List.of(), "W", tensorAttr("value",
            floats("", dims(4, 2), w))))
        .node(node("Constant", "bias", List.of(), "bias", floatsAttr("value_floats", 1f, -1f)))
        .node(node("Flatten", "flat", List.of("x"), "a", intAttr("axis", 1)))
        .node(node("Reshape", "reshape1", List.of("a", "shape1"), "b"))
        .node(node("Identity", "id", List.of("b"), "c"))
        .node(node("Gemm", "dense", List.of("c", "W", "bias"), "d", floatAttr("alpha", 0.5f),
            floatAttr("beta", 2f), intAttr("transB", 0)))
        .node(node("Dropout", "drop", List.of("d", "ratio", "training"), "e"))
        .node(node("Relu", "relu", List.of("e"), "f"))
        .node(node("Reshape", "reshape2", List.of("f", "shape2"), "g"))
        .node(node("Relu", "relu_again", List.of("g"), "h"))
        .node(node("Gemm", "out", List.of("h", "w2", "c2"), "y", intAttr("transB", 1)))
        .build();
    FeedForwardNetwork net = parse(m);
    assertEquals(2, net.layers().size(), "relu(relu(z)) is one ReLU");
    check(m, 1, x -> {
      BigFraction[] h = new BigFraction[2];
      for (int j = 0; j < 2; j++) {
        BigFraction s = BigFraction.of(2).multiply(j == 0 ? BigFraction.ONE
            : BigFraction.ONE.negate());
        for (int i = 0; i < 4; i++) {
          s = s.add(BigFraction.of(1, 2).multiply(q(w[i * 2 + j])).multiply(q(x[i])));
        }
        h[j] = relu(s);
      }
      return new BigFraction[] {BigFraction.of(3).multiply(h[0])
          .subtract(BigFraction.of(1, 2).multiply(h[1])).add(BigFraction.of(1, 8))};
    }, floatInputs(4, 50, 7));
  }

  @Test
  void float64InitializersAreTheirExactBinaryValues() {
    ModelProto m = new OnnxBuild.Model()
        .input(value("x", DOUBLE, "N", 2)).output(value("y", DOUBLE, "N", 1))
        .init(doubles("W", dims(2, 2), 0.1, 0.2, 0.3, 0.4))
        .init(doubleData("C", dims(2), 0.5, -0.25))
        .init(doubleData("V", dims(2, 1), 1.0, -1.0))
        .node(node("Gemm", "g", List.of("x", "W", "C"), "h", intAttr("transB", 1)))
        .node(node("Relu", "r", List.of("h"), "r"))
        .node(node("MatMul", "m", List.of("r", "V"), "y"))
        .build();
    FeedForwardNetwork net = parse(m);
    assertEquals(BigFraction.from(0.1), net.layers().get(0).weight(0, 0));
    assertTrue(!BigFraction.from(0.1).equals(BigFraction.of(1, 10)));
    double[] x = {1, 2};
    BigFraction h1 = relu(q(0.1).add(q(0.2).multiply(2)).add(q(0.5)));
    BigFraction h2 = relu(q(0.3).add(q(0.4).multiply(2)).subtract(BigFraction.of(1, 4)));
    assertEquals(h1.subtract(h2), exact(net, 1, x));
  }

  @Test
  void reluFirstAndLastWithASigmoidOverTwoOutputs() {
    float[] w = {1.5f, -2f, -0.5f, 0.75f};
    ModelProto m = new OnnxBuild.Model()
        .input(value("x", FLOAT, 1, 2)).output(value("y", FLOAT, 1, 2))
        .init(floatData("W", dims(2, 2), w))
        .node(node("Relu", null, List.of("x"), "a"))
        .node(node("Gemm", null, List.of("a", "W"), "b", intAttr("transB", 1)))
        .node(node("Relu", null, List.of("b"), "c"))
        .node(node("Sigmoid", null, List.of("c"), "y"))
        .build();
    FeedForwardNetwork net = parse(m);
    assertEquals(3, net.layers().size());
    assertEquals(OutputHead.SIGMOID, net.head());
    check(m, 2, x -> {
      BigFraction[] out = new BigFraction[2];
      for (int j = 0; j < 2; j++) {
        out[j] = relu(q(w[2 * j]).multiply(relu(q(x[0])))
            .add(q(w[2 * j + 1]).multiply(relu(q(x[1])))));
      }
      return out;
    }, floatInputs(2, 40, 11));
  }

  @Test
  void softmaxOverTheLastAxisInOldAndNewOpsets() {
    for (long opset : new long[] {11, 13}) {
      OnnxBuild.Model b = new OnnxBuild.Model().opset(opset)
          .input(value("x", FLOAT, "N", 3)).output(value("y", FLOAT, "N", 3))
          .node(node("Softmax", "sm", List.of("x"), "y"));
      FeedForwardNetwork net = parse(b.build());
      assertEquals(OutputHead.SOFTMAX, net.head());
      assertEquals(3, net.outputs());
      assertEquals(1, net.layers().size());
    }
    ModelProto explicit = new OnnxBuild.Model()
        .input(value("x", FLOAT, "N", 3)).output(value("y", FLOAT, "N", 3))
        .node(node("Softmax", "sm", List.of("x"), "y", intAttr("axis", -1))).build();
    assertEquals(OutputHead.SOFTMAX, parse(explicit).head());
  }

  @Test
  void opsetFourReshapeAttributeAndAScalarConstant() {
    // Reshape-1..4 takes its shape as an attribute; y = 3/2 * x reshaped [1, 2] -> [2].
    ModelProto m = new OnnxBuild.Model().opset(4)
        .input(value("x", FLOAT, 1, 2)).output(value("y", FLOAT, 2))
        .node(node("Reshape", "rs", List.of("x"), "r", xcert.solvers.onnx.proto.OnnxProto
            .AttributeProto.newBuilder().setName("shape").setType(xcert.solvers.onnx.proto
                .OnnxProto.AttributeProto.AttributeType.INTS).addInts(2).build()))
        .node(node("Constant", "k", List.of(), "k", floatAttr("value_float", 1.5f)))
        .node(node("Mul", "scale", List.of("k", "r"), "y"))
        .build();
    FeedForwardNetwork net = parse(m);
    assertEquals(q(-3), exact(net, 2, new double[] {5, -2}));
    assertEquals(q(7.5), exact(net, 1, new double[] {5, -2}));
  }

  @Test
  void noNodesIsTheIdentity() {
    ModelProto m = new OnnxBuild.Model()
        .input(value("x", FLOAT, "N", 3)).output(value("x", FLOAT, "N", 3)).build();
    FeedForwardNetwork net = parse(m);
    assertEquals(3, net.outputs());
    assertEquals(q(-2.5), exact(net, 2, new double[] {1, -2.5, 7}));
  }

  @Test
  void initializersListedAsGraphInputsAreConstants() {
    ModelProto m = new OnnxBuild.Model()
        .input(value("x", FLOAT, "N", 2)).input(value("W", FLOAT, 2, 1))
        .output(value("y", FLOAT, "N", 1))
        .init(floats("W", dims(2, 1), 1f, 2f))
        .node(node("MatMul", null, List.of("x", "W"), "y")).build();
    assertEquals(q(5), exact(parse(m), 1, new double[] {1, 2}));
  }

  @Test
  void modelFilesReadsOnnxAndAppliesTheSelection(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("classifier.onnx");
    Files.write(f, OnnxFixturesTest.bytes("torch-classifier-10-8-3-softmax.onnx"));
    Model two = ModelFiles.read(f, new ModelSelection(OptionalInt.of(2), Optional.empty(),
        OptionalDouble.empty(), Optional.empty()));
    assertEquals(10, two.dimension());
    assertTrue(two.hasExactValues());
    assertInputError(() -> ModelFiles.read(f), "output", 0, 0, "classifier.onnx has 3 outputs");
  }
}
