package xcert.solvers.query;

import java.util.Arrays;
import java.util.List;
import xcert.solvers.errors.InputException;

/**
 * The exact queries on one model, input and reference distribution: seed 004 (f_S, sufficiency,
 * necessity, the unified problem, Shapley and Banzhaf values; Sections 2, 4 and 5) and seed 003
 * (δ-relevance, RELEVANT-INPUT, MIN-RELEVANT-INPUT, the rate–distortion function; Sections 2–3).
 */
public enum Query {
  /** f_S(x) = E_{X_{S^c}∼V}[f(x_S, X_{S^c})] for one set, or for every set (seed 004, Eq. 1). */
  FS("fs"),
  /** Δsuf of one set, or (P_suf) over |S| ≤ τ (seed 004, Section 2.1). */
  SUFFICIENCY("sufficiency"),
  /** Δnec of one set, or (P_nec) over |S| ≤ τ (seed 004, Section 2.1). */
  NECESSITY("necessity"),
  /** α·Δsuf + (1−α)·Δnec of one set, or (P_uni) over |S| ≤ τ (seed 004, Section 4). */
  UNIFIED("unified"),
  /** P(Φ(y) = Φ(x) | y_S = x_S) of one set (seed 003, Section 2), or RELEVANT-INPUT with k = τ (Definition 3.1). */
  RELEVANCE("relevance"),
  /** MIN-RELEVANT-INPUT: the δ-relevant sets of least size (seed 003, Definition 3.2). */
  MIN_RELEVANT("min-relevant"),
  /** The rate–distortion function R(ε) as a staircase (seed 003, Section 2). */
  RATE_DISTORTION("rate-distortion"),
  /** Exact Shapley values of a game on the f_S table (seed 004, Section 5.2). */
  SHAPLEY("shapley"),
  /** Exact Banzhaf values of the same games (a companion of seed 004, Section 5.2). */
  BANZHAF("banzhaf");

  private final String id;

  Query(String id) {
    this.id = id;
  }

  /** The query's name on the command line. */
  public String id() {
    return id;
  }

  /** The names of all queries, in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(Query::id).toList();
  }

  /** The query named {@code id}; an {@link InputException} for setting "query" lists the names. */
  public static Query fromId(String id) {
    for (Query q : values()) {
      if (q.id.equals(id)) {
        return q;
      }
    }
    throw InputException.setting("query", "unknown query '" + id + "'; expected one of "
        + String.join(", ", ids()));
  }

  /** True for the queries that read the whole f_S table (no single-set form by counting). */
  boolean needsAllSets() {
    return this == RATE_DISTORTION || this == SHAPLEY || this == BANZHAF;
  }

  /** True for sufficiency, necessity and the unified problem. */
  boolean isDeltaQuery() {
    return this == SUFFICIENCY || this == NECESSITY || this == UNIFIED;
  }
}
