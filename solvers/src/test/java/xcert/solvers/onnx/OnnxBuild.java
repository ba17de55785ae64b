package xcert.solvers.onnx;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import xcert.solvers.onnx.proto.OnnxProto.AttributeProto;
import xcert.solvers.onnx.proto.OnnxProto.AttributeProto.AttributeType;
import xcert.solvers.onnx.proto.OnnxProto.GraphProto;
import xcert.solvers.onnx.proto.OnnxProto.ModelProto;
import xcert.solvers.onnx.proto.OnnxProto.NodeProto;
import xcert.solvers.onnx.proto.OnnxProto.OperatorSetIdProto;
import xcert.solvers.onnx.proto.OnnxProto.TensorProto;
import xcert.solvers.onnx.proto.OnnxProto.TensorShapeProto;
import xcert.solvers.onnx.proto.OnnxProto.TypeProto;
import xcert.solvers.onnx.proto.OnnxProto.ValueInfoProto;

/** Builds small ONNX models in tests with the generated protobuf classes. */
final class OnnxBuild {

  static final int FLOAT = 1;
  static final int DOUBLE = 11;
  static final int INT64 = 7;

  private OnnxBuild() {}

  /** A float32 initializer in raw_data (little-endian), as exporters write it. */
  static TensorProto floats(String name, long[] dims, float... v) {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : v) {
      b.putFloat(f);
    }
    return tensor(name, dims, FLOAT).setRawData(ByteString.copyFrom(b.array())).build();
  }

  /** A float32 initializer in float_data. */
  static TensorProto floatData(String name, long[] dims, float... v) {
    TensorProto.Builder t = tensor(name, dims, FLOAT);
    for (float f : v) {
      t.addFloatData(f);
    }
    return t.build();
  }

  /** A float64 initializer in raw_data. */
  static TensorProto doubles(String name, long[] dims, double... v) {
    ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (double f : v) {
      b.putDouble(f);
    }
    return tensor(name, dims, DOUBLE).setRawData(ByteString.copyFrom(b.array())).build();
  }

  /** A float64 initializer in double_data. */
  static TensorProto doubleData(String name, long[] dims, double... v) {
    TensorProto.Builder t = tensor(name, dims, DOUBLE);
    for (double f : v) {
      t.addDoubleData(f);
    }
    return t.build();
  }

  /** A bool scalar in raw_data. */
  static TensorProto bool(String name, boolean v) {
    return tensor(name, new long[0], 9).setRawData(ByteString.copyFrom(new byte[] {
        (byte) (v ? 1 : 0)})).build();
  }

  static TensorProto int64s(String name, long... v) {
    TensorProto.Builder t = tensor(name, new long[] {v.length}, INT64);
    for (long x : v) {
      t.addInt64Data(x);
    }
    return t.build();
  }

  static TensorProto.Builder tensor(String name, long[] dims, int type) {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type);
    for (long d : dims) {
      t.addDims(d);
    }
    return t;
  }

  static long[] dims(long... d) {
    return d;
  }

  static NodeProto node(String op, String name, List<String> in, String out,
      AttributeProto... attrs) {
    NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).addAllInput(in).addOutput(out);
    if (name != null) {
      n.setName(name);
    }
    return n.addAllAttribute(Arrays.asList(attrs)).build();
  }

  static AttributeProto intAttr(String name, long v) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(v).build();
  }

  static AttributeProto floatAttr(String name, float v) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOAT).setF(v).build();
  }

  static AttributeProto tensorAttr(String name, TensorProto t) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.TENSOR).setT(t)
        .build();
  }

  static AttributeProto floatsAttr(String name, float... v) {
    AttributeProto.Builder a = AttributeProto.newBuilder().setName(name)
        .setType(AttributeType.FLOATS);
    for (float f : v) {
      a.addFloats(f);
    }
    return a.build();
  }

  /** A tensor value info; each dim a Long/Integer (value) or a String (symbolic). */
  static ValueInfoProto value(String name, int elemType, Object... dims) {
    TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
    for (Object d : dims) {
      TensorShapeProto.Dimension.Builder db = TensorShapeProto.Dimension.newBuilder();
      if (d instanceof String p) {
        db.setDimParam(p);
      } else {
        db.setDimValue(((Number) d).longValue());
      }
      s.addDim(db);
    }
    return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(s))).build();
  }

  /** A model builder: nodes, initializers, one input and one output by default. */
  static final class Model {
    final List<NodeProto> nodes = new ArrayList<>();
    final List<TensorProto> inits = new ArrayList<>();
    final List<ValueInfoProto> inputs = new ArrayList<>();
    final List<ValueInfoProto> outputs = new ArrayList<>();
    long opset = 13;

    Model input(ValueInfoProto v) {
      inputs.add(v);
      return this;
    }

    Model output(ValueInfoProto v) {
      outputs.add(v);
      return this;
    }

    Model node(NodeProto n) {
      nodes.add(n);
      return this;
    }

    Model init(TensorProto t) {
      inits.add(t);
      return this;
    }

    Model opset(long v) {
      opset = v;
      return this;
    }

    ModelProto build() {
      return ModelProto.newBuilder().setIrVersion(8).setProducerName("xcert test")
          .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
          .setGraph(GraphProto.newBuilder().setName("g").addAllNode(nodes)
              .addAllInitializer(inits).addAllInput(inputs).addAllOutput(outputs))
          .build();
    }

    byte[] bytes() {
      return build().toByteArray();
    }
  }
}
