package xcert.certificates.orbit;

import java.math.BigInteger;

/**
 * A symmetry reduction of an attribution LP (seed 002 Appendix A.3, the symmetry of the proofs of Theorems 1 and 2): the
 * features fall into F feature orbits, the sets of the family into classes, such that
 *
 * <ol>
 *   <li>every set S of a class has the same target c_S and the same number k_f = |S ∩ orbit f| of
 *       features from each feature orbit f, and
 *   <li>within a class, every feature of orbit f lies in the same number of sets of the class, which
 *       is then w·k_f / n_f (w the class size, n_f the orbit size) by double counting.
 * </ol>
 *
 * <p>Orbits of a group of feature permutations that fixes f and x satisfy both; so does any
 * coarser partition with the two properties (used for the symmetric binomial). Under them a
 * certificate (a, z) on orbits lifts to the full LP: with α_i = a_{f(i)} and y_S = z_{class(S)},
 * Σ_{S∋i} y_S = Σ_o z_o·w_o·k_{o,f}/n_f, so the full dual constraint of feature i is the orbit
 * constraint of its orbit; Σ_S c_S y_S = Σ_o w_o c_o z_o; and Σ_S |c_S − Σ_{i∈S} α_i| =
 * Σ_o w_o |c_o − Σ_f k_{o,f} a_f|. Equal orbit bounds are therefore equal full bounds, and the orbit
 * certificate is a certificate for the full LP.
 */
public interface OrbitStructure {

  /** What the structure reduces, for reports. */
  String describe();

  /** Number of features d. */
  int dimension();

  /** Number of feature orbits F. */
  int featureOrbits();

  /** Number of features in orbit f. */
  int orbitSize(int f);

  /** The orbit of feature i (0-based). */
  int orbitOf(int i);

  /** Number of classes. */
  long classCount();

  /** k_{o,f} for f = 0..F−1: features of each orbit in any set of class o. */
  int[] counts(long o);

  /** {@link #counts} into a caller's array, for loops over many classes. */
  default void countsInto(long o, int[] out) {
    System.arraycopy(counts(o), 0, out, 0, out.length);
  }

  /** The number of sets in class o. */
  BigInteger multiplicity(long o);

  /** The integer numerator of the common target c_o of class o. */
  long target(long o);

  /** The common denominator of all targets. */
  BigInteger targetDenominator();

  /** The class of a set (bit mask), for lifting; −1 when the set is not in the family. */
  long classOf(long mask);
}
