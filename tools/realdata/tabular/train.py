"""Train the models of seed 000 Experiments 2 and 3 in miniature on the diabetes and breast cancer
data in data/realdata/tabular/ (xcert issue 21, point 4). Run from the repository root:

    python3 tools/realdata/tabular/train.py

Deterministic: the split and every model use random_state = SEED. What it writes, all under
data/realdata/tabular/:

  <set>-preprocessing.json  the seed's preprocessing (seed 000 A.4: "continuous features were
                            mean-centered and then normalized to [0, 1] range", read as
                            x' = (x - mean) / (max - min) with mean, max, min from the training rows,
                            so that every feature spans a range of width 1 on the training rows and
                            the reference 0 is the training mean), the train/test rows, and for
                            diabetes the standardisation of the target
  models/<set>-linear.json  f in G: linear regression (diabetes) or the logit of a logistic
                            regression (breast cancer), a ReLU network with no hidden layer
  models/<set>-mlp.json     a ReLU network with three hidden layers of 8 units (the seed's NN1 / NNA;
                            the seed's WHO networks use tanh, xcert reads ReLU networks only)
  models/<set>-mlp5.json,   five and eight hidden layers of 8 units (the seed's NN2 / NNB and
  models/<set>-mlp8.json    NN3 / NNC)
  expected.json             sklearn's own predictions (predict / decision_function) on the first
                            test rows, and each model's train/test score, for the Java tests

The classifiers' JSON files carry "head": "sigmoid"; xcert explains the score before the head (the
logit), which for the logistic regression is exactly linear, so f is in G.
Numbers are written with repr, which round-trips float64 exactly.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier, MLPRegressor

SEED = 0
DIR = os.path.join("data", "realdata", "tabular")
EXPECTED_ROWS = 8
# the networks: hidden layers of 8 ReLU units (seed 000 A.4: NN1/NNA 3, NN2/NNB 5, NN3/NNC 8)
DEPTHS = {"mlp": 3, "mlp5": 5, "mlp8": 8}


def load(name):
    raw = np.genfromtxt(os.path.join(DIR, name + ".csv"), delimiter=",", names=True)
    cols = raw.dtype.names
    X = np.column_stack([raw[c] for c in cols[:-1]]).astype(np.float64)
    y = raw[cols[-1]].astype(np.float64)
    return list(cols[:-1]), X, y


def scale(X, mean, rng):
    return (X - mean) / rng


def layer(weights_in_out, bias):
    w = np.asarray(weights_in_out, dtype=np.float64).T  # xcert: one row per output unit
    return {"weights": [[float(v) for v in row] for row in w],
            "bias": [float(v) for v in np.asarray(bias, dtype=np.float64).ravel()]}


def network(d, layers, head=None):
    net = {"type": "relu-network", "inputs": d, "layers": layers}
    if head:
        net["head"] = head
    return net


def dump(obj, path):
    with open(path, "w") as f:
        json.dump(obj, f, indent=1)
        f.write("\n")
    print("wrote", path)


def main():
    os.makedirs(os.path.join(DIR, "models"), exist_ok=True)
    expected = {"sklearn": sklearn.__version__, "seed": SEED, "sets": {}}
    for name, task in (("diabetes", "regression"), ("breast_cancer", "classification")):
        features, X, y = load(name)
        idx = np.arange(len(y))
        tr, te = train_test_split(idx, test_size=0.2, random_state=SEED,
                                  stratify=y if task == "classification" else None)
        tr, te = np.sort(tr), np.sort(te)
        mean = X[tr].mean(axis=0)
        rng = X[tr].max(axis=0) - X[tr].min(axis=0)
        Xs = scale(X, mean, rng)
        pre = {"dataset": name, "task": task, "features": features,
               "mean": [float(v) for v in mean], "range": [float(v) for v in rng],
               "train_rows": [int(i) for i in tr], "test_rows": [int(i) for i in te]}
        d = X.shape[1]
        rec = {"task": task, "rows": [int(i) for i in te[:EXPECTED_ROWS]], "models": {}}
        if task == "regression":
            ym, ys = float(y[tr].mean()), float(y[tr].std())
            pre["target_mean"], pre["target_std"] = ym, ys
            t = (y - ym) / ys
            lin = LinearRegression().fit(Xs[tr], t[tr])
            models = {"linear": lin}
            for k, depth in DEPTHS.items():
                models[k] = MLPRegressor(hidden_layer_sizes=(8,) * depth, activation="relu",
                                         solver="adam", max_iter=3000,
                                         random_state=SEED).fit(Xs[tr], t[tr])
            for k, m in models.items():
                p = m.predict(Xs)
                rec["models"][k] = {
                    "expected": [float(v) for v in p[te[:EXPECTED_ROWS]]],
                    "train_mse": float(np.mean((p[tr] - t[tr]) ** 2)),
                    "test_mse": float(np.mean((p[te] - t[te]) ** 2))}
            lin_json = network(d, [layer(lin.coef_.reshape(d, 1), [lin.intercept_])])
            head = None
        else:
            lin = LogisticRegression(C=1.0, max_iter=10000).fit(Xs[tr], y[tr])
            models = {"linear": lin}
            for k, depth in DEPTHS.items():
                models[k] = MLPClassifier(hidden_layer_sizes=(8,) * depth, activation="relu",
                                          solver="adam", max_iter=3000,
                                          random_state=SEED).fit(Xs[tr], y[tr])
            for k, m in models.items():
                if k == "linear":
                    s = m.decision_function(Xs)
                else:
                    # MLPClassifier has no decision_function: the logit of its probability
                    # is recomputed from its own forward pass (sklearn's _forward_pass_fast)
                    act = Xs
                    for i, (W, b) in enumerate(zip(m.coefs_, m.intercepts_)):
                        act = act @ W + b
                        if i < len(m.coefs_) - 1:
                            act = np.maximum(act, 0)
                    s = act.ravel()
                    assert np.allclose(1 / (1 + np.exp(-s)), m.predict_proba(Xs)[:, 1])
                pred = m.predict(Xs)
                rec["models"][k] = {
                    "expected": [float(v) for v in s[te[:EXPECTED_ROWS]]],
                    "expected_label": [int(v) for v in pred[te[:EXPECTED_ROWS]]],
                    "train_accuracy": float(np.mean(pred[tr] == y[tr])),
                    "test_accuracy": float(np.mean(pred[te] == y[te]))}
            lin_json = network(d, [layer(lin.coef_.reshape(d, 1), lin.intercept_)], "sigmoid")
            head = "sigmoid"
        dump(lin_json, os.path.join(DIR, "models", name + "-linear.json"))
        for k in DEPTHS:
            mlp = models[k]
            mlp_layers = [layer(W, b) for W, b in zip(mlp.coefs_, mlp.intercepts_)]
            dump(network(d, mlp_layers, head), os.path.join(DIR, "models", name + "-" + k + ".json"))
        dump(pre, os.path.join(DIR, name + "-preprocessing.json"))
        expected["sets"][name] = rec
    dump(expected, os.path.join(DIR, "expected.json"))


if __name__ == "__main__":
    main()
