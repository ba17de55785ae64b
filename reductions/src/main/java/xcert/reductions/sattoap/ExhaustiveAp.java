package xcert.reductions.sattoap;

import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.exact.Relevance;
import xcert.solvers.exact.RestrictedPredictions;

/**
 * The whole AP claim of seed 003 Lemma 3.6 by enumeration, for instances small enough to tabulate
 * relevance for every set of inputs of Φ': the least size k* of a δ-relevant set (MIN-RELEVANT-INPUT,
 * exact) must be ≤ k' when Φ is satisfiable (a Yes-instance) and > m' when it is not (a No-instance).
 */
public final class ExhaustiveAp {

  /** Largest number of inputs of Φ' for the exhaustive check (a table of 2^d' sets). */
  public static final int MAX_INPUTS = 22;

  /**
   * The least size of a δ-relevant set and whether it agrees with the lemma.
   *
   * @param leastRelevantSize k*
   * @param satisfiable SAT4J's answer for Φ
   * @param claimHolds k* ≤ k' when satisfiable, k* > m' when not
   */
  public record Result(int leastRelevantSize, boolean satisfiable, boolean claimHolds) {}

  private ExhaustiveAp() {}

  public static Result check(ApInstance inst) {
    int n = inst.inputs();
    if (n > MAX_INPUTS) {
      throw new IllegalArgumentException("Φ' has " + n + " inputs; the exhaustive check takes at "
          + "most " + MAX_INPUTS);
    }
    double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1.0);
    var table = RestrictedPredictions.table(inst.phiPrime(), ones, ProductDistribution.uniform(n));
    BigFraction delta = inst.parameters().delta();
    int kStar = Relevance.of(table).minRelevantInput(delta).size();
    boolean sat = Lemma36Check.solve(inst.cnf()) != null;
    boolean holds = sat ? kStar <= inst.parameters().kPrime()
        : kStar > inst.parameters().mPrime().longValueExact();
    return new Result(kStar, sat, holds);
  }
}
