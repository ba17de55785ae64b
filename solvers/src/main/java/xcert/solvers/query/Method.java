package xcert.solvers.query;

import java.util.Arrays;
import java.util.List;
import xcert.solvers.errors.InputException;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;

/**
 * How {@link ExactQueries} answers: the table of all 2^d values f_S(x) (seed 004, Eq. 1), weighted
 * model counting on a circuit (a d-DNNF or a BDD, one set at a time), SAT on a circuit (δ = 1
 * relevance only, seed 003 Section 3), or {@link #AUTO}, which picks the table up to
 * {@link #AUTO_TABLE_LIMIT} features and counting beyond, for circuits.
 */
public enum Method {
  /** The table up to {@link #AUTO_TABLE_LIMIT} features, counting beyond (circuits only). */
  AUTO("auto"),
  /** All 2^d sets in one table (d ≤ 30). */
  TABLE("table"),
  /** Weighted model counting on a circuit, one set at a time; no table. */
  COUNT("count"),
  /** SAT on a circuit: δ = 1 relevance of one set, and minimum sufficient reasons. */
  SAT("sat");

  /** Up to this d, {@link #AUTO} builds the table; beyond it a circuit is counted. */
  public static final int AUTO_TABLE_LIMIT = 24;

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
        + "count or sat");
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
