package xcert.solvers.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.exact.GameValues;
import xcert.solvers.exact.Optimum;
import xcert.solvers.exact.RateDistortion;
import xcert.solvers.exact.Relevance;
import xcert.solvers.exact.RestrictedPredictionTable;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.exact.SubsetSearch;
import xcert.solvers.exact.SufficiencyNecessity;
import xcert.solvers.features.FeatureSet;
import xcert.solvers.model.Model;
import xcert.solvers.num.Rationals;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.SetFunction;
import xcert.solvers.setfunction.SetFunctions;
import xcert.solvers.setfunction.Subsets;

/** The table route: every query from the table of all 2^d values f_S(x) (seed 004, Eq. 1). */
final class TableAnswers {

  /** Up to this d, {@link Query#FS} without a set lists every set. */
  static final int FS_LIST_LIMIT = 12;

  private final Query query;
  private final QuerySettings s;
  private final Map<String, Object> out;

  private TableAnswers(Query query, QuerySettings s, Map<String, Object> out) {
    this.query = query;
    this.s = s;
    this.out = out;
  }

  static QueryAnswer answer(Model model, double[] x, ReferenceDistribution v, Query query,
      QuerySettings s, Map<String, Object> out) {
    Subsets.checkTableDimension(model.dimension());
    RestrictedPredictionTable t = RestrictedPredictions.table(model, x, v, s.arithmetic());
    TableAnswers a = new TableAnswers(query, s, out);
    Integer set = s.set() == null ? null : (int) s.set().mask();
    switch (query) {
      case FS -> a.fs(t, set);
      case SUFFICIENCY, NECESSITY, UNIFIED -> a.sufNec(t, set);
      case RELEVANCE -> a.relevance(t, set);
      case MIN_RELEVANT -> a.minRelevant(t);
      case RATE_DISTORTION -> a.rateDistortion(model, x, v);
      case SHAPLEY, BANZHAF -> a.gameValues(t, set);
      default -> throw new AssertionError(query);
    }
    out.put("exact", t.isExact());
    out.put("method", t.provenance().describe());
    return new QueryAnswer(query, Method.TABLE, t.provenance(), out);
  }

  static List<FeatureSet> sets(int... masks) {
    return Arrays.stream(masks).mapToObj(m -> FeatureSet.ofMask(m & 0xffffffffL)).toList();
  }

  private void put(String key, Object value) {
    out.put(key, value);
  }

  private int requireSet(Integer set) {
    if (set == null) {
      throw ExactQueries.needsSet(query);
    }
    return set;
  }

  private void fs(RestrictedPredictionTable t, Integer set) {
    put("f(x)", t.fx());
    put("f_empty(x)", t.fEmpty());
    if (set != null) {
      put("set", sets(set));
      put("value", t.at(set));
      return;
    }
    int d = t.dimension();
    if (d > FS_LIST_LIMIT) {
      throw InputException.setting("set", "the full f_S table has 2^" + d + " rows; name one set"
          + " (the table is listed up to d = " + FS_LIST_LIMIT + ")");
    }
    int[] all = SubsetSearch.all(d, m -> true);
    Scalar[] values = new Scalar[all.length];
    for (int k = 0; k < all.length; k++) {
      values[k] = t.at(all[k]);
    }
    put("sets", sets(all));
    put("values", values);
  }

