#!/usr/bin/env python3
"""Reference CSVs (ONNX Runtime, Python) for the PyTorch fixtures.

    python3 tools/onnx/make_references.py [DIR]

needs numpy, onnx and onnxruntime (not torch). DIR defaults to
solvers/src/test/resources/xcert/solvers/onnx. Inputs are seeded: 40 standard-normal float32 rows
per model, except for the dyadic model, whose inputs are m/4 with m an integer in [-16, 16] so that
float32 arithmetic on its k/8 weights is exact. The scikit-learn fixtures get their references from
make_sklearn_fixtures.py (with rows of the data sets they were fitted on).
"""

import glob
import os
import sys

import numpy as np
import onnx

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from onnx_reference import write_reference  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
DIR = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    ROOT, "solvers", "src", "test", "resources", "xcert", "solvers", "onnx")


def dims(model):
    shape = model.graph.input[0].type.tensor_type.shape.dim
    return shape[-1].dim_value


def main():
    for path in sorted(glob.glob(os.path.join(DIR, "torch-*.onnx"))):
        d = dims(onnx.load(path))
        rng = np.random.default_rng(2026)
        if "dyadic" in os.path.basename(path):
            x = rng.integers(-16, 17, size=(40, d)) / 4.0
            comment = "inputs m/4, m in [-16,16], numpy seed 2026"
        else:
            x = rng.standard_normal((40, d))
            comment = "standard-normal inputs, numpy seed 2026"
        write_reference(path, x, comment)


if __name__ == "__main__":
    main()
