package xcert.reductions.emajsat;

import java.util.BitSet;
import java.util.StringJoiner;

/** Formatting of feature sets as 1-based index lists, for messages and explanations. */
final class Features {

  private Features() {}

  static String format(BitSet s) {
    StringJoiner j = new StringJoiner(", ", "{", "}");
    for (int i = s.nextSetBit(0); i >= 0; i = s.nextSetBit(i + 1)) {
      j.add("x" + (i + 1));
    }
    return j.toString();
  }

  static String format(long mask) {
    return format(BitSet.valueOf(new long[] {mask}));
  }
}
