#!/usr/bin/env python3
"""Grade shap's Exact, Permutation and Kernel explainers with xcert's oracle, one call each.

    python3 examples/python/grade_shap.py [--out DIR] [--xcert PATH]

needs numpy, scikit-learn, onnx and shap (onnxruntime is used for a cross-check when importable)
and a built xcert (mvn -q -B package -DskipTests). From the repository root, it

 1. trains scikit-learn's MLPClassifier(16, 8) on the first 10 features of load_breast_cancer,
    standardised by a StandardScaler;
 2. writes the network to ONNX with onnx.helper from the fitted weights (the scaler as Sub(mean)
    and Div(scale), each layer as Gemm, Relu between them), as tools/onnx/make_sklearn_fixtures.py
    does, but WITHOUT the final Sigmoid: the graph's output is the logit, which is what xcert
    explains by default and what shap is given here (the model function below evaluates the very
    same graph, float32 weights, in float64);
 3. builds shap's Independent masker over 200 training rows; the masker keeps at most 100 of them
    (max_samples=100, a seeded subsample), so the background saved for xcert is masker.data, the
    rows it really uses, not the 200 rows passed in;
 4. explains 4 test rows with shap's ExactExplainer, PermutationExplainer (max_evals=M) and
    KernelExplainer (nsamples = 2^d - 2 = 1022, l1_reg=0: shap then evaluates every coalition and
    its weighted least squares is the exact Shapley value) and saves inputs, values and base
    values with np.save;
 5. grades each explainer in ONE `xcert oracle` call:
      Exact        --against shapley --dist csv:background.csv (default tolerance 1e-6)
      Permutation  ... --estimator permutation --samples 2*(M // (2d+1)) (shap runs M // (2d+1)
                   permutations, each forward and reversed: an antithetic pair is two)
      Kernel       ... default tolerance 1e-6 (every coalition enumerated, so no sampling
                   error; a sampled KernelExplainer has no proven bound: shap enumerates whole
                   coalition sizes first and samples the rest, see the README)
    each with --base-values, so f_empty(x) = base and base + sum(phi) = f(x) are checked too.

Exits 0 when every explainer gets its expected grade (all of them pass), 1 when one does not,
2 when something is missing. Seeded throughout (random_state=0, seed=0).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import warnings

import numpy as np

D = 10            # features: 2^10 coalitions, enumerable exactly
ROWS = 4          # test rows explained
BACKGROUND = 200  # training rows given to the masker (it keeps 100)
PERM_MAX_EVALS = 1000
KERNEL_NSAMPLES = 2 ** 10 - 2  # every coalition but the empty and the full one

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def train():
    from sklearn.datasets import load_breast_cancer
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.model_selection import train_test_split
    from sklearn.neural_network import MLPClassifier
    from sklearn.preprocessing import StandardScaler

    warnings.simplefilter("ignore", ConvergenceWarning)
    data = load_breast_cancer()
    # float32 inputs, so what xcert reads from .npy/CSV is exactly what the graph takes
    x = data.data[:, :D].astype(np.float32).astype(np.float64)
    names = [s.replace(" ", "_") for s in data.feature_names[:D]]
    x_train, x_test, y_train, y_test = train_test_split(x, data.target, test_size=0.25,
                                                        random_state=0)
    scaler = StandardScaler().fit(x_train)
    mlp = MLPClassifier(hidden_layer_sizes=(16, 8), activation="relu", max_iter=3000,
                        random_state=0).fit(scaler.transform(x_train), y_train)
    acc = mlp.score(scaler.transform(x_test), y_test)
    return scaler, mlp, names, x_train, x_test, acc


class Network:
    """The exported graph's constants (float32) and its logit evaluated in float64."""

    def __init__(self, scaler, mlp):
        f32 = lambda a: np.asarray(a, dtype=np.float32)
        self.mean = f32(scaler.mean_)
        self.scale = f32(scaler.scale_)
        self.layers = [(f32(w), f32(b)) for w, b in zip(mlp.coefs_, mlp.intercepts_)]

    def logit(self, x):
        h = (np.asarray(x, dtype=np.float64) - self.mean.astype(np.float64)) \
            / self.scale.astype(np.float64)
        for i, (w, b) in enumerate(self.layers):
            h = h @ w.astype(np.float64) + b.astype(np.float64)
            if i < len(self.layers) - 1:
                h = np.maximum(h, 0.0)
        return h[:, 0]

    def onnx_model(self, doc):
        import onnx
        from onnx import TensorProto, helper, numpy_helper

        def init(name, a):
            return numpy_helper.from_array(a, name)

        nodes = [helper.make_node("Sub", ["x", "mean"], ["centred"], name="scaler_sub"),
                 helper.make_node("Div", ["centred", "scale"], ["scaled"], name="scaler_div")]
        inits = [init("mean", self.mean), init("scale", self.scale)]
        prev = "scaled"
        for l, (w, b) in enumerate(self.layers):
            last = l == len(self.layers) - 1
            out = "logit" if last else "h%d" % (l + 1)
            # coefs_ is (in, out): Gemm Y = A B + C with transB = 0
            nodes.append(helper.make_node("Gemm", [prev, "W%d" % (l + 1), "b%d" % (l + 1)],
                                          [out], name="dense%d" % (l + 1), transB=0))
            inits += [init("W%d" % (l + 1), w), init("b%d" % (l + 1), b)]
            if not last:
                nodes.append(helper.make_node("Relu", [out], ["r%d" % (l + 1)],
                                              name="relu%d" % (l + 1)))
                prev = "r%d" % (l + 1)
        graph = helper.make_graph(
            nodes, "breast_cancer_mlp_logit",
            [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", D])],
            [helper.make_tensor_value_info("logit", TensorProto.FLOAT, ["N", 1])], inits)
        m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)],
                              producer_name="xcert examples/python/grade_shap.py",
                              doc_string=doc)
        m.ir_version = 8
        onnx.checker.check_model(m)
        return m


