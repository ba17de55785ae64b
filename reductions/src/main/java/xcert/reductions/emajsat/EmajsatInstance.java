package xcert.reductions.emajsat;

import xcert.solvers.model.Circuit;

/**
 * An instance of E-MAJSAT: a circuit φ(a, b) on n + r inputs, the first n (x1..xn) the existential
 * variables a and the last r (x_{n+1}..x_{n+r}) the random variables b. The question is whether
 * ∃ a ∈ {0,1}^n : Pr_{b uniform}[φ(a, b) = 1] &gt; 1/2 (strictly). E-MAJSAT is NP^PP-complete
 * (Littman, Goldsmith and Mundhenk, "The computational complexity of probabilistic planning", JAIR
 * 1998); {@link EmajsatToRelevant} reduces it to RELEVANT-INPUT (seed 003 Theorem 3.3). φ is the
 * circuit's first output.
 */
public final class EmajsatInstance {

  private final Circuit phi;
  private final int n;

  /**
   * @param phi the circuit φ on n + r inputs
   * @param n the number of existential variables, 0 ≤ n ≤ d
   */
  public EmajsatInstance(Circuit phi, int n) {
    if (n < 0 || n > phi.dimension()) {
      throw new IllegalArgumentException(
          "n = " + n + " existential variables outside 0.." + phi.dimension());
    }
    this.phi = phi.outputCount() == 1 ? phi : phi.withOutput(0);
    this.n = n;
  }

  /** φ (one output). */
  public Circuit circuit() {
    return phi;
  }

  /** n, the number of existential variables a (inputs x1..xn). */
  public int existential() {
    return n;
  }

  /** r, the number of random variables b (inputs x_{n+1}..x_{n+r}). */
  public int random() {
    return phi.dimension() - n;
  }

  @Override
  public String toString() {
    return "E-MAJSAT[n=" + n + ", r=" + random() + ", " + phi + "]";
  }
}
