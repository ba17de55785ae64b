/**
 * ONNX model import: the feed-forward subset of ONNX graphs (Gemm, MatMul, Add, Sub, Mul, Div by
 * constants, Relu, Flatten, Reshape/Identity, with a Sigmoid or Softmax head) read exactly into the
 * ReLU networks of seed 003 Section 4.1.
 */
package xcert.solvers.onnx;
