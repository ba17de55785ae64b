package xcert.explainers.realdata.digits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * scikit-learn's bundled digits (the UCI optdigits test set, CC BY 4.0), as exported to
 * {@code data/realdata/digits/digits.csv} by {@code tools/realdata/digits/train.py}: 1797 images of
 * 8×8 integer pixels 0..16 with their labels. Row i is a test row of the network iff i % 4 == 3.
 */
public final class DigitsData {

  /** The folder of the data inside the repository. */
  public static final String FOLDER = "data/realdata/digits";
  public static final String CSV = "digits.csv";
  public static final String NETWORK = "digits-mlp.json";
  public static final String EXPECTED = "digits-mlp-expected.csv";
  /** Pixels per image. */
  public static final int PIXELS = 64;

  /** One image: its row in the CSV, its label and its 64 pixels (row by row, 0..16). */
  public record Digit(int row, int label, int[] pixels) {
    public Digit {
      pixels = pixels.clone();
    }

    @Override
    public int[] pixels() {
      return pixels.clone();
    }

    public boolean isTest() {
      return row % 4 == 3;
    }
  }

  private final Path dir;
  private final List<Digit> digits;

  private DigitsData(Path dir, List<Digit> digits) {
    this.dir = dir;
    this.digits = List.copyOf(digits);
  }

  /** Reads {@code dir/digits.csv}. */
  public static DigitsData load(Path dir) {
    List<Digit> out = new ArrayList<>();
    try {
      List<String> lines = Files.readAllLines(dir.resolve(CSV), StandardCharsets.UTF_8);
      for (int i = 1; i < lines.size(); i++) {
        String[] f = lines.get(i).split(",");
        if (f.length != PIXELS + 1) {
          throw new IllegalArgumentException(CSV + " line " + (i + 1) + " has " + f.length
              + " fields, expected " + (PIXELS + 1));
        }
        int[] p = new int[PIXELS];
        for (int j = 0; j < PIXELS; j++) {
          p[j] = Integer.parseInt(f[j].strip());
        }
        out.add(new Digit(i - 1, Integer.parseInt(f[PIXELS].strip()), p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DigitsData(dir, out);
  }

  /**
   * The data folder: the system property {@code xcert.data} (a folder holding digits.csv) if set,
   * else the first {@code data/realdata/digits} found walking up from the working directory, else
   * from the location of xcert's classes (cli/target/xcert.jar or explainers/target/classes).
   */
  public static Optional<Path> locate() {
    String prop = System.getProperty("xcert.data");
    if (prop != null && Files.isRegularFile(Path.of(prop, CSV))) {
      return Optional.of(Path.of(prop));
    }
    List<Path> starts = new ArrayList<>();
    starts.add(Path.of("").toAbsolutePath());
    try {
      starts.add(Path.of(DigitsData.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI()).toAbsolutePath());
    } catch (URISyntaxException | RuntimeException e) {
      // no code source: only the working directory is searched
    }
    for (Path s : starts) {
      for (Path p = s; p != null; p = p.getParent()) {
        Path cand = p.resolve(FOLDER);
        if (Files.isRegularFile(cand.resolve(CSV))) {
          return Optional.of(cand);
        }
      }
    }
    return Optional.empty();
  }

  /** {@link #locate()} or an exception saying where it looked. */
  public static Path folder() {
    return locate().orElseThrow(() -> new IllegalStateException("cannot find " + FOLDER + "/" + CSV
        + " above the working directory or xcert's classes; set -Dxcert.data=FOLDER"));
  }

  public Path dir() {
    return dir;
  }

  public List<Digit> digits() {
    return digits;
  }

  public Digit get(int row) {
    return digits.get(row);
  }

  public int size() {
    return digits.size();
  }

  /** The mean image of all rows, each pixel rounded to the nearest integer (halves up). */
  public int[] roundedMeanImage() {
    long[] sum = new long[PIXELS];
    for (Digit d : digits) {
      for (int j = 0; j < PIXELS; j++) {
        sum[j] += d.pixels[j];
      }
    }
    int[] r = new int[PIXELS];
    int n = digits.size();
    for (int j = 0; j < PIXELS; j++) {
      r[j] = (int) ((2 * sum[j] + n) / (2L * n));
    }
    return r;
  }

  /** The first {@code perClass} test rows of each class 0..9, class by class. */
  public List<Digit> testDigitsPerClass(int perClass) {
    List<Digit> out = new ArrayList<>();
    for (int c = 0; c < 10; c++) {
      int k = 0;
      for (Digit d : digits) {
        if (d.isTest() && d.label == c && k < perClass) {
          out.add(d);
          k++;
        }
      }
    }
    return out;
  }
}
