package xcert.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xcert.solvers.result.Scalar;
import xcert.solvers.features.FeatureSet;

/**
 * One command's answer as ordered fields, printed either as a readable table or as one JSON object.
 * Scalars print their rational where they are exact; in JSON a scalar field {@code value} becomes
 * {@code "value": 0.375, "rational": "3/8"} and an array field {@code values} becomes {@code "values"}
 * and {@code "rationals"}; sets are arrays of 1-based feature indices.
 */
final class Output {

  /** A list of sets (bit masks, bit i = feature i+1), printed as {1,3} and as [[1,3]]. */
  record Sets(List<FeatureSet> sets) {

    Sets {
      sets = List.copyOf(sets);
    }

    static Sets of(int... masks) {
      return new Sets(java.util.Arrays.stream(masks)
          .mapToObj(m -> FeatureSet.ofMask(m & 0xffffffffL)).toList());
    }

    static Sets one(long mask) {
      return new Sets(List.of(FeatureSet.ofMask(mask)));
    }
  }

  /** Rows of a sub-table: column names and rows of cells (Scalar, String, Number, Sets, int mask). */
  record Rows(List<String> columns, List<List<Object>> rows) {}

  private final Map<String, Object> fields = new LinkedHashMap<>();

  Output put(String key, Object value) {
    fields.put(key, value);
    return this;
  }

