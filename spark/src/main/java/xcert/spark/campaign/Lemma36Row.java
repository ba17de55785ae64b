package xcert.spark.campaign;

import java.io.Serializable;
import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.reductions.sattoap.Lemma36Check;

/**
 * The exact outcome of Lemma 3.6 on one instance: the fields of {@link Lemma36Check.Result} without
 * its time, so that two engines' rows compare with {@code equals}.
 *
 * @param family the instance's family
 * @param name the instance's file name
 * @param delta δ
 * @param satisfiable whether the CNF is satisfiable
 * @param witnessSize |S × [q]| for the satisfying assignment's witness
 * @param witnessRelevance its exact relevance
 * @param equivalent whether the miter is unsatisfiable (Φ' ≡ ∧v)
 * @param bestRelevance the best relevance at m' (unsatisfiable case), or null
 * @param leastRelevantSize the least δ-relevant size (unsatisfiable case), or null
 * @param claimHolds whether the lemma's claim held
 */
public record Lemma36Row(String family, String name, BigFraction delta, boolean satisfiable,
    long witnessSize, BigFraction witnessRelevance, boolean equivalent, BigFraction bestRelevance,
    BigInteger leastRelevantSize, boolean claimHolds) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The row of one instance's result. */
  public static Lemma36Row of(Lemma36Item item, Lemma36Check.Result r) {
    return new Lemma36Row(item.family(), item.name(), item.delta(), r.satisfiable(),
        r.witnessSize(), r.witnessRelevance(), r.equivalent(), r.bestRelevance(),
        r.leastRelevantSize(), r.claimHolds());
  }
}
