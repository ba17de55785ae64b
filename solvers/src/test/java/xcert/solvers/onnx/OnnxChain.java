package xcert.solvers.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import xcert.solvers.onnx.proto.OnnxProto.AttributeProto;
import xcert.solvers.onnx.proto.OnnxProto.ModelProto;
import xcert.solvers.onnx.proto.OnnxProto.NodeProto;
import xcert.solvers.onnx.proto.OnnxProto.TensorProto;

/**
 * A test-side, node-by-node float64 walk of the ONNX chains of the fixtures, written apart from
 * {@link OnnxNetworks} (no folding, no exact arithmetic): for one input it gives the magnitude pass
 * m (every node applied to absolute values, |W| |a| + |b|, |a| + |c|, |a| |c|, |a| / |c|, the
 * pre-head vector) and K, the number of float32 roundings on the longest path through the chain
 * (n + 1 for a dot product of length n plus a bias, 1 per elementwise op, 1 per alpha or beta
 * scaling that is not 1). These give the rounding bound the fixture tests use:
 *
 * <p>If every rounding is a relative perturbation (1 + δ), |δ| ≤ u = 2^-24 (float32, any summation
 * order, with or without fused multiply-add), a dot product of length n plus a bias computed in
 * float32 is the exact one with each term multiplied by a product of at most n + 1 factors
 * (1 + δ), which is 1 + θ with |θ| ≤ γ_{n+1}, γ_k = k u / (1 − k u) (Higham, Accuracy and Stability
 * of Numerical Algorithms, Lemma 3.1). ReLU is 1-Lipschitz, so by induction over the nodes the
 * error e_l of node l's output satisfies e_l ≤ ((1 + γ_{k_1}) ⋯ (1 + γ_{k_l}) − 1) m_l ≤ γ_{K} m_l
 * componentwise, with K = k_1 + ⋯ + k_l. Hence |f_ORT(x) − f(x)| ≤ γ_K · m(x) for the pre-head
 * scores, f the exact real function the file denotes (the value xcert computes exactly). For
 * xcert's own float64 evaluation the same argument with u = 2^-53 and xcert's folded layers (whose
 * magnitude pass is at most the unfolded one) bounds |f_xcert(x) − f(x)| by γ_K^{(53)} · m(x).
 */
final class OnnxChain {

  /** Result of one walk: the magnitude pass of the pre-head vector and the rounding count. */
  record Bound(double[] magnitude, int roundings) {

    /** γ_K m_j for unit roundoff u. */
    double at(int j, double u) {
      double ku = roundings * u;
      return ku / (1 - ku) * magnitude[j] * (1 + 1e-12);
    }
  }

  private final ModelProto model;
  private final Map<String, double[]> consts = new HashMap<>();
  private final Map<String, long[]> dims = new HashMap<>();

  OnnxChain(ModelProto model) {
    this.model = model;
    for (TensorProto t : model.getGraph().getInitializerList()) {
      put(t.getName(), t);
    }
    for (NodeProto n : model.getGraph().getNodeList()) {
      if (n.getOpType().equals("Constant")) {
        AttributeProto a = n.getAttribute(0);
        if (a.getName().equals("value")) {
          put(n.getOutput(0), a.getT());
        } else if (a.getName().equals("value_float") || a.getName().equals("value_floats")) {
          double[] v = a.getName().equals("value_float") ? new double[] {a.getF()}
              : a.getFloatsList().stream().mapToDouble(Float::doubleValue).toArray();
          consts.put(n.getOutput(0), v);
          dims.put(n.getOutput(0), a.getName().equals("value_float") ? new long[0]
              : new long[] {v.length});
        }
      }
    }
  }

