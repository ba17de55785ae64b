package xcert.cli;

import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;
import xcert.solvers.num.Rationals;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.Rho;

/**
 * `xcert exact` with `--method count` or `--method sat`: the same queries and output fields as the
 * table, answered for one set or by searching sets of growing size, for circuits too wide for a
 * table of all 2^d sets.
 */
final class CountingAnswers {

  private final ExactCommand cmd;
  private final CountingQueries q;
  private final Rho rho;
  private final BigFraction alpha;
  private final BigFraction delta;

  CountingAnswers(ExactCommand cmd, Model model, ReferenceDistribution v, double[] x, Rho rho,
      BigFraction alpha, BigFraction delta) {
    if (!(model instanceof Circuit c)) {
      throw InputException.of("--method", "counting and SAT work on circuits; this model is a "
          + "ReLU network (use --method table)");
    }
    CountingQueries.requireProductBinary(v);
    this.cmd = cmd;
    this.q = new CountingQueries(c, (ProductDistribution) v, x);
    this.rho = rho;
    this.alpha = alpha;
    this.delta = delta;
  }

  void answer(String how, Output out, Long set) {
    String query = cmd.query;
    if (List.of("rate-distortion", "shapley", "banzhaf").contains(query)
        || (cmd.tau != null && List.of("sufficiency", "necessity", "unified").contains(query))) {
      throw InputException.of("--method", "'" + query + (cmd.tau != null ? " --tau" : "")
          + "' needs all 2^" + q.d() + " sets; use --method table (d <= 30), or ask about one "
          + "set with --set");
    }
    if (how.equals("sat")) {
      sat(out, set);
      return;
    }
    Provenance p;
    switch (query) {
      case "fs" -> {
        cmd.requireSet(set);
        out.put("f(x)", Scalar.exact(q.fs(q.full()))).put("f_empty(x)", Scalar.exact(q.fs(0)))
            .put("set", Output.Sets.one(set))
            .put("value", Scalar.exact(q.fs(set)));
      }
      case "sufficiency", "necessity", "unified" -> {
        cmd.requireSet(set);
        BigFraction[] dl = q.deltas(rho, set);
        BigFraction value = switch (query) {
          case "sufficiency" -> dl[0];
          case "necessity" -> dl[1];
          default -> alpha.multiply(dl[0]).add(BigFraction.ONE.subtract(alpha).multiply(dl[1]));
        };
        out.put("rho", rho.flag()).put("set", Output.Sets.one(set))
            .put("value", Scalar.exact(value)).put("delta_suf", Scalar.exact(dl[0]))
            .put("delta_nec", Scalar.exact(dl[1]));
      }
      case "relevance" -> {
        out.put("label", q.label() ? 1 : 0);
        if (cmd.tau != null) {
          requireDelta();
          CountingQueries.Result r = q.minRelevant(delta, cmd.tau);
          out.put("problem", "RELEVANT-INPUT: is some S with |S| <= " + cmd.tau + " "
              + Rationals.format(delta) + "-relevant?").put("answer", r.size() >= 0)
              .put("sets", sets(r)).put("candidates_examined", r.work());
        } else {
          cmd.requireSet(set);
          BigFraction r = q.relevance(set);
          out.put("set", Output.Sets.one(set)).put("value", Scalar.exact(r));
          if (delta != null) {
            out.put("delta", Rationals.format(delta)).put("relevant", r.compareTo(delta) >= 0);
          }
        }
      }
      case "min-relevant" -> {
        requireDelta();
        int maxK = cmd.tau == null ? q.d() : cmd.tau;
        CountingQueries.Result r = q.minRelevant(delta, maxK);
        out.put("label", q.label() ? 1 : 0).put("delta", Rationals.format(delta));
        if (r.size() < 0) {
          out.put("value", null).put("answer", "no δ-relevant set with |S| <= " + maxK);
        } else {
          out.put("value", r.size());
        }
        out.put("sets", sets(r)).put("candidates_examined", r.work());
      }
      default -> throw new AssertionError(query);
    }
    p = q.countingProvenance();
    out.put("exact", true).put("method", p.describe());
  }

  private void sat(Output out, Long set) {
    String query = cmd.query;
    if (delta != null && !delta.equals(BigFraction.ONE)) {
      throw InputException.of("--delta", "--method sat decides δ = 1 relevance only (sufficient "
          + "reasons); use --method count for δ = " + Rationals.format(delta));
    }
    out.put("label", q.label() ? 1 : 0).put("delta", "1");
    switch (query) {
      case "relevance" -> {
        cmd.requireSet(set);
        boolean s = q.sufficient(set);
        out.put("set", Output.Sets.one(set)).put("relevant", s)
            .put("method", Provenance.exact("SAT4J: y_S = x_S as assumptions, UNSAT means S is "
                + "a sufficient reason").describe());
      }
      case "min-relevant" -> {
        int maxK = cmd.tau == null ? q.d() : cmd.tau;
        CountingQueries.Result r = q.minSufficient(maxK);
        if (r.size() < 0) {
          out.put("value", null).put("answer", "no sufficient reason with |S| <= " + maxK);
        } else {
          out.put("value", r.size());
        }
        out.put("sets", sets(r)).put("method", q.satProvenance(r.work()).describe());
      }
      default -> throw InputException.of("--method", "--method sat answers relevance --set S "
          + "and min-relevant at δ = 1; use --method count for '" + query + "'");
    }
    out.put("exact", true);
  }

  private void requireDelta() {
    if (delta == null) {
      throw InputException.of("--delta", "this query needs --delta (a number in [0,1])");
    }
  }

  private static Output.Sets sets(CountingQueries.Result r) {
    return new Output.Sets(r.sets().stream().mapToLong(Long::longValue).toArray());
  }
}
