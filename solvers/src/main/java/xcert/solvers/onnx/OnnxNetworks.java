package xcert.solvers.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.errors.InputException;
import xcert.solvers.model.AffineLayer;
import xcert.solvers.model.FeedForwardNetwork;
import xcert.solvers.model.OutputHead;
import xcert.solvers.num.Rationals;
import xcert.solvers.onnx.proto.OnnxProto.AttributeProto;
import xcert.solvers.onnx.proto.OnnxProto.AttributeProto.AttributeType;
import xcert.solvers.onnx.proto.OnnxProto.GraphProto;
import xcert.solvers.onnx.proto.OnnxProto.ModelProto;
import xcert.solvers.onnx.proto.OnnxProto.NodeProto;
import xcert.solvers.onnx.proto.OnnxProto.OperatorSetIdProto;
import xcert.solvers.onnx.proto.OnnxProto.TensorProto;
import xcert.solvers.onnx.proto.OnnxProto.TensorProto.DataType;
import xcert.solvers.onnx.proto.OnnxProto.TensorShapeProto;
import xcert.solvers.onnx.proto.OnnxProto.TypeProto;
import xcert.solvers.onnx.proto.OnnxProto.ValueInfoProto;

/**
 * Interprets an ONNX model as a feed-forward ReLU network (seed 003 Section 4.1) with an optional
 * Sigmoid or Softmax head, exactly.
 *
 * <p><b>The subset.</b> One graph input of shape {@code [N, d]} (N symbolic, unset or 1) or
 * {@code [d]}, d a positive number, element type float32 or float64; one graph output; a chain of
 * nodes from the input to the output, each taking the previous node's output and otherwise only
 * constants (initializers or Constant nodes):
 *
 * <ul>
 *   <li>{@code Gemm} (alpha, beta, transA = 0, transB; B a constant matrix, C an optional constant
 *       broadcast over the rows), {@code MatMul} by a constant matrix;
 *   <li>{@code Add}, {@code Sub}, {@code Mul} by a constant (either side) and {@code Div} by a
 *       constant (data on the left), the constant a scalar or a vector over the feature axis;
 *   <li>{@code Relu}; {@code Flatten}, {@code Reshape}, {@code Identity} and {@code Dropout}
 *       (inference) where they leave the feature vector unchanged; {@code Constant};
 *   <li>a final {@code Sigmoid} or {@code Softmax} over the last axis: the {@link OutputHead}.
 * </ul>
 *
 * <p><b>Exactness.</b> Every float32 or float64 constant is read as the dyadic rational it denotes.
 * Consecutive affine nodes are composed exactly into one {@link AffineLayer} ({@link
 * AffineLayer#after}); a Relu ends a layer. A Div by c multiplies by the exact rational 1/c, never
 * by a rounded float, so a standardisation (x − μ)/σ adds the odd part of σ's denominator as it is.
 * The network's value is thus the exact value of the function the file denotes in real arithmetic;
 * ONNX Runtime's float32 evaluation of the same file differs from it only by rounding.
 *
 * <p><b>Refusals.</b> Anything else gets one line naming what and where: a truncated or non-ONNX
 * file, an operator outside the subset (its op_type and node), branches (a value used twice,
 * several inputs or outputs), shapes that do not resolve to one input vector, NaN or infinite
 * weights (the initializer), other data types, unsupported attribute values (e.g. Gemm transA = 1),
 * a Softmax not over the last axis, a head that is not the last node.
 */
public final class OnnxNetworks {

  /** Most input features a graph may declare: the same bound the other model readers apply. */
  static final int MAX_FEATURES = 1_000_000;

  /** The operators of the subset, in the order the class comment lists them. */
  public static final List<String> OPERATORS = List.of("Gemm", "MatMul", "Add", "Sub", "Mul",
      "Div", "Relu", "Flatten", "Reshape", "Identity", "Dropout", "Constant", "Sigmoid",
      "Softmax");

  private static final String SUBSET = "Gemm, MatMul, Add, Sub, Mul, Div, Relu, Flatten, Reshape,"
      + " Identity, Dropout, Constant, and a final Sigmoid or Softmax";

  /** Attributes each operator may carry (legacy ones of early opsets included). */
  private static final Map<String, Set<String>> ATTRIBUTES = Map.ofEntries(
      Map.entry("Gemm", Set.of("alpha", "beta", "transA", "transB", "broadcast")),
      Map.entry("MatMul", Set.of()),
      Map.entry("Add", Set.of("broadcast", "consumed_inputs")),
      Map.entry("Sub", Set.of("broadcast", "consumed_inputs")),
      Map.entry("Mul", Set.of("broadcast", "consumed_inputs")),
      Map.entry("Div", Set.of("broadcast", "consumed_inputs")),
      Map.entry("Relu", Set.of("consumed_inputs")),
      Map.entry("Flatten", Set.of("axis")),
      Map.entry("Reshape", Set.of("shape", "allowzero", "consumed_inputs")),
      Map.entry("Identity", Set.of()),
      Map.entry("Dropout", Set.of("ratio", "is_test", "seed", "consumed_inputs")),
      Map.entry("Constant", Set.of("value", "value_float", "value_floats", "value_int",
          "value_ints")),
      Map.entry("Sigmoid", Set.of("consumed_inputs")),
      Map.entry("Softmax", Set.of("axis")));

