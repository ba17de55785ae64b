/**
 * Protobuf classes for ONNX model files, generated at build time by protoc from
 * {@code solvers/src/main/proto/onnx.proto}: a subset of the ONNX IR schema with ONNX's own message
 * names and field numbers (ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto,
 * ValueInfoProto, TypeProto, TensorShapeProto, OperatorSetIdProto), read by
 * {@link xcert.solvers.onnx.OnnxNetworks}. Fields outside the subset are skipped when parsing.
 */
package xcert.solvers.onnx.proto;
