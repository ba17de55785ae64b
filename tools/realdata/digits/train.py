#!/usr/bin/env python3
"""Exports scikit-learn's bundled digits set and trains the small ReLU network of xcert's digits study.

Run from the repository root:  python3 tools/realdata/digits/train.py
Writes (deterministically, fixed seed):
  data/realdata/digits/digits.csv           the 1797 8x8 images (integers 0..16) and their labels
  data/realdata/digits/digits-mlp.json      the network in xcert's relu-network JSON (64 -> 16 -> 10)
  data/realdata/digits/digits-mlp-expected.csv  for every test row: index, label, sklearn's prediction
  data/realdata/digits/digits-mlp-summary.json  split, seed, accuracies, weight grid

The network is sklearn's MLPClassifier (one hidden ReLU layer of 16 units, adam, random_state=0) on the
inputs pixel/16. After training every weight and bias is rounded to a multiple of 2^-16 (so that the
network composed with the superpixel masks stays exact in float64) and the rounded weights are written
back into the classifier; the expected predictions are sklearn's predict() of that rounded classifier.
Split: row i is a test row iff i % 4 == 3 (449 test rows), the rest train.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.datasets import load_digits
from sklearn.neural_network import MLPClassifier

OUT = os.path.join("data", "realdata", "digits")
SEED = 0
HIDDEN = 16
GRID = 2.0 ** -16


def main():
    digits = load_digits()
    X = digits.data.astype(np.int64)
    y = digits.target.astype(np.int64)
    assert X.shape == (1797, 64)
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "digits.csv"), "w") as f:
        f.write(",".join("p%d" % i for i in range(64)) + ",label\n")
        for row, label in zip(X, y):
            f.write(",".join(str(int(v)) for v in row) + ",%d\n" % label)

    idx = np.arange(len(y))
    test = idx % 4 == 3
    Xs = X / 16.0
    clf = MLPClassifier(hidden_layer_sizes=(HIDDEN,), activation="relu", solver="adam",
                        alpha=1e-4, max_iter=2000, random_state=SEED)
    clf.fit(Xs[~test], y[~test])
    acc_float = float(clf.score(Xs[test], y[test]))
    clf.coefs_ = [np.round(w / GRID) * GRID for w in clf.coefs_]
    clf.intercepts_ = [np.round(b / GRID) * GRID for b in clf.intercepts_]
    pred = clf.predict(Xs[test])
    acc = float(np.mean(pred == y[test]))
    # the logits (pre-softmax scores) of the rounded network, as xcert evaluates them
    h = np.maximum(0, Xs @ clf.coefs_[0] + clf.intercepts_[0])
    logits = h @ clf.coefs_[1] + clf.intercepts_[1]
    assert np.array_equal(np.argmax(logits[test], axis=1), pred)

    layers = []
    for w, b in zip(clf.coefs_, clf.intercepts_):
        layers.append({"weights": [[float(v) for v in row] for row in w.T],
                       "bias": [float(v) for v in b]})
    with open(os.path.join(OUT, "digits-mlp.json"), "w") as f:
        f.write('{"type": "relu-network", "inputs": 64,\n "layers": [\n')
        f.write(",\n".join("  " + json.dumps(l) for l in layers))
        f.write("\n ]}\n")
    with open(os.path.join(OUT, "digits-mlp-expected.csv"), "w") as f:
        f.write("row,label,predicted\n")
        for i, l, p in zip(idx[test], y[test], pred):
            f.write("%d,%d,%d\n" % (i, l, p))
    summary = {"sklearn": sklearn.__version__, "numpy": np.__version__, "seed": SEED,
               "hidden": HIDDEN, "inputs": "pixel/16", "weight_grid": "2^-16",
               "split": "test iff row % 4 == 3", "train_rows": int((~test).sum()),
               "test_rows": int(test.sum()), "test_accuracy_float": acc_float,
               "test_accuracy_rounded": acc, "iterations": int(clf.n_iter_)}
    with open(os.path.join(OUT, "digits-mlp-summary.json"), "w") as f:
        json.dump(summary, f, indent=1)
        f.write("\n")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