  private static final Set<String> AFFINE = Set.of("Gemm", "MatMul", "Add", "Sub", "Mul", "Div");

  private OnnxNetworks() {}

  /** What protobuf found wrong, in words that do not depend on its library's messages. */
  private static String protobufProblem(String m) {
    String t = m == null ? "" : m.toLowerCase(java.util.Locale.ROOT);
    if (t.contains("ended unexpectedly") || t.contains("truncated")) {
      return "the protobuf ends in the middle of a field (a truncated file?)";
    }
    if (t.contains("invalid tag") || t.contains("wire type")) {
      return "the bytes are not a protobuf message (an invalid field tag)";
    }
    if (t.contains("negative size") || t.contains("length")) {
      return "the protobuf declares a field length that does not fit the file";
    }
    if (t.contains("utf-8")) {
      return "a protobuf string is not UTF-8";
    }
    if (t.contains("recursion") || t.contains("nesting")) {
      return "the protobuf nests messages too deeply";
    }
    return "the protobuf is malformed";
  }

  /**
   * Parses ONNX protobuf bytes into a network.
   *
   * @param source the file name used in messages
   * @throws InputException (one line) for a file that is not ONNX or a graph outside the subset
   */
  public static FeedForwardNetwork parse(String source, byte[] bytes) {
    ModelProto model;
    try {
      model = ModelProto.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw InputException.of(source, "not an ONNX model: " + protobufProblem(e.getMessage())
          + "; expected an .onnx file as torch.onnx or skl2onnx write it");
    }
    if (bytes.length == 0) {
      throw InputException.of(source, "not an ONNX model: the file is empty");
    }
    if (!model.hasGraph() || model.getIrVersion() <= 0) {
      throw InputException.of(source, "not an ONNX model: "
          + (model.hasGraph() ? "no ir_version (field 1)" : "no graph (field 7)")
          + "; expected a ModelProto as torch.onnx.export or onnx.save write it");
    }
    return new Reader(source, model).read();
  }


  /** The state of one parse: the constants, the chain walk, the layers built so far. */
  private static final class Reader {
    private final String source;
    private final ModelProto model;
    private final GraphProto graph;
    private final long opset;
    private final Map<String, TensorProto> constants = new HashMap<>();
    private final Map<String, String> constantOrigin = new HashMap<>();
    private final List<AffineLayer> layers = new ArrayList<>();
    /** The affine map accumulated since the last Relu; null for the identity. */
    private AffineLayer pending;
    /** Width of the current data value (its feature axis). */
    private int width;
    /** Rank of the current data value: 1 ([w]) or 2 ([B, w]). */
    private int rank;
    /** True when the graph input has a symbolic batch axis N (evaluated at N = 1). */
    private boolean symbolicBatch;
    /** True when the last node applied was a Relu (a second one changes nothing). */
    private boolean afterRelu;
    private OutputHead head = OutputHead.NONE;

    Reader(String source, ModelProto model) {
      this.source = source;
      this.model = model;
      this.graph = model.getGraph();
      this.opset = opsetVersion();
    }

    private long opsetVersion() {
      long v = -1;
      for (OperatorSetIdProto o : model.getOpsetImportList()) {
        if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
          v = Math.max(v, o.getVersion());
        }
      }
      // Models without an opset import are IR < 3, whose operators are opset 1.
      return v < 0 ? 1 : v;
    }