def write_csv(path, header, rows):
    with open(path, "w") as f:
        f.write(",".join(header) + "\n")
        for r in rows:
            f.write(",".join(repr(float(v)) for v in r) + "\n")


def oracle(xcert, out, model, name, extra):
    cmd = [xcert, "oracle", "--model", model,
           "--inputs", os.path.join(out, "X.npy"),
           "--attributions", os.path.join(out, name + "_values.npy"),
           "--base-values", os.path.join(out, name + "_base.npy"),
           "--against", "shapley", "--dist", "csv:" + os.path.join(out, "background.csv"),
           "--json"] + extra
    print("$ " + " ".join(cmd), flush=True)
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        print(p.stdout + p.stderr, file=sys.stderr)
        return None, p.returncode
    return json.loads(p.stdout), p.returncode


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", help="folder for the arrays and the model (default: a temp folder)")
    ap.add_argument("--xcert", default=os.path.join(ROOT, "xcert"), help="the xcert launcher")
    args = ap.parse_args()
    try:
        import shap
        import onnx  # noqa: F401
        import sklearn  # noqa: F401
    except ImportError as e:
        print("grade_shap.py: needs numpy, scikit-learn, onnx and shap: %s" % e, file=sys.stderr)
        return 2
    if not os.path.isfile(args.xcert):
        print("grade_shap.py: %s is missing" % args.xcert, file=sys.stderr)
        return 2
    out = args.out or tempfile.mkdtemp(prefix="xcert-shap-")
    os.makedirs(out, exist_ok=True)

    scaler, mlp, names, x_train, x_test, acc = train()
    net = Network(scaler, mlp)
    gap = np.max(np.abs(1 / (1 + np.exp(-net.logit(x_test))) - mlp.predict_proba(
        scaler.transform(x_test))[:, 1]))
    model_path = os.path.join(out, "breast-cancer-logit.onnx")
    model = net.onnx_model("StandardScaler + MLPClassifier(16,8) on load_breast_cancer[:, :%d]; "
                           "output: the logit (no Sigmoid); test accuracy %.3f" % (D, acc))
    import onnx
    onnx.save(model, model_path)
    try:
        import onnxruntime as ort
        sess = ort.InferenceSession(model.SerializeToString(),
                                    providers=["CPUExecutionProvider"])
        z = sess.run(None, {"x": x_test.astype(np.float32)})[0][:, 0]
        ort_gap = float(np.max(np.abs(z - net.logit(x_test))))
    except ImportError:
        ort_gap = None
    print("shap %s; MLP test accuracy %.3f; |p_graph - p_sklearn| <= %.1e; |logit_ort - "
          "logit_float64| <= %s" % (shap.__version__, acc, gap,
                                    "n/a" if ort_gap is None else "%.1e" % ort_gap))

    masker = shap.maskers.Independent(x_train[:BACKGROUND], max_samples=100)
    background = np.asarray(masker.data)
    print("masker: %d rows passed, %d kept (masker.data, saved as background.csv)"
          % (min(BACKGROUND, len(x_train)), len(background)))
    write_csv(os.path.join(out, "background.csv"), names, background)
    x = x_test[:ROWS]
    np.save(os.path.join(out, "X.npy"), x)

    f = net.logit
    results = {}
    exact = shap.explainers.Exact(f, masker)(x)
    results["exact"] = (exact.values, exact.base_values, [])

    # shap's PermutationExplainer: max_evals // (2*|varying| + 1) permutations, each run forward
    # and reversed; varying = features where some background row differs from x
    varying = {int(np.sum(np.any(background != row, axis=0))) for row in x}
    if len(varying) != 1:
        print("grade_shap.py: the rows vary in %s features; one --samples per call needs one"
              % sorted(varying), file=sys.stderr)
        return 2
    m = varying.pop()
    npermutations = PERM_MAX_EVALS // (2 * m + 1)
    perm = shap.explainers.Permutation(f, masker, seed=0)(x, max_evals=PERM_MAX_EVALS)
    results["permutation"] = (perm.values, perm.base_values,
                              ["--estimator", "permutation", "--samples",
                               str(2 * npermutations)])

    np.random.seed(0)
    kernel = shap.KernelExplainer(f, background)
    kvalues = kernel.shap_values(x, nsamples=KERNEL_NSAMPLES, l1_reg=0, silent=True)
    kbase = np.full(ROWS, float(np.asarray(kernel.expected_value).reshape(-1)[0]))
    results["kernel"] = (np.asarray(kvalues), kbase, [])

    failures = 0
    for name, (values, base, extra) in results.items():
        np.save(os.path.join(out, name + "_values.npy"), np.asarray(values, dtype=np.float64))
        np.save(os.path.join(out, name + "_base.npy"), np.asarray(base, dtype=np.float64))
        grade, rc = oracle(args.xcert, out, model_path, name, extra)
        if grade is None:
            print("%-12s xcert refused the call (exit %d)" % (name, rc))
            failures += 1
            continue
        errs = [float(r["maxAbsError"]) if not isinstance(r["maxAbsError"], dict)
                else float(r["maxAbsError"]["value"]) for r in grade["rows"]]
        print("%-12s %d passed, %d failed; max |phi - exact| per row: %s (exit %d)"
              % (name, grade["passed"], grade["failed"],
                 ", ".join("%.2e" % e for e in errs), rc))
        if rc != 0:
            failures += 1
    print("arrays, model and background in %s" % out)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
