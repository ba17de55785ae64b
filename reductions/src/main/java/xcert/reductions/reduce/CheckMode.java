package xcert.reductions.reduce;

import java.util.ArrayList;
import java.util.List;
import xcert.solvers.errors.InputException;

/** How {@link CircuitToReluReduction} compares a circuit with its network. */
public enum CheckMode {
  /** Exhaustive up to {@link CircuitToReluReduction#AUTO_EXHAUSTIVE_D} inputs, else sampled. */
  AUTO("auto"),
  /** Every point of {0,1}^d: exact. */
  EXHAUSTIVE("exhaustive"),
  /** Seeded uniform samples: evidence only. */
  SAMPLED("sampled");

  private final String id;

  CheckMode(String id) {
    this.id = id;
  }

  /** The spelling on the command line. */
  public String id() {
    return id;
  }

  /** The mode spelt {@code id}. */
  public static CheckMode fromId(String id) {
    for (CheckMode m : values()) {
      if (m.id.equals(id)) {
        return m;
      }
    }
    List<String> ids = ids();
    throw InputException.setting("check", "'" + id + "' is not a check; expected "
        + String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1));
  }

  /** Every id, in declaration order. */
  public static List<String> ids() {
    List<String> ids = new ArrayList<>();
    for (CheckMode m : values()) {
      ids.add(m.id);
    }
    return List.copyOf(ids);
  }
}
