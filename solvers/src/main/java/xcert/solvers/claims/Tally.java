package xcert.solvers.claims;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many instances each checked statement held on, failed on, or was vacuous on, with the first
 * failure's instance and witness; filled in by a suite, in the order statements were first seen.
 */
public final class Tally {

  /** One statement's counts. */
  public static final class Row {
    private final String claim;
    private int holds;
    private int fails;
    private int vacuous;
    private String firstFailure;

    Row(String claim) {
      this.claim = claim;
    }

    public String claim() {
      return claim;
    }

    public int holds() {
      return holds;
    }

    public int fails() {
      return fails;
    }

    public int vacuous() {
      return vacuous;
    }

    /** Instances where the statement applied (held or failed). */
    public int checked() {
      return holds + fails;
    }

    /** The first failing instance and its witness, or null. */
    public String firstFailure() {
      return firstFailure;
    }
  }

  private final Map<String, Row> rows = new LinkedHashMap<>();

  /** Records a verdict under its claim name plus a qualifier (e.g. the distance or α). */
  public synchronized void add(Verdict v, String qualifier, String instance) {
    String key = qualifier == null || qualifier.isEmpty() ? v.claim() : v.claim() + " " + qualifier;
    Row r = rows.computeIfAbsent(key, Row::new);
    switch (v.status()) {
      case HOLDS -> r.holds++;
      case FAILS -> {
        r.fails++;
        if (r.firstFailure == null) {
          r.firstFailure = instance + ": " + v.witness();
        }
      }
      case VACUOUS -> r.vacuous++;
      default -> throw new AssertionError(v.status());
    }
  }

  public synchronized List<Row> rows() {
    return Collections.unmodifiableList(new ArrayList<>(rows.values()));
  }

  public synchronized Row row(String key) {
    return rows.get(key);
  }
}
