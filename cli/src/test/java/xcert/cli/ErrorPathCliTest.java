package xcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import xcert.solvers.errors.InputException;

/**
 * The command line's one error path (issue 18): every failure a user can cause ends in exactly one
 * line on stderr and exit status 2 — I/O errors, output folders that cannot be written (refused before
 * any work), running out of memory or stack, interrupts — and only a bug prints a trace, with a line
 * asking for a report and exit status 70.
 */
class ErrorPathCliTest {

  @TempDir
  Path dir;

  /** Asserts exit 2, exactly one line on stderr starting "xcert: " and holding every part. */
  static String oneLine(CliTest.Run r, String... parts) {
    assertEquals(Main.BAD_INPUT, r.status(), r.err());
    String[] lines = r.err().split("\\R");
    assertEquals(1, lines.length, "expected one line on stderr:\n" + r.err());
    assertTrue(lines[0].startsWith("xcert: "), r.err());
    for (String p : parts) {
      assertTrue(lines[0].contains(p), "'" + p + "' missing from: " + lines[0]);
    }
    assertFalse(r.err().contains("\tat "), r.err());
    return lines[0];
  }

  // ---- failures arriving from a command: a test command added to xcert's command line ----------

  /** Fails the way its argument says, as a command of xcert's would. */
  @Command(name = "fail")
  static final class FailCommand implements Callable<Integer> {
    @Parameters(index = "0")
    String how;

    @Override
    public Integer call() throws Exception {
      switch (how) {
        case "heap" -> {
          // a real OutOfMemoryError: one array larger than the heap (or than the VM allows)
          long words = Math.min(Integer.MAX_VALUE - 2, Runtime.getRuntime().maxMemory() / 8 + 1024);
          long[] a = new long[(int) words];
          return a.length;
        }
        case "heap-parallel" -> {
          // the same error thrown in the workers of a parallel stream
          return IntStream.range(0, 4).parallel().map(i -> new long[Integer.MAX_VALUE].length)
              .sum();
        }
        case "heap-future" -> {
          ExecutorService ex = Executors.newSingleThreadExecutor();
          try {
            return ex.submit(() -> new long[Integer.MAX_VALUE].length).get();
          } finally {
            ex.shutdownNow();
          }
        }
        case "stack" -> {
          return depth(0);
        }
        case "interrupted" -> throw new InterruptedException();
        case "access" -> throw new UncheckedIOException(new AccessDeniedException("/x/y.cert"));
        case "missing" -> throw new NoSuchFileException("/no/such/file.cnf");
        case "io" -> throw new IOException("Broken pipe");
        case "wrapped-input" -> throw new ExecutionException(
            InputException.of("f.cnf", "bad literal"));
        case "completion" -> {
          return CompletableFuture.<Integer>supplyAsync(() -> {
            throw InputException.setting("kernelWidth", "must be positive, is 0");
          }).join();
        }
        case "bug" -> {
          Object o = null;
          return o.hashCode();
        }
        default -> throw new AssertionError(how);
      }
    }

    private static int depth(int n) {
      return depth(n + 1) + 1;
    }
  }

