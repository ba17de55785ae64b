package xcert.solvers.io;

import xcert.solvers.errors.Excerpt;
import xcert.solvers.errors.InputException;
import xcert.solvers.errors.TooLargeException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import xcert.solvers.io.Tokens.Token;
import xcert.solvers.model.Circuit;

/**
 * Reads and writes CNF formulas in the DIMACS CNF format ({@code .cnf}) of the DIMACS Challenge
 * ("Satisfiability Suggested Format", 1993) as used by the SAT competitions and the SATLIB benchmark
 * collection, one of the file forms of the Boolean classifiers Φ of seed 003 Section 3.
 *
 * <p>A file holds comment lines ({@code c …}, allowed anywhere, also between clauses), one problem line
 * {@code p cnf V C} before the first clause, then C clauses, each a list of non-zero literals ±v
 * (1 ≤ v ≤ V) ended by {@code 0}; a clause may span lines and a line may hold several clauses. A line
 * starting with {@code %} ends the clauses (the SATLIB trailer; what follows is ignored). A literal is
 * written as the format writes it: an optional {@code -} and a decimal number without leading zeros
 * ({@code +1}, {@code 01} and {@code -0} are refused), and every clause, the last one too, ends with
 * {@code 0}.
 *
 * <p>As a circuit, a CNF is a {@link Circuit} on d = V inputs with one output, the AND of its clauses,
 * each clause an OR of literals (one NOT node per negated variable, shared).
 */
public final class DimacsFormat {

  private DimacsFormat() {}

  /**
   * A CNF as clause lists: {@code variables} = V, and each clause an array of non-zero literals ±v,
   * 1 ≤ v ≤ V. The arrays are the caller's; records compare them by reference.
   */
  public record Cnf(int variables, int[][] clauses) {
    /** Number of clauses C. */
    public int clauseCount() {
      return clauses.length;
    }
  }

  /** Reads the clauses of a {@code .cnf} file. */
  public static Cnf readClauses(Path file) {
    return Sources.read(file, DimacsFormat::readClauses);
  }

  /**
   * Reads the clauses of DIMACS CNF text.
   *
   * @throws InputException for malformed input, with line and column
   * @throws TooLargeException when the p line declares more than {@link Limits#MAX_INPUTS} variables
   *     or {@link Limits#MAX_NODES} clauses
   */
  public static Cnf readClauses(String source, Reader in) {
    return new Parser(source, in).parse();
  }

  /** Reads a {@code .cnf} file as a circuit (AND of ORs). */
  public static Circuit read(Path file) {
    return toCircuit(readClauses(file));
  }

  /** Reads DIMACS CNF text as a circuit (AND of ORs). */
  public static Circuit read(String source, Reader in) {
    return toCircuit(readClauses(source, in));
  }

  /**
   * The circuit of a CNF: V inputs, one output = AND of the clauses, each clause an OR of its
   * literals; negative literals share one NOT node per variable. No clauses gives the constant true,
   * an empty clause an empty OR (false).
   */
  public static Circuit toCircuit(Cnf cnf) {
    int v = cnf.variables();
    Circuit.Builder b = Circuit.builder(v);
    int[] neg = new int[v + 1];
    int[] clauseNodes = new int[cnf.clauses().length];
    for (int k = 0; k < clauseNodes.length; k++) {
      int[] cl = cnf.clauses()[k];
      int[] ch = new int[cl.length];
      for (int i = 0; i < cl.length; i++) {
        int lit = cl[i];
        int var = Math.abs(lit);
        if (lit == 0 || var > v) {
          throw new IllegalArgumentException("clause " + (k + 1) + " has literal " + lit
              + ", expected ±1..±" + v);
        }
        if (lit > 0) {
          ch[i] = b.input(var);
        } else {
          if (neg[var] == 0) {
            neg[var] = b.not(b.input(var)) + 1;
          }
          ch[i] = neg[var] - 1;
        }
      }
      clauseNodes[k] = b.or(ch);
    }
    b.output(b.and(clauseNodes));
    return b.build();
  }

  /**
   * The clauses of a CNF-shaped circuit: its (single) output is an AND (possibly nested) of clauses,
   * a single clause, a single literal or a constant, where a clause is an OR (possibly nested) of
   * inputs, negated inputs and constants. V is the circuit's dimension.
   *
   * @throws IllegalArgumentException when the circuit is not of that shape, or has several outputs
   */
  public static Cnf toClauses(Circuit c) {
    if (c.outputCount() != 1) {
      throw new IllegalArgumentException("DIMACS CNF holds one formula, the circuit has "
          + c.outputCount() + " outputs; write it as .aag or .expr instead");
    }
    List<int[]> clauses = new ArrayList<>();
    Deque<Integer> stack = new ArrayDeque<>();
    stack.push(c.outputNode(0));
    while (!stack.isEmpty()) {
      int n = stack.pop();
      switch (c.op(n)) {
        case AND -> {
          int[] ch = c.children(n);
          for (int i = ch.length - 1; i >= 0; i--) {
            stack.push(ch[i]);
          }
        }
        case TRUE -> { }
        case FALSE -> clauses.add(new int[0]);
        default -> {
          int[] cl = clause(c, n);
          if (cl != null) {
            clauses.add(cl);
          }
        }
      }
    }
    return new Cnf(c.dimension(), clauses.toArray(new int[0][]));
  }

