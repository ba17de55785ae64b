package xcert.solvers.query;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.exact.Arithmetic;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.HeadProbability;
import xcert.solvers.model.Model;
import xcert.solvers.result.Provenance;
import xcert.solvers.stream.StreamPlan;

/**
 * Every exact query of seed 004 (Sections 2, 4, 5) and seed 003 (Sections 2–3) in one call, with the
 * automatic routing of {@link Method#AUTO}: Shapley and Banzhaf values by the stream from
 * {@link Method#AUTO_STREAM_FROM} features where it can answer and on the compiled circuit where the
 * stream would take more than 2^{@link Method#AUTO_COMPILED_FROM_BITS} evaluations, the table of
 * all 2^d values f_S(x) where it fits, weighted model counting or SAT on circuits too wide for it.
 *
 * <pre>{@code
 * Model f = ModelFiles.read(Path.of("examples/majority3.expr"));
 * QueryAnswer a = ExactQueries.answer(f, new double[] {1, 1, 0}, ProductDistribution.uniform(3),
 *     Query.SUFFICIENCY, QuerySettings.defaults().withTau(2));
 * a.value(); a.sets(); a.provenance(); a.route();
 * }</pre>
 */
public final class ExactQueries {

  private ExactQueries() {}

  /**
   * Answers {@code query} about {@code model} at {@code x} under the reference distribution
   * {@code v} (a baseline is {@code ProductDistribution.pointMass}). A model without exact values
   * (a network's probability after a Sigmoid or Softmax head, {@link Model#hasExactValues()} false)
   * is answered in float64, and the provenance says why ({@link #float64Reason}).
   *
   * @throws InputException for settings out of range or in conflict ({@link InputException#isSetting})
   * @throws xcert.solvers.errors.TooLargeException when the table or a set search would not fit
   */
  public static QueryAnswer answer(Model model, double[] x, ReferenceDistribution v, Query query,
      QuerySettings settings) {
    Model f = selectOutput(model, settings.output());
    checkCompatible(f, x, v);
    validate(settings, f.dimension());
    checkApplies(query, settings);
    String float64Reason = null;
    if (!f.hasExactValues() && settings.arithmetic() == Arithmetic.EXACT) {
      float64Reason = float64Reason(f);
      settings = settings.withArithmetic(Arithmetic.FLOAT64);
    }
    StreamPlan plan = StreamAnswers.autoPlan(f, x, v, query, settings);
    Method route = CompiledAnswers.compiles(f, v, query, settings, plan) ? Method.COMPILED
        : StreamAnswers.streams(settings, plan) ? Method.STREAM
        : settings.method().route(f);
    checkRoute(query, settings, route);
    Map<String, Object> fields = new LinkedHashMap<>();
    QueryAnswer a = switch (route) {
      case TABLE -> TableAnswers.answer(f, x, v, query, settings, fields);
      case STREAM -> StreamAnswers.answer(f, x, v, query, settings, plan, fields);
      case COMPILED -> CompiledAnswers.answer(f, x, v, query, settings, fields);
      default -> new CountingAnswers(f, v, x, settings).answer(query, route, fields);
    };
    return float64Reason == null ? a : withReason(a, float64Reason);
  }

  /**
   * Why a model without exact values is answered in float64: "float64: the sigmoid head is
   * transcendental" for a network's probability ({@link HeadProbability}).
   */
  public static String float64Reason(Model f) {
    return f instanceof HeadProbability p
        ? "float64: the " + p.network().head().id() + " head is transcendental"
        : "float64: the model has no exact values";
  }

  /** The answer with the reason for float64 in front of its provenance's method. */
  private static QueryAnswer withReason(QueryAnswer a, String reason) {
    Provenance p = a.provenance();
    Provenance q = new Provenance(Provenance.Kind.ENUMERATED_FLOAT64, reason + "; "
        + p.method(), p.samples(), p.seed(), p.tolerance());
    Map<String, Object> fields = new LinkedHashMap<>(a.fields());
    fields.replace("exact", false);
    fields.replace("method", q.describe());
    return new QueryAnswer(a.query(), a.route(), q, fields);
  }

  /** The circuit restricted to its 1-based output {@code output}; other models as they are. */
  static Model selectOutput(Model model, int output) {
    if (model instanceof Circuit c) {
      if (output < 1 || output > c.outputCount()) {
        throw InputException.setting("output", output + " is out of range; the circuit has "
            + c.outputCount() + " output(s)");
      }
      return c.withOutput(output - 1);
    }
    return model;
  }

