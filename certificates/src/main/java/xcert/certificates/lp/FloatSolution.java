package xcert.certificates.lp;

/**
 * A floating-point solution of the dual LP on an orbit structure: candidate values only, never a
 * proof. The exact certificate is built from it by {@link xcert.certificates.orbit.Exactifier} and
 * checked in exact arithmetic.
 *
 * @param objective the solver's optimum, scaled back to the problem's units (approximate)
 * @param alpha per feature orbit, from the row duals
 * @param z per class (classes of zero size get 0)
 * @param solver which solver
 * @param seconds time the solve took
 */
public record FloatSolution(double objective, double[] alpha, double[] z, String solver,
    double seconds) {}
