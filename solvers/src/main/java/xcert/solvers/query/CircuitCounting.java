package xcert.solvers.query;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.count.CircuitFormulas;
import xcert.solvers.count.SufficientReasons;
import xcert.solvers.compiled.CompiledForms;
import xcert.solvers.compiled.DecomposableCircuit;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.features.FeatureSet;
import xcert.solvers.features.KSubsets;
import xcert.solvers.model.Circuit;
import xcert.solvers.result.Provenance;
import xcert.solvers.setfunction.Rho;

/**
 * The queries that need no table, for circuits too wide for one: f_S(x), Δsuf, Δnec and δ-relevance
 * of one set by weighted model counting (a d-DNNF for CNFs, else a BDD), RELEVANT-INPUT and
 * MIN-RELEVANT-INPUT by counting over the sets of growing size (seed 003, Section 3), and δ = 1
 * relevance by SAT.
 */
final class CircuitCounting {

  /** Most candidate sets examined by the set searches. */
  static final long MAX_CANDIDATES = 1_000_000L;

  private final Circuit circuit;
  private final ProductDistribution v;
  private final boolean[] x;
  private DecomposableCircuit counter;

  CircuitCounting(Circuit circuit, ProductDistribution v, double[] x) {
    this.circuit = circuit;
    this.v = v;
    this.x = new boolean[x.length];
    for (int i = 0; i < x.length; i++) {
      this.x[i] = x[i] == 1.0;
    }
  }

  /**
   * The compiled form: a d-DNNF for CNFs (AND nodes of LogicNG's compiler that repeat a literal's
   * variable repaired, every AND checked decomposable), else an OBDD ({@link CompiledForms}).
   */
  private DecomposableCircuit counter() {
    if (counter == null) {
      counter = CompiledForms.compile(circuit, 0, CircuitFormulas.cnfClauses(circuit, 0).isPresent()
          ? CompiledForms.Route.DDNNF : CompiledForms.Route.BDD, CompiledForms.DEFAULT_NODE_BUDGET);
    }
    return counter;
  }

  Provenance countingProvenance() {
    DecomposableCircuit c = counter();
    return Provenance.exact("weighted model count over a " + c.route() + " of " + c.size()
        + " nodes, decomposability checked, determinism " + c.determinism()
        + "; features in S fixed to x; no table");
  }

  static Provenance satProvenance(long calls) {
    return Provenance.exact("SAT4J on a Tseitin encoding, y_S = x_S as assumptions: UNSAT means "
        + "sufficient (" + calls + " SAT calls); no table");
  }

  int d() {
    return circuit.dimension();
  }

  /** f_S(x) = P(Φ(y) = 1 | y_S = x_S). */
  BigFraction fs(FeatureSet s) {
    if (!s.within(d())) {
      throw new IllegalArgumentException("set names feature " + s.largest()
          + " but the model has d = " + d());
    }
    BigFraction[] p = new BigFraction[d()];
    for (int i = 0; i < p.length; i++) {
      p[i] = s.contains(i + 1) ? (x[i] ? BigFraction.ONE : BigFraction.ZERO)
          : v.probabilityOfOne(i);
    }
    return counter().probability(p);
  }

  /** Δsuf(S), Δnec(S) for one set. */
  BigFraction[] deltas(Rho rho, FeatureSet s) {
    FeatureSet all = FeatureSet.all(d());
    BigFraction suf = rho.apply(fs(all), fs(s));
    BigFraction nec = rho.apply(fs(s.complement(d())), fs(FeatureSet.empty()));
    return new BigFraction[] {suf, nec};
  }

  boolean label() {
    return circuit.evaluate(0, x);
  }

  /** P(Φ(y) = Φ(x) | y_S = x_S). */
  BigFraction relevance(FeatureSet s) {
    BigFraction p = fs(s);
    return label() ? p : BigFraction.ONE.subtract(p);
  }

  /** The δ-relevant sets of the least size up to maxK (empty when none), by counting. */
  Search minRelevant(BigFraction delta, int maxK) {
    long examined = 0;
    for (int k = 0; k <= maxK; k++) {
      List<FeatureSet> found = new ArrayList<>();
      for (FeatureSet s : KSubsets.of(d(), k)) {
        if (++examined > MAX_CANDIDATES) {
          throw new TooLargeException("the search examined " + MAX_CANDIDATES + " candidate sets"
              + " without finishing size " + k + "; ask with a smaller tau or use the table");
        }
        if (relevance(s).compareTo(delta) >= 0) {
          found.add(s);
        }
      }
      if (!found.isEmpty()) {
        return new Search(k, found, examined);
      }
    }
    return new Search(-1, List.of(), examined);
  }

  /** Minimum sufficient reasons (δ = 1) by SAT, up to size maxK. */
  Search minSufficient(int maxK) {
    SufficientReasons sat = SufficientReasons.of(circuit, 0, x, v);
    var m = sat.minimumSize(maxK, MAX_CANDIDATES);
    List<FeatureSet> sets = new ArrayList<>();
    m.ifPresent(mm -> sets.addAll(mm.sets()));
    return new Search(m.map(SufficientReasons.Minimum::size).orElse(-1), sets, sat.satCalls());
  }

  /** Whether S is a sufficient reason (1-relevant), by SAT. */
  boolean sufficient(FeatureSet s) {
    return SufficientReasons.of(circuit, 0, x, v).isSufficient(s);
  }

  /** The answer to a set search: the least size (−1 for none), the sets, and the work done. */
  record Search(int size, List<FeatureSet> sets, long work) {}
}
