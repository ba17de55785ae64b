package xcert.solvers.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.errors.InputException;
import xcert.solvers.num.Rationals;
import xcert.solvers.onnx.proto.OnnxProto.TensorProto;
import xcert.solvers.onnx.proto.OnnxProto.TensorProto.DataType;

/**
 * Decodes ONNX tensors (initializers and Constant values) exactly: a float32 or float64 entry is the
 * dyadic rational the float denotes (a float32 widened to a double is exact), read from
 * {@code raw_data} (little-endian, as the ONNX IR specifies) or from {@code float_data} /
 * {@code double_data}; int64 tensors (Reshape shapes) from {@code raw_data} or {@code int64_data}.
 */
final class OnnxTensors {

  /** Most entries one tensor may have (each becomes an exact rational). */
  static final long MAX_ENTRIES = 20_000_000L;

  private OnnxTensors() {}

  /** A decoded real tensor: its dims and its entries in row-major order. */
  record Real(long[] dims, BigFraction[] values) {

    int rank() {
      return dims.length;
    }
  }

  /** The dims of a tensor, checked: non-negative, at most {@link #MAX_ENTRIES} entries. */
  static long[] dims(String source, TensorProto t, String what) {
    long[] dims = new long[t.getDimsCount()];
    long n = 1;
    for (int i = 0; i < dims.length; i++) {
      dims[i] = t.getDims(i);
      if (dims[i] < 0) {
        throw InputException.of(source, what + " has a negative dimension " + dims[i]
            + " in its dims " + shape(t) + "; expected sizes >= 0");
      }
      n = n == 0 ? 0 : (dims[i] > MAX_ENTRIES ? MAX_ENTRIES + 1 : n * dims[i]);
      if (n > MAX_ENTRIES) {
        throw InputException.of(source, what + " has dims " + shape(t) + ", more than "
            + MAX_ENTRIES + " entries; xcert reads small networks");
      }
    }
    return dims;
  }

  /**
   * The tensor's entries as exact rationals.
   *
   * @param what how messages name the tensor, e.g. "initializer 'W1'"
   * @throws InputException for external data, a data type other than float32/float64, a count
   *     that does not match the dims, or a NaN or infinite entry
   */
  static Real real(String source, TensorProto t, String what) {
    checkStored(source, t, what);
    long[] dims = dims(source, t, what);
    int n = (int) count(dims);
    int type = t.getDataType();
    double[] v = new double[n];
    if (type == DataType.FLOAT_VALUE) {
      if (t.hasRawData()) {
        ByteBuffer raw = raw(source, t, what, n, 4);
        for (int i = 0; i < n; i++) {
          v[i] = raw.getFloat(); // float -> double widening is exact
        }
      } else {
        checkCount(source, what, t.getFloatDataCount(), n, "float_data");
        for (int i = 0; i < n; i++) {
          v[i] = t.getFloatData(i);
        }
      }
    } else if (type == DataType.DOUBLE_VALUE) {
      if (t.hasRawData()) {
        ByteBuffer raw = raw(source, t, what, n, 8);
        for (int i = 0; i < n; i++) {
          v[i] = raw.getDouble();
        }
      } else {
        checkCount(source, what, t.getDoubleDataCount(), n, "double_data");
        for (int i = 0; i < n; i++) {
          v[i] = t.getDoubleData(i);
        }
      }
    } else {
      throw InputException.of(source, what + " has data type " + typeName(type)
          + "; weights must be float32 (1) or float64 (11)");
    }
    BigFraction[] values = new BigFraction[n];
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(v[i])) {
        throw InputException.of(source, what + " has " + (Double.isNaN(v[i]) ? "NaN" : v[i] > 0
            ? "+infinity" : "-infinity") + " at entry " + (i + 1) + " of " + n + " (dims "
            + shape(t) + "); weights must be finite");
      }
      values[i] = Rationals.fromDouble(v[i]);
    }
    return new Real(dims, values);
  }

  /** The entries of an int64 tensor (a Reshape shape). */
  static long[] int64s(String source, TensorProto t, String what) {
    checkStored(source, t, what);
    long[] dims = dims(source, t, what);
    int n = (int) count(dims);
    if (t.getDataType() != DataType.INT64_VALUE) {
      throw InputException.of(source, what + " has data type " + typeName(t.getDataType())
          + "; expected int64 (7)");
    }
    long[] out = new long[n];
    if (t.hasRawData()) {
      ByteBuffer raw = raw(source, t, what, n, 8);
      for (int i = 0; i < n; i++) {
        out[i] = raw.getLong();
      }
    } else {
      checkCount(source, what, t.getInt64DataCount(), n, "int64_data");
      for (int i = 0; i < n; i++) {
        out[i] = t.getInt64Data(i);
      }
    }
    return out;
  }

  /** The single value of a bool tensor (Dropout's training_mode). */
  static boolean bool(String source, TensorProto t, String what) {
    checkStored(source, t, what);
    long[] dims = dims(source, t, what);
    if (count(dims) != 1 || t.getDataType() != DataType.BOOL_VALUE) {
      throw InputException.of(source, what + " must be one bool, is " + typeName(t.getDataType())
          + " with dims " + shape(t));
    }
    if (t.hasRawData()) {
      ByteBuffer raw = raw(source, t, what, 1, 1);
      return raw.get() != 0;
    }
    checkCount(source, what, t.getInt32DataCount(), 1, "int32_data");
    return t.getInt32Data(0) != 0;
  }

  static long count(long[] dims) {
    long n = 1;
    for (long d : dims) {
      n *= d;
    }
    return n;
  }

  /** "[2, 3]". */
  static String shape(TensorProto t) {
    return t.getDimsList().toString();
  }

  static String shape(long[] dims) {
    return Arrays.toString(dims);
  }

  /** "FLOAT16 (10)". */
  static String typeName(int type) {
    DataType dt = DataType.forNumber(type);
    return (dt == null ? "unknown" : dt.name()) + " (" + type + ")";
  }

  private static void checkStored(String source, TensorProto t, String what) {
    if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL || t.getExternalDataCount() > 0) {
      throw InputException.of(source, what + " is stored in an external data file; save the"
          + " model with its weights inside the .onnx file");
    }
    if (t.hasSegment()) {
      throw InputException.of(source, what + " is a segment of a larger tensor; expected whole"
          + " tensors");
    }
  }

  private static ByteBuffer raw(String source, TensorProto t, String what, int n, int width) {
    long expected = (long) n * width;
    if (t.getRawData().size() != expected) {
      throw InputException.of(source, what + " has " + t.getRawData().size()
          + " bytes of raw_data; its dims " + shape(t) + " and data type "
          + typeName(t.getDataType()) + " need " + expected);
    }
    return t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  private static void checkCount(String source, String what, int found, int n, String field) {
    if (found != n) {
      throw InputException.of(source, what + " has " + found + " entries in " + field
          + "; its dims need " + n);
    }
  }
}
