package xcert.certificates.grouped;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.num.Rationals;
import xcert.solvers.setfunction.Subsets;

/**
 * A grouped attribution β = {(S_i, c_i)}_{i=1}^G (seed 002, You et al., "Sum-of-Parts Models",
 * Definition 2): groups S_i ⊆ [d] of features, each with an exact score c_i. A feature may lie in
 * several groups; the ordinary attribution α is the case S_i = {i}. Groups are bit masks, bit j for
 * feature j+1; a group may be empty and may repeat (its scores then add wherever it counts). Immutable.
 */
public final class GroupedAttribution {

  /**
   * One group (S_i, c_i) of Definition 2 of seed 002.
   *
   * @param members the features of the group as a bit mask (bit j is feature j+1)
   * @param score its score c_i
   */
  public record Group(long members, BigFraction score) {
    public Group {
      Objects.requireNonNull(score);
      if (members < 0 || members >>> 62 != 0) {
        throw new IllegalArgumentException("a group holds features 1..62");
      }
    }

    /** "({1,2}, 1)". */
    @Override
    public String toString() {
      return "(" + Subsets.format(members) + ", " + Rationals.format(score) + ")";
    }
  }

  private final int d;
  private final List<Group> groups;

  private GroupedAttribution(int d, List<Group> groups) {
    this.d = d;
    this.groups = groups;
  }

  /**
   * β over d features.
   *
   * @throws IllegalArgumentException when a group has a feature beyond d, or d is outside 1..62
   */
  public static GroupedAttribution of(int d, List<Group> groups) {
    if (d < 1 || d > 62) {
      throw new IllegalArgumentException("d must be in 1..62, is " + d);
    }
    List<Group> copy = new ArrayList<>(groups.size());
    for (Group g : groups) {
      if (g.members() >>> d != 0) {
        throw new IllegalArgumentException("group " + Subsets.format(g.members())
            + " has a feature beyond d = " + d);
      }
      copy.add(g);
    }
    return new GroupedAttribution(d, Collections.unmodifiableList(copy));
  }

  /** β from parallel arrays of member masks and scores. */
  public static GroupedAttribution of(int d, long[] members, BigFraction[] scores) {
    if (members.length != scores.length) {
      throw new IllegalArgumentException(members.length + " groups but " + scores.length
          + " scores");
    }
    List<Group> list = new ArrayList<>(members.length);
    for (int i = 0; i < members.length; i++) {
      list.add(new Group(members[i], scores[i]));
    }
    return of(d, list);
  }

  public int dimension() {
    return d;
  }

  /** The groups, in the order given. Unmodifiable. */
  public List<Group> groups() {
    return groups;
  }

  /** G, the number of groups. */
  public int size() {
    return groups.size();
  }

  /** "{({1,2}, 1), ({2,3}, 1)}". */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < groups.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(groups.get(i));
    }
    return sb.append('}').toString();
  }
}
