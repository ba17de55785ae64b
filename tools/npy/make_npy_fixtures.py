#!/usr/bin/env python3
"""NumPy .npy fixtures for xcert's .npy reader tests, written by numpy.save itself.

    python3 tools/npy/make_npy_fixtures.py

needs numpy. Writes solvers/src/test/resources/formats/*.npy; the tests hold the same
literal values, so a reader that misplaces, reorders or rounds a value fails.
"""
import os
import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "solvers", "src", "test", "resources",
                   "formats")

VALUES = [[0.1, -2.5, 3.0], [1e-7, 4.25, -0.0]]

def main():
    os.makedirs(OUT, exist_ok=True)
    np.save(os.path.join(OUT, "f32-2x3.npy"), np.array(VALUES, dtype=np.float32))
    np.save(os.path.join(OUT, "f64-2x3-fortran.npy"), np.asfortranarray(np.array(VALUES)))
    np.save(os.path.join(OUT, "f64-big-endian-2x3.npy"), np.array(VALUES, dtype=">f8"))
    np.save(os.path.join(OUT, "f64-vector.npy"), np.array(VALUES[0]))
    np.save(os.path.join(OUT, "i64-2x3.npy"), np.array([[1, 2, 3], [4, 5, 6]], dtype=np.int64))
    np.save(os.path.join(OUT, "f64-2x2x2.npy"), np.zeros((2, 2, 2)))

if __name__ == "__main__":
    main()
