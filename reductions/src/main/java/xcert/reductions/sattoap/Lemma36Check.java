package xcert.reductions.sattoap;

import xcert.solvers.features.FeatureSet;
import java.math.BigInteger;
import java.util.BitSet;
import org.apache.commons.numbers.fraction.BigFraction;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.TimeoutException;
import xcert.solvers.count.ModularCounter;
import xcert.solvers.count.SufficientReasons;
import xcert.solvers.io.DimacsFormat;

/**
 * Checks the two directions of seed 003 Lemma 3.6's proof on one instance, exactly.
 *
 * <ul>
 *   <li>Necessity (Φ satisfiable): SAT4J gives a model x; S = {i : x_i = 1}, S' = S × [q]; then
 *       |S'| = |S|·q ≤ k' and P(Φ'(y) = 1 | y_{S'} = 1) ≥ δ, the probability computed exactly by a
 *       weighted model count of the circuit Φ' itself ({@link ModularCounter}, inputs of S' fixed to 1).
 *       The proof's union bound 1 − |S^c|·2^{−q} is reported beside it.
 *   <li>Sufficiency (Φ unsatisfiable, proved by SAT4J): the miter Φ' ⊕ ∧v is shown unsatisfiable by
 *       SAT4J, so Φ' and ∧v are the same function; then for any S' the relevance is
 *       P(∧v | y_{S'} = 1) = 2^{−(m'+p−|S'∩v|)}, largest when S' ⊆ v and |S'| = m', where it is 2^{−p}
 *       (computed exactly by counting on Φ' with the first m' v-inputs fixed) and must be < δ. No S'
 *       is enumerated. The least relevant size is then m' + 1 (2^{−(p−1)} ≥ δ), reported as k*.
 * </ul>
 */
public final class Lemma36Check {

  /**
   * The outcome.
   *
   * @param satisfiable SAT4J's answer for Φ
   * @param witnessSize |S'| (satisfiable), else −1
   * @param witnessRelevance P(Φ' | S') exactly (satisfiable), else null
   * @param unionBound 1 − |S^c|·2^{−q} (satisfiable), else null
   * @param equivalent the miter Φ' ⊕ ∧v is unsatisfiable (unsatisfiable Φ)
   * @param bestRelevance the largest relevance over |S'| ≤ m' (unsatisfiable), else null
   * @param leastRelevantSize k* (unsatisfiable: m' + 1), else −1
   * @param claimHolds the direction of the lemma that applies was checked and holds
   * @param seconds time taken
   */
  public record Result(boolean satisfiable, long witnessSize, BigFraction witnessRelevance,
      BigFraction unionBound, boolean equivalent, BigFraction bestRelevance,
      BigInteger leastRelevantSize, boolean claimHolds, double seconds) {}

  /**
   * How P(output k = 1 | y_S = x_S) is counted under the product distribution p: exactly, by any
   * route.
   */
  @FunctionalInterface
  public interface ConditionalCounter {
    BigFraction conditional(xcert.solvers.model.Circuit c, int k, BigFraction[] p, boolean[] x,
        FeatureSet s);
  }

  /** The default route: {@link ModularCounter}, which collapses Φ''s disjoint parts before any BDD. */
  public static final ConditionalCounter MODULAR = ModularCounter::conditional;

  private Lemma36Check() {}

  /** SAT4J on a CNF: a model (0-based booleans) or null when unsatisfiable. */
  public static boolean[] solve(DimacsFormat.Cnf cnf) {
    ISolver s = SolverFactory.newDefault();
    s.newVar(cnf.variables());
    try {
      for (int[] clause : cnf.clauses()) {
        s.addClause(new VecInt(clause));
      }
      if (!s.isSatisfiable()) {
        return null;
      }
    } catch (ContradictionException e) {
      return null; // an empty or contradictory clause set
    } catch (TimeoutException e) {
      throw new IllegalStateException("SAT4J timed out", e);
    }
    boolean[] x = new boolean[cnf.variables()];
    for (int lit : s.model()) {
      if (lit > 0) {
        x[lit - 1] = true;
      }
    }
    return x;
  }

  /** Every input 1 with probability 1/2: the uniform distribution of seed 003 Section 3. */
  static BigFraction[] half(int n) {
    BigFraction[] p = new BigFraction[n];
    java.util.Arrays.fill(p, BigFraction.of(1, 2));
    return p;
  }

  /** The check with the default counting route. */
  public static Result check(ApInstance inst) {
    return check(inst, MODULAR);
  }

  /** The check with the given counting route (benchmarks compare routes on the same instances). */
  public static Result check(ApInstance inst, ConditionalCounter counter) {
    long t0 = System.nanoTime();
    ApParameters a = inst.parameters();
    BigFraction delta = a.delta();
    boolean[] model = solve(inst.cnf());
    int n = inst.inputs();
    boolean[] ones = new boolean[n];
    java.util.Arrays.fill(ones, true);
    if (model != null) {
      BitSet s = new BitSet(n);
      int sizeS = 0;
      for (int i = 1; i <= a.d(); i++) {
        if (model[i - 1]) {
          sizeS++;
          for (int j = 1; j <= a.q(); j++) {
            s.set(inst.u(i, j));
          }
        }
      }
      BigFraction rel = counter.conditional(inst.circuit(), 0, half(n), ones, FeatureSet.of(s));
      BigFraction union = BigFraction.ONE.subtract(BigFraction.of(BigInteger.valueOf(a.d() - sizeS),
          BigInteger.ONE.shiftLeft(a.q())));
      long size = s.cardinality();
      boolean holds = size <= a.kPrime() && rel.compareTo(delta) >= 0;
      return new Result(true, size, rel, union, false, null, null, holds,
          (System.nanoTime() - t0) / 1e9);
    }
    // Φ unsatisfiable: Φ' ≡ ∧v by an unsatisfiability proof of the miter
    SufficientReasons miter = SufficientReasons.of(inst.circuit(), 2, ones);
    boolean equivalent = !miter.prediction() && miter.isSufficient(FeatureSet.empty());
    BigFraction best = null;
    boolean holds = false;
    BigInteger kStar = null;
    if (equivalent) {
      int m = a.mPrime().intValueExact();
      BitSet firstM = new BitSet(n);
      firstM.set(inst.v(1), inst.v(1) + m);
      best = counter.conditional(inst.circuit(), 0, half(n), ones, FeatureSet.of(firstM));
      BitSet firstM1 = new BitSet(n);
      firstM1.set(inst.v(1), inst.v(1) + m + 1);
      BigFraction next = counter.conditional(inst.circuit(), 0, half(n), ones,
          FeatureSet.of(firstM1));
      holds = best.compareTo(delta) < 0
          && best.equals(BigFraction.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(a.p())));
      kStar = next.compareTo(delta) >= 0 ? a.mPrime().add(BigInteger.ONE) : null;
    }
    return new Result(false, -1, null, null, equivalent, best, kStar, holds,
        (System.nanoTime() - t0) / 1e9);
  }
}
