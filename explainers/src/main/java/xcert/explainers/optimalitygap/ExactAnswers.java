package xcert.explainers.optimalitygap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.exact.Arithmetic;
import xcert.solvers.exact.Optimum;
import xcert.solvers.exact.RateDistortion;
import xcert.solvers.exact.Relevance;
import xcert.solvers.exact.RestrictedPredictionTable;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.exact.SufficiencyNecessity;
import xcert.solvers.instances.Instance;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.SetFunction;

/**
 * Everything exact about one instance (f, x, V) that heuristics are compared with, computed once from
 * the table of f_S(x) over all S (seed 004 Eq. 1): the solutions of (P_suf), (P_nec) and (P_uni) at
 * budget τ (seed 004 Eq. 4–7), MIN-RELEVANT-INPUT at δ for Boolean classifiers (seed 003 Section 3),
 * and the distortion D(S) = E ½(f(x) − f(y))² with its lower envelope D*(k) = min_{|S| ≤ k} D(S),
 * k = 0..d, the inverse view of the rate–distortion function R(ε) = min{|S| : D(S) ≤ ε} of seed 003
 * Section 3 (R(ε) ≤ k iff D*(k) ≤ ε). Everything is in exact rational arithmetic.
 */
public final class ExactAnswers {

  /** The largest d compared: every problem is solved by enumerating all 2^d sets. */
  public static final int MAX_D = 16;

  private final Instance instance;
  private final GapSettings settings;
  private final int tau;
  private final Map<Problem, ExactAnswer> answers;
  private final SetFunction distortion;
  private final List<Scalar> envelope;
  private final Provenance provenance;

  private ExactAnswers(Instance instance, GapSettings settings, int tau,
      Map<Problem, ExactAnswer> answers, SetFunction distortion, List<Scalar> envelope,
      Provenance provenance) {
    this.instance = instance;
    this.settings = settings;
    this.tau = tau;
    this.answers = answers;
    this.distortion = distortion;
    this.envelope = envelope;
    this.provenance = provenance;
  }

  /**
   * Solves every problem for one instance.
   *
   * @throws IllegalArgumentException when d &gt; 16, or model, input and distribution do not fit
   */
  public static ExactAnswers of(Instance inst, GapSettings s) {
    int d = inst.dimension();
    if (d > MAX_D) {
      throw new IllegalArgumentException("the gap comparison enumerates all 2^d feature sets and "
          + "stops at d = " + MAX_D + "; this instance has d = " + d);
    }
    int tau = s.tau(d);
    RestrictedPredictionTable table = RestrictedPredictions.table(inst.model(), inst.x(),
        inst.distribution(), Arithmetic.EXACT);
    SufficiencyNecessity sn = SufficiencyNecessity.of(table, s.rho());
    Map<Problem, ExactAnswer> answers = new EnumMap<>(Problem.class);
    answers.put(Problem.SUFFICIENCY, minimum(Problem.SUFFICIENCY, sn.deltaSuf(),
        sn.solveSufficiency(tau)));
    answers.put(Problem.NECESSITY, minimum(Problem.NECESSITY, sn.deltaNec(),
        sn.solveNecessity(tau)));
    answers.put(Problem.UNIFIED, minimum(Problem.UNIFIED, sn.deltaUni(s.alpha()),
        sn.solveUnified(s.alpha(), tau)));
    SetFunction distortion;
    if (inst.model().isBooleanValued()) {
      Relevance r = Relevance.of(table);
      answers.put(Problem.MIN_RELEVANT, minRelevant(r, s.delta()));
      distortion = RateDistortion.ofClassifier(table).distortion();
    } else {
      distortion = RateDistortion.compute(inst.model(), inst.x(), inst.distribution(),
          Arithmetic.EXACT).distortion();
    }
    Provenance p = table.provenance().withMethod("all 2^" + d + " sets enumerated over "
        + table.provenance().method());
    return new ExactAnswers(inst, s, tau, Collections.unmodifiableMap(answers), distortion,
        envelope(distortion), p);
  }

  private static ExactAnswer minimum(Problem p, SetFunction objective, Optimum o) {
    int[] sets = o.sets();
    int size = Integer.MAX_VALUE;
    for (int t : sets) {
      size = Math.min(size, Integer.bitCount(t));
    }
    return new ExactAnswer(p, objective, size, sets, o.value(), o.value());
  }

  private static ExactAnswer minRelevant(Relevance r, BigFraction delta) {
    Relevance.MinRelevant m = r.minRelevantInput(delta);
    SetFunction prob = r.probability();
    int best = -1;
    for (int s = 0; s < prob.size(); s++) {
      if (Integer.bitCount(s) == m.size() && (best < 0 || prob.compare(s, best) > 0)) {
        best = s;
      }
    }
    return new ExactAnswer(Problem.MIN_RELEVANT, prob, m.size(), m.sets(), prob.valueAt(best),
        Scalar.exact(delta));
  }

  /** D*(k) = min_{|S| ≤ k} D(S) for k = 0..d. */
  static List<Scalar> envelope(SetFunction dist) {
    int d = dist.dimension();
    int[] best = new int[d + 1];
    java.util.Arrays.fill(best, -1);
    for (int s = 0; s < dist.size(); s++) {
      int k = Integer.bitCount(s);
      if (best[k] < 0 || dist.compare(s, best[k]) < 0) {
        best[k] = s;
      }
    }
    List<Scalar> out = new ArrayList<>();
    int run = best[0];
    for (int k = 0; k <= d; k++) {
      if (dist.compare(best[k], run) < 0) {
        run = best[k];
      }
      out.add(dist.valueAt(run));
    }
    return Collections.unmodifiableList(out);
  }

  public Instance instance() {
    return instance;
  }

  public GapSettings settings() {
    return settings;
  }

  public int dimension() {
    return instance.dimension();
  }

  /** The budget τ of (P_suf), (P_nec), (P_uni). */
  public int tau() {
    return tau;
  }

  /** The answer to a problem; empty for MIN-RELEVANT-INPUT on a real-valued model. */
  public Optional<ExactAnswer> answer(Problem p) {
    return Optional.ofNullable(answers.get(p));
  }

  /** The problems answered for this instance, in {@link Problem} order. */
  public List<Problem> problems() {
    return List.copyOf(answers.keySet());
  }

  /** S ↦ D(S) (seed 003 Section 3). */
  public SetFunction distortion() {
    return distortion;
  }

  /** D*(k) = min_{|S| ≤ k} D(S), k = 0..d. */
  public List<Scalar> envelope() {
    return envelope;
  }

  /** How the exact side was computed (exact rational arithmetic). */
  public Provenance provenance() {
    return provenance;
  }
}
