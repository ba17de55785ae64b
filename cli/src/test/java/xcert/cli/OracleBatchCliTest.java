package xcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xcert.cli.ExplainCliTest.assertBad;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `xcert oracle --inputs --attributions [--base-values]`: a batch graded row by row. The model is
 * x1 ∧ x2 with a dummy x3 under the uniform distribution (derivations in {@link OracleCliTest}): at
 * x = 111 the Shapley values are (3/8, 3/8, 0), f_∅ = 1/4, f(x) = 1; at x = 000 they are
 * (−1/8, −1/8, 0) (f_{1} = f_{2} = 0 and f_{12} = 0, so each marginal is −1/4 or 0, averaged to
 * −1/8), f(x) = 0.
 */
class OracleBatchCliTest {

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  /** A float64 .npy file of the given shape (1-D when cols is 0). */
  private Path npy(String name, int rows, int cols, double... v) throws IOException {
    String shape = cols == 0 ? "(" + rows + ",)" : "(" + rows + ", " + cols + ")";
    String header = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }\n";
    ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 8 * v.length)
        .order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    b.putShort((short) header.length());
    b.put(header.getBytes(StandardCharsets.ISO_8859_1));
    for (double x : v) {
      b.putDouble(x);
    }
    Path p = dir.resolve(name);
    Files.write(p, b.array());
    return p;
  }

  private CliTest.Run batch(Path inputs, Path attributions, String... more) throws IOException {
    Path model = write("and.expr", "inputs: 3\nx1 & x2\n");
    String[] base = {"oracle", "--model", model.toString(), "--inputs", inputs.toString(),
        "--attributions", attributions.toString(), "--against", "shapley"};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return CliTest.run(all);
  }

  @Test
  void aBatchOfCsvAndNpyPassesRowByRow() throws IOException {
    Path inputs = write("x.csv", "a,b,c\n1,1,1\n0,0,0\n1,1,1\n");
    Path phi = npy("phi.npy", 3, 3, 0.375, 0.375, 0, -0.125, -0.125, 0, 0.375, 0.375, 0);
    Path base = npy("base.npy", 3, 0, 0.25, 0.25, 0.25);
    CliTest.Run r = batch(inputs, phi, "--base-values", base.toString(), "--json");
    assertEquals(0, r.status(), r.out() + r.err());
    Map<String, String> f = CliTest.jsonFields(r.out());
    assertEquals("3", f.get("passed"));
    assertEquals("0", f.get("failed"));
    assertEquals("2", f.get("distinct_inputs"));
    assertTrue(f.get("rows").contains("\"row\":1") && f.get("rows").contains("\"verdict\":"
        + "\"pass\"") && f.get("rows").contains("\"sumPass\":true"), f.get("rows"));
  }

  @Test
  void aWrongRowOrBaseFailsWithExitOne() throws IOException {
    Path inputs = write("x.csv", "1,1,1\n0,0,0\n");
    Path phi = write("phi.csv", "0.375,0.375,0\n-0.125,0.125,0\n"); // row 2, feature 2 is wrong
    CliTest.Run r = batch(inputs, phi, "--json");
    assertEquals(1, r.status(), r.out() + r.err());
    Map<String, String> f = CliTest.jsonFields(r.out());
    assertEquals("1", f.get("passed"));
    assertEquals("1", f.get("failed"));
    assertTrue(f.get("rows").contains("\"worstFeature\":2"), f.get("rows"));
    Path good = write("good.csv", "0.375,0.375,0\n-0.125,-0.125,0\n");
    Path base = write("base.csv", "0.25\n0.5\n"); // row 2: b ≠ f_∅ = 1/4 and b + Σφ ≠ f(x) = 0
    CliTest.Run rb = batch(inputs, good, "--base-values", base.toString());
    assertEquals(1, rb.status(), rb.out() + rb.err());
    assertTrue(rb.out().contains("FAIL"), rb.out());
  }

  @Test
  void conflictingOrMissingOptionsAreOneLine() throws IOException {
    Path inputs = write("x.csv", "1,1,1\n");
    Path phi = write("phi.csv", "0.375,0.375,0\n");
    assertBad(batch(inputs, phi, "--x", "111"), "--x: conflicts with a batch");
    assertBad(batch(inputs, write("short.csv", "0.375,0.375\n")), "--attributions: row 1 has 2");
    assertBad(batch(inputs, write("two.csv", "1,1,1\n0,0,0\n")), "--attributions: has 2 rows");
    assertBad(batch(inputs, phi, "--rtol", "-1"), "--rtol");
    assertBad(batch(inputs, write("phi.txt2", "1,2,3\n")), "unknown extension");
    assertBad(CliTest.run("oracle", "--model", write("m.expr", "inputs: 3\nx1\n").toString(),
        "--inputs", inputs.toString(), "--against", "shapley"), "--attributions: is needed");
  }

  @Test
  void aSampledEstimateIsJudgedByItsSampleSize() throws IOException {
    Path inputs = write("x.csv", "1,1,1\n");
    // 0.05 off the exact 3/8: x1's marginal contributions are f_{1} − f_∅ = 1/4 and
    // f_{12} − f_{2} = 1/2, a range of 1/4, so the bound at 100 permutations (50 pairs, d = 3,
    // C = 0.99) is 1/4·√(ln(600)/100) ≈ 0.063 ≥ 0.05, and at a million ≈ 0.00063 < 0.05
    Path phi = write("phi.csv", "0.425,0.375,0\n");
    CliTest.Run few = batch(inputs, phi, "--estimator", "permutation", "--samples", "100");
    assertEquals(0, few.status(), few.out() + few.err());
    assertTrue(few.out().contains("pass"), few.out());
    CliTest.Run many = batch(inputs, phi, "--estimator", "permutation", "--samples", "1000000");
    assertEquals(1, many.status(), many.out() + many.err());
    assertBad(batch(inputs, phi, "--samples", "100"), "--samples: applies to a sampled estimate");
    assertBad(batch(inputs, phi, "--estimator", "occlusion", "--samples", "100"),
        "--estimator: 'occlusion' has no statistical bound");
    assertBad(batch(inputs, phi, "--estimator", "permutation"), "--samples: is needed");
  }
}