  /** The literals of a clause node, or null when the clause is always true. */
  private static int[] clause(Circuit c, int root) {
    IntList lits = new IntList();
    boolean tautology = false;
    Deque<Integer> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      int n = stack.pop();
      switch (c.op(n)) {
        case OR -> {
          int[] ch = c.children(n);
          for (int i = ch.length - 1; i >= 0; i--) {
            stack.push(ch[i]);
          }
        }
        case FALSE -> { }
        case TRUE -> tautology = true;
        case INPUT -> lits.add(c.inputIndex(n));
        case NOT -> {
          int ch = c.children(n)[0];
          switch (c.op(ch)) {
            case INPUT -> lits.add(-c.inputIndex(ch));
            case TRUE -> { }
            case FALSE -> tautology = true;
            default -> throw notCnf(c, ch, "a " + c.op(ch) + " gate under a NOT");
          }
        }
        default -> throw notCnf(c, n, "a " + c.op(n) + " gate inside a clause");
      }
    }
    return tautology ? null : lits.toArray();
  }

  private static IllegalArgumentException notCnf(Circuit c, int node, String what) {
    return new IllegalArgumentException("the circuit is not in CNF (node " + node + " is " + what
        + "; DIMACS needs an AND of ORs of inputs and negated inputs); write it as .aag or .expr"
        + " instead");
  }

  /** Writes a CNF-shaped circuit as DIMACS CNF; see {@link #toClauses(Circuit)}. */
  public static void write(Circuit c, Writer out) throws IOException {
    writeClauses(toClauses(c), out);
  }

  /** Writes a CNF-shaped circuit to a file as DIMACS CNF. */
  public static void write(Circuit c, Path file) throws IOException {
    Cnf cnf = toClauses(c);
    Sources.toFile(file, w -> writeClauses(cnf, w));
  }

  /** A CNF-shaped circuit as DIMACS CNF text. */
  public static String toString(Circuit c) {
    return Sources.render(w -> write(c, w));
  }

  /** Writes clauses as DIMACS CNF: the p line, then one clause per line ended by 0. */
  public static void writeClauses(Cnf cnf, Writer out) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("p cnf ").append(cnf.variables()).append(' ').append(cnf.clauses().length)
        .append('\n');
    for (int[] cl : cnf.clauses()) {
      for (int lit : cl) {
        if (lit == 0 || Math.abs(lit) > cnf.variables()) {
          throw new IllegalArgumentException("literal " + lit + " is outside ±1..±"
              + cnf.variables());
        }
        sb.append(lit).append(' ');
      }
      sb.append("0\n");
      if (sb.length() > 1 << 16) {
        out.write(sb.toString());
        sb.setLength(0);
      }
    }
    out.write(sb.toString());
    out.flush();
  }

  // ------------------------------------------------------------------------------------------------

  private static final class Parser {
    private final String source;
    private final LineReader lines;
    private int pLine;
    private int cColumn;
    private int variables;
    private long declared;
    private int clauseLine;
    private int clauseColumn;

    Parser(String source, Reader in) {
      this.source = source;
      this.lines = new LineReader(source, in);
    }

    private InputException error(int line, int col, String problem) {
      return new InputException(source, line, col, problem);
    }

    Cnf parse() {
      List<int[]> clauses = new ArrayList<>();
      IntList current = new IntList();
      long found = 0;
      boolean any = false;
      String s;
      while ((s = lines.next()) != null) {
        int line = lines.lineNumber();
        List<Token> ts = Tokens.split(s);
        if (ts.isEmpty()) {
          continue;
        }
        any = true;
        String first = ts.get(0).text();
        char c0 = first.charAt(0);
        if (c0 == 'c') {
          continue;
        }
        if (c0 == '%') {
          if (current.size() > 0) {
            throw unterminated(clauseLine, clauseColumn, "before the '%' on line " + line);
          }
          break;
        }
        if (c0 == 'p') {
          problemLine(ts, line);
          continue;
        }
        for (Token t : ts) {
          String x = t.text();
          if (pLine == 0) {
            throw error(line, t.column(), "found " + Sources.quote(x) + " before the problem line;"
                + " expected 'p cnf V C' before the first clause");
          }
          if (!isLiteral(x)) {
            throw error(line, t.column(), "expected a literal such as 3 or -3, or 0 ending the"
                + " clause, found " + Sources.quote(x) + (isInteger(x) ? " (DIMACS literals have no"
                + " '+' sign and no leading zeros)" : ""));
          }
          boolean negative = x.charAt(0) == '-';
          long var = Tokens.digitsValue(negative ? x.substring(1) : x);
          if (var > variables) {
            throw error(line, t.column(), "literal " + Excerpt.show(x) + " names variable "
                + Excerpt.show(negative ? x.substring(1) : x)
                + ", but the p line (line " + pLine + ") declares V=" + variables
                + "; expected literals in ±1..±" + variables);
          }
          if (var == 0) {
            found++;
            if (found <= declared) {
              clauses.add(current.toArray());
            }
            current.clear();
          } else {
            if (current.size() == 0) {
              clauseLine = line;
              clauseColumn = t.column();
            }
            if (found < declared) {
              current.add(negative ? -(int) var : (int) var);
            } else if (current.size() == 0) {
              current.add(0); // a clause beyond C: only its being open matters, it is counted below
            }
          }
        }
      }
      if (pLine == 0) {
        if (!any) {
          throw error(0, 0, "empty file; expected a 'p cnf V C' problem line and clauses");
        }
        throw error(0, 0, "no problem line; expected 'p cnf V C' before the first clause");
      }
      if (current.size() > 0) {
        throw unterminated(clauseLine, clauseColumn, "at the end of the file");
      }
      if (found != declared) {
        throw error(pLine, cColumn, "found " + found + " clause" + (found == 1 ? "" : "s")
            + ", but the p line declares C=" + declared + "; expected the count to match");
      }
      return new Cnf(variables, clauses.toArray(new int[0][]));
    }

    private InputException unterminated(int line, int column, String where) {
      return error(line, column, "the clause starting here has no terminating 0 " + where
          + "; expected every clause, the last one too, to end with 0");
    }

    private void problemLine(List<Token> ts, int line) {
      if (pLine != 0) {
        throw error(line, ts.get(0).column(), "a second problem line; the p line was already given"
            + " on line " + pLine + ", expected one 'p cnf V C'");
      }
      if (!ts.get(0).text().equals("p")) {
        throw error(line, ts.get(0).column(), "expected the problem line 'p cnf V C', found "
            + Sources.quote(ts.get(0).text()));
      }
      if (ts.size() < 2 || !ts.get(1).text().equals("cnf")) {
        String f = ts.size() < 2 ? "nothing" : Sources.quote(ts.get(1).text());
        throw error(line, ts.size() < 2 ? 2 : ts.get(1).column(), "expected the problem line"
            + " 'p cnf V C', found format " + f + "; xcert reads plain CNF");
      }
      if (ts.size() != 4) {
        throw error(line, 1, "expected the problem line 'p cnf V C' with two counts, found "
            + (ts.size() - 2) + " count" + (ts.size() == 3 ? "" : "s"));
      }
      Token v = ts.get(2);
      Token c = ts.get(3);
      if (!Tokens.isDigits(v.text())) {
        throw error(line, v.column(), "the number of variables V must be an unsigned integer,"
            + " found " + Sources.quote(v.text()));
      }
      if (!Tokens.isDigits(c.text())) {
        throw error(line, c.column(), "the number of clauses C must be an unsigned integer,"
            + " found " + Sources.quote(c.text()));
      }
      long nv = Tokens.digitsValue(v.text());
      long nc = Tokens.digitsValue(c.text());
      if (nv > Limits.MAX_INPUTS) {
        throw Limits.tooLarge(source, line, v.column(), "the p line declares V=" + Excerpt.show(v.text())
            + " variables; xcert reads at most " + Limits.MAX_INPUTS);
      }
      if (nc > Limits.MAX_NODES) {
        throw Limits.tooLarge(source, line, c.column(), "the p line declares C=" + Excerpt.show(c.text())
            + " clauses; xcert reads at most " + Limits.MAX_NODES);
      }
      pLine = line;
      cColumn = c.column();
      variables = (int) nv;
      declared = nc;
    }

    /** A DIMACS literal: 0, or an optional '-' and digits without a leading zero. */
    private static boolean isLiteral(String x) {
      if (x.equals("0")) {
        return true;
      }
      int start = x.charAt(0) == '-' ? 1 : 0;
      return x.length() > start && x.charAt(start) != '0' && Tokens.isDigits(x.substring(start));
    }

    private static boolean isInteger(String x) {
      int start = x.charAt(0) == '-' || x.charAt(0) == '+' ? 1 : 0;
      return Tokens.isDigits(x.substring(start));
    }
  }
}