    FeedForwardNetwork read() {
      List<NodeProto> nodes = graph.getNodeList();
      for (int k = 0; k < nodes.size(); k++) {
        checkSupported(k, nodes.get(k));
      }
      for (TensorProto t : graph.getInitializerList()) {
        constants.put(t.getName(), t);
        constantOrigin.put(t.getName(), "initializer '" + t.getName() + "'");
      }
      for (int k = 0; k < nodes.size(); k++) {
        NodeProto n = nodes.get(k);
        if (n.getOpType().equals("Constant")) {
          if (n.getOutputCount() != 1) {
            throw fail(ref(k) + " has " + n.getOutputCount() + " outputs; expected 1");
          }
          constants.put(n.getOutput(0), constantValue(k, n));
          constantOrigin.put(n.getOutput(0), "Constant " + ref(k));
        }
      }
      ValueInfoProto input = theInput();
      ValueInfoProto output = theOutput();
      readInputShape(input);
      String cur = input.getName();

      Map<String, List<Integer>> users = new HashMap<>();
      Map<String, Integer> producer = new HashMap<>();
      for (int k = 0; k < nodes.size(); k++) {
        NodeProto n = nodes.get(k);
        for (String in : n.getInputList()) {
          if (!in.isEmpty() && !constants.containsKey(in)) {
            users.computeIfAbsent(in, x -> new ArrayList<>()).add(k);
          }
        }
        for (String out : n.getOutputList()) {
          if (out.isEmpty()) {
            continue;
          }
          Integer before = producer.put(out, k);
          if (before != null || out.equals(input.getName())
              || (!n.getOpType().equals("Constant") && constants.containsKey(out))) {
            throw fail("value '" + out + "' is written twice (" + ref(k)
                + (before != null ? " and " + ref(before) : " and the graph's inputs or"
                + " initializers") + "); not a valid ONNX graph");
          }
        }
      }

      Set<Integer> visited = new HashSet<>();
      while (true) {
        List<Integer> u = users.getOrDefault(cur, List.of());
        boolean isOutput = cur.equals(output.getName());
        if (u.isEmpty()) {
          if (isOutput) {
            break;
          }
          throw fail("value '" + cur + "' is used by no node and is not the graph output '"
              + output.getName() + "'; the subset reads one chain from input to output");
        }
        if (isOutput) {
          throw fail("the graph output '" + cur + "' is also used by " + ref(u.get(0))
              + "; a branch, the subset reads one chain from input to output");
        }
        if (u.stream().distinct().count() > 1) {
          throw fail("value '" + cur + "' is used " + u.size() + " times ("
              + u.stream().distinct().map(this::ref).collect(Collectors.joining(", "))
              + "); a branch, the subset reads one chain from input to output");
        }
        int k = u.get(0);
        if (!visited.add(k)) {
          throw fail(ref(k) + " is reached twice; the graph has a cycle");
        }
        if (head != OutputHead.NONE) {
          throw fail("the " + (head == OutputHead.SIGMOID ? "Sigmoid" : "Softmax")
              + " head is followed by " + ref(k) + "; a Sigmoid or Softmax is read only as the"
              + " last node (the output head)");
        }
        NodeProto n = nodes.get(k);
        apply(k, n, cur);
        for (int o = 1; o < n.getOutputCount(); o++) {
          String extra = n.getOutput(o);
          if (!extra.isEmpty() && (users.containsKey(extra) || extra.equals(output.getName()))) {
            throw fail("output " + (o + 1) + " '" + extra + "' of " + ref(k)
                + " is used; only the first output of a node is read");
          }
        }
        cur = n.getOutput(0);
      }
      for (int k = 0; k < nodes.size(); k++) {
        if (!visited.contains(k) && !nodes.get(k).getOpType().equals("Constant")) {
          throw fail(ref(k) + " is not on the chain from input '" + input.getName()
              + "' to output '" + output.getName() + "'; the subset reads one chain of nodes");
        }
      }
      checkOutputShape(output);
      if (pending == null) {
        // Nothing affine after the last Relu (or no node at all): the identity ends the chain.
        pending = AffineLayer.identity(width);
      }
      layers.add(pending);
      return new FeedForwardNetwork(layers, head);
    }

    // ---- graph inputs and outputs ----

    private ValueInfoProto theInput() {
      List<ValueInfoProto> real = new ArrayList<>();
      for (ValueInfoProto v : graph.getInputList()) {
        if (!constants.containsKey(v.getName())) {
          real.add(v);
        }
      }
      if (real.size() != 1) {
        throw fail("the graph has " + real.size() + " inputs" + names(real)
            + "; the subset reads one input vector");
      }
      return real.get(0);
    }

    private ValueInfoProto theOutput() {
      if (graph.getOutputCount() != 1) {
        throw fail("the graph has " + graph.getOutputCount() + " outputs"
            + names(graph.getOutputList()) + "; the subset reads one output tensor");
      }
      return graph.getOutput(0);
    }

    private static String names(List<ValueInfoProto> vs) {
      return vs.isEmpty() ? "" : vs.stream().map(v -> "'" + v.getName() + "'")
          .collect(Collectors.joining(", ", " (", ")"));
    }

