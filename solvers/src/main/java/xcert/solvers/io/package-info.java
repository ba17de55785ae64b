/**
 * Model and data files: AIGER ASCII, DIMACS CNF and infix expressions for the Boolean classifiers of
 * seed 003 (Section 3), JSON and ONNX for the ReLU networks of seed 003 (Section 4.1), CSV and JSON
 * for the reference distributions of seed 004 (Eq. 1), and CSV and NumPy .npy for attributions held
 * against exact values; every reader checks sizes before it allocates. {@link xcert.solvers.io.DataFiles} finds the shipped data.
 */
package xcert.solvers.io;
