package xcert.reductions.sattoap;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The decision procedure in the proof of seed 003 Theorem 3.4: given a d'^{1−α}-approximation
 * algorithm for MIN-RELEVANT-INPUT, build the AP instance of Lemma 3.6 with Theorem 3.4's m', run the
 * algorithm on (Φ', x'), and answer "satisfiable" when its output k is below m'.
 *
 * <p>An approximation algorithm may return any k with k* ≤ k ≤ d'^{1−α}·k*. What is known about k*
 * here is proved, not assumed: for satisfiable Φ, 1 ≤ k* ≤ |S'| (the witness S' = S × [q] is
 * δ-relevant, checked exactly by {@link Lemma36Check}); for unsatisfiable Φ, k* = m' + 1 (no set of
 * size ≤ m' is δ-relevant, and the first m' + 1 v-inputs are). The adversaries below return every
 * extreme of the range of legal outputs and random values inside it; the procedure is correct for all
 * of them exactly when ⌊d'^{1−α}|S'|⌋ < m' (satisfiable) and m' + 1 > m' (unsatisfiable).
 */
public final class DecisionProcedure {

  /** An approximation algorithm's answer and what the procedure decided from it. */
  public record Run(String adversary, BigInteger k, boolean decidedSatisfiable, boolean correct) {}

  /**
   * All runs on one instance.
   *
   * @param satisfiable SAT4J's answer
   * @param lowest the least legal output an adversary may give
   * @param highest the largest legal output
   * @param runs each adversary's output and the decision
   * @param allCorrect every decision equals SAT4J's answer
   */
  public record Outcome(boolean satisfiable, BigInteger lowest, BigInteger highest, List<Run> runs,
      boolean allCorrect) {}

  private DecisionProcedure() {}

  /** The procedure's rule: satisfiable iff k < m'. */
  public static boolean decide(BigInteger k, BigInteger mPrime) {
    return k.compareTo(mPrime) < 0;
  }

  public static Outcome run(ApInstance inst, Lemma36Check.Result lemma, long seed) {
    ApParameters a = inst.parameters();
    if (!lemma.claimHolds()) {
      throw new IllegalStateException("the lemma's check failed; k* is not known");
    }
    BigInteger lo;
    BigInteger kMax;
    if (lemma.satisfiable()) {
      lo = BigInteger.ONE;
      kMax = BigInteger.valueOf(lemma.witnessSize());
    } else {
      lo = lemma.leastRelevantSize();
      kMax = lo;
    }
    BigInteger hi = Theorem34.largestApproximation(a, kMax).max(lo);
    List<Run> runs = new ArrayList<>();
    List<BigInteger> outputs = new ArrayList<>();
    outputs.add(lo);
    outputs.add(hi);
    outputs.add(kMax);
    SplittableRandom r = new SplittableRandom(seed);
    BigInteger span = hi.subtract(lo).add(BigInteger.ONE);
    for (int t = 0; t < 5; t++) {
      outputs.add(lo.add(new BigInteger(span.bitLength() + 8, new java.util.Random(r.nextLong()))
          .mod(span)));
    }
    String[] names = {"lowest legal output", "highest legal output",
        lemma.satisfiable() ? "the witness size" : "the exact optimum", "random", "random",
        "random", "random", "random"};
    boolean all = true;
    for (int t = 0; t < outputs.size(); t++) {
      BigInteger k = outputs.get(t);
      boolean sat = decide(k, a.mPrime());
      boolean ok = sat == lemma.satisfiable();
      all &= ok;
      runs.add(new Run(names[t], k, sat, ok));
    }
    return new Outcome(lemma.satisfiable(), lo, hi, runs, all);
  }
}
