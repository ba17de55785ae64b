package xcert.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Jazzer's coverage-guided fuzzing of every reader ({@link Reader}): the first byte of an input
 * picks the reader, the rest is its file. In CI this runs in Jazzer's regression mode: each input of
 * the committed corpus (src/test/resources/xcert/cli/fuzz/ReaderFuzzTargetInputs/everyReader, the
 * valid seed of each reader and the inputs that once broke the contract) is run once and held to
 * the {@link Contract}, with no instrumentation download and no time spent searching. To search
 * for new inputs, run with JAZZER_FUZZ=1 (e.g. {@code JAZZER_FUZZ=1 mvn -o test -pl cli -am
 * -Dtest=ReaderFuzzTarget -Dsurefire.failIfNoSpecifiedTests=false}; it stops at the first finding
 * or after {@code maxDuration}). Jazzer writes a finding into that folder as {@code crash-...}: fix
 * the reader and keep the file there as a regression input, or move it out while the fix is under
 * way elsewhere (the corpus must pass). Its working corpus, {@code .cifuzz-corpus}, is not
 * committed. Time and memory per input are the {@link Contract}'s.
 */
class ReaderFuzzTarget {

  private static final Path DIR = Path.of("target", "jazzer-work");

  @FuzzTest(maxDuration = "60s")
  void everyReader(byte[] input) throws IOException {
    if (input.length == 0) {
      return;
    }
    Reader reader = Reader.values()[Byte.toUnsignedInt(input[0]) % Reader.values().length];
    byte[] file = Arrays.copyOfRange(input, 1, input.length);
    Files.createDirectories(DIR);
    Reader.writeSupport(DIR);
    Path p = DIR.resolve("case." + reader.extension);
    Files.write(p, file);
    String[] args = reader.command(p, DIR);
    List<String> v = Contract.violations(Contract.run(args), false);
    assertTrue(v.isEmpty(), reader + ": " + v + "\n  xcert " + Failures.quote(args));
  }
}
