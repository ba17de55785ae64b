package xcert.cli;

import java.util.ArrayList;
import java.util.List;
import xcert.solvers.errors.Excerpt;
import xcert.solvers.errors.InputException;

/** Parses `--d` values: "20", "2..20", "2,4,8", or a mix such as "2..10,16,20". */
final class DRange {

  private DRange() {}

  static List<Integer> parse(String text, int min, int max) {
    List<Integer> out = new ArrayList<>();
    for (String part : text.split(",")) {
      String p = part.trim();
      if (!p.matches("[-0-9. ]*")) { // Integer.parseInt reads any Unicode digit; --d takes ASCII
        throw InputException.of("--d", Excerpt.quote(p) + " is not a number or range; expected"
            + " ASCII digits, e.g. 20, 2..20 or 2,4,8");
      }
      try {
        int dots = p.indexOf("..");
        if (dots >= 0) {
          int from = Integer.parseInt(p.substring(0, dots).trim());
          int to = Integer.parseInt(p.substring(dots + 2).trim());
          if (from > to) {
            throw InputException.of("--d", "range " + p + " is empty; expected FROM..TO with FROM <= TO");
          }
          for (int d = from; d <= to; d++) {
            out.add(check(d, min, max));
          }
        } else {
          out.add(check(Integer.parseInt(p), min, max));
        }
      } catch (NumberFormatException e) {
        throw InputException.of("--d", Excerpt.quote(p) + " is not a number or range; expected e.g. 20, "
            + "2..20 or 2,4,8");
      }
    }
    if (out.isEmpty()) {
      throw InputException.of("--d", "no value given; expected e.g. 2..20");
    }
    return out;
  }

  private static int check(int d, int min, int max) {
    if (d < min || d > max) {
      throw InputException.of("--d", d + " is out of range; expected " + min + ".." + max);
    }
    return d;
  }
}