    private void readInputShape(ValueInfoProto input) {
      String what = "graph input '" + input.getName() + "'";
      TypeProto type = input.getType();
      if (!type.hasTensorType()) {
        throw fail(what + " is not a tensor; expected a float tensor [N, d] or [d]");
      }
      TypeProto.Tensor tt = type.getTensorType();
      int et = tt.getElemType();
      if (et != DataType.FLOAT_VALUE && et != DataType.DOUBLE_VALUE) {
        throw fail(what + " has element type " + OnnxTensors.typeName(et)
            + "; expected float32 (1) or float64 (11)");
      }
      if (!tt.hasShape()) {
        throw fail(what + " has no shape; expected [N, d] or [d] with d a number");
      }
      List<TensorShapeProto.Dimension> dims = tt.getShape().getDimList();
      String shape = dimsText(dims);
      if (dims.isEmpty() || dims.size() > 2) {
        throw fail(what + " has shape " + shape + "; expected [N, d] or [d] (one input vector"
            + " of d features, N the batch axis)");
      }
      TensorShapeProto.Dimension last = dims.get(dims.size() - 1);
      if (!last.hasDimValue() || last.getDimValue() <= 0) {
        throw fail(what + " has shape " + shape + ": the feature count "
            + (last.hasDimParam() ? "'" + last.getDimParam() + "' is symbolic"
                : last.hasDimValue() ? "is " + last.getDimValue() : "is unknown")
            + "; expected a positive number d");
      }
      if (last.getDimValue() > MAX_FEATURES) {
        throw fail(what + " has " + last.getDimValue() + " features; at most " + MAX_FEATURES);
      }
      width = (int) last.getDimValue();
      rank = dims.size();
      if (rank == 2) {
        TensorShapeProto.Dimension batch = dims.get(0);
        if (batch.hasDimValue()) {
          if (batch.getDimValue() != 1) {
            throw fail(what + " has shape " + shape + ": a fixed batch of "
                + batch.getDimValue() + " rows does not resolve to one input vector; expected"
                + " [N, d] with N symbolic or 1");
          }
        } else {
          symbolicBatch = true;
        }
      }
    }

    private void checkOutputShape(ValueInfoProto output) {
      TypeProto type = output.getType();
      if (!type.hasTensorType() || !type.getTensorType().hasShape()) {
        return;
      }
      List<TensorShapeProto.Dimension> dims = type.getTensorType().getShape().getDimList();
      if (dims.isEmpty()) {
        return;
      }
      TensorShapeProto.Dimension last = dims.get(dims.size() - 1);
      if (last.hasDimValue() && last.getDimValue() != width) {
        throw fail("graph output '" + output.getName() + "' is declared with shape "
            + dimsText(dims) + " but the chain computes " + width + " values per input");
      }
    }

    private static String dimsText(List<TensorShapeProto.Dimension> dims) {
      return dims.stream().map(d -> d.hasDimValue() ? Long.toString(d.getDimValue())
          : d.hasDimParam() ? d.getDimParam() : "?").collect(Collectors.joining(", ", "[", "]"));
    }

    // ---- nodes ----

    private void checkSupported(int k, NodeProto n) {
      String domain = n.getDomain();
      if (!domain.isEmpty() && !domain.equals("ai.onnx")) {
        throw fail("operator " + domain + "." + n.getOpType() + " at " + where(k)
            + " is outside the supported subset (" + SUBSET + " of the ai.onnx domain)");
      }
      Set<String> allowed = ATTRIBUTES.get(n.getOpType());
      if (allowed == null) {
        throw fail("operator " + n.getOpType() + " at " + where(k)
            + " is outside the supported subset (" + SUBSET + ")");
      }
      for (AttributeProto a : n.getAttributeList()) {
        if (!allowed.contains(a.getName())) {
          throw fail("attribute '" + a.getName() + "' of " + ref(k) + " is not supported"
              + (allowed.isEmpty() ? "; " + n.getOpType() + " is read without attributes"
                  : "; expected only " + String.join(", ", new java.util.TreeSet<>(allowed))));
        }
        if (!a.getRefAttrName().isEmpty()) {
          throw fail("attribute '" + a.getName() + "' of " + ref(k) + " refers to a function"
              + " attribute; expected a value");
        }
      }
      if (n.getOutputCount() == 0 || n.getOutput(0).isEmpty()) {
        throw fail(ref(k) + " has no output");
      }
    }

    private void apply(int k, NodeProto n, String data) {
      String op = n.getOpType();
      switch (op) {
        case "Gemm" -> gemm(k, n, data);
        case "MatMul" -> matMul(k, n, data);
        case "Add", "Sub", "Mul", "Div" -> elementwise(k, n, data);
        case "Relu" -> relu(k, n, data);
        case "Flatten" -> flatten(k, n, data);
        case "Reshape" -> reshape(k, n, data);
        case "Identity" -> unary(k, n, data);
        case "Dropout" -> dropout(k, n, data);
        case "Sigmoid" -> {
          unary(k, n, data);
          head = OutputHead.SIGMOID;
        }
        case "Softmax" -> softmax(k, n, data);
        default -> throw fail("operator " + op + " at " + where(k) + " is outside the supported"
            + " subset (" + SUBSET + ")");
      }
      if (AFFINE.contains(op)) {
        afterRelu = false;
      }
    }

