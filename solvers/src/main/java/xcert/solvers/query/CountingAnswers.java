package xcert.solvers.query;

import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.features.FeatureSet;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;
import xcert.solvers.num.Rationals;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;

/**
 * The counting and SAT routes: the same queries and fields as the table, answered for one set or by
 * searching sets of growing size, for circuits too wide for a table of all 2^d sets.
 */
final class CountingAnswers {

  private final CircuitCounting q;
  private final QuerySettings s;

  CountingAnswers(Model model, ReferenceDistribution v, double[] x, QuerySettings s) {
    if (!(model instanceof Circuit c)) {
      throw InputException.setting("method", "counting and SAT work on circuits; this model is a "
          + "ReLU network (use the table method)");
    }
    if (!(v instanceof ProductDistribution p) || !p.isBinary()) {
      throw InputException.setting("method", "counting and SAT need a product distribution on "
          + "{0,1}^d (uniform or bernoulli:...)");
    }
    this.q = new CircuitCounting(c, p, x);
    this.s = s;
  }

  QueryAnswer answer(Query query, Method route, Map<String, Object> out) {
    if (query.needsAllSets() || (s.tau() != null && query.isDeltaQuery())) {
      throw InputException.setting("method", "'" + query.id() + "'"
          + (s.tau() != null ? " with tau" : "") + " needs all 2^" + q.d() + " sets, and counting "
          + "answers one set at a time; use the table method (d <= 30)"
          + (query == Query.SHAPLEY || query == Query.BANZHAF ? " or the stream (d <= 62)" : "")
          + ", or ask about one set");
    }
    if (route == Method.SAT) {
      return sat(query, out);
    }
    BigFraction delta = s.delta();
    switch (query) {
      case FS -> {
        FeatureSet set = requireSet(query);
        out.put("f(x)", Scalar.exact(q.fs(FeatureSet.all(q.d()))));
        out.put("f_empty(x)", Scalar.exact(q.fs(FeatureSet.empty())));
        out.put("set", java.util.List.of(set));
        out.put("value", Scalar.exact(q.fs(set)));
      }
      case SUFFICIENCY, NECESSITY, UNIFIED -> {
        FeatureSet set = requireSet(query);
        BigFraction[] dl = q.deltas(s.rho(), set);
        BigFraction value = switch (query) {
          case SUFFICIENCY -> dl[0];
          case NECESSITY -> dl[1];
          default -> s.alpha().multiply(dl[0])
              .add(BigFraction.ONE.subtract(s.alpha()).multiply(dl[1]));
        };
        out.put("rho", s.rho().flag());
        out.put("set", java.util.List.of(set));
        out.put("value", Scalar.exact(value));
        out.put("delta_suf", Scalar.exact(dl[0]));
        out.put("delta_nec", Scalar.exact(dl[1]));
      }
      case RELEVANCE -> {
        out.put("label", q.label() ? 1 : 0);
        if (s.tau() != null) {
          requireDelta();
          CircuitCounting.Search r = q.minRelevant(delta, s.tau());
          out.put("problem", "RELEVANT-INPUT: is some S with |S| <= " + s.tau() + " "
              + Rationals.format(delta) + "-relevant?");
          out.put("answer", r.size() >= 0);
          out.put("sets", r.sets());
          out.put("candidates_examined", r.work());
        } else {
          FeatureSet set = requireSet(query);
          BigFraction r = q.relevance(set);
          out.put("set", java.util.List.of(set));
          out.put("value", Scalar.exact(r));
          if (delta != null) {
            out.put("delta", Rationals.format(delta));
            out.put("relevant", r.compareTo(delta) >= 0);
          }
        }
      }
      case MIN_RELEVANT -> {
        requireDelta();
        int maxK = s.tau() == null ? q.d() : s.tau();
        CircuitCounting.Search r = q.minRelevant(delta, maxK);
        out.put("label", q.label() ? 1 : 0);
        out.put("delta", Rationals.format(delta));
        putSearch(out, r, "no δ-relevant set with |S| <= " + maxK);
        out.put("candidates_examined", r.work());
      }
      default -> throw new AssertionError(query);
    }
    Provenance p = q.countingProvenance();
    out.put("exact", true);
    out.put("method", p.describe());
    return new QueryAnswer(query, route, p, out);
  }

  private QueryAnswer sat(Query query, Map<String, Object> out) {
    BigFraction delta = s.delta();
    if (delta != null && !delta.equals(BigFraction.ONE)) {
      throw InputException.setting("delta", "the SAT method decides δ = 1 relevance only "
          + "(sufficient reasons); use the counting method for δ = " + Rationals.format(delta));
    }
    out.put("label", q.label() ? 1 : 0);
    out.put("delta", "1");
    Provenance p;
    switch (query) {
      case RELEVANCE -> {
        FeatureSet set = requireSet(query);
        boolean sufficient = q.sufficient(set);
        p = Provenance.exact("SAT4J: y_S = x_S as assumptions, UNSAT means S is a sufficient "
            + "reason");
        out.put("set", java.util.List.of(set));
        out.put("relevant", sufficient);
      }
      case MIN_RELEVANT -> {
        int maxK = s.tau() == null ? q.d() : s.tau();
        CircuitCounting.Search r = q.minSufficient(maxK);
        putSearch(out, r, "no sufficient reason with |S| <= " + maxK);
        p = CircuitCounting.satProvenance(r.work());
      }
      default -> throw InputException.setting("method", "the SAT method answers relevance with a set "
          + "and min-relevant at δ = 1; use the counting method for '" + query.id() + "'");
    }
    out.put("method", p.describe());
    out.put("exact", true);
    return new QueryAnswer(query, Method.SAT, p, out);
  }

  private static void putSearch(Map<String, Object> out, CircuitCounting.Search r, String none) {
    if (r.size() < 0) {
      out.put("value", null);
      out.put("answer", none);
    } else {
      out.put("value", r.size());
    }
    out.put("sets", r.sets());
  }

  private FeatureSet requireSet(Query query) {
    if (s.set() == null) {
      throw ExactQueries.needsSet(query);
    }
    return s.set();
  }

  private void requireDelta() {
    if (s.delta() == null) {
      throw InputException.setting("delta", "this query needs delta (a number in [0,1])");
    }
  }
}
