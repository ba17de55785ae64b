package xcert.reductions.emajsat;

import xcert.solvers.features.KSubsets;
import xcert.solvers.features.FeatureSet;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.num.Rationals;

/**
 * RELEVANT-INPUT ∈ NP^PP, as an algorithm: guess a set, ask one counting question. This is the
 * membership half of seed 003 Theorem 3.3 (Macdonald et al., citing their reference [26]).
 *
 * <h2>Why this places RELEVANT-INPUT in NP^PP</h2>
 *
 * Fix δ = p/q. An instance (Φ, x, k) is a yes-instance iff there is S ⊆ [d] with |S| ≤ k and
 * P_{y uniform}(Φ(y) = Φ(x) | y_S = x_S) ≥ δ. Given y_S = x_S, y is uniform on the 2^{d−|S|}
 * completions of x_S, so this is the threshold statement
 *
 * <pre>   q · N(S) ≥ p · 2^{d−|S|},   N(S) = #{y ∈ {0,1}^d : y_S = x_S, Φ(y) = Φ(x)}.</pre>
 *
 * <ul>
 *   <li>The certificate is S: at most d bits, polynomial in the size of Φ. An NP machine guesses it.
 *   <li>N is a #P function of (Φ, x, S) (it counts the y accepted by a polynomial-time test: evaluate
 *       the circuit twice and compare y_S with x_S). The language of triples (Φ, x, S) with
 *       q·N(S) ≥ p·2^{d−|S|} compares a #P function with a polynomial-time computable threshold, and
 *       such threshold languages are in PP: q·N(S) − p·2^{d−|S|} is a GapP function (GapP is closed
 *       under multiplication by polynomial-time constants and subtraction of FP functions; Fenner,
 *       Fortnow and Kurtz 1994), and "a GapP function is ≥ 0" is the defining form of a PP language.
 *       So one PP-oracle query decides whether the guessed S is δ-relevant.
 * </ul>
 *
 * Hence RELEVANT-INPUT ∈ NP^PP for every fixed rational δ ∈ [0, 1]. Hardness, for 1/2 ≤ δ &lt; 1, is {@link
 * EmajsatToRelevant}.
 *
 * <h2>The algorithm here</h2>
 *
 * The nondeterministic guess is replaced by exhaustive search over the Σ_{i≤k} C(d, i) candidates,
 * by size and then lexicographically, and the PP query by one exact count from an {@link
 * AgreementOracle} (a weighted model count by default). {@link #decide} stops at the first δ-relevant
 * set and reports it as the witness together with the number of oracle calls; {@link #survey} visits
 * every candidate and returns the maximum relevance (fast exact path, d ≤ 62).
 */
public final class GuessAndCount {

  private GuessAndCount() {}

  /** The answer of {@link #decide}: the decision, a witness when yes, and the oracle calls made. */
  public static final class Decision {
    private final boolean relevant;
    private final FeatureSet witness;
    private final BigFraction witnessRelevance;
    private final long oracleCalls;

    Decision(boolean relevant, FeatureSet witness, BigFraction witnessRelevance, long oracleCalls) {
      this.relevant = relevant;
      this.witness = witness;
      this.witnessRelevance = witnessRelevance;
      this.oracleCalls = oracleCalls;
    }

    /** Whether some S with |S| ≤ k is δ-relevant. */
    public boolean relevant() {
      return relevant;
    }

    /** The first δ-relevant set found, when there is one. */
    public Optional<FeatureSet> witness() {
      return Optional.ofNullable(witness);
    }

    /** P(Φ(y) = Φ(x) | y_S = x_S) for the witness, when there is one. */
    public Optional<BigFraction> witnessRelevance() {
      return Optional.ofNullable(witnessRelevance);
    }

    /** Number of counting-oracle queries made (one per candidate set examined). */
    public long oracleCalls() {
      return oracleCalls;
    }

    @Override
    public String toString() {
      return relevant
          ? "yes: S = " + Features.format(witness) + " has relevance " + Rationals.format(witnessRelevance) + " ("
              + oracleCalls + " oracle calls)"
          : "no (" + oracleCalls + " oracle calls)";
    }
  }

  /** Decides the instance with the weighted-model-counting oracle. */
  public static Decision decide(RelevantInputInstance inst) {
    return decide(inst, AgreementOracle.weightedModelCounting(inst));
  }

