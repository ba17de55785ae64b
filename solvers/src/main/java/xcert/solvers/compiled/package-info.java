/**
 * Exact Shapley and Banzhaf values of v(S) = f_S(x) (seed 004, Eq. 1 and Section 5.2) on Boolean
 * circuits compiled to a deterministic decomposable form (an OBDD or a d-DNNF), in time polynomial
 * in the compiled size under product distributions: Arenas, Barceló, Bertossi and Monet, "The
 * tractability of SHAP-score-based explanations over deterministic and decomposable Boolean
 * circuits" (AAAI 2021; JMLR 24, 2023), and Van den Broeck, Lykov, Schleich and Suciu, "On the
 * tractability of SHAP explanations" (AAAI 2021).
 *
 * <p>{@link xcert.solvers.compiled.DecomposableCircuit} is the checked node-array form;
 * {@link xcert.solvers.compiled.CompiledForms} makes one from a circuit (LogicNG OBDD, LogicNG
 * d-DNNF for CNFs, or the circuit itself when it is already a syntactically deterministic
 * decomposable NNF, e.g. read from a c2d/d4 {@code .nnf} file); {@link
 * xcert.solvers.compiled.CompiledValues} is the engine (its Javadoc has the identity, the proof and
 * the cost).
 */
package xcert.solvers.compiled;
