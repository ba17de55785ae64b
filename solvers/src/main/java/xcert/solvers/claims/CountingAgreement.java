package xcert.solvers.claims;

import xcert.solvers.features.FeatureSet;
import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.count.CircuitFormulas;
import xcert.solvers.count.SufficientReasons;
import xcert.solvers.count.WeightedModelCounter;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.exact.Relevance;
import xcert.solvers.exact.RestrictedPredictionTable;
import xcert.solvers.instances.Instance;
import xcert.solvers.model.Circuit;
import xcert.solvers.setfunction.Subsets;

/**
 * The paths that reach beyond a table, held against the table where it fits: weighted model counting
 * (a BDD pass, and a d-DNNF pass for CNFs) must give f_S(x) = P(Φ(y) = 1 | y_S = x_S) exactly for
 * every S, and SAT must call S a sufficient reason exactly when the table gives relevance 1 (δ = 1,
 * seed 003), and find the same minimum sufficient reasons as MIN-RELEVANT-INPUT at δ = 1.
 */
public final class CountingAgreement {

  private CountingAgreement() {}

  /**
   * Verdicts for a circuit instance under a product distribution: BDD counting, d-DNNF counting (or
   * vacuous when the circuit is not a CNF), SAT sufficiency for every S, SAT minimum sufficient reasons.
   */
  public static Verdict[] check(Instance in, RestrictedPredictionTable t) {
    Circuit c = (Circuit) in.model();
    ProductDistribution v = (ProductDistribution) in.distribution();
    int d = c.dimension();
    boolean[] x = new boolean[d];
    double[] xd = in.x();
    for (int i = 0; i < d; i++) {
      x[i] = xd[i] == 1.0;
    }
    Verdict[] out = new Verdict[4];
    out[0] = counting("counting = table (BDD)", WeightedModelCounter.bdd(c, 0), v, x, t);
    out[1] = CircuitFormulas.cnfClauses(c, 0).isPresent()
        ? counting("counting = table (d-DNNF)", WeightedModelCounter.dnnf(c, 0), v, x, t)
        : Verdict.vacuous("counting = table (d-DNNF)", "not a CNF");
    SufficientReasons sat = SufficientReasons.of(c, 0, x, v);
    Relevance rel = Relevance.of(t);
    for (int s = 0; s < 1 << d; s++) {
      boolean table = rel.probability().compareTo(s, BigFraction.ONE) == 0;
      if (sat.isSufficient(FeatureSet.ofMask(s)) != table) {
        out[2] = Verdict.fails("SAT sufficient reason = table (δ = 1)", "S=" + Subsets.format(s)
            + ": SAT says " + !table + ", the table's relevance is " + rel.probability().valueAt(s));
        break;
      }
    }
    if (out[2] == null) {
      out[2] = Verdict.holds("SAT sufficient reason = table (δ = 1)", (1 << d) + " sets");
    }
    Relevance.MinRelevant min = rel.minRelevantInput(BigFraction.ONE);
    Optional<SufficientReasons.Minimum> m = sat.minimumSize(d);
    long[] satSets = m.map(SufficientReasons.Minimum::masks).orElse(new long[0]);
    long[] tableSets = Arrays.stream(min.sets()).asLongStream().toArray();
    Arrays.sort(satSets);
    Arrays.sort(tableSets);
    out[3] = m.isPresent() && m.get().size() == min.size() && Arrays.equals(satSets, tableSets)
        ? Verdict.holds("SAT minimum sufficient reasons = MIN-RELEVANT-INPUT (δ = 1)",
            "size " + min.size() + ", " + tableSets.length + " sets")
        : Verdict.fails("SAT minimum sufficient reasons = MIN-RELEVANT-INPUT (δ = 1)",
            "SAT: " + m.map(mm -> mm.size() + " " + Arrays.toString(mm.masks())).orElse("none")
                + "; table: " + min.size() + " " + Arrays.toString(tableSets));
    return out;
  }

  private static Verdict counting(String claim, WeightedModelCounter counter, ProductDistribution v,
      boolean[] x, RestrictedPredictionTable t) {
    int d = t.dimension();
    for (int s = 0; s < 1 << d; s++) {
      BigFraction p = counter.conditionalProbability(v, x, FeatureSet.ofMask(s));
      if (!p.equals(t.at(s).exact())) {
        return Verdict.fails(claim, "S=" + Subsets.format(s) + ": counter " + p + ", table "
            + t.at(s));
      }
    }
    return Verdict.holds(claim, (1 << d) + " sets, " + counter.size() + " nodes");
  }
}
