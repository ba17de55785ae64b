package xcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 point 3 on the command line: {@code exact shapley|banzhaf} takes the compiled route past
 * the stream (a uf50 instance: 50 moving features), {@code --method compiled} forces it and equals the
 * table, compile time and node count are printed, a {@code .nnf} file is read and used as given, and
 * what the route cannot answer is refused in one line naming the option.
 */
class CompiledCliTest {

  private static final String UF50 = "../data/satlib/uf50-218/uf50-01.cnf";

  private static Map<String, String> json(String... args) throws IOException {
    CliTest.Run r = CliTest.run(args);
    assertEquals(0, r.status(), r.err());
    return CliTest.jsonFields(r.out());
  }

  @Test
  void autoCompilesPastTheStream() throws IOException {
    Map<String, String> a = json("exact", "shapley", "--model", UF50, "--json");
    assertTrue(a.get("method").contains("compiled circuit"), a.get("method"));
    assertTrue(a.containsKey("compiled_nodes") && a.containsKey("compile_ms"), a.toString());
    // uf50-01 has 24 models of 2^50 (as exact fs --set - --method count says): f_empty = 3/2^47
    assertEquals("3/140737488355328", a.get("f_empty(x)_rational"));
  }

  @Test
  void forcedCompiledEqualsTheTableOnAnNnfFile() throws IOException {
    for (String q : new String[] {"shapley", "banzhaf"}) {
      for (String game : new String[] {"fs", "suf"}) {
        String[] base = {"exact", q, "--model", "../examples/ite.nnf", "--x", "101", "--dist",
            "bernoulli:1/4", "--game", game, "--json", "--method"};
        Map<String, String> c = json(append(base, "compiled"));
        Map<String, String> t = json(append(base, "table"));
        assertTrue(c.get("method").contains("as given"), c.get("method"));
        assertEquals(t.get("rationals"), c.get("rationals"), q + " " + game);
      }
    }
  }

  private static String[] append(String[] a, String last) {
    String[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = last;
    return out;
  }

  private static void refused(String option, String fragment, String... args) {
    CliTest.Run r = CliTest.run(args);
    assertEquals(2, r.status(), r.out() + r.err());
    String err = r.err().strip();
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.startsWith("xcert: " + option + ": ") || option.isEmpty(), err);
    assertTrue(err.contains(fragment), err);
    assertFalse(err.contains("Exception"), err);
  }

  @Test
  void whatTheCompiledRouteCannotAnswerIsRefused() {
    String f = "../examples/ite.nnf";
    refused("--rho", "not linear", "exact", "shapley", "--model", f, "--method", "compiled",
        "--game", "suf", "--rho", "sq");
    refused("--set", "partition value", "exact", "shapley", "--model", f, "--method", "compiled",
        "--set", "1,2");
    refused("--float64", "exact", "exact", "shapley", "--model", f, "--method", "compiled",
        "--float64");
    refused("--method", "not 'fs'", "exact", "fs", "--model", f, "--method", "compiled");
    refused("--method", "Boolean circuits", "exact", "shapley", "--model", "../examples/net.json",
        "--x", "1,0,1", "--method", "compiled");
    refused("--node-budget", "does not apply", "exact", "shapley", "--model", f, "--method",
        "table", "--node-budget", "100");
    refused("", "node limit", "exact", "shapley", "--model", UF50, "--method", "compiled",
        "--node-budget", "20");
  }
}
