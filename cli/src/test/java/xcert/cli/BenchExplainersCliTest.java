package xcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * `xcert bench explainers` and its device table on a machine without a GPU: the table on the CPU
 * alone at tiny sizes (its structure, positive rates, the JSON carrying them), the table skipped by
 * default, and out-of-range options ending in one line and exit status 2.
 */
class BenchExplainersCliTest {

  /** The quick part of the bench (smallest d and K) and a tiny device table. */
  private static final String[] TINY = {"bench", "explainers", "--backend", "cpu", "--d", "2",
      "--max-log2-samples", "6", "--device-table", "--widths", "16", "--batches-log2", "7,9"};

  private static String[] with(String[] args, String... more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  @Test
  void deviceTableOnTheCpuAloneHasOneRowPerMethodAndSize() {
    CliTest.Run r = CliTest.run(TINY);
    assertEquals(0, r.status(), r.err());
    List<String> lines = r.out().lines().toList();
    int head = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("device table, the CPU alone")) {
        head = i;
      }
    }
    assertTrue(head >= 0, r.out());
    assertEquals(List.of("W", "method", "n", "CPU", "samples/s", "n_cpu"),
        List.of(lines.get(head + 1).trim().split("\\s+")));
    List<String[]> rows = new ArrayList<>();
    for (int i = head + 2; i < lines.size() && !lines.get(i).isBlank(); i++) {
      rows.add(lines.get(i).trim().split("\\s+"));
    }
    // two methods (smoothgrad, c-lime) × two sizes, in order
    assertEquals(4, rows.size(), r.out());
    String[][] expected = {{"smoothgrad", "2^7"}, {"smoothgrad", "2^9"}, {"c-lime", "2^7"},
        {"c-lime", "2^9"}};
    for (int i = 0; i < 4; i++) {
      String[] row = rows.get(i);
      assertEquals("16", row[0]);
      assertEquals(expected[i][0], row[1]);
      assertEquals(expected[i][1], row[2]);
      assertTrue(row[3].endsWith("/s"), row[3]);
      assertTrue(Double.parseDouble(row[3].replace("/s", "")) > 0, row[3]);
      // n_cpu: n itself below 2^8; at n = 2^9 the doubling from 2^8 stops at 2^8 or 2^9
      String nCpu = row[4];
      assertTrue(i % 2 == 0 ? nCpu.equals("2^7") : nCpu.equals("2^8") || nCpu.equals("2^9"),
          nCpu);
    }
    assertTrue(r.out().contains("capped at 150 s"), r.out());
    assertTrue(r.err().contains("bench explainers: device table: W = 16, c-lime, n = 2^9"),
        r.err());
  }

  @Test
  void jsonCarriesEveryRateOfTheDeviceTable() throws IOException {
    CliTest.Run r = CliTest.run(with(TINY, "--json"));
    assertEquals(0, r.status(), r.err());
    @SuppressWarnings("unchecked")
    Map<String, Object> dev = (Map<String, Object>) parse(r.out()).get("device_comparison");
    assertEquals(false, dev.get("compared"));
    assertTrue(((String) dev.get("baseline")).startsWith("cpu"));
    assertTrue(((Number) dev.get("cpu_seconds")).doubleValue() > 0);
    assertFalse(dev.containsKey("pays_from"), "nothing to compare on the CPU alone");
    List<?> rows = (List<?>) dev.get("rows");
    assertEquals(4, rows.size());
    for (Object o : rows) {
      Map<?, ?> row = (Map<?, ?>) o;
      assertEquals(16, ((Number) row.get("width")).intValue());
      long n = ((Number) row.get("n")).longValue();
      long cpuN = ((Number) row.get("cpu_n")).longValue();
      double seconds = ((Number) row.get("cpu_seconds")).doubleValue();
      double rate = ((Number) row.get("cpu_samples_per_s")).doubleValue();
      assertTrue(n == 128 || n == 512, row.toString());
      assertTrue(cpuN >= Math.min(n, 256) && cpuN <= n, row.toString());
      assertTrue(rate > 0, row.toString());
      assertEquals(cpuN / seconds, rate, 1e-9 * rate);
      assertFalse(row.containsKey("ratio"));
    }
  }

  @Test
  void deviceTableIsSkippedOnTheCpuUnlessAsked() throws IOException {
    // --d 2 and K = 6 keep the rest of the bench short; the default sizes would be used otherwise
    CliTest.Run r = CliTest.run("bench", "explainers", "--backend", "cpu", "--d", "2",
        "--max-log2-samples", "6", "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, Object> top = parse(r.out());
    assertEquals(Map.of("skipped", ExplainersBenchCommand.SKIPPED), top.get("device_comparison"));
    assertFalse(r.err().contains("device table"), r.err());
  }

  @Test
  void outOfRangeDeviceOptionsEndInOneLine() {
    oneLine(CliTest.run("bench", "explainers", "--widths", "64,0"), "--widths", "0",
        "1..8192");
    oneLine(CliTest.run("bench", "explainers", "--widths", "8193"), "--widths", "8193",
        "1..8192");
    oneLine(CliTest.run("bench", "explainers", "--batches-log2", "3"), "--batches-log2", "3",
        "4..22");
    oneLine(CliTest.run("bench", "explainers", "--batches-log2", "10,23"), "--batches-log2",
        "23", "4..22");
    oneLine(CliTest.run("bench", "explainers", "--device-methods", "smoothgrad,shap"),
        "--device-methods", "shap");
    oneLine(CliTest.run("bench", "explainers", "--widths", "x"), "--widths");
  }

  private static void oneLine(CliTest.Run r, String... fragments) {
    assertEquals(2, r.status(), r.out() + r.err());
    String err = r.err().strip();
    assertEquals(1, err.lines().count(), err);
    assertFalse(err.contains("Exception"), err);
    for (String f : fragments) {
      assertTrue(err.contains(f), () -> err + " lacks " + f);
    }
  }

  /** A JSON object as maps, lists, numbers, strings, booleans and nulls. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String json) throws IOException {
    try (JsonParser p = new JsonFactory().createParser(json)) {
      p.nextToken();
      return (Map<String, Object>) value(p);
    }
  }

  private static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          m.put(name, value(p));
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
        return p.getNumberValue();
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return p.getBooleanValue();
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> {
        return p.getText();
      }
    }
  }
}
