package xcert.solvers.io;

import com.fasterxml.jackson.core.JsonToken;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.errors.Excerpt;
import xcert.solvers.errors.InputException;
import xcert.solvers.num.Rationals;

/**
 * An attribution computed elsewhere, one number per feature, read exactly (0.1 is 1/10) from CSV or
 * JSON, for the oracle that holds it against exact values (the exact Shapley values of seed 004
 * Section 5.2 and the exact limits of seed 000 Theorems 1–3). The format is chosen by the extension.
 *
 * <p><b>CSV</b> ({@code .csv}): fields separated by commas, spaces around them ignored; blank lines
 * and lines starting with {@code #} skipped. The first remaining line is a header when its last field
 * is not a number. The data is then one of:
 * <ul>
 *   <li>one line of d numbers: w_1, …, w_d;
 *   <li>d lines of one number each, w_1 first;
 *   <li>d lines {@code feature,value}, where feature is 1..d or x1..xd, each feature exactly once,
 *       in any order.
 * </ul>
 * A number is a decimal ({@code -0.25}, {@code 2.5e-3}) or a fraction ({@code 3/8}).
 *
 * <p><b>JSON</b> ({@code .json}): an array of d numbers, or an object whose key {@code "values"}
 * holds that array (other keys are ignored). Numbers may also be strings holding a decimal or a
 * fraction ({@code "3/8"}).
 *
 * <p>Every error names the file, the line (and column where there is one) and what was expected.
 */
public final class AttributionFile {

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
  private static final Pattern FRACTION = Pattern.compile("[+-]?[0-9]+\\s*/\\s*[0-9]+");
  private static final Pattern FEATURE = Pattern.compile("[xX]?([0-9]+)");

  private AttributionFile() {}

