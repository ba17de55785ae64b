package xcert.certificates.grouped;

import xcert.certificates.problem.ErrorKind;

/**
 * When a group's score counts toward a tested set S in the grouped deletion and insertion errors of
 * seed 002 (You et al., "Sum-of-Parts Models", Appendix A.3, Definitions 4 and 5). The paper gives two
 * readings that disagree, and xcert implements both under these names:
 *
 * <ul>
 *   <li>{@link #AS_PRINTED}: Eq. 10–11 as printed, Σ_{i: S⊆S_i} c_i: group i counts when the tested
 *       set lies inside the group, for deletion and insertion alike. In particular every group counts
 *       at S = ∅.
 *   <li>{@link #AS_PROSE}: the sentence before Definition 4 (and Section 2.2), "a group only contributes
 *       its score to the attribution if all members of the group are present". For insertion, which
 *       compares f(x_S) − f(0) with the score of what was inserted, group i counts when all its members
 *       are inserted: S_i ⊆ S. For deletion, which compares f(x) − f(x_{−S}) with the score of what was
 *       lost, group i stops being fully present, and so its score is lost, when any member is removed:
 *       S_i ∩ S ≠ ∅.
 * </ul>
 */
public enum GroupedReading {
  /** Definitions 4 and 5 as printed: group i counts toward S when S ⊆ S_i. */
  AS_PRINTED("printed", "S ⊆ S_i"),
  /** The prose: insertion counts S_i ⊆ S, deletion counts S_i ∩ S ≠ ∅. */
  AS_PROSE("prose", "S_i ⊆ S (insertion), S_i ∩ S ≠ ∅ (deletion)");

  private final String word;
  private final String condition;

  GroupedReading(String word, String condition) {
    this.word = word;
    this.condition = condition;
  }

  /** "printed" or "prose". */
  public String word() {
    return word;
  }

  /** When a group counts, as a formula. */
  public String condition() {
    return condition;
  }

  /** The condition for one kind of error, as a formula. */
  public String condition(ErrorKind kind) {
    if (this == AS_PRINTED) {
      return "S ⊆ S_i";
    }
    return kind == ErrorKind.INSERTION ? "S_i ⊆ S" : "S_i ∩ S ≠ ∅";
  }

  /**
   * True when a group with members {@code group} (bit mask) counts toward the tested set {@code s}.
   */
  public boolean counts(long group, long s, ErrorKind kind) {
    if (this == AS_PRINTED) {
      return (s & ~group) == 0;
    }
    return kind == ErrorKind.INSERTION ? (group & ~s) == 0 : (group & s) != 0;
  }

  /** "printed" or "prose" (also the constant names, any case); null otherwise. */
  public static GroupedReading parse(String s) {
    for (GroupedReading r : values()) {
      if (r.word.equalsIgnoreCase(s) || r.name().equalsIgnoreCase(s)) {
        return r;
      }
    }
    return null;
  }
}
