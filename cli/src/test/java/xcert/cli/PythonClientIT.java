package xcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python client of {@code examples/python/grade_shap.py}, run as a user runs it: it trains a
 * scikit-learn MLP, writes it to ONNX, explains 4 rows with shap's Exact, Permutation and Kernel
 * explainers over the Independent masker's own 100 background rows, and grades each with one
 * {@code ./xcert oracle} call on the packaged jar; it exits 0 only when all three pass. Runs when
 * python3 can import numpy, scikit-learn, onnx and shap, and skips with a one-line message
 * otherwise.
 */
class PythonClientIT {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path JAR = ROOT.resolve("cli/target/xcert.jar");
  private static final Path SCRIPT = ROOT.resolve("examples/python/grade_shap.py");

  @Test
  void shapsExplainersPassTheOracle(@TempDir Path out) throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "skipped: " + JAR + " is not built (mvn package)");
    String missing = pythonMissing();
    assumeTrue(missing == null, "skipped: " + missing);
    List<String> cmd = new ArrayList<>(List.of("python3", SCRIPT.toString(), "--out",
        out.toString()));
    Path log = out.resolve("log.txt");
    Process p = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    boolean done = p.waitFor(600, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String printed = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(done, "grade_shap.py did not finish in 600 s; it printed:\n" + printed);
    assertEquals(0, p.exitValue(), "grade_shap.py failed:\n" + printed);
    for (String name : List.of("exact", "permutation", "kernel")) {
      assertTrue(printed.lines().anyMatch(l -> l.startsWith(name) && l.contains("4 passed,"
          + " 0 failed")), name + " did not pass on all 4 rows:\n" + printed);
      assertTrue(Files.isRegularFile(out.resolve(name + "_values.npy")), name + " values");
    }
    // the Independent masker's 100-row subsample, not the 200 rows passed in, is the background
    List<String> background = Files.readAllLines(out.resolve("background.csv"));
    assertEquals(101, background.size(), "background.csv: header + masker.data's 100 rows");
  }

  /** null when python3 imports numpy, sklearn, onnx and shap; else what is missing, one line. */
  private static String pythonMissing() throws InterruptedException {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import numpy, sklearn, onnx, shap")
          .redirectErrorStream(true).start();
      boolean done = p.waitFor(120, TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly();
        return "python3 did not import numpy, sklearn, onnx and shap within 120 s";
      }
      if (p.exitValue() != 0) {
        String err = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
            .strip();
        String last = err.isEmpty() ? "exit " + p.exitValue()
            : err.substring(err.lastIndexOf('\n') + 1);
        return "python3 cannot import numpy, sklearn, onnx and shap (" + last + ")";
      }
      return null;
    } catch (IOException e) {
      return "no python3 on the PATH (" + e.getMessage() + ")";
    }
  }
}