  private void put(String name, TensorProto t) {
    long[] d = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
    int n = 1;
    for (long x : d) {
      n *= (int) x;
    }
    double[] v = new double[n];
    if (t.getDataType() == 1 && t.hasRawData()) {
      ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < n; i++) {
        v[i] = b.getFloat();
      }
    } else if (t.getDataType() == 1) {
      for (int i = 0; i < n; i++) {
        v[i] = t.getFloatData(i);
      }
    } else if (t.getDataType() == 11 && t.hasRawData()) {
      ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < n; i++) {
        v[i] = b.getDouble();
      }
    } else if (t.getDataType() == 11) {
      for (int i = 0; i < n; i++) {
        v[i] = t.getDoubleData(i);
      }
    } else {
      return; // shapes and flags: not needed for magnitudes
    }
    consts.put(name, v);
    dims.put(name, d);
  }

  /** The magnitude pass and rounding count for input x (stops before a Sigmoid/Softmax head). */
  Bound bound(double[] x) {
    double[] m = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      m[i] = Math.abs(x[i]);
    }
    int k = 0;
    List<NodeProto> nodes = model.getGraph().getNodeList();
    for (NodeProto n : nodes) {
      switch (n.getOpType()) {
        case "Gemm", "MatMul" -> {
          boolean gemm = n.getOpType().equals("Gemm");
          double[] b = consts.get(n.getInput(1));
          long[] bd = dims.get(n.getInput(1));
          boolean transB = gemm && intAttr(n, "transB") == 1;
          int outs = (int) (transB ? bd[0] : bd[1]);
          int cols = (int) bd[1];
          double alpha = gemm ? floatAttr(n, "alpha", 1) : 1;
          double beta = gemm ? floatAttr(n, "beta", 1) : 1;
          double[] c = gemm && n.getInputCount() == 3 ? consts.get(n.getInput(2)) : null;
          double[] z = new double[outs];
          for (int j = 0; j < outs; j++) {
            double s = c == null ? 0 : Math.abs(beta * c[c.length == 1 ? 0 : j]);
            for (int i = 0; i < m.length; i++) {
              s += Math.abs(alpha * (transB ? b[j * cols + i] : b[i * cols + j])) * m[i];
            }
            z[j] = s;
          }
          k += m.length + (c == null ? 0 : 1) + (alpha != 1 ? 1 : 0)
              + (c != null && beta != 1 ? 1 : 0);
          m = z;
        }
        case "Add", "Sub", "Mul", "Div" -> {
          boolean first = consts.containsKey(n.getInput(1));
          double[] c = consts.get(n.getInput(first ? 1 : 0));
          double[] z = new double[m.length];
          for (int i = 0; i < m.length; i++) {
            double ci = Math.abs(c[c.length == 1 ? 0 : i]);
            z[i] = switch (n.getOpType()) {
              case "Add", "Sub" -> m[i] + ci;
              case "Mul" -> m[i] * ci;
              default -> m[i] / ci;
            };
          }
          k += 1;
          m = z;
        }
        case "Sigmoid", "Softmax" -> {
          return new Bound(m, k);
        }
        default -> {
          // Relu (|relu(a)| <= |a|), Flatten, Reshape, Identity, Dropout, Constant: no rounding.
        }
      }
    }
    return new Bound(m, k);
  }

  private static long intAttr(NodeProto n, String name) {
    for (AttributeProto a : n.getAttributeList()) {
      if (a.getName().equals(name)) {
        return a.getI();
      }
    }
    return 0;
  }

  private static double floatAttr(NodeProto n, String name, double dflt) {
    for (AttributeProto a : n.getAttributeList()) {
      if (a.getName().equals(name)) {
        return a.getF();
      }
    }
    return dflt;
  }

  /**
   * The model without its final Sigmoid/Softmax node, the pre-head value renamed to the graph
   * output: run by ONNX Runtime it gives the pre-head scores.
   */
  static ModelProto stripHead(ModelProto model) {
    List<NodeProto> nodes = model.getGraph().getNodeList();
    NodeProto last = nodes.get(nodes.size() - 1);
    if (!last.getOpType().equals("Sigmoid") && !last.getOpType().equals("Softmax")) {
      return model;
    }
    String pre = last.getInput(0);
    String out = last.getOutput(0);
    ModelProto.Builder b = model.toBuilder();
    b.getGraphBuilder().removeNode(nodes.size() - 1);
    for (NodeProto.Builder nb : b.getGraphBuilder().getNodeBuilderList()) {
      for (int o = 0; o < nb.getOutputCount(); o++) {
        if (nb.getOutput(o).equals(pre)) {
          nb.setOutput(o, out);
        }
      }
    }
    return b.build();
  }
}
