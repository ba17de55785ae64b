package xcert.solvers.io;

import xcert.solvers.errors.Excerpt;
import xcert.solvers.errors.InputException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import xcert.solvers.dist.EmpiricalDistribution;

/**
 * Numeric CSV rows, the empirical reference distribution V of seed 004 Eq. 1: the data an
 * {@link EmpiricalDistribution} or a conditional distribution is built from.
 *
 * <p>Fields are separated by commas; surrounding spaces are ignored. Blank lines and lines whose first
 * non-blank character is {@code #} are skipped. The first remaining line is a header when any of its
 * fields is non-empty and not a number (header names may be double-quoted). Every data field is a
 * decimal number ({@code -1}, {@code 0.5}, {@code 2.5e-3}); every row has d fields, where d is
 * required by the caller or else taken from the header or the first data row. No quoting, no
 * missing values.
 */
public final class CsvRows {

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

  private final String source;
  private final double[][] rows;
  private final List<String> header;

  private CsvRows(String source, double[][] rows, List<String> header) {
    this.source = source;
    this.rows = rows;
    this.header = header;
  }

  /** Reads a CSV file; d is taken from the header or the first data row. */
  public static CsvRows read(Path file) {
    return Sources.read(file, (name, in) -> read(name, in, -1));
  }

  /** Reads a CSV file whose rows must have exactly d fields. */
  public static CsvRows read(Path file, int d) {
    return Sources.read(file, (name, in) -> read(name, in, d));
  }

  /** Reads CSV text; d is taken from the header or the first data row. */
  public static CsvRows read(String source, Reader in) {
    return read(source, in, -1);
  }

  /**
   * Reads CSV text.
   *
   * @param d the required number of fields per row, or -1 to take it from the data
   * @throws InputException naming the line (and column for a bad number) of the first bad row
   */
  public static CsvRows read(String source, Reader in, int d) {
    LineReader lines = new LineReader(source, in);
    List<double[]> rows = new ArrayList<>();
    List<String> header = null;
    int width = d;
    String widthReason = d >= 0 ? "the model has d=" + d + " features" : null;
    boolean first = true;
    String s;
    while ((s = lines.next()) != null) {
      int line = lines.lineNumber();
      String t = s.strip();
      if (t.isEmpty() || t.charAt(0) == '#') {
        continue;
      }
      long commas = s.chars().filter(ch -> ch == ',').count();
      if (commas + 1 > Limits.MAX_INPUTS) {
        throw Limits.tooLarge(source, line, 0, "the line has " + (commas + 1) + " fields; xcert"
            + " reads at most " + Limits.MAX_INPUTS + " columns");
      }
      String[] fields = s.split(",", -1);
      if (first) {
        first = false;
        if (isHeader(fields)) {
          header = new ArrayList<>(fields.length);
          for (String f : fields) {
            header.add(unquote(f.strip()));
          }
          if (width >= 0 && fields.length != width) {
            throw new InputException(source, line, 0, "the header has " + fields.length
                + " column" + (fields.length == 1 ? "" : "s") + ", expected " + width + " ("
                + widthReason + ")");
          }
          if (width < 0) {
            width = fields.length;
            widthReason = "as in the header on line " + line;
          }
          continue;
        }
      }
      if (width < 0) {
        width = fields.length;
        widthReason = "as in the first data row on line " + line;
      }
      if (fields.length != width) {
        throw new InputException(source, line, 0, "the row has " + fields.length + " field"
            + (fields.length == 1 ? "" : "s") + ", expected " + width + " (" + widthReason + ")");
      }
      double[] row = new double[width];
      int col = 1;
      for (int i = 0; i < fields.length; i++) {
        String f = fields[i];
        String v = f.strip();
        int at = col + leading(f);
        if (!NUMBER.matcher(v).matches()) {
          throw new InputException(source, line, at, "field " + (i + 1) + " is "
              + (v.isEmpty() ? "empty" : Sources.quote(v)) + ", expected a number");
        }
        double x = Double.parseDouble(v);
        if (!Double.isFinite(x)) {
          throw new InputException(source, line, at, "field " + (i + 1) + " is " + Excerpt.show(v)
              + ", which overflows a double; expected a finite number");
        }
        if (x == 0 && !Sources.isZero(v)) {
          throw new InputException(source, line, at, "field " + (i + 1) + " is " + Excerpt.show(v)
              + ", which underflows a double to 0; expected a number a double holds (0 or at least"
              + " 4.9e-324 in magnitude)");
        }
        row[i] = x;
        col += f.length() + 1;
      }
      rows.add(row);
    }
    if (rows.isEmpty()) {
      throw new InputException(source, 0, 0, "no data rows; expected at least one row of"
          + (width >= 0 ? " " + width : "") + " comma-separated numbers");
    }
    return new CsvRows(source, rows.toArray(new double[0][]),
        header == null ? null : List.copyOf(header));
  }

  private static int leading(String f) {
    int i = 0;
    while (i < f.length() && Character.isWhitespace(f.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isHeader(String[] fields) {
    for (String f : fields) {
      String v = f.strip();
      if (!v.isEmpty() && !NUMBER.matcher(v).matches()) {
        return true;
      }
    }
    return false;
  }

  private static String unquote(String f) {
    if (f.length() >= 2 && f.charAt(0) == '"' && f.charAt(f.length() - 1) == '"') {
      return f.substring(1, f.length() - 1).replace("\"\"", "\"");
    }
    return f;
  }

  /** Where the rows came from (the file name). */
  public String source() {
    return source;
  }

  /** The rows, n × d (a copy). */
  public double[][] rows() {
    double[][] out = new double[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      out[r] = rows[r].clone();
    }
    return out;
  }

  /** Number of data rows n. */
  public int rowCount() {
    return rows.length;
  }

  /** Number of fields per row d. */
  public int columns() {
    return rows[0].length;
  }

  /** The header's column names, if the file has a header. */
  public Optional<List<String>> header() {
    return Optional.ofNullable(header);
  }

  /** The empirical distribution of the rows. */
  public EmpiricalDistribution toEmpirical() {
    return new EmpiricalDistribution(rows, source);
  }

  @Override
  public String toString() {
    return "CsvRows[" + source + ", " + rows.length + " x " + columns()
        + (header == null ? "" : ", header " + header) + "]";
  }
}
