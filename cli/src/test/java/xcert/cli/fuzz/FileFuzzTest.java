package xcert.cli.fuzz;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupted files for every reader ({@link Reader} × {@link Mutation}), each read by the command
 * that takes it and held to the {@link Contract}: every mutation once with seed 1, then
 * {@link #EXAMPLES} more drawn by QuickTheories from a fixed seed. The corrupted file may still be
 * valid (a flipped byte in a comment); then any answer is fine, as long as nothing escapes. A
 * mutation that no text reader may accept (NaN, bytes that are not UTF-8) must be refused.
 */
class FileFuzzTest {

  /** The seed of the generators: the same cases on every run. */
  static final long SEED = 18_006L;

  /** Cases per reader drawn by QuickTheories, besides one per mutation. */
  static final int EXAMPLES = 24;

  @TempDir
  Path dir;

  @TestFactory
  Stream<DynamicTest> everyReaderKeepsTheContract() {
    Reader.writeSupport(dir);
    return Arrays.stream(Reader.values())
        .map(r -> DynamicTest.dynamicTest(r.name().toLowerCase(java.util.Locale.ROOT),
            () -> fuzz(r)));
  }

  private void fuzz(Reader reader) {
    Failures failures = new Failures();
    for (Mutation m : Mutation.values()) {
      one(reader, m, 1, failures);
    }
    qt().withFixedSeed(SEED + reader.ordinal()).withExamples(EXAMPLES).withShrinkCycles(0)
        .forAll(integers().between(0, Mutation.values().length - 1), longs().all())
        .checkAssert((m, seed) -> one(reader, Mutation.values()[m], seed, failures));
    failures.report("fuzz " + reader.name().toLowerCase(java.util.Locale.ROOT));
  }

  /** The case reader/mutation/seed: corrupt, write, run, check. */
  void one(Reader reader, Mutation m, long seed, Failures failures) {
    String id = reader.name().toLowerCase(java.util.Locale.ROOT) + "/"
        + m.name().toLowerCase(java.util.Locale.ROOT) + "/" + seed;
    if (KnownFailures.skip(id)) {
      failures.skipped();
      return;
    }
    byte[] bytes = m.apply(reader.seed(), seed);
    Path file = dir.resolve("case." + reader.extension);
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Contract.Outcome o = Contract.run(reader.command(file, dir));
    failures.check(id, o, reader.text && m.mustRefuseText, () -> reader.command(
        Failures.keep(id, reader.extension, bytes), Failures.KEPT.toAbsolutePath()));
  }
}
