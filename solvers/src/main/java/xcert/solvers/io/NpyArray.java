package xcert.solvers.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xcert.solvers.errors.Excerpt;
import xcert.solvers.errors.InputException;

/**
 * A NumPy {@code .npy} array of float32 or float64 values, one or two dimensional, as
 * {@code numpy.save} writes it (format versions 1.0, 2.0 and 3.0): the magic string
 * {@code \x93NUMPY}, the version, the header length, a Python dict literal with {@code 'descr'},
 * {@code 'fortran_order'} and {@code 'shape'}, then the data. This is how shap's and Captum's
 * attribution arrays reach xcert; each value is read as the exact double it holds (a float32
 * widened exactly). Anything else — another dtype, three or more dimensions, a truncated file, a
 * NaN or infinite value — is refused in one line.
 *
 * @param rows the values, rows[i][j] = a[i, j]; a 1-D array of n values is one row (the accessor
 *     returns a copy)
 * @param dimensions 1 or 2
 */
public record NpyArray(double[][] rows, int dimensions) {

  /** A copy of the values. */
  @Override
  public double[][] rows() {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i].clone();
    }
    return out;
  }

  /** Number of rows (1 for a 1-D array). */
  public int rowCount() {
    return rows.length;
  }

  /** Number of columns (the length of a 1-D array). */
  public int columns() {
    return rows.length == 0 ? 0 : rows[0].length;
  }

  /** Most values read from one file (a float64 array of this size is 1 GiB). */
  public static final long MAX_VALUES = 1L << 27;

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  /**
   * Reads a .npy file.
   *
   * @throws InputException for a missing file, a file that is not .npy, or an array this reader
   *     does not take
   */
  public static NpyArray read(Path file) {
    String source = Sources.name(file);
    try {
      long size = Files.size(file);
      if (size > 16 + 8 * MAX_VALUES) {
        throw InputException.of(source, "the file has " + size + " bytes, more than an array of "
            + MAX_VALUES + " values");
      }
      return parse(source, Files.readAllBytes(file));
    } catch (java.nio.file.NoSuchFileException e) {
      throw InputException.of(source, "file not found");
    } catch (java.nio.file.AccessDeniedException e) {
      throw InputException.of(source, "cannot read: permission denied");
    } catch (IOException e) {
      throw InputException.of(source, "cannot read: " + LineReader.oneLine(e));
    }
  }

  /** Parses the bytes of a .npy file. */
  public static NpyArray parse(String source, byte[] b) {
    if (b.length < 10 || !java.util.Arrays.equals(java.util.Arrays.copyOf(b, 6), MAGIC)) {
      throw InputException.of(source, "not a NumPy .npy file (it does not start with"
          + " \\x93NUMPY); save arrays with numpy.save");
    }
    int major = b[6] & 0xFF;
    if (major < 1 || major > 3) {
      throw InputException.of(source, ".npy format version " + major + "." + (b[7] & 0xFF)
          + " is not supported; expected 1.0, 2.0 or 3.0");
    }
    ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    long headerLen = major == 1 ? bb.getShort(8) & 0xFFFF : bb.getInt(8) & 0xFFFFFFFFL;
    int start = major == 1 ? 10 : 12;
    if (start + headerLen > b.length) {
      throw InputException.of(source, "truncated .npy header: " + headerLen + " header bytes"
          + " declared, " + Math.max(0, b.length - start) + " present");
    }
    String header = new String(b, start, (int) headerLen,
        major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    String descr = find(source, DESCR, header, "'descr'");
    boolean fortran = find(source, FORTRAN, header, "'fortran_order'").equals("True");
    long[] shape = shape(source, find(source, SHAPE, header, "'shape'"));
    int width;
    ByteOrder order;
    switch (descr) {
      case "<f8", "=f8" -> { width = 8; order = ByteOrder.LITTLE_ENDIAN; }
      case ">f8" -> { width = 8; order = ByteOrder.BIG_ENDIAN; }
      case "<f4", "=f4" -> { width = 4; order = ByteOrder.LITTLE_ENDIAN; }
      case ">f4" -> { width = 4; order = ByteOrder.BIG_ENDIAN; }
      default -> throw InputException.of(source, "dtype '" + descr + "' is not supported;"
          + " expected float32 or float64 ('<f4', '<f8'); convert with a.astype(numpy.float64)");
    }
    if (shape.length == 0 || shape.length > 2) {
      throw InputException.of(source, "the array has " + shape.length + " dimensions (shape "
          + java.util.Arrays.toString(shape) + "); expected 1 or 2");
    }
    long r = shape.length == 2 ? shape[0] : 1;
    long c = shape.length == 2 ? shape[1] : shape[0];
    if (r * c > MAX_VALUES || r > Integer.MAX_VALUE || c > Integer.MAX_VALUE) {
      throw InputException.of(source, "the array has " + r * c + " values; at most "
          + MAX_VALUES + " are read");
    }
    long data = start + headerLen;
    long need = r * c * width;
    if (b.length - data < need) {
      throw InputException.of(source, "truncated .npy data: shape "
          + java.util.Arrays.toString(shape) + " needs " + need + " bytes, " + (b.length - data)
          + " present");
    }
    ByteBuffer vals = ByteBuffer.wrap(b, (int) data, (int) need).slice().order(order);
    double[][] rows = new double[(int) r][(int) c];
    for (long k = 0; k < r * c; k++) {
      double v = width == 8 ? vals.getDouble((int) (k * 8)) : vals.getFloat((int) (k * 4));
      int i = (int) (fortran ? k % r : k / c);
      int j = (int) (fortran ? k / r : k % c);
      if (!Double.isFinite(v)) {
        throw InputException.of(source, (shape.length == 2 ? "row " + (i + 1) + ", column "
            + (j + 1) : "entry " + (j + 1)) + " is " + v + "; expected finite numbers");
      }
      rows[i][j] = v;
    }
    return new NpyArray(rows, shape.length);
  }

  private static String find(String source, Pattern p, String header, String key) {
    Matcher m = p.matcher(header);
    if (!m.find()) {
      throw InputException.of(source, "the .npy header has no " + key + " entry: " + Excerpt.quote(header.trim()));
    }
    return m.group(1);
  }

  private static long[] shape(String source, String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      return new long[0];
    }
    String[] parts = t.split(",");
    int n = parts[parts.length - 1].isBlank() ? parts.length - 1 : parts.length;
    long[] out = new long[n];
    for (int k = 0; k < n; k++) {
      String size = parts[k].trim().replace("L", "");
      if (!size.matches("[0-9]{1,18}")) { // Long.parseLong would read any Unicode digit
        throw InputException.of(source, "the .npy shape " + Excerpt.quote("(" + t + ")")
            + " is not a tuple of sizes; expected non-negative integers in ASCII digits");
      }
      out[k] = Long.parseLong(size);
    }
    return out;
  }
}
