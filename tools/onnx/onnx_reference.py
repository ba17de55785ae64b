"""Reference outputs of an ONNX model from ONNX Runtime (Python), for xcert's tests.

write_reference(model_path, inputs) writes MODEL.reference.csv next to the model: one row per
input, columns x1..xd (the float32 input), y1..yK (the graph's output as ONNX Runtime computes it,
after any Sigmoid/Softmax head) and z1..zK (the pre-head scores: ONNX Runtime on the same graph with
its final Sigmoid or Softmax node removed; z = y when there is no head). Every value is a float32
written as the shortest decimal of its exact double value, so Java's Double.parseDouble gives back
the same float32 number exactly.
"""

import os

import numpy as np
import onnx
import onnxruntime as ort

HEADS = ("Sigmoid", "Softmax")


def _session(model):
    opts = ort.SessionOptions()
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    return ort.InferenceSession(model.SerializeToString(), opts,
                                providers=["CPUExecutionProvider"])


def _strip_head(model):
    """The model without its final Sigmoid/Softmax node (its output renamed to the graph output)."""
    m = onnx.ModelProto()
    m.CopyFrom(model)
    last = m.graph.node[-1]
    if last.op_type not in HEADS:
        return m
    out = last.output[0]
    pre = last.input[0]
    del m.graph.node[-1]
    for n in m.graph.node:
        for i, o in enumerate(n.output):
            if o == pre:
                n.output[i] = out
    return m


def _run(model, x):
    sess = _session(model)
    name = sess.get_inputs()[0].name
    rows = []
    for r in x:  # one row at a time: works for a fixed batch of 1 too
        rows.append(np.asarray(sess.run(None, {name: r.reshape(1, -1)})[0]).reshape(-1))
    return np.array(rows, dtype=np.float32)


def _fmt(v):
    return repr(float(np.float32(v)))


def write_reference(model_path, inputs, comment=""):
    model = onnx.load(model_path)
    x = np.asarray(inputs, dtype=np.float32)
    y = _run(model, x)
    z = _run(_strip_head(model), x)
    d, k = x.shape[1], y.shape[1]
    path = os.path.splitext(model_path)[0] + ".reference.csv"
    with open(path, "w") as f:
        f.write("# ONNX Runtime %s (Python) on %s, %d inputs; %s\n"
                % (ort.__version__, os.path.basename(model_path), len(x), comment))
        f.write(",".join(["x%d" % (i + 1) for i in range(d)] + ["y%d" % (j + 1) for j in range(k)]
                         + ["z%d" % (j + 1) for j in range(k)]) + "\n")
        for r in range(len(x)):
            f.write(",".join([_fmt(v) for v in x[r]] + [_fmt(v) for v in y[r]]
                             + [_fmt(v) for v in z[r]]) + "\n")
    print("wrote", path)
