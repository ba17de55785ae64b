package xcert.solvers.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import xcert.solvers.features.FeatureSet;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;

/**
 * The answer to one exact query: the route taken, how the numbers were obtained, and the answer's
 * fields in order. Field values are {@link Scalar}, {@code Scalar[]} (one per feature),
 * {@link Integer}, {@link Long}, {@link Boolean}, {@link String}, {@code List<FeatureSet>} (sets of
 * 1-based features), {@link Table}, or null. The typed accessors read the common fields.
 *
 * @param query the query asked
 * @param route the route taken: {@link Method#TABLE}, {@link Method#COUNT} or {@link Method#SAT}
 * @param provenance exact rational, or complete enumeration in float64, and the algorithm
 * @param fields the answer's fields in order (as the command line prints them)
 */
public record QueryAnswer(Query query, Method route, Provenance provenance,
    Map<String, Object> fields) {

  public QueryAnswer {
    Objects.requireNonNull(query);
    Objects.requireNonNull(route);
    Objects.requireNonNull(provenance);
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /**
   * A sub-table of an answer (the steps of the rate–distortion staircase).
   *
   * @param columns the column names
   * @param rows rows of cells, each a field value as above
   */
  public record Table(List<String> columns, List<List<Object>> rows) {
    public Table {
      columns = List.copyOf(columns);
      rows = rows.stream().map(r -> Collections.unmodifiableList(new java.util.ArrayList<>(r)))
          .toList();
    }
  }

  /** The field "value" as a scalar (a Δ, f_S(x), a probability), or null when it is not one. */
  public Scalar value() {
    return fields.get("value") instanceof Scalar s ? s : null;
  }

  /** The per-feature values (Shapley, Banzhaf, or f_S for every set), or null. */
  public Scalar[] values() {
    return fields.get("values") instanceof Scalar[] v ? v.clone() : null;
  }

  /** The sets of the answer (optimal sets, witnesses, least δ-relevant sets), or an empty list. */
  @SuppressWarnings("unchecked")
  public List<FeatureSet> sets() {
    return fields.get("sets") instanceof List<?> l ? (List<FeatureSet>) l : List.of();
  }

  /** True when every number is exact (rational arithmetic). */
  public boolean isExact() {
    return provenance.isExact();
  }
}
