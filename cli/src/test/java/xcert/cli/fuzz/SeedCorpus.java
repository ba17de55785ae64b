package xcert.cli.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the seed corpus of {@link ReaderFuzzTarget}: for each {@link Reader}, its ordinal as the
 * first byte and its valid seed file after it. Run from the cli module when a reader is added:
 * {@code java -cp target/test-classes:... xcert.cli.fuzz.SeedCorpus}.
 */
final class SeedCorpus {

  static final Path DIR = Path.of("src/test/resources/xcert/cli/fuzz/ReaderFuzzTargetInputs/"
      + "everyReader");

  private SeedCorpus() {}

  public static void main(String[] args) throws IOException {
    Files.createDirectories(DIR);
    for (Reader r : Reader.values()) {
      byte[] seed = r.seed();
      byte[] b = new byte[seed.length + 1];
      b[0] = (byte) r.ordinal();
      System.arraycopy(seed, 0, b, 1, seed.length);
      Files.write(DIR.resolve("seed-" + r.name().toLowerCase(java.util.Locale.ROOT)), b);
    }
  }
}
