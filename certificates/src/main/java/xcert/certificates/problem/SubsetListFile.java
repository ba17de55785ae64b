package xcert.certificates.problem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import xcert.solvers.errors.Excerpt;
import xcert.solvers.errors.InputException;

/**
 * Reads an explicit family 𝒫 of subsets S ⊆ [d] ({@code --sets FILE}): the sets over which the total
 * deletion or insertion error of seed 002 (You et al., "Sum-of-Parts Models", Definitions 1 and 3,
 * which sum over the whole power set) is summed when only some tests are wanted.
 *
 * <pre>
 *   # one set per line, features numbered from 1
 *   1,3,5
 *   {2, 4}
 *   2-4          # a range: {2,3,4}
 *   -            # the empty set (also written {})
 * </pre>
 *
 * <p>A line holds one set: comma-separated 1-based feature indices or ranges {@code a-b}, optionally in
 * braces, or {@code -} / {@code {}} for the empty set. Spaces are free; {@code #} starts a comment;
 * blank lines are skipped. Errors are {@link InputException}s with line and column: a malformed token,
 * an index outside 1..d, a feature listed twice in one set, a set listed twice (naming the first line),
 * or a file with no set.
 */
public final class SubsetListFile {

  private static final String EXPECTED = "expected a set such as 1,3,5 or {1,3,5}, or - for the"
      + " empty set";

  private SubsetListFile() {}

  /** Reads a file of sets; d is the largest index used. */
  public static SubsetFamily read(Path file) {
    return read(file, -1);
  }

  /**
   * Reads a file of sets over d features.
   *
   * @param d the number of features, or -1 for the largest index used
   */
  public static SubsetFamily read(Path file, int d) {
    return xcert.solvers.io.TextFiles.read(file, (source, in) -> read(source, in, d));
  }

  /**
   * Reads sets from text.
   *
   * @param source the name errors give
   * @param d the number of features (1..62), or -1 for the largest index used
   * @throws InputException for a malformed line, an index outside 1..d, a duplicate, or no set
   */
  public static SubsetFamily read(String source, Reader in, int d) {
    if (d == 0 || d < -1 || d > MultilinearPolynomial.MAX_DIMENSION) {
      throw new IllegalArgumentException("d must be in 1.." + MultilinearPolynomial.MAX_DIMENSION
          + " (or -1), is " + d);
    }
    int limit = d > 0 ? d : MultilinearPolynomial.MAX_DIMENSION;
    BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
    Map<Long, Integer> firstLine = new HashMap<>();
    long[] sets = new long[16];
    int count = 0;
    long used = 0;
    int lineNo = 0;
    String line;
    try {
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
          line = " " + line.substring(1); // keep columns of the text as the user sees it
        }
        int hash = line.indexOf('#');
        String text = hash >= 0 ? line.substring(0, hash) : line;
        if (text.isBlank()) {
          continue;
        }
        long s = new LineParser(source, lineNo, text, limit, d > 0).set();
        Integer before = firstLine.putIfAbsent(s, lineNo);
        if (before != null) {
          throw new InputException(source, lineNo, firstNonSpace(text) + 1, "this set was already"
              + " listed on line " + before + "; expected each set once");
        }
        if (count == sets.length) {
          sets = Arrays.copyOf(sets, 2 * count);
        }
        sets[count++] = s;
        used |= s;
      }
    } catch (IOException e) {
      throw new InputException(source, lineNo + 1, 0, "cannot read: " + e.getMessage());
    }
    if (count == 0) {
      throw InputException.of(source, "no sets; " + EXPECTED + " on each line");
    }
    int dim = d > 0 ? d : Math.max(1, 64 - Long.numberOfLeadingZeros(used));
    return SubsetFamily.of(dim, Arrays.copyOf(sets, count));
  }

  private static int firstNonSpace(String text) {
    int i = 0;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** One line: a set, with 0-based positions turned into 1-based columns in errors. */
  private static final class LineParser {
    private final String source;
    private final int lineNo;
    private final String text;
    private final int limit;
    private final boolean declared;
    private int pos;

    LineParser(String source, int lineNo, String text, int limit, boolean declared) {
      this.source = source;
      this.lineNo = lineNo;
      this.text = text;
      this.limit = limit;
      this.declared = declared;
    }

    private InputException error(int p, String problem) {
      return new InputException(source, lineNo, p + 1, problem);
    }

    long set() {
      skipSpaces();
      int end = text.length();
      while (end > pos && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      if (text.charAt(pos) == '-' && end == pos + 1) {
        return 0L;
      }
      boolean braces = text.charAt(pos) == '{';
      if (braces) {
        if (text.charAt(end - 1) != '}') {
          throw error(end, "missing '}' to close the '{' at column " + (pos + 1));
        }
        pos++;
        end--;
        skipSpaces();
        if (pos == end) {
          return 0L;
        }
      } else if (text.indexOf('}', pos) >= 0) {
        int close = text.indexOf('}', pos);
        throw error(close, "unexpected '}' without '{'; " + EXPECTED);
      }
      long mask = 0;
      while (true) {
        skipSpaces();
        int start = pos;
        int lo = index(end);
        int hi = lo;
        skipSpaces();
        if (pos < end && text.charAt(pos) == '-') {
          pos++;
          skipSpaces();
          hi = index(end);
          if (hi < lo) {
            throw error(start, "the range " + lo + "-" + hi + " is empty; write it low-high, e.g. "
                + hi + "-" + lo);
          }
          skipSpaces();
        }
        for (int i = lo; i <= hi; i++) {
          long bit = 1L << (i - 1);
          if ((mask & bit) != 0) {
            throw error(start, "feature " + i + " is listed twice in this set; expected each"
                + " feature once");
          }
          mask |= bit;
        }
        if (pos == end) {
          return mask;
        }
        if (text.charAt(pos) != ',') {
          throw error(pos, "unexpected " + describe(pos) + " after feature " + hi + "; expected ','"
              + (braces ? " or '}'" : " or the end of the line"));
        }
        pos++;
      }
    }

    /** Reads a 1-based index at pos, before end. */
    private int index(int end) {
      int start = pos;
      while (pos < end && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
        pos++;
      }
      if (start == pos) {
        String found = start >= end ? (text.charAt(start - 1) == ',' || text.charAt(start - 1) == '-'
            ? "nothing after '" + text.charAt(start - 1) + "'" : "nothing") : describe(start);
        throw error(start, "expected a feature index, found " + found + "; " + EXPECTED);
      }
      if (pos < end && Character.isLetter(text.charAt(pos))) {
        throw error(start, "malformed feature index " + Excerpt.quote(token(start, end)) + "; " + EXPECTED);
      }
      String digits = text.substring(start, pos);
      long value = digits.length() > 4 ? Long.MAX_VALUE : Long.parseLong(digits);
      if (value < 1 || value > limit) {
        throw error(start, "feature " + Excerpt.show(digits) + " is out of range; expected indices in 1.." + limit
            + (declared ? "" : ", the most features a set may hold"));
      }
      return (int) value;
    }

    private String token(int start, int end) {
      int p = start;
      while (p < end && text.charAt(p) != ',' && !Character.isWhitespace(text.charAt(p))) {
        p++;
      }
      return text.substring(start, p);
    }

    private String describe(int p) {
      char c = text.charAt(p);
      return c < ' ' ? String.format("the control character U+%04X", (int) c) : "'" + c + "'";
    }

    private void skipSpaces() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }
  }
}
