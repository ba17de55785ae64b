package xcert.solvers.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static xcert.solvers.io.IoAssertions.assertInputError;
import static xcert.solvers.onnx.OnnxBuild.FLOAT;
import static xcert.solvers.onnx.OnnxBuild.INT64;
import static xcert.solvers.onnx.OnnxBuild.bool;
import static xcert.solvers.onnx.OnnxBuild.dims;
import static xcert.solvers.onnx.OnnxBuild.doubles;
import static xcert.solvers.onnx.OnnxBuild.floats;
import static xcert.solvers.onnx.OnnxBuild.int64s;
import static xcert.solvers.onnx.OnnxBuild.intAttr;
import static xcert.solvers.onnx.OnnxBuild.node;
import static xcert.solvers.onnx.OnnxBuild.tensor;
import static xcert.solvers.onnx.OnnxBuild.value;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xcert.solvers.errors.InputException;
import xcert.solvers.io.OnnxFormat;
import xcert.solvers.onnx.proto.OnnxProto.ModelProto;
import xcert.solvers.onnx.proto.OnnxProto.NodeProto;
import xcert.solvers.onnx.proto.OnnxProto.TensorProto;

/**
 * Every refusal of {@link OnnxNetworks}: one line, starting with the file name, naming what is
 * wrong and where (the operator and its node, the initializer, the input and its shape).
 */
class OnnxRefusalsTest {

  private static void refused(ModelProto m, String... fragments) {
    refused(m.toByteArray(), fragments);
  }

  private static void refused(byte[] bytes, String... fragments) {
    assertInputError(() -> OnnxNetworks.parse("bad.onnx", bytes), "bad.onnx", 0, 0, fragments);
  }

  /** x [N, 2] -> Gemm(W [2, 2]) -> Relu -> MatMul(V [2, 1]) -> y: valid; tests vary one part. */
  private static OnnxBuild.Model base() {
    return new OnnxBuild.Model()
        .input(value("x", FLOAT, "N", 2)).output(value("y", FLOAT, "N", 1))
        .init(floats("W", dims(2, 2), 1f, 2f, 3f, 4f)).init(floats("V", dims(2, 1), 1f, -1f));
  }

  private static OnnxBuild.Model chain(OnnxBuild.Model m) {
    return m.node(node("Gemm", "dense", List.of("x", "W"), "h", intAttr("transB", 1)))
        .node(node("Relu", "act", List.of("h"), "r"))
        .node(node("MatMul", "out", List.of("r", "V"), "y"));
  }

  @Test
  void theBaseModelIsAccepted() {
    assertTrue(OnnxNetworks.parse("ok.onnx", chain(base()).bytes()).outputs() == 1);
  }

  // ---- not ONNX ----

  @Test
  void truncatedFile() {
    byte[] good = OnnxFixturesTest.bytes("torch-regressor-12-16-8-1.onnx");
    for (int cut : new int[] {good.length / 2, good.length - 3, 7}) {
      refused(Arrays.copyOf(good, cut), "not an ONNX model: ",
          "; expected an .onnx file as torch.onnx or skl2onnx write it");
    }
  }

