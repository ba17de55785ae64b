package xcert.reductions.emajsat;

import java.util.HashSet;
import java.util.Set;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * Checks seed 003 Theorem 3.3 on one E-MAJSAT instance, both halves, exactly: the reduction
 * E-MAJSAT ≤p RELEVANT-INPUT ({@link EmajsatToRelevant}) preserves the answer, and the membership
 * algorithm ({@link GuessAndCount}) decides the reduced instance correctly. Every candidate set of the
 * reduced instance is visited (an exhaustive survey), so "no δ-relevant set" is proved by exhaustion,
 * not sampled.
 */
public final class Theorem33Check {

  /**
   * The outcome on one instance.
   *
   * @param emajsat the E-MAJSAT answer by enumeration
   * @param maxProbability max_a Pr_b[φ(a, b) = 1]
   * @param surveyAnswer RELEVANT-INPUT on the reduced instance by visiting every set
   * @param guessAndCount RELEVANT-INPUT by the membership algorithm (first relevant set found)
   * @param maximumAsPredicted the exact maximum relevance equals ρ + (1−ρ)·2^{−n'}(1 + p*)
   * @param relevantSetsIntended the δ-relevant sets are exactly the S_a with p(a) &gt; 1/2
   * @param sets candidate sets visited
   * @param variables d' of the reduced instance
   * @param padded whether n or r was padded
   */
  public record Result(boolean emajsat, BigFraction maxProbability, boolean surveyAnswer,
      boolean guessAndCount, boolean maximumAsPredicted, boolean relevantSetsIntended, long sets,
      int variables, boolean padded) {

    /** The reduction preserves the answer (and the membership algorithm finds it). */
    public boolean reductionHolds() {
      return surveyAnswer == emajsat && maximumAsPredicted && relevantSetsIntended;
    }

    /** The membership algorithm agrees with the exhaustive survey. */
    public boolean membershipHolds() {
      return guessAndCount == surveyAnswer;
    }
  }

  private Theorem33Check() {}

  /** Runs every check on one instance; δ ∈ [1/2, 1), d' ≤ 62. */
  public static Result check(EmajsatInstance inst, BigFraction delta) {
    EmajsatSolver.Solution sol = EmajsatSolver.solve(inst);
    EmajsatToRelevant red = EmajsatToRelevant.reduce(inst, delta);
    RelevantInputInstance target = red.target();
    GuessAndCount.Survey survey = GuessAndCount.survey(target);
    GuessAndCount.Decision decision = GuessAndCount.decide(target,
        AgreementOracle.weightedModelCounting(target));
    int n = inst.existential();
    BigFraction half = BigFraction.of(1, 2);
    Set<Long> intended = new HashSet<>();
    for (long a = 0; a < (1L << red.paddedExistential()); a++) {
      if (sol.probability((int) (a & ((1L << n) - 1))).compareTo(half) > 0) {
        intended.add(red.intendedSet(a).mask());
      }
    }
    boolean setsOk = survey.relevantCount() == intended.size()
        && intended.equals(new HashSet<>(survey.relevantSets()));
    return new Result(sol.satisfiable(), sol.maxProbability(), survey.relevant(),
        decision.relevant(), survey.maximum().equals(red.predictedMaximum(sol)), setsOk,
        survey.sets(), target.dimension(),
        red.paddedExistential() != n || red.paddedRandom() != inst.random());
  }
}
