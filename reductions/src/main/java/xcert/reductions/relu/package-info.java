/**
 * Boolean circuits as ReLU networks (seed 003, Section 3, footnote 1: a circuit is a ReLU network
 * of constant depth and polynomially many neurons, so the hardness results of Section 3 carry over):
 * {@link xcert.reductions.relu.CircuitToRelu} compiles a circuit output into a network with integer
 * weights whose score equals the output on {0,1}^d, {@link xcert.reductions.relu.ReluEquivalence}
 * checks a circuit against a network on the whole cube or on seeded samples, and {@link
 * xcert.reductions.relu.ReluDot} draws small networks with Graphviz.
 */
package xcert.reductions.relu;