  /**
   * Checks that x and v fit the model: 0/1 values for circuits, the dimension and support for every
   * model. Errors name setting "x" or "distribution".
   */
  public static void checkCompatible(Model model, double[] x, ReferenceDistribution v) {
    if (model.requiresBinaryInputs()) {
      for (int i = 0; i < x.length; i++) {
        if (x[i] != 0.0 && x[i] != 1.0) {
          throw InputException.setting("x", "a circuit takes 0/1 inputs; x_" + (i + 1) + " = "
              + x[i]);
        }
      }
      if (!v.isBinary()) {
        throw InputException.setting("distribution", "a circuit takes 0/1 inputs, but "
            + v.describe() + " gives other values");
      }
    }
    try {
      RestrictedPredictions.checkCompatible(model, x, v);
    } catch (IllegalArgumentException e) {
      throw InputException.setting("distribution", e.getMessage());
    }
  }

  private static void validate(QuerySettings s, int d) {
    if (s.set() != null && !s.set().within(d)) {
      throw InputException.setting("set", "feature " + s.set().largest() + " is out of range; "
          + "expected indices in 1.." + d);
    }
    if (s.tau() != null && (s.tau() < 0 || s.tau() > d)) {
      throw InputException.setting("tau", s.tau() + " is out of range; expected 0.." + d);
    }
    unitInterval("alpha", s.alpha());
    if (s.delta() != null) {
      unitInterval("delta", s.delta());
    }
    if (s.eps() != null && s.eps().signum() < 0) {
      throw InputException.setting("eps", xcert.solvers.num.Rationals.format(s.eps())
          + " is negative; expected a number >= 0");
    }
  }

  /**
   * Refuses a setting that {@code query} would not read, so that no setting is silently ignored:
   * a set together with tau (tau optimises over every set of size at most tau), eps anywhere but on
   * one set of sufficiency/necessity/unified or on rate-distortion, delta outside relevance and
   * min-relevant, a set or tau where the query takes none.
   *
   * @throws InputException naming the setting that does not apply ({@link InputException#isSetting})
   */
  public static void checkApplies(Query query, QuerySettings s) {
    boolean optimises = (query.isDeltaQuery() || query == Query.RELEVANCE) && s.tau() != null;
    if (optimises && s.set() != null) {
      throw InputException.setting("set", "does not apply with tau: '" + query.id() + "' with tau "
          + "searches every set of size <= " + s.tau() + "; give a set or tau, not both");
    }
    if (s.set() != null && (query == Query.MIN_RELEVANT || query == Query.RATE_DISTORTION)) {
      throw InputException.setting("set", "does not apply to '" + query.id() + "', which "
          + "searches over every set");
    }
    if (s.tau() != null && !query.isDeltaQuery() && query != Query.RELEVANCE
        && query != Query.MIN_RELEVANT) {
      throw InputException.setting("tau", "does not apply to '" + query.id() + "'; tau bounds "
          + "the sets of sufficiency, necessity, unified, relevance and min-relevant");
    }
    if (s.eps() != null) {
      if (optimises) {
        throw InputException.setting("eps", "does not apply with tau: eps tests one set S "
            + "for eps-(super-)sufficiency/necessity, tau optimises over sets; give a set instead "
            + "of tau");
      }
      if (!query.isDeltaQuery() && query != Query.RATE_DISTORTION) {
        throw InputException.setting("eps", "does not apply to '" + query.id() + "'; eps is the "
            + "tolerance of sufficiency, necessity, unified (with a set) and rate-distortion");
      }
    }
    if (s.delta() != null && query != Query.RELEVANCE && query != Query.MIN_RELEVANT) {
      throw InputException.setting("delta", "does not apply to '" + query.id() + "'; delta is "
          + "the threshold of relevance and min-relevant");
    }
  }

  /** Settings that only one route reads: eps on the table, tau of min-relevant by counting/SAT. */
  private static void checkRoute(Query query, QuerySettings s, Method route) {
    if (route == Method.TABLE && query == Query.MIN_RELEVANT && s.tau() != null) {
      throw InputException.setting("tau", "does not apply to 'min-relevant' by the table, which "
          + "finds the minimum over every size; tau bounds the search of the count and sat methods");
    }
    if (route != Method.TABLE && s.eps() != null) {
      throw InputException.setting("eps", "applies with the table method only; the " + route.id()
          + " method reports delta values without eps tests");
    }
  }

  private static void unitInterval(String name, BigFraction f) {
    if (f == null || f.signum() < 0 || f.compareTo(BigFraction.ONE) > 0) {
      throw InputException.setting(name, (f == null ? "none" : xcert.solvers.num.Rationals.format(f))
          + " is out of range; expected a number in [0,1]");
    }
  }

  /** An error for a query that needs a set and was given none. */
  static InputException needsSet(Query q) {
    return InputException.setting("set", "query '" + q.id() + "' needs a set (or tau to optimise)");
  }
}