    /** A node with one data input and nothing else. */
    private void unary(int k, NodeProto n, String data) {
      if (n.getInputCount() != 1 || !n.getInput(0).equals(data)) {
        throw fail(ref(k) + " has " + n.getInputCount() + " inputs; expected one, the output of"
            + " the previous node");
      }
    }

    private void relu(int k, NodeProto n, String data) {
      unary(k, n, data);
      if (afterRelu) {
        return; // relu(relu(z)) = relu(z)
      }
      layers.add(pending == null ? AffineLayer.identity(width) : pending);
      pending = null;
      afterRelu = true;
    }

    private void gemm(int k, NodeProto n, String data) {
      if (n.getInputCount() < 2 || n.getInputCount() > 3) {
        throw fail(ref(k) + " has " + n.getInputCount() + " inputs; Gemm takes A, B and"
            + " optionally C");
      }
      if (!n.getInput(0).equals(data)) {
        throw fail(ref(k) + " takes the data as " + (n.getInput(1).equals(data) ? "B" : "C")
            + "; the subset reads Gemm with the data as A and constants B, C");
      }
      if (rank != 2) {
        throw fail(ref(k) + ": Gemm needs a 2-D input [N, " + width + "], the data here is 1-D ["
            + width + "]");
      }
      if (intAttr(k, n, "transA", 0) != 0) {
        throw fail(ref(k) + " has transA = " + intAttr(k, n, "transA", 0) + "; the subset reads"
            + " Gemm with transA = 0 (the data as rows)");
      }
      long transB = intAttr(k, n, "transB", 0);
      if (transB != 0 && transB != 1) {
        throw fail(ref(k) + " has transB = " + transB + "; expected 0 or 1");
      }
      BigFraction alpha = floatAttr(k, n, "alpha", 1.0f);
      BigFraction beta = floatAttr(k, n, "beta", 1.0f);
      OnnxTensors.Real b = real(k, n, 1, "B");
      if (b.rank() != 2) {
        throw fail(ref(k) + ": B (" + constantOrigin.get(n.getInput(1)) + ") has dims "
            + OnnxTensors.shape(b.dims()) + "; expected a matrix");
      }
      int rows = (int) b.dims()[0];
      int cols = (int) b.dims()[1];
      int inner = transB == 1 ? cols : rows;
      int outs = transB == 1 ? rows : cols;
      if (inner != width) {
        throw fail(ref(k) + ": B (" + constantOrigin.get(n.getInput(1)) + ") has dims "
            + OnnxTensors.shape(b.dims()) + " with transB = " + transB + ", so it takes " + inner
            + " values per row; the data has " + width);
      }
      if (outs == 0) {
        throw fail(ref(k) + ": B has dims " + OnnxTensors.shape(b.dims()) + " (no outputs)");
      }
      BigFraction[][] w = new BigFraction[outs][width];
      for (int j = 0; j < outs; j++) {
        for (int i = 0; i < width; i++) {
          BigFraction bij = transB == 1 ? b.values()[j * cols + i] : b.values()[i * cols + j];
          w[j][i] = alpha.multiply(bij);
        }
      }
      BigFraction[] bias = zeros(outs);
      if (n.getInputCount() == 3 && !n.getInput(2).isEmpty()) {
        BigFraction[] c = rowVector(k, n, 2, "C", outs);
        for (int j = 0; j < outs; j++) {
          bias[j] = beta.multiply(c[j]);
        }
      }
      compose(AffineLayer.of(w, bias));
    }

    private void matMul(int k, NodeProto n, String data) {
      if (n.getInputCount() != 2) {
        throw fail(ref(k) + " has " + n.getInputCount() + " inputs; MatMul takes two");
      }
      if (!n.getInput(0).equals(data)) {
        throw fail(ref(k) + " multiplies a constant by the data (the data is the second"
            + " operand); the subset reads MatMul(data, constant matrix)");
      }
      OnnxTensors.Real b = real(k, n, 1, "the second operand");
      if (b.rank() != 2) {
        throw fail(ref(k) + ": the second operand (" + constantOrigin.get(n.getInput(1))
            + ") has dims " + OnnxTensors.shape(b.dims()) + "; expected a matrix [" + width
            + ", m]");
      }
      int rows = (int) b.dims()[0];
      int cols = (int) b.dims()[1];
      if (rows != width || cols == 0) {
        throw fail(ref(k) + ": the second operand (" + constantOrigin.get(n.getInput(1))
            + ") has dims " + OnnxTensors.shape(b.dims()) + "; the data has " + width
            + " values per row, so expected [" + width + ", m] with m >= 1");
      }
      BigFraction[][] w = new BigFraction[cols][width];
      for (int j = 0; j < cols; j++) {
        for (int i = 0; i < width; i++) {
          w[j][i] = b.values()[i * cols + j];
        }
      }
      compose(AffineLayer.of(w, zeros(cols)));
    }

