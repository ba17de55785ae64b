package xcert.explainers.realdata.tabular;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader for the files {@code train.py} writes (preprocessing and expected predictions):
 * objects become ordered maps, arrays lists, numbers doubles (parsed by Jackson, so a value written by
 * Python's {@code repr} comes back as the same double), strings strings.
 */
final class TabularJson {

  private TabularJson() {}

  /** The document in {@code file} as maps, lists, doubles, strings, booleans and null. */
  static Object read(Path file) {
    try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
      p.nextToken();
      return value(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() != JsonToken.END_OBJECT) {
          String key = p.currentName();
          p.nextToken();
          m.put(key, value(p));
        }
        return m;
      }
      case START_ARRAY -> {
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(value(p));
        }
        return l;
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return p.getDoubleValue();
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return t == JsonToken.VALUE_TRUE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new IOException("unexpected " + t);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static double[] doubles(Object o) {
    List<Object> l = (List<Object>) o;
    double[] a = new double[l.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = (Double) l.get(i);
    }
    return a;
  }

  static int[] ints(Object o) {
    double[] d = doubles(o);
    int[] a = new int[d.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = (int) d[i];
    }
    return a;
  }

  @SuppressWarnings("unchecked")
  static List<String> strings(Object o) {
    return ((List<Object>) o).stream().map(String.class::cast).toList();
  }
}
