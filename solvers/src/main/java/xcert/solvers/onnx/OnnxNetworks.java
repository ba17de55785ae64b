package xcert.solvers.onnx;

import xcert.solvers.errors.InputException;
import xcert.solvers.model.FeedForwardNetwork;

/** Interprets an ONNX model as a feed-forward ReLU network. */
public final class OnnxNetworks {

  private OnnxNetworks() {}

  /** Parses ONNX protobuf bytes into a network. */
  public static FeedForwardNetwork parse(String source, byte[] bytes) {
    throw InputException.of(source, "ONNX import is not implemented yet");
  }
}