    private void elementwise(int k, NodeProto n, String data) {
      String op = n.getOpType();
      if (n.getInputCount() != 2) {
        throw fail(ref(k) + " has " + n.getInputCount() + " inputs; " + op + " takes two");
      }
      boolean dataFirst = n.getInput(0).equals(data);
      boolean dataSecond = n.getInput(1).equals(data);
      if (dataFirst && dataSecond) {
        throw fail(ref(k) + " combines the data with itself (" + op + "(x, x)); the subset reads "
            + op + " with a constant");
      }
      if (op.equals("Div") && dataSecond) {
        throw fail(ref(k) + " divides a constant by the data (c / x is not affine); the subset"
            + " reads Div(data, constant)");
      }
      int ci = dataFirst ? 1 : 0;
      BigFraction[] c = featureVector(k, n, ci, op.equals("Div") ? "the divisor" : "the constant");
      BigFraction[] scale = new BigFraction[width];
      BigFraction[] shift = zeros(width);
      for (int i = 0; i < width; i++) {
        scale[i] = BigFraction.ONE;
        switch (op) {
          case "Add" -> shift[i] = c[i];
          case "Sub" -> {
            if (dataFirst) {
              shift[i] = c[i].negate(); // x - c
            } else {
              scale[i] = BigFraction.ONE.negate(); // c - x
              shift[i] = c[i];
            }
          }
          case "Mul" -> scale[i] = c[i];
          case "Div" -> {
            if (c[i].signum() == 0) {
              throw fail(ref(k) + " divides by zero: entry " + (i + 1) + " of the divisor ("
                  + constantOrigin.get(n.getInput(ci)) + ") is 0");
            }
            scale[i] = BigFraction.ONE.divide(c[i]); // exact 1/c, never a rounded float
          }
          default -> throw new IllegalStateException(op);
        }
      }
      pending = scaleShift(pending == null ? AffineLayer.identity(width) : pending, scale, shift);
    }

    /*
     * Shapes. xcert reads one input vector, so the data is evaluated at batch 1: its shape is [w]
     * or [1, w] (a symbolic batch axis N taken as 1). Flatten and Reshape are accepted exactly when
     * they map [w] or [1, w] to [w] or [1, w]: the feature vector is unchanged.
     */

    private void flatten(int k, NodeProto n, String data) {
      unary(k, n, data);
      long axis = intAttr(k, n, "axis", 1);
      long a = axis < 0 ? axis + rank : axis;
      if (a < 0 || a > rank) {
        throw fail(ref(k) + " has axis = " + axis + ", out of range for the " + rank
            + "-D data " + dataShape());
      }
      long[] in = rank == 1 ? new long[] {width} : new long[] {1, width};
      long lead = 1;
      for (int i = 0; i < a; i++) {
        lead *= in[i];
      }
      if (lead != 1) {
        throw fail(ref(k) + " flattens the data " + dataShape() + " at axis " + axis + " to ["
            + width + ", 1], which changes the feature axis; expected axis 1 on [N, d]");
      }
      rank = 2;
    }

    private void reshape(int k, NodeProto n, String data) {
      long[] target;
      if (opset < 5) {
        if (n.getInputCount() != 1 || !n.getInput(0).equals(data)) {
          throw fail(ref(k) + " has " + n.getInputCount() + " inputs; Reshape-1 takes one");
        }
        target = intsAttr(k, n, "shape");
      } else {
        if (n.getInputCount() != 2 || !n.getInput(0).equals(data)) {
          throw fail(ref(k) + " has inputs " + n.getInputList() + "; expected (data, shape)");
        }
        String s = n.getInput(1);
        TensorProto t = constants.get(s);
        if (t == null) {
          throw fail(ref(k) + ": the shape '" + s + "' is not a constant (an initializer or a"
              + " Constant node); the subset reads Reshape to a fixed shape");
        }
        target = OnnxTensors.int64s(source, t, "the shape of " + ref(k));
      }
      boolean allowZero = intAttr(k, n, "allowzero", 0) != 0;
      long[] in = rank == 1 ? new long[] {width} : new long[] {1, width};
      long[] out = new long[target.length];
      int infer = -1;
      long known = 1;
      boolean ok = target.length == 1 || target.length == 2;
      for (int i = 0; i < target.length && ok; i++) {
        long t = target[i];
        if (t == -1) {
          ok = infer < 0;
          infer = i;
          continue;
        }
        if (t == 0 && !allowZero) {
          ok = i < in.length;
          t = ok ? in[i] : 0;
        }
        ok &= t >= 0;
        out[i] = t;
        known *= t;
      }
      if (ok && infer >= 0) {
        ok = known > 0 && width % known == 0;
        out[infer] = ok ? width / known : 0;
      }
      ok &= out.length == 1 ? out[0] == width : out.length == 2 && out[0] == 1 && out[1] == width;
      if (!ok) {
        throw fail(ref(k) + " reshapes the data " + dataShape() + " to "
            + java.util.Arrays.toString(target) + ", which changes the feature vector; expected ["
            + width + "], [1, " + width + "], [-1, " + width + "] or [0, " + width + "]");
      }
      rank = out.length;
    }

