#!/usr/bin/env python3
"""ONNX fixtures from fitted scikit-learn models, built with the onnx package's graph helpers from
the fitted weights, without sklearn-onnx (the graphs are what it would write for these pipelines, with the scaler as Sub(mean) and Div(scale) by float32 constants).

    python3 tools/onnx/make_sklearn_fixtures.py

needs numpy, scikit-learn, onnx and onnxruntime. Writes, in
solvers/src/test/resources/xcert/solvers/onnx:
  sklearn-breast-cancer-mlp.onnx   StandardScaler + MLPClassifier(16, 8, relu) on the first 12
                                   features of load_breast_cancer: Sub, Div, Gemm, Relu, Gemm,
                                   Relu, Gemm, Sigmoid (binary: one logit, P(class 1))
  sklearn-diabetes-mlp.onnx        MLPRegressor(16, 8, relu) on load_diabetes (10 features):
                                   MatMul + Add per layer, Relu between
  *.reference.csv                  ONNX Runtime (Python) outputs on data rows (onnx_reference.py)
and in examples/onnx, for the README's worked example:
  breast-cancer-mlp.onnx           the same classifier file
  background.csv                   30 training rows (12 features, header) as the background
  x.csv                            one held-out row to explain (header + 1 row)
Everything is seeded (random_state=0).
"""

import os
import shutil
import sys
import warnings

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from sklearn.datasets import load_breast_cancer, load_diabetes
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from onnx_reference import write_reference  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
FIXTURES = os.path.join(ROOT, "solvers", "src", "test", "resources", "xcert", "solvers", "onnx")
EXAMPLES = os.path.join(ROOT, "examples", "onnx")
OPSET = 13


def f32(name, a):
    return numpy_helper.from_array(np.asarray(a, dtype=np.float32), name)


def model_of(graph, doc):
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                          producer_name="xcert tools/onnx/make_sklearn_fixtures.py",
                          doc_string=doc)
    m.ir_version = 8
    onnx.checker.check_model(m)
    return m


def classifier_graph(scaler, mlp, d):
    nodes = [helper.make_node("Sub", ["x", "mean"], ["centred"], name="scaler_sub"),
             helper.make_node("Div", ["centred", "scale"], ["scaled"], name="scaler_div")]
    inits = [f32("mean", scaler.mean_), f32("scale", scaler.scale_)]
    prev = "scaled"
    n = len(mlp.coefs_)
    for l, (w, b) in enumerate(zip(mlp.coefs_, mlp.intercepts_)):
        out = "logit" if l == n - 1 else "h%d" % (l + 1)
        # coefs_ is (in, out): Gemm Y = A B + C with transB = 0.
        nodes.append(helper.make_node("Gemm", [prev, "W%d" % (l + 1), "b%d" % (l + 1)], [out],
                                      name="dense%d" % (l + 1), alpha=1.0, beta=1.0, transB=0))
        inits += [f32("W%d" % (l + 1), w), f32("b%d" % (l + 1), b)]
        if l < n - 1:
            nodes.append(helper.make_node("Relu", [out], ["r%d" % (l + 1)],
                                          name="relu%d" % (l + 1)))
            prev = "r%d" % (l + 1)
    nodes.append(helper.make_node("Sigmoid", ["logit"], ["probability"], name="sigmoid"))
    return helper.make_graph(
        nodes, "breast_cancer_mlp",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", d])],
        [helper.make_tensor_value_info("probability", TensorProto.FLOAT, ["N", 1])], inits)