  /** Decides the instance with the given oracle (which must belong to the same Φ and x). */
  public static Decision decide(RelevantInputInstance inst, AgreementOracle oracle) {
    int d = inst.dimension();
    if (oracle.dimension() != d) {
      throw new IllegalArgumentException(
          "oracle has d = " + oracle.dimension() + ", the instance has d = " + d);
    }
    BigInteger p = inst.delta().getNumerator();
    BigInteger q = inst.delta().getDenominator();
    long calls = 0;
    for (int size = 0; size <= inst.k(); size++) {
      int[] comb = KSubsets.first(size);
      while (true) {
        int[] features = new int[size];
        for (int i = 0; i < size; i++) {
          features[i] = comb[i] + 1;
        }
        FeatureSet s = FeatureSet.of(features);
        BigInteger count = oracle.agreeingCount(s);
        calls++;
        BigInteger completions = BigInteger.ONE.shiftLeft(d - size);
        // The PP question: q · N(S) ≥ p · 2^{d−|S|}.
        if (q.multiply(count).compareTo(p.multiply(completions)) >= 0) {
          return new Decision(true, s, BigFraction.of(count, completions), calls);
        }
        if (!KSubsets.next(comb, d)) {
          break;
        }
      }
    }
    return new Decision(false, null, null, calls);
  }

  /** Σ_{i ≤ k} C(d, i): the number of candidate sets. */
  public static BigInteger candidateCount(int d, int k) {
    BigInteger total = BigInteger.ZERO;
    BigInteger c = BigInteger.ONE;
    for (int i = 0; i <= Math.min(k, d); i++) {
      total = total.add(c);
      c = c.multiply(BigInteger.valueOf(d - i)).divide(BigInteger.valueOf(i + 1));
    }
    return total;
  }

  /** The result of {@link #survey}: every candidate's relevance, summarised. */
  public static final class Survey {
    private final long sets;
    private final BigFraction maximum;
    private final List<Long> maximisers;
    private final List<Long> relevantSets;
    private final long relevantCount;

    Survey(long sets, BigFraction maximum, List<Long> maximisers, List<Long> relevantSets,
        long relevantCount) {
      this.sets = sets;
      this.maximum = maximum;
      this.maximisers = Collections.unmodifiableList(maximisers);
      this.relevantSets = Collections.unmodifiableList(relevantSets);
      this.relevantCount = relevantCount;
    }

    /** Number of sets visited: Σ_{i ≤ k} C(d, i). */
    public long sets() {
      return sets;
    }

    /** max over |S| ≤ k of P(Φ(y) = Φ(x) | y_S = x_S). */
    public BigFraction maximum() {
      return maximum;
    }

    /** The sets (masks, bit i−1 = feature i) attaining the maximum; at most the first 1000. */
    public List<Long> maximisers() {
      return maximisers;
    }

    /** The δ-relevant sets (masks); at most the first 1000. */
    public List<Long> relevantSets() {
      return relevantSets;
    }

    /** Number of δ-relevant sets. */
    public long relevantCount() {
      return relevantCount;
    }

    /** The RELEVANT-INPUT answer: whether some candidate is δ-relevant. */
    public boolean relevant() {
      return relevantCount > 0;
    }
  }

  private static final int KEEP = 1000;

  /**
   * Visits every S with |S| ≤ k (no early exit) with the exact {@code long} path of {@link
   * UniformCounts}, d ≤ 62.
   */
  public static Survey survey(RelevantInputInstance inst) {
    return survey(inst, UniformCounts.compile(inst.circuit()));
  }

  /** {@link #survey(RelevantInputInstance)} with a diagram already compiled for Φ. */
  public static Survey survey(RelevantInputInstance inst, UniformCounts counts) {
    int d = inst.dimension();
    if (counts.dimension() != d) {
      throw new IllegalArgumentException("counts have d = " + counts.dimension());
    }
    // δ-relevant iff scaled ≥ δ · 2^d iff scaled ≥ ceil(δ · 2^d).
    BigInteger full = BigInteger.ONE.shiftLeft(d);
    BigInteger[] qr = inst.delta().getNumerator().multiply(full)
        .divideAndRemainder(inst.delta().getDenominator());
    long threshold = qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
    long[] best = {-1L};
    List<Long> maximisers = new ArrayList<>();
    List<Long> relevant = new ArrayList<>();
    long[] relevantCount = {0L};
    long sets = counts.forEachSet(inst.point(), inst.k(), (mask, scaled) -> {
      if (scaled > best[0]) {
        best[0] = scaled;
        maximisers.clear();
      }
      if (scaled == best[0] && maximisers.size() < KEEP) {
        maximisers.add(mask);
      }
      if (scaled >= threshold) {
        relevantCount[0]++;
        if (relevant.size() < KEEP) {
          relevant.add(mask);
        }
      }
    });
    return new Survey(sets, BigFraction.of(BigInteger.valueOf(best[0]), full), maximisers,
        relevant, relevantCount[0]);
  }
}