  private static CliTest.Run fail(String how) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new Main()).addSubcommand("fail", new FailCommand());
    int status = Main.run(cl, new String[] {"fail", how}, new PrintWriter(out),
        new PrintWriter(err));
    return new CliTest.Run(status, out.toString(), err.toString());
  }

  @Test
  void outOfMemoryIsOneLineAndExit2() {
    oneLine(fail("heap"), "out of memory (", "XCERT_JAVA_OPTS=-Xmx");
    oneLine(fail("heap-parallel"), "out of memory", "XCERT_JAVA_OPTS=-Xmx");
    oneLine(fail("heap-future"), "out of memory (", "XCERT_JAVA_OPTS=-Xmx");
  }

  @Test
  void stackOverflowIsOneLineAndExit2() {
    oneLine(fail("stack"), "out of stack space", "-Xss");
  }

  @Test
  void interruptIsOneLineAndExit2() {
    oneLine(fail("interrupted"), "interrupted");
    Thread.interrupted(); // clear, should anything have set it
  }

  @Test
  void ioErrorsAreOneLineNamingTheFile() {
    assertEquals("xcert: /x/y.cert: permission denied", oneLine(fail("access")));
    assertEquals("xcert: /no/such/file.cnf: no such file or folder", oneLine(fail("missing")));
    assertEquals("xcert: input/output error: Broken pipe", oneLine(fail("io")));
  }

  @Test
  void wrappedUserErrorsAreUnwrapped() {
    assertEquals("xcert: f.cnf: bad literal", oneLine(fail("wrapped-input")));
    assertEquals("xcert: --kernel-width: must be positive, is 0", oneLine(fail("completion")));
  }

  @Test
  void aBugPrintsATraceAndAsksForAReport() {
    CliTest.Run r = fail("bug");
    assertEquals(Main.INTERNAL_ERROR, r.status(), r.err());
    assertTrue(r.err().contains("java.lang.NullPointerException"), r.err());
    assertTrue(r.err().contains("\tat xcert.cli.ErrorPathCliTest$FailCommand.call"), r.err());
    List<String> lines = r.err().lines().toList();
    assertTrue(lines.get(lines.size() - 1).startsWith("xcert: internal error (please report it "
        + "with the command line"), r.err());
  }

  // ---- output folders, checked before any work ----------------------------------------------

  private Path file(String name) throws IOException {
    return Files.writeString(dir.resolve(name), "not a folder\n");
  }

  private static boolean procPresent() {
    return Files.isDirectory(Path.of("/proc"));
  }

  @Test
  void certifyOutIsCheckedBeforeWork() throws IOException {
    String f = file("afile").toString();
    CliTest.Run r = CliTest.run("certify", "monomial-deletion", "--d", "3", "--out", f);
    oneLine(r, "--out", f, "is a file, not a folder");
    assertEquals("", r.out(), "nothing is computed or printed before the refusal");
    oneLine(CliTest.run("certify", "monomial-deletion", "--d", "3", "--out", f + "/sub"), "--out",
        "cannot create the folder", "is a file, not a folder");
    Path certs = dir.resolve("certs");
    Files.createDirectories(certs.resolve("monomial-deletion-d3.cert"));
    r = CliTest.run("certify", "monomial-deletion", "--d", "2..4", "--out", certs.toString());
    oneLine(r, "--out", "monomial-deletion-d3.cert is a folder");
    assertEquals("", r.out());
    assertEquals(List.of("monomial-deletion-d3.cert"), list(certs));
  }

  @Test
  void certifyOutUnderProc() {
    assumeTrue(procPresent(), "no /proc");
    oneLine(CliTest.run("certify", "binomial-insertion", "--d", "3", "--out", "/proc/xcert-x"),
        "--out", "cannot create the folder /proc/xcert-x");
  }

  @Test
  void aReadOnlyFolderIsRefused() throws IOException {
    Path ro = Files.createDirectories(dir.resolve("ro"));
    try {
      Files.setPosixFilePermissions(ro, java.nio.file.attribute.PosixFilePermissions.fromString(
          "r-xr-xr-x"));
    } catch (UnsupportedOperationException e) {
      assumeTrue(false, "no POSIX permissions here");
    }
    try {
      // root writes anyway: then there is nothing to refuse
      assumeTrue(!Files.isWritable(ro), "this user can write into a read-only folder");
      oneLine(CliTest.run("certify", "monomial-deletion", "--d", "3", "--out", ro.toString()),
          "--out", "cannot write into the folder", "permission denied");
      oneLine(CliTest.run("certify", "monomial-deletion", "--d", "3", "--out",
          ro.resolve("sub").toString()), "--out", "cannot create the folder", "permission denied");
    } finally {
      Files.setPosixFilePermissions(ro, java.nio.file.attribute.PosixFilePermissions.fromString(
          "rwxr-xr-x"));
    }
  }

  @Test
  void certifyPolynomialOutIsCheckedBeforeWork() throws IOException {
    String f = file("afile").toString();
    CliTest.Run r = CliTest.run("certify", "polynomial", "--poly", "x1*x2", "--out", f);
    oneLine(r, "--out", "is a file, not a folder");
    assertEquals("", r.out());
    Path certs = dir.resolve("certs");
    Files.createDirectories(certs.resolve("polynomial-d2.cert"));
    oneLine(CliTest.run("certify", "polynomial", "--poly", "x1*x2", "--out", certs.toString()),
        "--out", "polynomial-d2.cert is a folder");
    if (procPresent()) {
      oneLine(CliTest.run("certify", "polynomial", "--poly", "x1*x2", "--out", "/proc/xcert-x"),
          "--out", "/proc/xcert-x");
    }
  }

  @Test
  void reduceOutIsCheckedBeforeWork() throws IOException {
    String f = file("afile").toString();
    Path cnf = Files.writeString(dir.resolve("xor.cnf"), "p cnf 2 2\n1 2 0\n-1 -2 0\n");
    Path maj = Files.writeString(dir.resolve("maj.expr"), "(x1 & x2) | (x1 & x3) | (x2 & x3)\n");
    Path yes = Files.writeString(dir.resolve("yes.expr"), "x1 & (x2 | x3)\n");
    List<List<String>> commands = List.of(
        List.of("reduce", "sat-to-ap", "--cnf", cnf.toString()),
        List.of("reduce", "emajsat-to-relevant", "--model", yes.toString(), "--n", "1"),
        List.of("reduce", "circuit-to-relu", "--model", maj.toString()));
    for (List<String> c : commands) {
      CliTest.Run r = CliTest.run(concat(c, "--out", f));
      oneLine(r, "--out", "is a file, not a folder");
      assertEquals("", r.out(), c.toString());
      if (procPresent()) {
        oneLine(CliTest.run(concat(c, "--out", "/proc/xcert-x")), "--out", "/proc/xcert-x");
      }
    }
    // a folder where the construction's file goes: refused before anything is written
    Path out = dir.resolve("out");
    Files.createDirectories(out.resolve("xor-ap.aag"));
    oneLine(CliTest.run("reduce", "sat-to-ap", "--cnf", cnf.toString(), "--out", out.toString()),
        "--out", "xor-ap.aag is a folder");
    assertEquals(List.of("xor-ap.aag"), list(out));
  }

  @Test
  void reproduceOutIsCheckedBeforeAnySectionRuns() throws IOException {
    String f = file("afile").toString();
    // the check comes first: a single line, no section's progress line before it
    oneLine(CliTest.run("reproduce", "--only", "certificates", "--out", f), "--out",
        "is a file, not a folder");
    Path report = dir.resolve("report");
    Files.createDirectories(report.resolve("report.md"));
    oneLine(CliTest.run("reproduce", "--only", "certificates", "--out", report.toString()),
        "--out", "report.md is a folder");
    if (procPresent()) {
      oneLine(CliTest.run("reproduce", "--only", "certificates", "--out", "/proc/xcert-x"),
          "--out", "cannot create the folder /proc/xcert-x");
    }
  }

  @Test
  void benchOracleWriteIsCheckedBeforeWork() throws IOException {
    oneLine(CliTest.run("bench", "oracle", "--write", file("afile").toString()), "--write",
        "is a file, not a folder");
  }

  @Test
  void anExistingWritableFolderIsAcceptedAndLeftClean() throws IOException {
    Path out = dir.resolve("ok");
    CliTest.Run r = CliTest.run("certify", "monomial-deletion", "--d", "3", "--out", out.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(Files.isRegularFile(out.resolve("monomial-deletion-d3.cert")));
    assertTrue(list(out).stream().noneMatch(n -> n.startsWith(".xcert-probe")), list(out).toString());
    assertTrue(list(dir).stream().noneMatch(n -> n.startsWith(".xcert-probe")), list(dir).toString());
  }

  // ---- messages that name their source --------------------------------------------------------

  @Test
  void aConstantPolynomialNamesPoly() {
    String line = oneLine(CliTest.run("certify", "polynomial", "--poly", "3"), "--poly",
        "no variable");
    assertFalse(line.contains("1..62, is 0"), line);
  }

  @Test
  void anXOutsideAConditionalDistributionNamesX() throws IOException {
    Path model = Files.writeString(dir.resolve("maj.expr"), "(x1 & x2) | (x1 & x3) | (x2 & x3)\n");
    Path rows = Files.writeString(dir.resolve("rows.csv"), "0,0,0\n1,1,1\n");
    String dist = "conditional:" + rows;
    oneLine(CliTest.run("exact", "fs", "--model", model.toString(), "--x", "110", "--set", "1",
        "--dist", dist), "--x: x has probability 0", "expected x to be one of its points");
    oneLine(CliTest.run("exact", "shapley", "--model", model.toString(), "--x", "110", "--dist",
        dist), "--x: x has probability 0");
  }

  @Test
  void aPolynomialBeyondTheFullLpNamesPolyAndTheOptionThatHelps() {
    StringBuilder poly = new StringBuilder("x1");
    for (int i = 2; i <= 28; i++) {
      poly.append("*x").append(i);
    }
    String line = oneLine(CliTest.run("certify", "polynomial", "--poly", poly.toString()), "--poly",
        "d = 28", "stops at d = 26", "--symmetric");
    assertFalse(line.contains("Certification.Settings"), line);
  }

  @Test
  void aPolynomialCertificateBlamesItsFileNotOptionsNeverGiven() throws IOException {
    Path certs = dir.resolve("certs");
    CliTest.Run made = CliTest.run("certify", "polynomial", "--poly", "x1*x2*x3*x4*x5*x6", "--out",
        certs.toString());
    assertEquals(0, made.status(), made.err());
    Path cert = certs.resolve("polynomial-d6.cert");
    String text = Files.readString(cert, StandardCharsets.UTF_8);
    assertTrue(text.contains("\nx 1,1,1,1,1,1\n"), text);
    Path badX = Files.writeString(dir.resolve("bad-x.cert"),
        text.replace("\nx 1,1,1,1,1,1\n", "\nx 1,1,1,1\n"));
    String line = oneLine(CliTest.run("certify", "--check", badX.toString()), badX.toString(),
        "'x'", "4 values given, expected d=6");
    assertFalse(line.contains("--x"), line);
    Path badSets = Files.writeString(dir.resolve("bad-sets.cert"),
        text.replace("\nsets all\n", "\nsets size<=9\n"));
    line = oneLine(CliTest.run("certify", "--check", badSets.toString()), badSets.toString(),
        "'sets'", "size<=9");
    assertFalse(line.contains("--sets"), line);
    Path badD = Files.writeString(dir.resolve("bad-d.cert"), text.replace("\nd 6\n", "\nd 0\n"));
    oneLine(CliTest.run("certify", "--check", badD.toString()), badD.toString(), "'d 0'",
        "1..62");
  }

  /**
   * The README's example of a question refused as too large for SAT really is refused, with the
   * line the README shows (about 10 s: a million candidate sets, most refuted without a SAT call).
   */
  @Test
  void theReadmeRefusedSatExampleIsRefused() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
    int at = readme.indexOf("Questions too large for the chosen method are refused");
    assertTrue(at >= 0);
    int sh = readme.indexOf("```sh\n", at) + 6;
    String command = readme.substring(sh, readme.indexOf("```", sh)).replace("\\\n", " ").strip();
    int text = readme.indexOf("```text\n", sh) + 8;
    String shown = readme.substring(text, readme.indexOf("```", text)).strip();
    assertTrue(command.startsWith("./xcert "), command);
    String[] args = command.substring(8).trim().split("\\s+");
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("data/")) {
        args[i] = root.resolve(args[i]).toString();
      }
    }
    String line = oneLine(CliTest.run(args), "would examine more than");
    assertEquals(shown.substring(0, shown.indexOf(" (limit")), line.substring(0,
        line.indexOf(" (limit")));
  }

  private static String[] concat(List<String> head, String... tail) {
    return java.util.stream.Stream.concat(head.stream(), java.util.Arrays.stream(tail))
        .toArray(String[]::new);
  }

  private static List<String> list(Path d) throws IOException {
    try (var s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