    private void dropout(int k, NodeProto n, String data) {
      if (n.getInputCount() < 1 || !n.getInput(0).equals(data)) {
        throw fail(ref(k) + " does not take the data as its first input");
      }
      if (n.getInputCount() > 3) {
        throw fail(ref(k) + " has " + n.getInputCount() + " inputs; Dropout takes at most 3");
      }
      if (n.getInputCount() == 3 && !n.getInput(2).isEmpty()) {
        TensorProto t = constants.get(n.getInput(2));
        if (t == null || OnnxTensors.bool(source, t, "training_mode of " + ref(k))) {
          throw fail(ref(k) + " is in training mode (training_mode "
              + (t == null ? "not a constant" : "true") + "); expected inference (false)");
        }
      }
      if (n.getInputCount() >= 2 && !n.getInput(1).isEmpty()
          && !constants.containsKey(n.getInput(1))) {
        throw fail(ref(k) + ": the ratio '" + n.getInput(1) + "' is not a constant");
      }
    }

    private void softmax(int k, NodeProto n, String data) {
      unary(k, n, data);
      long axis = intAttr(k, n, "axis", opset >= 13 ? -1 : 1);
      long a = axis < 0 ? axis + rank : axis;
      if (a != rank - 1) {
        throw fail(ref(k) + " has axis = " + axis + " on a " + rank + "-D tensor "
            + dataShape() + "; a Softmax head must be over the last axis (the outputs)");
      }
      head = OutputHead.SOFTMAX;
    }

    // ---- exact affine bookkeeping ----

    private void compose(AffineLayer op) {
      pending = pending == null ? op : op.after(pending);
      width = op.outputs();
    }

    /** The layer a ↦ diag(scale) (W a + b) + shift, exactly. */
    private static AffineLayer scaleShift(AffineLayer l, BigFraction[] scale, BigFraction[] shift) {
      int out = l.outputs();
      int in = l.inputs();
      BigFraction[][] w = new BigFraction[out][in];
      BigFraction[] b = new BigFraction[out];
      for (int j = 0; j < out; j++) {
        for (int i = 0; i < in; i++) {
          BigFraction v = l.weight(j, i);
          w[j][i] = v.signum() == 0 ? v : v.multiply(scale[j]);
        }
        b[j] = l.bias(j).multiply(scale[j]).add(shift[j]);
      }
      return AffineLayer.of(w, b);
    }

    private static BigFraction[] zeros(int n) {
      BigFraction[] z = new BigFraction[n];
      java.util.Arrays.fill(z, BigFraction.ZERO);
      return z;
    }

    // ---- constants ----

    private OnnxTensors.Real real(int k, NodeProto n, int index, String role) {
      String name = n.getInput(index);
      TensorProto t = constants.get(name);
      if (t == null) {
        throw fail(ref(k) + ": " + role + " '" + name + "' is not a constant (an initializer or"
            + " a Constant node); the subset reads " + n.getOpType() + " with constant weights");
      }
      return OnnxTensors.real(source, t, constantOrigin.get(name));
    }

    /**
     * A constant broadcast along the feature axis of the data: a scalar, or dims [..1, w] / [..1,
     * 1] with every leading dim 1; the result's rank may grow to 2 (batch 1).
     */
    private BigFraction[] featureVector(int k, NodeProto n, int index, String role) {
      OnnxTensors.Real c = real(k, n, index, role);
      long[] d = c.dims();
      boolean ok = d.length <= 2;
      for (int i = 0; i + 1 < d.length; i++) {
        ok &= d[i] == 1;
      }
      long last = d.length == 0 ? 1 : d[d.length - 1];
      ok &= last == 1 || last == width;
      if (!ok) {
        throw fail(ref(k) + ": " + role + " (" + constantOrigin.get(n.getInput(index))
            + ") has dims " + OnnxTensors.shape(d) + ", which does not broadcast over one row"
            + " of the data " + dataShape() + "; expected a scalar, [" + width + "] or [1, "
            + width + "]");
      }
      if (d.length > rank) {
        rank = d.length; // [w] op [1, w] -> [1, w]
      }
      BigFraction[] v = new BigFraction[width];
      for (int i = 0; i < width; i++) {
        v[i] = c.values()[last == 1 ? 0 : i];
      }
      return v;
    }