  @Test
  void emptyTextAndOtherProtobufs() {
    refused(new byte[0], "not an ONNX model", "empty");
    refused("{\"layers\": []}".getBytes(StandardCharsets.UTF_8), "not an ONNX model");
    refused("hello, world\n".getBytes(StandardCharsets.UTF_8), "not an ONNX model");
    // A TensorProto is a protobuf but not a ModelProto: it has no graph.
    refused(floats("W", dims(2), 1f, 2f).toByteArray(), "not an ONNX model");
    refused(ModelProto.newBuilder().setIrVersion(8).build().toByteArray(), "not an ONNX model",
        "no graph");
    Random r = new Random(16);
    for (int t = 0; t < 50; t++) {
      byte[] junk = new byte[1 + r.nextInt(200)];
      r.nextBytes(junk);
      InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
          () -> OnnxNetworks.parse("junk.onnx", junk));
      assertTrue(e.getMessage().startsWith("junk.onnx: ") && !e.getMessage().contains("\n"),
          e.getMessage());
    }
  }

  @Test
  void onnxFormatNamesTheFile(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("cut.onnx");
    Files.write(f, new byte[] {0x08});
    assertInputError(() -> OnnxFormat.read(f), f.toString(), 0, 0, "not an ONNX model:"
        + " the protobuf ends in the middle of a field (a truncated file?); expected an .onnx file"
        + " as torch.onnx or skl2onnx write it");
    Path missing = dir.resolve("missing.onnx");
    assertInputError(() -> OnnxFormat.read(missing), missing.toString(), 0, 0);
  }

  // ---- operators ----

  @Test
  void operatorOutsideTheSubsetIsNamedWithItsNode() {
    refused(base().node(node("Gemm", "dense", List.of("x", "W"), "h", intAttr("transB", 1)))
        .node(node("Tanh", "squash", List.of("h"), "r"))
        .node(node("MatMul", "out", List.of("r", "V"), "y")).build(),
        "operator Tanh at node #2 'squash' is outside the supported subset");
    refused(base().node(node("Gemm", null, List.of("x", "W"), "h", intAttr("transB", 1)))
        .node(node("LeakyRelu", null, List.of("h"), "r"))
        .node(node("MatMul", null, List.of("r", "V"), "y")).build(),
        "operator LeakyRelu at node #2 is outside");
    NodeProto custom = node("FusedGemm", "fg", List.of("x", "W"), "y").toBuilder()
        .setDomain("com.microsoft").build();
    refused(base().node(custom).build(), "operator com.microsoft.FusedGemm at node #1 'fg'");
  }

  @Test
  void unsupportedAttributeValues() {
    refused(base().node(node("Gemm", "dense", List.of("x", "W"), "h", intAttr("transA", 1)))
        .node(node("Relu", null, List.of("h"), "r"))
        .node(node("MatMul", null, List.of("r", "V"), "y")).build(),
        "node #1 'dense' (Gemm) has transA = 1", "transA = 0");
    refused(base().node(node("Gemm", "dense", List.of("x", "W"), "h", intAttr("transB", 2)))
        .node(node("Relu", null, List.of("h"), "r"))
        .node(node("MatMul", null, List.of("r", "V"), "y")).build(), "transB = 2");
    refused(base().node(node("Gemm", "dense", List.of("x", "W"), "h",
        OnnxBuild.floatAttr("transB", 1f))).node(node("Relu", null, List.of("h"), "r"))
        .node(node("MatMul", null, List.of("r", "V"), "y")).build(),
        "attribute 'transB' of node #1 'dense' (Gemm) is FLOAT; expected an int");
    refused(base().node(node("Gemm", "dense", List.of("x", "W"), "h", intAttr("transB", 1)))
        .node(node("Relu", "act", List.of("h"), "r", intAttr("slope", 2)))
        .node(node("MatMul", null, List.of("r", "V"), "y")).build(),
        "attribute 'slope' of node #2 'act' (Relu) is not supported");
  }

  @Test
  void softmaxNotOnTheLastAxis() {
    refused(new OnnxBuild.Model().input(value("x", FLOAT, "N", 3))
        .output(value("y", FLOAT, "N", 3))
        .node(node("Softmax", "sm", List.of("x"), "y", intAttr("axis", 0))).build(),
        "node #1 'sm' (Softmax) has axis = 0", "over the last axis");
  }

  @Test
  void headNotAtTheEnd() {
    refused(base().node(node("Gemm", "dense", List.of("x", "W"), "h", intAttr("transB", 1)))
        .node(node("Sigmoid", "sig", List.of("h"), "r"))
        .node(node("MatMul", "out", List.of("r", "V"), "y")).build(),
        "the Sigmoid head is followed by node #3 'out' (MatMul)", "last node");
    refused(new OnnxBuild.Model().input(value("x", FLOAT, "N", 3))
        .output(value("y", FLOAT, "N", 3))
        .node(node("Softmax", "sm", List.of("x"), "s"))
        .node(node("Identity", "id", List.of("s"), "y")).build(),
        "the Softmax head is followed by node #2 'id' (Identity)");
  }

  @Test
  void operandsThatAreNotAffineInTheData() {
    refused(base().init(floats("c", dims(), 2f))
        .node(node("Div", "inv", List.of("c", "x"), "h"))
        .node(node("MatMul", null, List.of("h", "V"), "y")).build(),
        "node #1 'inv' (Div) divides a constant by the data");
    refused(base().node(node("Mul", "sq", List.of("x", "x"), "h"))
        .node(node("MatMul", null, List.of("h", "V"), "y")).build(),
        "node #1 'sq' (Mul) combines the data with itself");
    refused(base().init(floats("M", dims(1, 1), 1f))
        .node(node("MatMul", "left", List.of("M", "x"), "h"))
        .node(node("MatMul", null, List.of("h", "V"), "y")).build(),
        "node #1 'left' (MatMul) multiplies a constant by the data");
    refused(base().node(node("Gemm", "g", List.of("x", "W"), "h", intAttr("transB", 1)))
        .node(node("Gemm", "g2", List.of("h", "h"), "y")).build(),
        "node #2 'g2' (Gemm)", "B 'h' is not a constant");
    refused(base().init(floats("z", dims(2), 1f, 0f))
        .node(node("Div", "d", List.of("x", "z"), "h"))
        .node(node("MatMul", null, List.of("h", "V"), "y")).build(),
        "node #1 'd' (Div) divides by zero", "entry 2");
  }

  @Test
  void shapesThatDoNotFit() {
    refused(base().node(node("Gemm", "g", List.of("x", "V"), "h", intAttr("transB", 1)))
        .node(node("MatMul", null, List.of("h", "V"), "y")).build(),
        "node #1 'g' (Gemm): B (initializer 'V') has dims [2, 1] with transB = 1, so it takes 1"
        + " values per row; the data has 2");
    refused(base().init(floats("c", dims(3, 2), 1f, 2f, 3f, 4f, 5f, 6f))
        .node(node("Add", "a", List.of("x", "c"), "h"))
        .node(node("MatMul", null, List.of("h", "V"), "y")).build(),
        "node #1 'a' (Add)", "initializer 'c'", "dims [3, 2]", "does not broadcast");
    refused(base().init(int64s("s", 2, 1))
        .node(node("Reshape", "rs", List.of("x", "s"), "h"))
        .node(node("MatMul", null, List.of("h", "V"), "y")).build(),
        "node #1 'rs' (Reshape) reshapes the data [N, 2] to [2, 1]", "changes the feature");
    refused(base().node(node("Flatten", "fl", List.of("x"), "h", intAttr("axis", 2)))
        .node(node("MatMul", null, List.of("h", "V"), "y")).build(),
        "node #1 'fl' (Flatten)", "changes the feature axis");
    refused(new OnnxBuild.Model().input(value("x", FLOAT, 3)).output(value("y", FLOAT, 1, 1))
        .init(floats("W", dims(1, 3), 1f, 1f, 1f))
        .node(node("Gemm", "g", List.of("x", "W"), "y", intAttr("transB", 1))).build(),
        "node #1 'g' (Gemm): Gemm needs a 2-D input");
    refused(chain(base()).output(value("y", FLOAT, "N", 1)).build().toBuilder()
        .setGraph(chain(base()).build().getGraph().toBuilder().setOutput(0,
            value("y", FLOAT, "N", 4))).build(),
        "graph output 'y' is declared with shape [N, 4] but the chain computes 1");
  }

  // ---- branches ----

  @Test
  void branchesAreRefused() {
    refused(base().node(node("Gemm", "left", List.of("x", "W"), "a"))
        .node(node("Gemm", "right", List.of("x", "W"), "b"))
        .node(node("MatMul", null, List.of("a", "V"), "y")).build(),
        "value 'x' is used 2 times (node #1 'left' (Gemm), node #2 'right' (Gemm))", "a branch");
    refused(chain(base()).input(value("x2", FLOAT, "N", 2)).build(),
        "the graph has 2 inputs ('x', 'x2')", "one input vector");
    refused(chain(base()).output(value("h", FLOAT, "N", 2)).build(),
        "the graph has 2 outputs ('y', 'h')");
    refused(base().node(node("Gemm", "g", List.of("x", "W"), "y", intAttr("transB", 1)))
        .node(node("Relu", "after", List.of("y"), "z")).build(),
        "the graph output 'y' is also used by node #2 'after' (Relu)");
    refused(chain(base()).init(floats("k", dims(1), 1f))
        .node(node("Identity", "stray", List.of("k"), "unused")).build(),
        "node #4 'stray' (Identity) is not on the chain from input 'x' to output 'y'");
    refused(base().node(node("Identity", "a", List.of("x"), "h"))
        .node(node("Identity", "b", List.of("x"), "h"))
        .node(node("MatMul", null, List.of("h", "V"), "y")).build(),
        "value 'h' is written twice");
    refused(base().node(node("Gemm", "g", List.of("x", "W"), "h", intAttr("transB", 1)))
        .node(node("Relu", "r", List.of("h"), "dead")).build(),
        "value 'dead' is used by no node and is not the graph output 'y'");
  }

  // ---- input shapes ----

  @Test
  void inputShapesThatDoNotResolveToOneVector() {
    OnnxBuild.Model m = new OnnxBuild.Model().output(value("y", FLOAT, "N", 1))
        .init(floats("V", dims(2, 1), 1f, -1f)).node(node("MatMul", null, List.of("x", "V"),
            "y"));
    refused(withInput(m, value("x", FLOAT, "N", "D")), "graph input 'x' has shape [N, D]",
        "the feature count 'D' is symbolic");
    refused(withInput(m, value("x", FLOAT, 4, 2)), "[4, 2]", "fixed batch of 4 rows");
    refused(withInput(m, value("x", FLOAT, "N", 1, 2)), "[N, 1, 2]", "expected [N, d] or [d]");
    refused(withInput(m, value("x", FLOAT)), "graph input 'x' has shape []");
    refused(withInput(m, value("x", FLOAT, "N", 0)), "the feature count is 0");
    refused(withInput(m, value("x", INT64, "N", 2)), "element type INT64 (7)");
    refused(withInput(m, value("x", FLOAT, "N", 2).toBuilder().setType(
        value("x", FLOAT, "N", 2).getType().toBuilder().setTensorType(
            value("x", FLOAT, "N", 2).getType().getTensorType().toBuilder().clearShape()))
        .build()), "graph input 'x' has no shape");
  }

  private static ModelProto withInput(OnnxBuild.Model m, xcert.solvers.onnx.proto.OnnxProto
      .ValueInfoProto in) {
    OnnxBuild.Model copy = new OnnxBuild.Model();
    copy.nodes.addAll(m.nodes);
    copy.inits.addAll(m.inits);
    copy.outputs.addAll(m.outputs);
    return copy.input(in).build();
  }

  // ---- weights ----

  @Test
  void nanAndInfiniteWeightsNameTheInitializer() {
    OnnxBuild.Model m = new OnnxBuild.Model().input(value("x", FLOAT, "N", 2))
        .output(value("y", FLOAT, "N", 1)).init(floats("V", dims(2, 1), 1f, Float.NaN))
        .node(node("MatMul", null, List.of("x", "V"), "y"));
    refused(m.build(), "initializer 'V' has NaN at entry 2 of 2");
    OnnxBuild.Model inf = new OnnxBuild.Model().input(value("x", FLOAT, "N", 2))
        .output(value("y", FLOAT, "N", 2)).init(doubles("b", dims(2), 0.5,
            Double.NEGATIVE_INFINITY))
        .node(node("Add", null, List.of("x", "b"), "y"));
    refused(inf.build(), "initializer 'b' has -infinity at entry 2");
    OnnxBuild.Model alpha = new OnnxBuild.Model().input(value("x", FLOAT, "N", 2))
        .output(value("y", FLOAT, "N", 1)).init(floats("V", dims(1, 2), 1f, 1f))
        .node(node("Gemm", "g", List.of("x", "V"), "y", intAttr("transB", 1),
            OnnxBuild.floatAttr("alpha", Float.POSITIVE_INFINITY)));
    refused(alpha.build(), "attribute 'alpha' of node #1 'g' (Gemm) is Infinity");
  }

  @Test
  void unsupportedDataTypesAndStorage() {
    TensorProto half = tensor("V", dims(2, 1), 10).setRawData(ByteString.copyFrom(new byte[4]))
        .build();
    refused(matMulBy(half), "initializer 'V' has data type FLOAT16 (10)", "float32 (1) or"
        + " float64 (11)");
    TensorProto ints = tensor("V", dims(2, 1), INT64).addInt64Data(1).addInt64Data(2).build();
    refused(matMulBy(ints), "initializer 'V' has data type INT64 (7)");
    TensorProto shortRaw = tensor("V", dims(2, 1), FLOAT).setRawData(ByteString.copyFrom(
        new byte[7])).build();
    refused(matMulBy(shortRaw), "initializer 'V' has 7 bytes of raw_data", "need 8");
    TensorProto fewFloats = tensor("V", dims(2, 1), FLOAT).addFloatData(1f).build();
    refused(matMulBy(fewFloats), "initializer 'V' has 1 entries in float_data; its dims need 2");
    TensorProto external = tensor("V", dims(2, 1), FLOAT).setDataLocation(
        TensorProto.DataLocation.EXTERNAL).build();
    refused(matMulBy(external), "initializer 'V' is stored in an external data file");
    TensorProto huge = tensor("V", dims(1L << 20, 1L << 20), FLOAT).build();
    refused(matMulBy(huge), "initializer 'V' has dims [1048576, 1048576], more than");
  }

  private static ModelProto matMulBy(TensorProto v) {
    return new OnnxBuild.Model().input(value("x", FLOAT, "N", 2))
        .output(value("y", FLOAT, "N", 1)).init(v)
        .node(node("MatMul", "mm", List.of("x", "V"), "y")).build();
  }

  @Test
  void dropoutInTrainingModeAndNonConstantReshape() {
    refused(base().init(bool("train", true)).init(floats("ratio", dims(), 0.5f))
        .node(node("Dropout", "drop", List.of("x", "ratio", "train"), "h"))
        .node(node("MatMul", null, List.of("h", "V"), "y")).build(),
        "node #1 'drop' (Dropout) is in training mode");
    refused(base().node(node("Reshape", "rs", List.of("x", "x"), "h"))
        .node(node("MatMul", null, List.of("h", "V"), "y")).build(),
        "node #1 'rs' (Reshape): the shape 'x' is not a constant");
  }
}
