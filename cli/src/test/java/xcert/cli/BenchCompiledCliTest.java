package xcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/**
 * `xcert bench compiled` on a tiny configuration: every family present, efficiency exact on every
 * compiled row, f_∅ of a threshold circuit equal to the binomial tail computed here, a node-budget
 * refusal that names the size reached, and bad options refused in one line with exit status 2.
 */
class BenchCompiledCliTest {

  private static final String[] TINY = {"bench", "compiled", "--uf50", "2", "--cnf-d", "40",
      "--cnf-seeds", "2", "--cnf-route", "dnnf", "--threshold", "8/20,150/300", "--block-d", "40",
      "--joins", "xor,maj", "--node-budget", "3000", "--time-budget", "60", "--json"};

  @SuppressWarnings("unchecked")
  @Test
  void tinyRunCompilesEveryFamilyChecksEfficiencyAndRefusesPastTheNodeBudget() throws IOException {
    CliTest.Run r = CliTest.run(TINY);
    assertEquals(0, r.status(), r.err());
    Map<String, Object> top = BenchExplainersCliTest.parse(r.out());
    List<Map<String, Object>> rows = (List<Map<String, Object>>) top.get("rows");
    List<String> names = rows.stream().map(m -> (String) m.get("instance")).toList();
    assertEquals(List.of("uf50-01", "uf50-02", "3cnf-d40-s1", "3cnf-d40-s2", "atleast-8-of-20",
        "atleast-150-of-300", "blocks-xor-d40", "blocks-maj-d40"), names);
    int ok = 0;
    for (Map<String, Object> m : rows) {
      if (m.get("instance").equals("atleast-150-of-300")) {
        // its OBDD has about 150 * 151 nodes: over the 3,000-node budget, refused with the size
        assertEquals("refused", m.get("status"), m.toString());
        String reason = (String) m.get("reason");
        assertTrue(reason.contains("reached the node limit of 3000"),
            m.toString());
        // the size reached: how many of the circuit's nodes were built when the table filled
        java.util.regex.Matcher built = java.util.regex.Pattern.compile(
            "with (\\d+) of (\\d+) circuit nodes built").matcher(reason);
        assertTrue(built.find(), reason);
        assertTrue(Integer.parseInt(built.group(1)) < Integer.parseInt(built.group(2)), reason);
        continue;
      }
      assertEquals("ok", m.get("status"), m.toString());
      assertEquals("exact", m.get("efficiency"), m.toString());
      assertTrue(((Number) m.get("nodes")).intValue() >= 1, m.toString());
      assertTrue(m.containsKey("shapley_s") && m.containsKey("banzhaf_s"), m.toString());
      ok++;
    }
    assertEquals(7, ok);
    assertEquals("d-DNNF", rows.get(0).get("route"));
    assertEquals("BDD", rows.get(4).get("route"));
    // f_empty of "at least 8 ones of 20" under the uniform distribution: sum_{k>=8} C(20,k) / 2^20
    BigInteger tail = BigInteger.ZERO;
    BigInteger c = BigInteger.ONE;
    for (int k = 0; k <= 20; k++) {
      if (k >= 8) {
        tail = tail.add(c);
      }
      c = c.multiply(BigInteger.valueOf(20 - k)).divide(BigInteger.valueOf(k + 1));
    }
    BigFraction expected = BigFraction.of(tail, BigInteger.ONE.shiftLeft(20));
    String[] fe = ((String) rows.get(4).get("f_empty")).split("/");
    BigFraction got = fe.length == 1 ? BigFraction.of(new BigInteger(fe[0].trim()))
        : BigFraction.of(new BigInteger(fe[0].trim()), new BigInteger(fe[1].trim()));
    assertEquals(expected, got);
    assertTrue(((String) top.get("summary")).startsWith("8 instance runs, 7 compiled"),
        (String) top.get("summary"));
    assertTrue(((String) top.get("budgets")).contains("3,000 nodes"), (String) top.get("budgets"));
    assertTrue(r.err().contains("bench compiled: 6/8 atleast-150-of-300 (BDD)"), r.err());
  }

  @Test
  void badOptionsAreRefusedInOneLine() {
    String[][] bad = {{"bench", "compiled", "--joins", "or"},
        {"bench", "compiled", "--families", "uf50", "--block-d", "40"},
        {"bench", "compiled", "--threshold", "5"},
        {"bench", "compiled", "--block-d", "30"},
        {"bench", "compiled", "--uf50", "51"},
        {"bench", "compiled", "--cnf-route", "sdd"},
        {"bench", "compiled", "--time-budget", "0"}};
    for (String[] args : bad) {
      CliTest.Run r = CliTest.run(args);
      assertEquals(2, r.status(), String.join(" ", args) + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().startsWith("xcert: "), r.err());
      assertEquals("", r.out());
    }
  }
}