    /** Gemm's C: a scalar or one row of n values, broadcast over the rows. */
    private BigFraction[] rowVector(int k, NodeProto n, int index, String role, int outs) {
      OnnxTensors.Real c = real(k, n, index, role);
      long[] d = c.dims();
      boolean ok = d.length <= 2 && (d.length < 2 || d[0] == 1);
      long last = d.length == 0 ? 1 : d[d.length - 1];
      ok &= last == 1 || last == outs;
      if (!ok) {
        throw fail(ref(k) + ": " + role + " (" + constantOrigin.get(n.getInput(index))
            + ") has dims " + OnnxTensors.shape(d) + "; expected a scalar, [" + outs + "] or [1, "
            + outs + "] (one bias row)");
      }
      BigFraction[] v = new BigFraction[outs];
      for (int j = 0; j < outs; j++) {
        v[j] = c.values()[last == 1 ? 0 : j];
      }
      return v;
    }

    private TensorProto constantValue(int k, NodeProto n) {
      if (n.getAttributeCount() != 1) {
        throw fail(ref(k) + " has " + n.getAttributeCount() + " attributes; a Constant has one"
            + " value");
      }
      AttributeProto a = n.getAttribute(0);
      TensorProto.Builder t = TensorProto.newBuilder();
      switch (a.getName()) {
        case "value" -> {
          if (!a.hasT()) {
            throw fail(ref(k) + ": attribute 'value' holds no tensor");
          }
          return a.getT();
        }
        case "value_float" -> t.setDataType(DataType.FLOAT_VALUE).addFloatData(a.getF());
        case "value_floats" -> t.setDataType(DataType.FLOAT_VALUE).addDims(a.getFloatsCount())
            .addAllFloatData(a.getFloatsList());
        case "value_int" -> t.setDataType(DataType.INT64_VALUE).addInt64Data(a.getI());
        case "value_ints" -> t.setDataType(DataType.INT64_VALUE).addDims(a.getIntsCount())
            .addAllInt64Data(a.getIntsList());
        default -> throw fail(ref(k) + ": attribute '" + a.getName() + "' is not supported");
      }
      return t.build();
    }

    // ---- attributes ----

    private AttributeProto attr(NodeProto n, String name) {
      for (AttributeProto a : n.getAttributeList()) {
        if (a.getName().equals(name)) {
          return a;
        }
      }
      return null;
    }

    private long intAttr(int k, NodeProto n, String name, long dflt) {
      AttributeProto a = attr(n, name);
      if (a == null) {
        return dflt;
      }
      if (a.getType() != AttributeType.INT && !(a.getType() == AttributeType.UNDEFINED
          && a.hasI())) {
        throw fail("attribute '" + name + "' of " + ref(k) + " is " + a.getType()
            + "; expected an int");
      }
      return a.getI();
    }

    private long[] intsAttr(int k, NodeProto n, String name) {
      AttributeProto a = attr(n, name);
      if (a == null || (a.getType() != AttributeType.INTS
          && a.getType() != AttributeType.UNDEFINED)) {
        throw fail(ref(k) + " needs the attribute '" + name + "' (ints)");
      }
      return a.getIntsList().stream().mapToLong(Long::longValue).toArray();
    }

    private BigFraction floatAttr(int k, NodeProto n, String name, float dflt) {
      AttributeProto a = attr(n, name);
      float f = dflt;
      if (a != null) {
        if (a.getType() != AttributeType.FLOAT && !(a.getType() == AttributeType.UNDEFINED
            && a.hasF())) {
          throw fail("attribute '" + name + "' of " + ref(k) + " is " + a.getType()
              + "; expected a float");
        }
        f = a.getF();
      }
      if (!Float.isFinite(f)) {
        throw fail("attribute '" + name + "' of " + ref(k) + " is " + f + "; expected a finite"
            + " float");
      }
      return Rationals.fromDouble(f);
    }

    // ---- messages ----

    private String dataShape() {
      return rank == 1 ? "[" + width + "]" : "[" + (symbolicBatch ? "N" : "1") + ", " + width + "]";
    }

    /** "node #3 'dense1'" (without the operator, for messages that name it first). */
    private String where(int k) {
      NodeProto n = graph.getNode(k);
      return "node #" + (k + 1) + (n.getName().isEmpty() ? "" : " '" + n.getName() + "'");
    }

    /** "node #3 'dense1' (Gemm)", 1-based as every place xcert counts for users. */
    private String ref(int k) {
      NodeProto n = graph.getNode(k);
      return "node #" + (k + 1) + (n.getName().isEmpty() ? "" : " '" + n.getName() + "'")
          + " (" + n.getOpType() + ")";
    }

    private InputException fail(String problem) {
      return InputException.of(source, problem);
    }
  }
}