  /** Renders as a two-column table, sub-tables below it. */
  String toTable() {
    StringBuilder sb = new StringBuilder();
    int width = 0;
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      if (!(e.getValue() instanceof Rows)) {
        width = Math.max(width, e.getKey().length());
      }
    }
    List<Map.Entry<String, Object>> tables = new ArrayList<>();
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      if (e.getValue() instanceof Rows) {
        tables.add(e);
        continue;
      }
      sb.append(String.format("%-" + width + "s  %s%n", e.getKey(), text(e.getValue())));
    }
    for (Map.Entry<String, Object> e : tables) {
      sb.append('\n').append(e.getKey()).append('\n');
      sb.append(renderRows((Rows) e.getValue()));
    }
    return sb.toString();
  }

  static String renderRows(Rows r) {
    int n = r.columns().size();
    int[] w = new int[n];
    List<List<String>> cells = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      w[c] = r.columns().get(c).length();
    }
    for (List<Object> row : r.rows()) {
      List<String> line = new ArrayList<>();
      for (int c = 0; c < n; c++) {
        String t = text(row.get(c));
        line.add(t);
        w[c] = Math.max(w[c], t.length());
      }
      cells.add(line);
    }
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < n; c++) {
      sb.append(String.format("%-" + w[c] + "s", r.columns().get(c))).append(c < n - 1 ? "  " : "");
    }
    sb.append('\n');
    for (List<String> line : cells) {
      for (int c = 0; c < n; c++) {
        sb.append(String.format("%-" + w[c] + "s", line.get(c))).append(c < n - 1 ? "  " : "");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Rows as a Markdown table: cells as {@link #text} prints them, with | escaped. */
  static String markdown(Rows r) {
    StringBuilder sb = new StringBuilder("|");
    for (String c : r.columns()) {
      sb.append(' ').append(c).append(" |");
    }
    sb.append("\n|").append("---|".repeat(r.columns().size())).append('\n');
    for (List<Object> row : r.rows()) {
      sb.append('|');
      for (Object o : row) {
        sb.append(' ').append(text(o).replace("|", "\\|")).append(" |");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Rationals longer than this also print as decimals in tables. */
  private static final int LONG_RATIONAL = 40;

  static String text(Object v) {
    if (v instanceof Scalar s) {
      return s.isExact() ? s.rationalText() + (s.exact().getDenominator().equals(
          java.math.BigInteger.ONE) ? "" : "  (≈ " + s.value() + ")") : s.value() + "  (float64)";
    }
    if (v instanceof Scalar[] arr) {
      StringBuilder sb = new StringBuilder();
      boolean unreadable = false;
      for (int i = 0; i < arr.length; i++) {
        String t = arr[i].isExact() ? arr[i].rationalText() : Double.toString(arr[i].value());
        unreadable |= arr[i].isExact() && t.length() > LONG_RATIONAL;
        sb.append(i == 0 ? "" : ", ").append(t);
      }
      if (unreadable) {
        // long exact rationals (a network's) get their decimal values on a line of their own
        sb.append("\n  ≈ ");
        for (int i = 0; i < arr.length; i++) {
          sb.append(i == 0 ? "" : ", ").append(arr[i].value());
        }
      }
      return sb.toString();
    }
    if (v instanceof Sets s) {
      StringBuilder sb = new StringBuilder();
      int shown = 0;
      for (FeatureSet m : s.sets()) {
        if (shown == 20) {
          sb.append(" … (").append(s.sets().size() - 20).append(" more; --json lists all)");
          break;
        }
        sb.append(shown++ == 0 ? "" : " ").append(m);
      }
      return s.sets().isEmpty() ? "(none)" : sb.toString();
    }
    if (v instanceof double[] a) {
      return java.util.Arrays.toString(a);
    }
    if (v instanceof Map<?, ?> m) {
      StringBuilder sb = new StringBuilder();
      m.forEach((k, x) -> sb.append(sb.length() == 0 ? "" : "; ").append(k).append(": ")
          .append(x == null ? "(none)" : x));
      return sb.toString();
    }
    return String.valueOf(v);
  }

  /** Renders as one JSON object. */
  String toJson() {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      writeObject(g, fields);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void writeObject(JsonGenerator g, Map<String, Object> map) throws IOException {
    g.writeStartObject();
    for (Map.Entry<String, Object> e : map.entrySet()) {
      writeField(g, e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }

  private static void writeField(JsonGenerator g, String key, Object v) throws IOException {
    if (v instanceof Scalar s) {
      g.writeFieldName(key);
      writeNumber(g, s.value());
      if (s.isExact()) {
        g.writeStringField(key.equals("value") ? "rational" : key + "_rational", s.rationalText());
      }
      return;
    }
    if (v instanceof Scalar[] arr) {
      g.writeArrayFieldStart(key);
      boolean exact = true;
      for (Scalar s : arr) {
        writeNumber(g, s.value());
        exact &= s.isExact();
      }
      g.writeEndArray();
      if (exact) {
        g.writeArrayFieldStart(key.equals("values") ? "rationals" : key + "_rationals");
        for (Scalar s : arr) {
          g.writeString(s.rationalText());
        }
        g.writeEndArray();
      }
      return;
    }
    g.writeFieldName(key);
    writeValue(g, v);
  }

  private static void writeValue(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Sets s) {
      g.writeStartArray();
      for (FeatureSet m : s.sets()) {
        int[] f = m.features();
        g.writeArray(f, 0, f.length);
      }
      g.writeEndArray();
    } else if (v instanceof Rows r) {
      g.writeStartArray();
      for (List<Object> row : r.rows()) {
        g.writeStartObject();
        for (int c = 0; c < r.columns().size(); c++) {
          writeField(g, r.columns().get(c), row.get(c));
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    } else if (v instanceof Scalar s) {
      writeNumber(g, s.value());
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof java.math.BigInteger b) {
      g.writeNumber(b);
    } else if (v instanceof Double d) {
      writeNumber(g, d);
    } else if (v instanceof double[] a) {
      g.writeStartArray();
      for (double x : a) {
        writeNumber(g, x);
      }
      g.writeEndArray();
    } else if (v instanceof int[] a) {
      g.writeArray(a, 0, a.length);
    } else if (v instanceof long[] a) {
      g.writeArray(a, 0, a.length);
    } else if (v instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, Object> mm = (Map<String, Object>) m;
      writeObject(g, mm);
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object o : list) {
        writeValue(g, o);
      }
      g.writeEndArray();
    } else {
      g.writeString(String.valueOf(v));
    }
  }

  private static void writeNumber(JsonGenerator g, double x) throws IOException {
    if (Double.isFinite(x)) {
      g.writeNumber(x);
    } else {
      g.writeString(Double.toString(x));
    }
  }
}
