/**
 * ONNX model import: the feed-forward subset of ONNX graphs (Gemm, MatMul, Add, Sub, Mul, Div by
 * constants, Relu, Flatten, Reshape, Identity, Dropout, Constant, with a final Sigmoid or Softmax
 * head) read exactly into the ReLU networks of seed 003 Section 4.1: float32/float64 weights as the
 * dyadic rationals they denote, a Div by a constant as the exact rational 1/c. The protobuf classes
 * ({@code xcert.solvers.onnx.proto}) are generated at build time from a subset of the ONNX IR schema
 * ({@code src/main/proto/onnx.proto}).
 */
package xcert.solvers.onnx;
