package xcert.cli;

import xcert.solvers.features.FeatureSet;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.count.CircuitFormulas;
import xcert.solvers.count.SufficientReasons;
import xcert.solvers.count.WeightedModelCounter;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.model.Circuit;
import xcert.solvers.result.Provenance;
import xcert.solvers.setfunction.Rho;

/**
 * The `exact` queries that need no table, for circuits too wide for one: f_S(x), Δsuf, Δnec, Δuni and
 * δ-relevance of one set by weighted model counting (a d-DNNF for CNFs, else a BDD), RELEVANT-INPUT and
 * MIN-RELEVANT-INPUT by counting over the sets of growing size, and δ = 1 relevance by SAT.
 */
final class CountingQueries {

  /** Most candidate sets examined by the set searches. */
  static final long MAX_CANDIDATES = 1_000_000L;

  private final Circuit circuit;
  private final ProductDistribution v;
  private final boolean[] x;
  private WeightedModelCounter counter;

  CountingQueries(Circuit circuit, ProductDistribution v, double[] x) {
    this.circuit = circuit;
    this.v = v;
    this.x = new boolean[x.length];
    for (int i = 0; i < x.length; i++) {
      this.x[i] = x[i] == 1.0;
    }
  }

  private WeightedModelCounter counter() {
    if (counter == null) {
      counter = CircuitFormulas.cnfClauses(circuit, 0).isPresent()
          ? WeightedModelCounter.dnnf(circuit, 0) : WeightedModelCounter.bdd(circuit, 0);
    }
    return counter;
  }

  Provenance countingProvenance() {
    WeightedModelCounter c = counter();
    return Provenance.exact("weighted model count over a " + (c.route()
        == WeightedModelCounter.Route.DDNNF ? "d-DNNF" : "BDD") + " of " + c.size()
        + " nodes (LogicNG), features in S fixed to x; no table");
  }

  Provenance satProvenance(long calls) {
    return Provenance.exact("SAT4J on a Tseitin encoding, y_S = x_S as assumptions: UNSAT means "
        + "sufficient (" + calls + " SAT calls); no table");
  }

  int d() {
    return circuit.dimension();
  }

  /** f_S(x) = P(Φ(y) = 1 | y_S = x_S). */
  BigFraction fs(long s) {
    return counter().conditionalProbability(v, x, FeatureSet.ofMask(s));
  }

  long full() {
    int d = d();
    return d == 64 ? -1L : (1L << d) - 1;
  }

  /** Δsuf(S), Δnec(S) for one set. */
  BigFraction[] deltas(Rho rho, long s) {
    BigFraction fx = fs(full());
    BigFraction suf = rho.apply(fx, fs(s));
    BigFraction nec = rho.apply(fs(full() & ~s), fs(0));
    return new BigFraction[] {suf, nec};
  }

  boolean label() {
    return circuit.evaluate(0, x);
  }

  /** P(Φ(y) = Φ(x) | y_S = x_S). */
  BigFraction relevance(long s) {
    BigFraction p = fs(s);
    return label() ? p : BigFraction.ONE.subtract(p);
  }

  /** The δ-relevant sets of the least size up to maxK (empty when none), by counting. */
  Result minRelevant(BigFraction delta, int maxK) {
    int d = d();
    long examined = 0;
    for (int k = 0; k <= maxK; k++) {
      List<Long> found = new ArrayList<>();
      for (long s = k == 0 ? 0 : (1L << k) - 1; s != -1; s = nextSameSize(s, d)) {
        if (++examined > MAX_CANDIDATES) {
          throw new TooLargeException("the search examined " + MAX_CANDIDATES + " candidate sets"
              + " without finishing size " + k + "; ask with a smaller --tau or a table");
        }
        if (relevance(s).compareTo(delta) >= 0) {
          found.add(s);
        }
        if (k == 0) {
          break;
        }
      }
      if (!found.isEmpty()) {
        return new Result(k, found, examined);
      }
    }
    return new Result(-1, List.of(), examined);
  }

  /** Minimum sufficient reasons (δ = 1) by SAT, up to size maxK. */
  Result minSufficient(int maxK) {
    SufficientReasons sat = SufficientReasons.of(circuit, 0, x, v);
    var m = sat.minimumSize(maxK, MAX_CANDIDATES);
    List<Long> sets = new ArrayList<>();
    m.ifPresent(mm -> {
      for (long s : mm.masks()) {
        sets.add(s);
      }
    });
    return new Result(m.map(SufficientReasons.Minimum::size).orElse(-1), sets, sat.satCalls());
  }

  /** Whether S is a sufficient reason (1-relevant), by SAT. */
  boolean sufficient(long s) {
    return SufficientReasons.of(circuit, 0, x, v).isSufficient(FeatureSet.ofMask(s));
  }

  /** The next larger set of the same size (Gosper's hack), or −1 past the last one below 2^d. */
  static long nextSameSize(long s, int d) {
    long c = s & -s;
    long r = s + c;
    long next = (((r ^ s) >>> 2) / c) | r;
    return d < 64 && (next >>> d) != 0 || next == 0 ? -1 : next;
  }

  /** The answer to a set search. */
  record Result(int size, List<Long> sets, long work) {}

  static void requireProductBinary(Object v) {
    if (!(v instanceof ProductDistribution p) || !p.isBinary()) {
      throw InputException.of("--method", "counting and SAT need a product distribution on "
          + "{0,1}^d (uniform or bernoulli:...)");
    }
  }
}
