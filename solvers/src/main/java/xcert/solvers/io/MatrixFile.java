package xcert.solvers.io;

import java.nio.file.Path;
import java.util.Locale;
import xcert.solvers.errors.InputException;

/**
 * A matrix of numbers, one row per input, from a CSV file (header optional, as {@link CsvRows}
 * reads it) or a NumPy {@code .npy} file ({@link NpyArray}): the inputs, attributions and base values
 * an explainer library hands over in a batch.
 */
public final class MatrixFile {

  private MatrixFile() {}

  /**
   * The rows of a .csv or .npy file (a 1-D .npy array of n values is n rows of one value when
   * {@code vector} is true, else one row).
   *
   * @throws InputException for another extension or a malformed file
   */
  public static double[][] read(Path file, boolean vector) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString()
        .toLowerCase(Locale.ROOT);
    if (name.endsWith(".npy")) {
      NpyArray a = NpyArray.read(file);
      if (vector && a.dimensions() == 1) {
        double[] v = a.rows()[0];
        double[][] out = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
          out[i] = new double[] {v[i]};
        }
        return out;
      }
      return a.rows();
    }
    if (name.endsWith(".csv") || name.endsWith(".txt")) {
      return CsvRows.read(file).rows();
    }
    throw InputException.of(Sources.name(file), "unknown extension; expected .csv (rows of"
        + " comma-separated numbers, header optional) or .npy (numpy.save)");
  }

  /**
   * One number per row: a 1-D .npy array, an (n, 1) matrix, or a CSV column.
   *
   * @throws InputException when the file has more than one column
   */
  public static double[] readColumn(Path file) {
    double[][] m = read(file, true);
    double[] out = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      if (m[i].length != 1) {
        throw InputException.of(Sources.name(file), "row " + (i + 1) + " has " + m[i].length
            + " values; expected one number per row (or a 1-D .npy array)");
      }
      out[i] = m[i][0];
    }
    return out;
  }
}
