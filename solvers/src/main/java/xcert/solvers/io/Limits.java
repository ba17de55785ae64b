package xcert.solvers.io;

import xcert.solvers.errors.TooLargeException;

/**
 * Size limits the readers enforce before allocating, so that a header such as {@code p cnf 2000000000 1}
 * or {@code aag 999999999 …} is refused with a one-line message instead of exhausting memory.
 */
public final class Limits {

  /** Most input features d a model file may declare or use. */
  public static final int MAX_INPUTS = 1_000_000;

  /** Most nodes (variables, gates, clauses) a model file may declare. */
  public static final int MAX_NODES = 50_000_000;

  /** Longest line a text reader accepts, in characters. */
  public static final int MAX_LINE = 1 << 26;

  /** Longest whole text file a reader holds in memory at once, in characters. */
  public static final int MAX_TEXT = 1 << 28;

  /** Most rows (units) a layer of a network file may have. */
  public static final int MAX_LAYER_WIDTH = MAX_INPUTS;

  /** Most weights all the layers of a network file may have together. */
  public static final long MAX_WEIGHTS = MAX_NODES;

  private Limits() {}

  /** A refusal of a declared size, with the place it was declared. */
  static TooLargeException tooLarge(String source, int line, int column, String problem) {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    return new TooLargeException(sb.append(": ").append(problem).toString());
  }
}