  /**
   * The d values of the file, feature 1 first.
   *
   * @throws InputException for an unreadable or malformed file, naming the line and column
   */
  public static BigFraction[] read(Path file, int d) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (!lower.endsWith(".csv") && !lower.endsWith(".json")) {
      throw InputException.of(file.toString(), "unknown attribution format; expected a .csv or"
          + " .json file");
    }
    String text = Sources.readString(file);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return lower.endsWith(".csv") ? csv(file.toString(), text, d) : json(file.toString(), text, d);
  }

  static boolean isNumber(String s) {
    return DECIMAL.matcher(s).matches() || FRACTION.matcher(s).matches();
  }

  private static BigFraction number(String source, int line, int column, String s, String what) {
    if (!isNumber(s)) {
      throw new InputException(source, line, column, (s.isEmpty() ? "empty field"
          : Excerpt.quote(s)) + " is not a number; expected " + what
          + " (a decimal such as -0.25 or a fraction such as 3/8)");
    }
    try {
      return Rationals.parse(s);
    } catch (NumberFormatException e) {
      throw new InputException(source, line, column, e.getMessage());
    }
  }

  /** One data line: its number, and its fields with their 1-based columns. */
  private record Line(int number, List<String> fields, List<Integer> columns) {}

  static BigFraction[] csv(String source, String text, int d) {
    String[] raw = text.split("\r?\n|\r", -1);
    List<Line> lines = new ArrayList<>();
    boolean first = true;
    for (int n = 0; n < raw.length; n++) {
      String t = raw[n];
      if (t.isBlank() || t.strip().startsWith("#")) {
        continue;
      }
      List<String> fields = new ArrayList<>();
      List<Integer> cols = new ArrayList<>();
      int start = 0;
      while (true) {
        int comma = t.indexOf(',', start);
        String f = comma < 0 ? t.substring(start) : t.substring(start, comma);
        int lead = 0;
        while (lead < f.length() && Character.isWhitespace(f.charAt(lead))) {
          lead++;
        }
        fields.add(f.strip());
        cols.add(start + lead + 1);
        if (comma < 0) {
          break;
        }
        start = comma + 1;
      }
      if (first) {
        first = false;
        if (!isNumber(fields.get(fields.size() - 1))) {
          continue; // a header
        }
      }
      lines.add(new Line(n + 1, fields, cols));
    }
    if (lines.isEmpty()) {
      throw new InputException(source, raw.length, 0, "no values; expected one line of " + d
          + " numbers, or " + d + " lines 'feature,value' or of one number each");
    }
    BigFraction[] w = new BigFraction[d];
    Line l0 = lines.get(0);
    if (lines.size() == 1 && !(d == 1 && l0.fields().size() == 2)) {
      if (l0.fields().size() != d) {
        throw new InputException(source, l0.number(), 0, l0.fields().size() + " value(s) on "
            + "one line; expected d = " + d + " (one per feature)"
            + (d == 1 ? " or 'feature,value'" : ", or " + d + " lines 'feature,value'"));
      }
      for (int i = 0; i < d; i++) {
        w[i] = number(source, l0.number(), l0.columns().get(i), l0.fields().get(i),
            "the value of feature " + (i + 1));
      }
      return w;
    }
    int width = l0.fields().size();
    if (width != 1 && width != 2) {
      throw new InputException(source, l0.number(), 0, width + " fields; expected 'feature,value',"
          + " one number per line, or all " + d + " values on one line");
    }
    for (int k = 0; k < lines.size(); k++) {
      Line l = lines.get(k);
      if (k >= d) {
        throw new InputException(source, l.number(), 0, "more than d = " + d + " lines of values;"
            + " expected one per feature");
      }
      if (l.fields().size() != width) {
        throw new InputException(source, l.number(), 0, l.fields().size() + " field(s); expected "
            + (width == 2 ? "'feature,value' like the first line" : "one number like the first"
                + " line"));
      }
      if (width == 1) {
        w[k] = number(source, l.number(), l.columns().get(0), l.fields().get(0),
            "the value of feature " + (k + 1));
        continue;
      }
      String f = l.fields().get(0);
      var m = FEATURE.matcher(f);
      int i = -1;
      if (m.matches() && m.group(1).length() < 9) {
        i = Integer.parseInt(m.group(1));
      }
      if (i < 1 || i > d) {
        throw new InputException(source, l.number(), l.columns().get(0), Excerpt.quote(f) + " is not a "
            + "feature; expected 1.." + d + " or x1..x" + d + " (lines of two fields are "
            + "'feature,value')");
      }
      if (w[i - 1] != null) {
        throw new InputException(source, l.number(), l.columns().get(0), "feature " + i
            + " appears twice; expected each feature once");
      }
      w[i - 1] = number(source, l.number(), l.columns().get(1), l.fields().get(1),
          "the value of feature " + i);
    }
    if (lines.size() < d) {
      int last = lines.get(lines.size() - 1).number();
      String missing = "";
      if (width == 2) {
        for (int i = 0; i < d; i++) {
          if (w[i] == null) {
            missing = " (feature " + (i + 1) + " is missing)";
            break;
          }
        }
      }
      throw new InputException(source, last, 0, lines.size() + " line(s) of values; expected d = "
          + d + ", one per feature" + missing);
    }
    return w;
  }

  static BigFraction[] json(String source, String text, int d) {
    try (JsonInput p = new JsonInput(source, new StringReader(text))) {
      JsonToken t = p.next();
      BigFraction[] w;
      if (t == JsonToken.START_ARRAY) {
        w = array(p, d);
      } else if (t == JsonToken.START_OBJECT) {
        w = null;
        for (t = p.next(); t == JsonToken.FIELD_NAME; t = p.next()) {
          String key = p.text();
          JsonToken v = p.next();
          if (key.equals("values")) {
            if (w != null) {
              throw p.error("duplicate key \"values\"");
            }
            if (v != JsonToken.START_ARRAY) {
              throw p.error("\"values\" must be an array of " + d + " numbers, found "
                  + JsonInput.describe(v));
            }
            w = array(p, d);
          } else {
            p.skipChildren();
          }
        }
        if (w == null) {
          throw p.error("no key \"values\"; expected {\"values\": [" + d + " numbers]}");
        }
      } else {
        throw p.error("expected an array of " + d + " numbers or an object with \"values\", found "
            + JsonInput.describe(t));
      }
      p.expectEnd("attribution");
      return w;
    }
  }

  private static BigFraction[] array(JsonInput p, int d) {
    List<BigFraction> w = new ArrayList<>();
    for (JsonToken t = p.next(); t != JsonToken.END_ARRAY; t = p.next()) {
      if (t == null) {
        throw p.error("the array of values is not closed");
      }
      if (w.size() == d) {
        throw p.error("more than d = " + d + " values; expected one per feature");
      }
      String what = "the value of feature " + (w.size() + 1);
      if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT
          || t == JsonToken.VALUE_STRING) {
        JsonInput.Loc l = p.loc();
        w.add(number(p.source, l.line(), l.column(), p.text().strip(), what));
      } else {
        throw p.error("expected " + what + " (a number), found " + JsonInput.describe(t));
      }
    }
    if (w.size() != d) {
      throw p.error(w.size() + " value(s); expected d = " + d + ", one per feature");
    }
    return w.toArray(new BigFraction[0]);
  }
}
