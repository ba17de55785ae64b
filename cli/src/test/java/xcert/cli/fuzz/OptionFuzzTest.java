package xcert.cli.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad values for the subcommands' options: every value of {@link #VALUES} (out of range, huge,
 * conflicting notations, non-ASCII digits and letters, NaN and infinities, very long tokens) in
 * every option of {@link #TEMPLATES}, each run in-process and held to the {@link Contract}. A value
 * may be valid for an option (0 is a seed); then any answer is fine, but it must end in time. Values
 * that no option takes (NaN, non-ASCII digits, letters where a number is due...) must be refused.
 */
class OptionFuzzTest {

  /** A bad value, its id in case ids, and whether every option must refuse it. */
  record Value(String id, String text, boolean mustRefuse) {}

  static final List<Value> VALUES = List.of(
      new Value("empty", "", false),
      new Value("minus-one", "-1", false),
      new Value("zero", "0", false),
      new Value("int-max", "2147483647", false),
      new Value("int-overflow", "2147483648", false),
      new Value("long-overflow", "9223372036854775808", false),
      new Value("huge-integer", "99999999999999999999999", false),
      new Value("overflow", "1e400", false),
      new Value("underflow", "1e-400", false),
      new Value("nan", "NaN", true),
      new Value("minus-infinity", "-Infinity", true),
      new Value("arabic-indic-digits", "\u0665\u0660", true),
      new Value("fullwidth-digit", "\uFF15", true),
      new Value("divide-by-zero", "1/0", true),
      new Value("non-ascii-letters", "\u00e9\u4e2d", true),
      new Value("bom-digit", "\uFEFF1", true),
      new Value("cr-digit", "1\r", false),
      new Value("double-comma", "1,,2", true),
      new Value("hex", "0x10", false),
      new Value("long-letters", "x".repeat(100_000), true),
      new Value("long-digits", "9".repeat(5_000), false),
      new Value("long-fraction", "1/" + "3".repeat(5_000), false));

  private static final String MAJ = "../examples/majority3.expr";
  private static final String NET = "../examples/net.json";
  private static final String EMAJ = "../examples/emajsat.expr";
  private static final String CNF = "../examples/uf20-01.cnf";

  /** Commands with one option's value left as {}; the rest of each is valid and cheap. */
  static final List<String> TEMPLATES = List.of(
      "eval --model " + MAJ + " --x {}",
      "eval --model " + NET + " --x {}",
      "eval --model " + MAJ + " --x 110 --output {}",
      "eval --model " + NET + " --x 1,0,1 --head {}",
      "eval --model " + NET + " --x 1,0,1 --threshold {}",
      "exact fs --model " + MAJ + " --x 110 --set {}",
      "exact fs --model " + MAJ + " --x 110 --dist {}",
      "exact fs --model " + MAJ + " --x 110 --set 1 --method {}",
      "exact sufficiency --model " + MAJ + " --x 110 --tau {}",
      "exact unified --model " + MAJ + " --x 110 --set 1 --alpha {}",
      "exact relevance --model " + MAJ + " --x 110 --set 1 --delta {}",
      "exact sufficiency --model " + MAJ + " --x 110 --set 1 --eps {}",
      "exact sufficiency --model " + MAJ + " --x 110 --set 1 --rho {}",
      "exact shapley --model " + MAJ + " --x 110 --game {}",
      "exact {} --model " + MAJ + " --x 110",
      "explain lime --model " + MAJ + " --x 110 --samples {}",
      "explain lime --model " + MAJ + " --x 110 --seed {}",
      "explain lime --model " + MAJ + " --x 110 --lambda {}",
      "explain lime --model " + MAJ + " --x 110 --kernel-width {}",
      "explain lime --model " + MAJ + " --x 110 --distance {}",
      "explain lime --model " + MAJ + " --x 110 --reference {}",
      "explain lime --model " + MAJ + " --x 110 --backend {}",
      "explain kernelshap --model " + MAJ + " --x 110 --samples {}",
      "explain c-lime --model " + NET + " --x 1,0,1 --sigma {}",
      "explain integrated-gradients --model " + NET + " --x 1,0,1 --steps {}",
      "explain rde --model " + NET + " --x 1,0,1 --iterations {}",
      "explain rde --model " + NET + " --x 1,0,1 --distortion low-rank --rank {}",
      "explain rde --model " + NET + " --x 1,0,1 --distortion {}",
      "explain mask-uni --model " + NET + " --x 1,0,1 --iterations 5 --mask-samples {}",
      "explain mask-uni --model " + NET + " --x 1,0,1 --iterations 5 --temperature {}",
      "explain mask-uni --model " + NET + " --x 1,0,1 --iterations 5 --learning-rate {}",
      "explain mask-uni --model " + NET + " --x 1,0,1 --iterations 5 --alpha {}",
      "explain mask-uni --model " + NET + " --x 1,0,1 --iterations 5 --lambda-tv 1 "
          + "--grid-width {}",
      "explain {} --model " + MAJ + " --x 110",
      "oracle --model DIR/and.expr --x 111 --attribution DIR/phi1.csv --against shapley --tol {}",
      "oracle --model DIR/and.expr --x 111 --attribution DIR/phi1.csv --against shapley --rtol {}",
      "oracle --model DIR/and.expr --x 111 --attribution DIR/phi1.csv --against shapley --top {}",
      "oracle --model DIR/and.expr --x 111 --attribution DIR/phi1.csv --against {}",
      "oracle --model DIR/and.expr --x 111 --attribution DIR/phi1.csv --against shapley "
          + "--estimator permutation --samples {}",
      "oracle --model DIR/and.expr --x 111 --attribution DIR/phi1.csv --against shapley "
          + "--estimator permutation --samples 100 --confidence {}",
      "certify monomial-deletion --d {}",
      "certify binomial-insertion --d 4 --partition {}",
      "certify polynomial --poly {}",
      "certify polynomial --poly x1*x2 --x {}",
      "certify polynomial --poly x1*x2 --kind {}",
      "certify polynomial --poly x1*x2 --sets {}",
      "reduce sat-to-ap --cnf " + CNF + " --delta {}",
      "reduce sat-to-ap --cnf " + CNF + " --m {}",
      "reduce emajsat-to-relevant --model " + EMAJ + " --n {}",
      "reduce circuit-to-relu --model " + MAJ + " --samples {}",
      "reduce circuit-to-relu --model " + MAJ + " --output {}",
      "bench exact --family cnf --d {}",
      "bench exact --family network --rows {}",
      "bench explainers --max-log2-samples {}",
      "reproduce --out DIR/report --only {}");

  @TempDir
  Path dir;

  @TestFactory
  Stream<DynamicTest> everyOptionKeepsTheContract() throws IOException {
    Reader.writeSupport(dir);
    Files.writeString(dir.resolve("phi1.csv"), "3/8,3/8,0\n");
    return TEMPLATES.stream().map(t -> DynamicTest.dynamicTest(t.replace(MAJ, "MAJ")
        .replace(NET, "NET"), () -> fuzz(t)));
  }

  private void fuzz(String template) {
    Failures failures = new Failures();
    String[] words = template.split(" ");
    String command = words[0] + (words[1].startsWith("-") || words[1].equals("{}") ? ""
        : "/" + words[1]);
    String option = "";
    for (int i = 0; i < words.length; i++) {
      if (words[i].equals("{}")) {
        option = i > 0 && words[i - 1].startsWith("--") ? words[i - 1] : "ARG";
      }
    }
    for (Value v : VALUES) {
      String id = command + "/" + option + "/" + v.id();
      if (KnownFailures.skip(id)) {
        failures.skipped();
        continue;
      }
      String[] args = new String[words.length];
      for (int i = 0; i < words.length; i++) {
        args[i] = words[i].equals("{}") ? v.text()
            : words[i].replace("DIR", dir.toString());
      }
      Contract.Outcome o = Contract.run(args);
      failures.check(id, o, v.mustRefuse(), () -> args);
    }
    failures.report("options " + template);
  }
}
