"""Export scikit-learn's bundled diabetes and breast cancer data sets as CSV into
data/realdata/tabular/ (xcert issue 21, point 4). Run from the repository root:

    python3 tools/realdata/tabular/export_data.py

The files are the data as scikit-learn ships it, unscaled: diabetes with load_diabetes(scaled=False)
(the raw values of Efron et al. 2004), breast cancer with load_breast_cancer(). Numbers are written
with Python's repr, which round-trips float64 exactly.
"""
import csv
import os

import sklearn
import sklearn.datasets as ds

OUT = os.path.join("data", "realdata", "tabular")


def write(name, features, X, y, target):
    path = os.path.join(OUT, name + ".csv")
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(list(features) + [target])
        for row, t in zip(X, y):
            w.writerow([repr(float(v)) for v in row] + [repr(float(t)) if target == "progression"
                                                         else str(int(t))])
    print("wrote", path, X.shape)


def main():
    os.makedirs(OUT, exist_ok=True)
    d = ds.load_diabetes(scaled=False)
    write("diabetes", d.feature_names, d.data, d.target, "progression")
    b = ds.load_breast_cancer()
    names = [n.replace(" ", "_") for n in b.feature_names]
    write("breast_cancer", names, b.data, b.target, "benign")
    print("scikit-learn", sklearn.__version__)


if __name__ == "__main__":
    main()
