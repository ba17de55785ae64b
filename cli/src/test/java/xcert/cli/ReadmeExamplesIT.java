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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The README's "Use from Java" examples, run as a user runs them: each fenced {@code java} block is
 * saved as its class's file and launched from the repository root with
 * {@code java -cp cli/target/xcert.jar Example.java}; what it prints must equal the {@code text}
 * block that follows it in the README. Runs after {@code package}, so it is an integration test.
 */
class ReadmeExamplesIT {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path JAR = ROOT.resolve("cli/target/xcert.jar");
  private static final Pattern BLOCK = Pattern.compile("```(java|text)\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CLASS = Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)");

  /** One example: its source and the output the README promises. */
  record Example(String className, String source, String expected) {}

  static List<Example> examples() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("\n## Use from Java");
    assertTrue(start >= 0, "README.md has no '## Use from Java' section");
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    List<Example> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(section);
    String pending = null;
    while (m.find()) {
      if (m.group(1).equals("java")) {
        assertEquals(null, pending, "a java example without the text block of its output");
        pending = m.group(2);
      } else if (pending != null) {
        Matcher c = CLASS.matcher(pending);
        assertTrue(c.find(), "an example without a class:\n" + pending);
        out.add(new Example(c.group(1), pending, m.group(2)));
        pending = null;
      }
    }
    assertEquals(null, pending, "the last java example has no text block of its output");
    return out;
  }

  @Test
  void everyLibraryModuleHasAnExample() throws IOException {
    List<Example> all = examples();
    for (String module : List.of("solvers", "certificates", "reductions", "explainers")) {
      assertTrue(all.stream().anyMatch(e -> e.source().contains("import xcert." + module + ".")),
          "no README example uses the " + module + " module");
    }
    for (Example e : all) {
      assertTrue(!e.source().contains("package "), e.className() + " has a package line");
      assertTrue(e.source().contains("public static void main"), e.className() + " has no main");
    }
  }

  @TestFactory
  Stream<DynamicTest> examplesPrintWhatTheReadmeSays() throws IOException {
    return examples().stream().map(e -> DynamicTest.dynamicTest(e.className(), () -> run(e)));
  }

  private static void run(Example e) throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "skipped: " + JAR + " is not built (mvn package)");
    Path dir = Files.createTempDirectory("xcert-readme");
    Path file = dir.resolve(e.className() + ".java");
    Files.writeString(file, e.source(), StandardCharsets.UTF_8);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = dir.resolve("out.txt");
    Process p = new ProcessBuilder(java.toString(), "-cp", JAR.toString(), file.toString())
        .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean done = p.waitFor(180, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String printed = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(done, e.className() + " did not finish in 180 s; it printed:\n" + printed);
    assertEquals(0, p.exitValue(), e.className() + " failed:\n" + printed);
    assertEquals(normalise(e.expected()), normalise(printed), e.className() + " printed otherwise");
  }

  private static String normalise(String s) {
    return s.replaceAll("[ \\t]+\\n", "\n").strip();
  }
}