def regressor_graph(mlp, d):
    nodes, inits = [], []
    prev = "x"
    n = len(mlp.coefs_)
    for l, (w, b) in enumerate(zip(mlp.coefs_, mlp.intercepts_)):
        mm = "mm%d" % (l + 1)
        out = "y" if l == n - 1 else "h%d" % (l + 1)
        nodes.append(helper.make_node("MatMul", [prev, "W%d" % (l + 1)], [mm],
                                      name="matmul%d" % (l + 1)))
        nodes.append(helper.make_node("Add", [mm, "b%d" % (l + 1)], [out],
                                      name="add%d" % (l + 1)))
        inits += [f32("W%d" % (l + 1), w), f32("b%d" % (l + 1), b)]
        if l < n - 1:
            nodes.append(helper.make_node("Relu", [out], ["r%d" % (l + 1)],
                                          name="relu%d" % (l + 1)))
            prev = "r%d" % (l + 1)
    return helper.make_graph(
        nodes, "diabetes_mlp",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", d])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 1])], inits)


def write_csv(path, header, rows):
    with open(path, "w") as f:
        f.write(",".join(header) + "\n")
        for r in rows:
            f.write(",".join(repr(float(v)) for v in r) + "\n")
    print("wrote", path)


def breast_cancer():
    data = load_breast_cancer()
    d = 12
    x = data.data[:, :d]
    names = [s.replace(" ", "_") for s in data.feature_names[:d]]
    x_train, x_test, y_train, y_test = train_test_split(x, data.target, test_size=0.25,
                                                        random_state=0)
    scaler = StandardScaler().fit(x_train)
    mlp = MLPClassifier(hidden_layer_sizes=(16, 8), activation="relu", max_iter=3000,
                        random_state=0).fit(scaler.transform(x_train), y_train)
    acc = mlp.score(scaler.transform(x_test), y_test)
    model = model_of(classifier_graph(scaler, mlp, d),
                     "StandardScaler + MLPClassifier(16,8) on load_breast_cancer[:, :12]; "
                     "output P(class 1) = sigmoid(logit); test accuracy %.3f" % acc)
    path = os.path.join(FIXTURES, "sklearn-breast-cancer-mlp.onnx")
    onnx.save(model, path)
    print("wrote", path, "test accuracy %.3f" % acc)
    # scikit-learn's own probabilities agree with the graph (float32 weights, float64 sklearn).
    import onnxruntime as ort
    sess = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    p = sess.run(None, {"x": x_test.astype(np.float32)})[0][:, 0]
    gap = np.max(np.abs(p - mlp.predict_proba(scaler.transform(x_test))[:, 1]))
    assert gap < 1e-4, gap
    rows = np.vstack([x_test[:40], x_train[:10]])
    write_reference(path, rows, "rows of load_breast_cancer[:, :12] (40 test, 10 train); "
                    "max |p_ort - p_sklearn| on the test split %.2e" % gap)
    os.makedirs(EXAMPLES, exist_ok=True)
    shutil.copyfile(path, os.path.join(EXAMPLES, "breast-cancer-mlp.onnx"))
    print("wrote", os.path.join(EXAMPLES, "breast-cancer-mlp.onnx"))
    write_csv(os.path.join(EXAMPLES, "background.csv"), names, x_train[:30])
    write_csv(os.path.join(EXAMPLES, "x.csv"), names, x_test[:1])


def diabetes():
    data = load_diabetes()
    x = data.data
    d = x.shape[1]
    x_train, x_test, y_train, y_test = train_test_split(x, data.target, test_size=0.25,
                                                        random_state=0)
    mlp = MLPRegressor(hidden_layer_sizes=(16, 8), activation="relu", max_iter=5000,
                       learning_rate_init=0.01, random_state=0).fit(x_train, y_train)
    r2 = mlp.score(x_test, y_test)
    model = model_of(regressor_graph(mlp, d),
                     "MLPRegressor(16,8) on load_diabetes; test R^2 %.3f" % r2)
    path = os.path.join(FIXTURES, "sklearn-diabetes-mlp.onnx")
    onnx.save(model, path)
    print("wrote", path, "test R^2 %.3f" % r2)
    rows = np.vstack([x_test[:40], x_train[:10]])
    write_reference(path, rows, "rows of load_diabetes (40 test, 10 train)")


def main():
    warnings.simplefilter("ignore", ConvergenceWarning)
    os.makedirs(FIXTURES, exist_ok=True)
    breast_cancer()
    diabetes()


if __name__ == "__main__":
    main()