  private void sufNec(RestrictedPredictionTable t, Integer set) {
    SufficiencyNecessity sn = SufficiencyNecessity.of(t, s.rho());
    put("rho", s.rho().flag());
    put("f(x)", t.fx());
    put("f_empty(x)", t.fEmpty());
    BigFraction alpha = s.alpha();
    SetFunction delta = switch (query) {
      case SUFFICIENCY -> sn.deltaSuf();
      case NECESSITY -> sn.deltaNec();
      default -> sn.deltaUni(alpha);
    };
    if (query == Query.UNIFIED) {
      put("alpha", Rationals.format(alpha));
    }
    Integer tau = s.tau();
    if (tau != null) {
      Optimum o = switch (query) {
        case SUFFICIENCY -> sn.solveSufficiency(tau);
        case NECESSITY -> sn.solveNecessity(tau);
        default -> sn.solveUnified(alpha, tau);
      };
      put("problem", switch (query) {
        case SUFFICIENCY -> "P_suf";
        case NECESSITY -> "P_nec";
        default -> "P_uni";
      } + ": minimise over |S| <= " + tau);
      put("tau", tau);
      put("value", o.value());
      put("optimal_sets", o.count());
      put("sets", sets(o.sets()));
      return;
    }
    int m = requireSet(set);
    put("set", sets(m));
    put("value", delta.valueAt(m));
    put("delta_suf", sn.deltaSuf().valueAt(m));
    put("delta_nec", sn.deltaNec().valueAt(m));
    put("super_sufficiency_level", sn.superSufficiencyLevel().valueAt(m));
    put("super_necessity_level", sn.superNecessityLevel().valueAt(m));
    BigFraction eps = s.eps();
    if (eps != null) {
      put("eps", Rationals.format(eps));
      put("eps_sufficient", sn.isSufficient(m, eps));
      put("eps_super_sufficient", sn.isSuperSufficient(m, eps));
      put("eps_necessary", sn.isNecessary(m, eps));
      put("eps_super_necessary", sn.isSuperNecessary(m, eps));
    }
  }

  private void relevance(RestrictedPredictionTable t, Integer set) {
    Relevance r = relevanceOf(t);
    put("label", r.label());
    BigFraction delta = s.delta();
    if (s.tau() != null) {
      if (delta == null) {
        throw InputException.setting("delta", "RELEVANT-INPUT (relevance with tau) needs delta");
      }
      Relevance.Decision dec = r.relevantInput(s.tau(), delta);
      put("problem", "RELEVANT-INPUT: is some S with |S| <= " + s.tau() + " "
          + Rationals.format(delta) + "-relevant?");
      put("answer", dec.answer());
      put("sets", sets(dec.witnesses()));
      return;
    }
    int m = requireSet(set);
    put("set", sets(m));
    put("value", r.probability().valueAt(m));
    if (delta != null) {
      put("delta", Rationals.format(delta));
      put("relevant", r.isRelevant(m, delta));
    }
  }

  private static Relevance relevanceOf(RestrictedPredictionTable t) {
    try {
      return Relevance.of(t);
    } catch (IllegalArgumentException e) {
      throw InputException.setting("model", e.getMessage());
    }
  }

  private void minRelevant(RestrictedPredictionTable t) {
    BigFraction delta = s.delta();
    if (delta == null) {
      throw InputException.setting("delta", "min-relevant needs delta (a number in [0,1])");
    }
    Relevance r = relevanceOf(t);
    Relevance.MinRelevant m = r.minRelevantInput(delta);
    put("label", r.label());
    put("delta", Rationals.format(delta));
    put("value", m.size());
    put("sets", sets(m.sets()));
  }

  private void rateDistortion(Model model, double[] x, ReferenceDistribution v) {
    RateDistortion rd = RateDistortion.compute(model, x, v, s.arithmetic());
    List<List<Object>> rows = new ArrayList<>();
    Scalar previous = null;
    for (RateDistortion.Step step : rd.steps()) {
      rows.add(List.of(step.rate(), step.distortion(), previous == null ? "inf" : previous,
          sets(step.sets())));
      previous = step.distortion();
    }
    put("steps", new QueryAnswer.Table(List.of("rate", "from_eps", "below_eps", "sets"), rows));
    if (s.eps() != null) {
      put("eps", Rationals.format(s.eps()));
      put("value", rd.rate(s.eps()));
    }
  }

  private void gameValues(RestrictedPredictionTable t, Integer set) {
    SetFunction v = switch (s.game()) {
      case FS -> t.values();
      case SUF -> SetFunctions.negate(SufficiencyNecessity.of(t, s.rho()).deltaSuf());
    };
    put("game", s.game() == Game.FS ? "v(S) = f_S(x)" : "v(S) = -" + s.rho().flag()
        + "(f(x), f_S(x))");
    put("values", query == Query.SHAPLEY ? GameValues.shapley(v) : GameValues.banzhaf(v));
    if (set != null) {
      put("set", sets(set));
      put("partition_value", GameValues.partitionValue(v, set));
    }
  }
}
