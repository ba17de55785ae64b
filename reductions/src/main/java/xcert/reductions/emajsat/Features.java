package xcert.reductions.emajsat;

import xcert.solvers.features.FeatureSet;
import java.util.StringJoiner;

/** Feature sets written as sets of variables, {x1, x3}, for messages and explanations. */
final class Features {

  private Features() {}

  static String format(FeatureSet s) {
    StringJoiner j = new StringJoiner(", ", "{", "}");
    for (int f : s.features()) {
      j.add("x" + f);
    }
    return j.toString();
  }

  static String format(long mask) {
    return format(FeatureSet.ofMask(mask));
  }
}
