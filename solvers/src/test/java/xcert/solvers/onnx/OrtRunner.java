package xcert.solvers.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import xcert.solvers.onnx.proto.OnnxProto.ModelProto;

/**
 * ONNX Runtime's Java API (test scope only) as the independent evaluator: one session per model,
 * graph optimizations off so that every node is evaluated as written (no fusion, no constant
 * rewriting). When the native library cannot load, the calling test is skipped with one line.
 */
final class OrtRunner implements AutoCloseable {

  private static OrtEnvironment env;
  private static String unavailable;

  private final OrtSession session;
  private final String input;
  private final int rank;

  private OrtRunner(OrtSession session, int rank) throws OrtException {
    this.session = session;
    this.input = session.getInputNames().iterator().next();
    this.rank = rank;
  }

  /** A session for the model; skips the test when ONNX Runtime's native library is missing. */
  static OrtRunner of(ModelProto model) {
    OrtEnvironment e = environment();
    try {
      OrtSession.SessionOptions opts = new OrtSession.SessionOptions();
      opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
      opts.setIntraOpNumThreads(1);
      int rank = model.getGraph().getInput(0).getType().getTensorType().getShape().getDimCount();
      return new OrtRunner(e.createSession(model.toByteArray(), opts), rank);
    } catch (OrtException ex) {
      throw new IllegalStateException("ONNX Runtime refused the model: " + ex.getMessage(), ex);
    }
  }

  private static synchronized OrtEnvironment environment() {
    if (env == null && unavailable == null) {
      try {
        env = OrtEnvironment.getEnvironment();
      } catch (Throwable t) { // UnsatisfiedLinkError, ExceptionInInitializerError, ...
        Throwable root = t;
        while (root.getCause() != null) {
          root = root.getCause();
        }
        unavailable = root.getClass().getSimpleName() + ": " + root.getMessage();
      }
    }
    Assumptions.assumeTrue(env != null, () -> "ONNX Runtime's native library cannot load here ("
        + unavailable + "); skipping the comparison with ONNX Runtime");
    return env;
  }

  /** The first output for one input vector, flattened (float32 values widened exactly). */
  double[] run(double[] x) {
    float[] xf = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      xf[i] = (float) x[i];
      if (xf[i] != x[i]) {
        throw new IllegalArgumentException("input " + (i + 1) + " is not a float32: " + x[i]);
      }
    }
    try (OnnxTensor t = rank == 1 ? OnnxTensor.createTensor(env, xf)
            : OnnxTensor.createTensor(env, new float[][] {xf});
        OrtSession.Result r = session.run(Map.of(input, t))) {
      Object v = r.get(0).getValue();
      float[] y = v instanceof float[][] m ? m[0] : (float[]) v;
      double[] out = new double[y.length];
      for (int j = 0; j < y.length; j++) {
        out[j] = y[j];
      }
      return out;
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
  }
}
