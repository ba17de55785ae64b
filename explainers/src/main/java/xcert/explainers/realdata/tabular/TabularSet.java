package xcert.explainers.realdata.tabular;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import xcert.solvers.io.DataFiles;
import xcert.solvers.io.ReluJsonFormat;
import xcert.solvers.model.ReluNetwork;

/**
 * One data set of {@code data/realdata/tabular} with the preprocessing {@code train.py} fixed: the raw
 * rows of {@code <name>.csv}, the 80/20 split and the scaling of seed 000 Appendix A.4 read as
 * x' = (x − mean) / (max − min) over the training rows, and its two trained models.
 *
 * @param name "diabetes" or "breast_cancer"
 * @param task "regression" or "classification"
 * @param features the feature names, in column order
 * @param raw the rows as the CSV holds them (without the target)
 * @param target the last CSV column
 * @param mean the training mean of each feature
 * @param range max − min of each feature over the training rows
 * @param testRows indices into {@code raw} of the test rows, ascending
 * @param dir the folder the files were read from
 */
public record TabularSet(String name, String task, List<String> features, double[][] raw,
    double[] target, double[] mean, double[] range, int[] testRows, Path dir) {

  /** The two data sets, in report order. */
  public static final List<String> NAMES = List.of("diabetes", "breast_cancer");
  /**
   * The model kinds: f in G (linear or logistic regression) and the ReLU networks with 3, 5 and 8
   * hidden layers of 8 units (the seed's NN1–NN3 / NNA–NNC).
   */
  public static final List<String> MODELS = List.of("linear", "mlp", "mlp5", "mlp8");

  /** {@code data/realdata/tabular} of the checkout ({@link DataFiles}). */
  public static Path defaultDir() {
    return DataFiles.dataDir().resolve("realdata").resolve("tabular");
  }

  /** Reads {@code <name>.csv} and {@code <name>-preprocessing.json} from {@code dir}. */
  public static TabularSet load(Path dir, String name) {
    Map<String, Object> pre = TabularJson.object(TabularJson.read(dir.resolve(name
        + "-preprocessing.json")));
    List<String> features = TabularJson.strings(pre.get("features"));
    List<String> lines;
    try {
      lines = Files.readAllLines(dir.resolve(name + ".csv"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir.resolve(name + ".csv"), e);
    }
    int d = features.size();
    double[][] raw = new double[lines.size() - 1][d];
    double[] y = new double[lines.size() - 1];
    for (int r = 1; r < lines.size(); r++) {
      String[] cells = lines.get(r).split(",");
      if (cells.length != d + 1) {
        throw new IllegalStateException(name + ".csv line " + (r + 1) + " has " + cells.length
            + " cells, expected " + (d + 1));
      }
      for (int j = 0; j < d; j++) {
        raw[r - 1][j] = Double.parseDouble(cells[j]);
      }
      y[r - 1] = Double.parseDouble(cells[d]);
    }
    return new TabularSet(name, (String) pre.get("task"), features, raw, y,
        TabularJson.doubles(pre.get("mean")), TabularJson.doubles(pre.get("range")),
        TabularJson.ints(pre.get("test_rows")), dir);
  }

  public int dimension() {
    return features.size();
  }

  /** Row {@code r} scaled as train.py scales it: (x − mean) / range, the same float64 operations. */
  public double[] scaled(int r) {
    double[] x = new double[dimension()];
    for (int j = 0; j < x.length; j++) {
      x[j] = (raw[r][j] - mean[j]) / range[j];
    }
    return x;
  }

  /**
   * The model {@code kind} (one of {@link #MODELS}) from {@code models/<name>-<kind>.json}: for the
   * classifiers the score before the sigmoid head (the logit).
   */
  public ReluNetwork model(String kind) {
    return ReluJsonFormat.read(dir.resolve("models").resolve(name + "-" + kind + ".json"));
  }

  /** A short label for tables: "diabetes" or "breast cancer". */
  public String label() {
    return name.replace('_', ' ');
  }
}
