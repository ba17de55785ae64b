package xcert.solvers.query;

import java.util.Arrays;
import java.util.List;
import xcert.solvers.errors.InputException;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;

/**
 * How {@link ExactQueries} answers: the table of all 2^d values f_S(x) (seed 004, Eq. 1), weighted
 * model counting on a circuit (a d-DNNF or a BDD, one set at a time), SAT on a circuit (δ = 1
 * relevance only, seed 003 Section 3), a streaming pass for Shapley and Banzhaf values, the
 * compiled circuit for Shapley and Banzhaf values, or {@link #AUTO}, which streams Shapley and
 * Banzhaf values of f_S from {@link #AUTO_STREAM_FROM} features on where the stream can answer,
 * compiles the circuit where the stream would take more than 2^{@link #AUTO_COMPILED_FROM_BITS}
 * evaluations, and otherwise picks the table up to {@link #AUTO_TABLE_LIMIT} features and counting
 * beyond, for circuits.
 */
public enum Method {
  /** The table up to {@link #AUTO_TABLE_LIMIT} features, counting beyond (circuits only). */
  AUTO("auto"),
  /** All 2^d sets in one table (d ≤ 30). */
  TABLE("table"),
  /** Weighted model counting on a circuit, one set at a time; no table. */
  COUNT("count"),
  /** SAT on a circuit: δ = 1 relevance of one set, and minimum sufficient reasons. */
  SAT("sat"),
  /**
   * Shapley and Banzhaf values by one streaming pass over the inputs, counts by agreement class
   * and no table ({@code xcert.solvers.stream}); circuits and ReLU networks.
   */
  STREAM("stream"),
  /**
   * Shapley and Banzhaf values on the circuit compiled to an OBDD or a d-DNNF, in time polynomial in
   * the compiled size ({@code xcert.solvers.compiled}); circuits under product distributions.
   */
  COMPILED("compiled");

  /**
   * {@link #AUTO} takes the compiled route for Shapley and Banzhaf values of f_S when the stream
   * would need more than 2^AUTO_COMPILED_FROM_BITS evaluations (or cannot plan the question), the
   * stream's cost being 2^(players) evaluations; and for the game suf beyond the table.
   */
  public static final int AUTO_COMPILED_FROM_BITS = 36;

  /** Up to this d, {@link #AUTO} builds the table; beyond it a circuit is counted. */
  public static final int AUTO_TABLE_LIMIT = 24;

  /**
   * From this d on, {@link #AUTO} streams Shapley and Banzhaf values where the stream can answer:
   * it evaluates each input once with O(d²) counts, where the table adds a butterfly over 2^d
   * entries and takes 2^d numbers of memory; below it both take milliseconds.
   */
  public static final int AUTO_STREAM_FROM = 16;

  private final String id;

  Method(String id) {
    this.id = id;
  }

  /** The method's name on the command line. */
  public String id() {
    return id;
  }

  /** The names of all methods, in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(Method::id).toList();
  }

  /** The method named {@code id}; an {@link InputException} for setting "method" lists the names. */
  public static Method fromId(String id) {
    for (Method m : values()) {
      if (m.id.equals(id)) {
        return m;
      }
    }
    throw InputException.setting("method", "'" + id + "' is not a method; expected auto, table, "
        + "count, sat, stream or compiled");
  }

  /**
   * The route taken for {@code model}: {@link #AUTO} becomes {@link #COUNT} for a circuit of more
   * than {@link #AUTO_TABLE_LIMIT} features and {@link #TABLE} otherwise; the others stay.
   */
  public Method route(Model model) {
    if (this != AUTO) {
      return this;
    }
    return model instanceof Circuit && model.dimension() > AUTO_TABLE_LIMIT ? COUNT : TABLE;
  }
}
