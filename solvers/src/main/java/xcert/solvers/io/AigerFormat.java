package xcert.solvers.io;

import xcert.solvers.errors.Excerpt;
import xcert.solvers.errors.InputException;
import xcert.solvers.errors.TooLargeException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import xcert.solvers.io.Tokens.Token;
import xcert.solvers.model.Circuit;

/**
 * Reads and writes combinational circuits in the AIGER ASCII format ({@code .aag}), as defined in
 * Armin Biere, "The AIGER And-Inverter Graph (AIG) Format, Version 20071012" (the format of the
 * Hardware Model Checking Competition), one of the file forms of the Boolean classifiers Φ of seed 003 Section 3.
 *
 * <p>A file is a header {@code aag M I L O A}, I input lines (one even literal each), O output lines
 * (one literal each), A AND lines {@code lhs rhs0 rhs1}, an optional symbol table ({@code i<k> name},
 * {@code o<k> name}, k 0-based) and an optional comment section after a line {@code c}. Literal 2v is
 * variable v, 2v+1 its negation, 0 and 1 the constants false and true. xcert reads combinational
 * files only: latches ({@code L > 0}), latch symbols and the AIGER 1.9 property sections are refused.
 * AND lines may come in any order; they are sorted topologically and a cycle is reported with a
 * variable on it. Blank lines are ignored.
 *
 * <p>Reading: inputs become x1..xd in the order of the input lines; an output literal that is
 * negated becomes a NOT node; input and output symbols become the circuit's names.
 *
 * <p>Writing: any {@link Circuit}. n-ary AND, OR and XOR gates become balanced trees of 2-input ANDs
 * with inverted literals (OR by De Morgan, XOR(a,b) = ¬(¬(a∧¬b) ∧ ¬(¬a∧b)), three ANDs, since no
 * two-AND graph computes XOR); constants are folded; only nodes that some output depends on are
 * written; named inputs and outputs get symbols.
 */
public final class AigerFormat {

  private AigerFormat() {}

  /** Reads an {@code .aag} file. */
  public static Circuit read(Path file) {
    return Sources.read(file, AigerFormat::read);
  }

  /**
   * Reads AIGER ASCII text.
   *
   * @param source the name errors give (a file name)
   * @throws InputException for any malformed or unsupported input, with line and column
   * @throws TooLargeException when the header declares more than {@link Limits#MAX_INPUTS} inputs or
   *     {@link Limits#MAX_NODES} variables, outputs or gates
   */
  public static Circuit read(String source, Reader in) {
    return new Parser(source, in).parse();
  }

  /** Writes c as AIGER ASCII. */
  public static void write(Circuit c, Writer out) throws IOException {
    new Emitter(c).emit(out);
  }

  /** Writes c to a file as AIGER ASCII (UTF-8, which for AIGER's content is ASCII). */
  public static void write(Circuit c, Path file) throws IOException {
    Sources.toFile(file, w -> write(c, w));
  }

  /** c as AIGER ASCII text. */
  public static String toString(Circuit c) {
    return Sources.render(w -> write(c, w));
  }

  // ------------------------------------------------------------------------------------------------

  private static final class Parser {
    private final String source;
    private final LineReader lines;

    private long maxVar;
    private long maxLiteral;
    private int headerLine;
    private List<Token> header;

    // definitions: index k < I is input k, index I + j is AND j
    private final IntIntMap defOfVar = new IntIntMap();
    private int inputCount;
    private final IntList inputVar = new IntList();
    private final IntList inputLine = new IntList();

    private final IntList outLit = new IntList();
    private final IntList outLine = new IntList();
    private final IntList outCol = new IntList();

    private final IntList andVar = new IntList();
    private final IntList andRhs0 = new IntList();
    private final IntList andRhs1 = new IntList();
    private final IntList andLine = new IntList();
    private final IntList andCol0 = new IntList();
    private final IntList andCol1 = new IntList();

    private String[] inputNames;
    private int[] inputNameLine;
    private String[] outputNames;
    private int[] outputNameLine;

    Parser(String source, Reader in) {
      this.source = source;
      this.lines = new LineReader(source, in);
    }

    private InputException error(int line, int col, String problem) {
      return new InputException(source, line, col, problem);
    }

    /** The next non-blank line, or null at the end. */
    private String nextLine() {
      String s;
      do {
        s = lines.next();
      } while (s != null && Tokens.isBlank(s));
      return s;
    }

    Circuit parse() {
      String first = nextLine();
      if (first == null) {
        throw error(0, 0, "empty file; expected an AIGER header 'aag M I L O A'");
      }
      headerLine = lines.lineNumber();
      header = Tokens.split(first);
      parseHeader();
      int nIn = (int) count(2);
      int nOut = (int) count(4);
      int nAnd = (int) count(5);
      inputCount = nIn;

      for (int k = 0; k < nIn; k++) {
        String s = nextLine();
        if (s == null) {
          throw countMismatch(2, "I", nIn, "input line", k);
        }
        readInput(k, Tokens.split(s));
      }
      for (int k = 0; k < nOut; k++) {
        String s = nextLine();
        if (s == null) {
          throw countMismatch(4, "O", nOut, "output line", k);
        }
        readOutput(Tokens.split(s));
      }
      for (int j = 0; j < nAnd; j++) {
        String s = nextLine();
        if (s == null) {
          throw countMismatch(5, "A", nAnd, "AND line", j);
        }
        readAnd(j, Tokens.split(s));
      }
      inputNames = new String[nIn];
      inputNameLine = new int[nIn];
      outputNames = new String[nOut];
      outputNameLine = new int[nOut];
      readSymbols(nAnd);
      checkUses();
      int[] order = topologicalOrder();
      return build(order);
    }

    private InputException countMismatch(int field, String name, int declared, String what,
        int found) {
      return error(headerLine, header.get(field).column(), "the header declares " + name + "="
          + declared + " but the file ends after " + found + " " + what + (found == 1 ? "" : "s")
          + "; the header counts must match the lines that follow");
    }

    private long count(int field) {
      return Tokens.digitsValue(header.get(field).text());
    }

    private void parseHeader() {
      String kw = header.get(0).text();
      if (kw.equals("aig")) {
        throw error(headerLine, 1, "found a binary AIGER header 'aig'; xcert reads the ASCII format"
            + " 'aag' (convert with: aigtoaig file.aig file.aag)");
      }
      if (!kw.equals("aag")) {
        throw error(headerLine, 1, "expected the AIGER header 'aag M I L O A', found "
            + Sources.quote(kw));
      }
      int counts = header.size() - 1;
      if (counts < 5) {
        throw error(headerLine, 1, "the header has " + counts + " count" + (counts == 1 ? "" : "s")
            + " after 'aag', expected 5: aag M I L O A");
      }
      if (counts > 9) {
        throw error(headerLine, header.get(10).column(), "the header has " + counts
            + " counts after 'aag', expected 5: aag M I L O A");
      }
      String[] names = {"M", "I", "L", "O", "A", "B", "C", "J", "F"};
      for (int f = 1; f <= counts; f++) {
        Token t = header.get(f);
        if (!Tokens.isDigits(t.text())) {
          throw error(headerLine, t.column(), "header count " + names[f - 1]
              + " must be an unsigned integer, found " + Sources.quote(t.text()));
        }
      }
      for (int f = 6; f <= counts; f++) {
        if (count(f) != 0) {
          throw error(headerLine, header.get(f).column(), "the header declares "
              + names[f - 1] + "=" + Excerpt.show(header.get(f).text()) + " AIGER 1.9 properties (bad states,"
              + " constraints, justice, fairness); xcert reads combinational circuits only (0)");
        }
      }
      long m = count(1);
      long i = count(2);
      long l = count(3);
      long o = count(4);
      long a = count(5);
      if (l != 0) {
        throw error(headerLine, header.get(3).column(), "the header declares L=" + Excerpt.show(header.get(3)
            .text()) + " latches; xcert reads combinational circuits only (expected L=0)");
      }
      if (m > Limits.MAX_NODES) {
        throw Limits.tooLarge(source, headerLine, header.get(1).column(), "the header declares M="
            + Excerpt.show(header.get(1).text()) + " variables; xcert reads at most " + Limits.MAX_NODES);
      }
      if (i > Limits.MAX_INPUTS) {
        throw Limits.tooLarge(source, headerLine, header.get(2).column(), "the header declares I="
            + Excerpt.show(header.get(2).text()) + " inputs; xcert reads at most " + Limits.MAX_INPUTS);
      }
      if (o > Limits.MAX_NODES) {
        throw Limits.tooLarge(source, headerLine, header.get(4).column(), "the header declares O="
            + Excerpt.show(header.get(4).text()) + " outputs; xcert reads at most " + Limits.MAX_NODES);
      }
      if (a > Limits.MAX_NODES) {
        throw Limits.tooLarge(source, headerLine, header.get(5).column(), "the header declares A="
            + Excerpt.show(header.get(5).text()) + " AND gates; xcert reads at most " + Limits.MAX_NODES);
      }
      if (o == 0) {
        throw error(headerLine, header.get(4).column(),
            "the header declares O=0 outputs; expected at least one output");
      }
      if (m < i + l + a) {
        throw error(headerLine, header.get(1).column(), "M=" + m + " is less than I+L+A = "
            + (i + l + a) + "; M must be at least the number of variables the file defines");
      }
      maxVar = m;
      maxLiteral = 2 * m + 1;
    }

    /** Parses a literal token, checking it is an unsigned integer ≤ 2M+1. */
    private int literal(Token t, int line, String what) {
      if (!Tokens.isDigits(t.text())) {
        throw error(line, t.column(), what + " must be an unsigned integer literal, found "
            + Sources.quote(t.text()));
      }
      long v = Tokens.digitsValue(t.text());
      if (v > maxLiteral) {
        throw error(line, t.column(), what + " " + Excerpt.show(t.text()) + " exceeds 2M+1 = " + maxLiteral
            + " (M=" + maxVar + " in the header)");
      }
      return (int) v;
    }

    private void define(int var, int def, int line, int col, String what) {
      int prev = defOfVar.put(var, def);
      if (prev >= 0) {
        String where = prev < inputCount ? "as input on line " + inputLine.get(prev)
            : "by the AND on line " + andLine.get(prev - inputCount);
        throw error(line, col, what + " " + (2 * var) + " defines variable " + var
            + ", which is already defined " + where + "; each variable is defined once");
      }
    }

    private void readInput(int k, List<Token> ts) {
      int line = lines.lineNumber();
      if (ts.size() != 1) {
        throw error(line, ts.size() > 1 ? ts.get(1).column() : 1, "expected one input literal"
            + " on an input line, found " + ts.size() + " tokens (input " + (k + 1) + " of I="
            + inputCount + ")");
      }
      Token t = ts.get(0);
      int lit = literal(t, line, "input literal");
      if (lit < 2 || (lit & 1) != 0) {
        throw error(line, t.column(), "input literal must be even and at least 2 (a variable,"
            + " not a constant or a negation), found " + lit);
      }
      define(lit >>> 1, k, line, t.column(), "input literal");
      inputVar.add(lit >>> 1);
      inputLine.add(line);
    }

    private void readOutput(List<Token> ts) {
      int line = lines.lineNumber();
      if (ts.size() != 1) {
        throw error(line, ts.size() > 1 ? ts.get(1).column() : 1, "expected one output literal"
            + " on an output line, found " + ts.size() + " tokens (output " + (outLit.size() + 1)
            + " of O=" + count(4) + "; do the header counts match the file?)");
      }
      Token t = ts.get(0);
      outLit.add(literal(t, line, "output literal"));
      outLine.add(line);
      outCol.add(t.column());
    }

    private void readAnd(int j, List<Token> ts) {
      int line = lines.lineNumber();
      if (ts.size() != 3) {
        throw error(line, 1, "expected an AND line 'lhs rhs0 rhs1' with 3 literals, found "
            + ts.size() + " token" + (ts.size() == 1 ? "" : "s") + " (AND " + (j + 1) + " of A="
            + count(5) + "; do the header counts match the file?)");
      }
      int lhs = literal(ts.get(0), line, "AND literal");
      if (lhs < 2 || (lhs & 1) != 0) {
        throw error(line, ts.get(0).column(), "the left side of an AND must be an even literal"
            + " of at least 2 (a variable, not a constant or a negation), found " + lhs);
      }
      int r0 = literal(ts.get(1), line, "AND literal");
      int r1 = literal(ts.get(2), line, "AND literal");
      define(lhs >>> 1, inputCount + j, line, ts.get(0).column(), "AND literal");
      andVar.add(lhs >>> 1);
      andRhs0.add(r0);
      andRhs1.add(r1);
      andLine.add(line);
      andCol0.add(ts.get(1).column());
      andCol1.add(ts.get(2).column());
    }

    private void readSymbols(int nAnd) {
      String s;
      while ((s = nextLine()) != null) {
        int line = lines.lineNumber();
        List<Token> ts = Tokens.split(s);
        String first = ts.get(0).text();
        if (first.equals("c")) {
          return; // comment section: the rest of the file is free text
        }
        char kind = s.charAt(0);
        int sp = s.indexOf(' ');
        String idx = sp < 0 ? s.substring(1) : s.substring(1, sp);
        boolean symbolShape = (kind == 'i' || kind == 'o' || kind == 'l' || kind == 'b'
            || kind == 'c' || kind == 'j' || kind == 'f') && Tokens.isDigits(idx);
        if (!symbolShape) {
          if (Tokens.isDigits(first)) {
            throw error(line, 1, "unexpected line " + Sources.quote(s.trim()) + " after the A="
                + nAnd + " AND lines the header declares; expected a symbol (i<k> name,"
                + " o<k> name) or 'c' to start comments");
          }
          throw error(line, 1, "expected a symbol (i<k> name, o<k> name) or 'c' to start"
              + " comments, found " + Sources.quote(s.trim()));
        }
        if (kind != 'i' && kind != 'o') {
          String what = kind == 'l' ? "latch symbol " + Sources.quote(first)
              + ", but the file has no latches (L=0)"
              : "symbol " + Sources.quote(first) + " for an AIGER 1.9 property section, which"
                  + " xcert does not read";
          throw error(line, 1, what + "; expected i<k> or o<k> symbols");
        }
        if (sp < 0 || sp == s.length() - 1) {
          throw error(line, s.length() + 1, "symbol " + Sources.quote(first)
              + " has no name; expected '" + first + " name'");
        }
        String name = s.substring(sp + 1);
        long k = Tokens.digitsValue(idx);
        String[] names = kind == 'i' ? inputNames : outputNames;
        int[] at = kind == 'i' ? inputNameLine : outputNameLine;
        String plural = kind == 'i' ? "inputs" : "outputs";
        if (k >= names.length) {
          throw error(line, 2, "symbol " + Sources.quote(first) + " names " + (kind == 'i'
              ? "input" : "output") + " position " + k + " (0-based), but the file has "
              + names.length + " " + plural + (names.length == 0 ? ""
                  : " (" + kind + "0.." + kind + (names.length - 1) + ")"));
        }
        if (names[(int) k] != null) {
          throw error(line, 1, "symbol " + Sources.quote(first) + " is given twice (first on line "
              + at[(int) k] + "); expected one name per " + (kind == 'i' ? "input" : "output"));
        }
        names[(int) k] = name;
        at[(int) k] = line;
      }
    }

    private void checkDefined(int lit, int line, int col) {
      int var = lit >>> 1;
      if (var != 0 && defOfVar.get(var) < 0) {
        throw error(line, col, "literal " + lit + " uses variable " + var + ", which is never"
            + " defined; expected an input or the left side of an AND line");
      }
    }

    private void checkUses() {
      for (int j = 0; j < andVar.size(); j++) {
        checkDefined(andRhs0.get(j), andLine.get(j), andCol0.get(j));
        checkDefined(andRhs1.get(j), andLine.get(j), andCol1.get(j));
      }
      for (int k = 0; k < outLit.size(); k++) {
        checkDefined(outLit.get(k), outLine.get(k), outCol.get(k));
      }
    }

    /** AND index of a literal's variable, or -1 for inputs and constants. */
    private int andOf(int lit) {
      int var = lit >>> 1;
      if (var == 0) {
        return -1;
      }
      int def = defOfVar.get(var);
      return def >= inputCount ? def - inputCount : -1;
    }

    /** AND indices in an order where every AND comes after the ANDs it reads. */
    private int[] topologicalOrder() {
      int n = andVar.size();
      byte[] state = new byte[n]; // 0 new, 1 on the stack, 2 done
      int[] order = new int[n];
      int done = 0;
      int[] stack = new int[n];
      int[] next = new int[n]; // which child to visit next: 0, 1, or 2 = finished
      for (int root = 0; root < n; root++) {
        if (state[root] != 0) {
          continue;
        }
        int sp = 0;
        stack[sp++] = root;
        state[root] = 1;
        next[root] = 0;
        while (sp > 0) {
          int j = stack[sp - 1];
          if (next[j] == 2) {
            state[j] = 2;
            order[done++] = j;
            sp--;
            continue;
          }
          int lit = next[j] == 0 ? andRhs0.get(j) : andRhs1.get(j);
          next[j]++;
          int c = andOf(lit);
          if (c < 0 || state[c] == 2) {
            continue;
          }
          if (state[c] == 1) {
            throw cycle(stack, sp, c);
          }
          state[c] = 1;
          next[c] = 0;
          stack[sp++] = c;
        }
      }
      return order;
    }

    private InputException cycle(int[] stack, int sp, int c) {
      int from = sp - 1;
      while (stack[from] != c) {
        from--;
      }
      StringBuilder path = new StringBuilder();
      int shown = 0;
      for (int q = from; q < sp; q++) {
        if (shown == 12) {
          path.append(" -> ...");
          break;
        }
        path.append(shown == 0 ? "" : " -> ").append(2 * andVar.get(stack[q]));
        shown++;
      }
      path.append(" -> ").append(2 * andVar.get(c));
      return error(andLine.get(c), 1, "the AND gates form a cycle through variable "
          + andVar.get(c) + " (literal " + 2 * andVar.get(c) + "): " + path
          + "; expected an acyclic, combinational circuit");
    }

    private Circuit build(int[] order) {
      int nIn = inputCount;
      int nAnd = andVar.size();
      Circuit.Builder b = Circuit.builder(nIn);
      int[] node = new int[nIn + nAnd];
      int[] negNode = new int[nIn + nAnd];
      java.util.Arrays.fill(negNode, -1);
      for (int k = 0; k < nIn; k++) {
        node[k] = b.input(k + 1);
        if (inputNames[k] != null) {
          b.nameInput(k + 1, inputNames[k]);
        }
      }
      for (int j : order) {
        int a = litNode(b, node, negNode, andRhs0.get(j));
        int c = litNode(b, node, negNode, andRhs1.get(j));
        node[nIn + j] = b.and(a, c);
      }
      for (int k = 0; k < outLit.size(); k++) {
        b.output(litNode(b, node, negNode, outLit.get(k)), outputNames[k]);
      }
      return b.build();
    }

    private int litNode(Circuit.Builder b, int[] node, int[] negNode, int lit) {
      int var = lit >>> 1;
      if (var == 0) {
        return b.constant((lit & 1) != 0);
      }
      int def = defOfVar.get(var);
      if ((lit & 1) == 0) {
        return node[def];
      }
      if (negNode[def] < 0) {
        negNode[def] = b.not(node[def]);
      }
      return negNode[def];
    }
  }

  // ------------------------------------------------------------------------------------------------

  private static final class Emitter {
    private final Circuit c;
    private final IntList ands = new IntList(); // triples lhs, rhs0, rhs1
    private int nextVar;

    Emitter(Circuit c) {
      this.c = c;
      this.nextVar = c.dimension() + 1;
    }

    void emit(Writer out) throws IOException {
      int d = c.dimension();
      int n = c.nodeCount();
      boolean[] need = new boolean[n];
      for (int k = 0; k < c.outputCount(); k++) {
        need[c.outputNode(k)] = true;
      }
      for (int v = n - 1; v >= 0; v--) {
        if (need[v]) {
          for (int ch : c.children(v)) {
            need[ch] = true;
          }
        }
      }
      int[] lit = new int[n];
      for (int v = 0; v < n; v++) {
        if (!need[v]) {
          continue;
        }
        int[] ch = c.children(v);
        int[] cl = new int[ch.length];
        for (int i = 0; i < ch.length; i++) {
          cl[i] = lit[ch[i]];
        }
        lit[v] = switch (c.op(v)) {
          case INPUT -> 2 * (v + 1);
          case FALSE -> 0;
          case TRUE -> 1;
          case NOT -> cl[0] ^ 1;
          case AND -> andTree(cl);
          case OR -> {
            for (int i = 0; i < cl.length; i++) {
              cl[i] ^= 1;
            }
            yield andTree(cl) ^ 1;
          }
          case XOR -> xorTree(cl);
        };
      }
      int nAnd = ands.size() / 3;
      StringBuilder sb = new StringBuilder();
      sb.append("aag ").append(nextVar - 1).append(' ').append(d).append(" 0 ")
          .append(c.outputCount()).append(' ').append(nAnd).append('\n');
      for (int i = 1; i <= d; i++) {
        sb.append(2 * i).append('\n');
      }
      for (int k = 0; k < c.outputCount(); k++) {
        sb.append(lit[c.outputNode(k)]).append('\n');
      }
      out.write(sb.toString());
      sb.setLength(0);
      for (int j = 0; j < nAnd; j++) {
        sb.append(ands.get(3 * j)).append(' ').append(ands.get(3 * j + 1)).append(' ')
            .append(ands.get(3 * j + 2)).append('\n');
        if (sb.length() > 1 << 16) {
          out.write(sb.toString());
          sb.setLength(0);
        }
      }
      for (int i = 1; i <= d; i++) {
        Optional<String> name = c.inputName(i);
        if (name.isPresent()) {
          sb.append('i').append(i - 1).append(' ').append(symbol(name.get())).append('\n');
        }
      }
      for (int k = 0; k < c.outputCount(); k++) {
        Optional<String> name = c.outputName(k);
        if (name.isPresent()) {
          sb.append('o').append(k).append(' ').append(symbol(name.get())).append('\n');
        }
      }
      out.write(sb.toString());
      out.flush();
    }

    private static String symbol(String name) {
      if (name.isEmpty() || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("an AIGER symbol must be non-empty and on one line: "
            + Sources.quote(name));
      }
      return name;
    }

    private int and2(int a, int b) {
      if (a == 0 || b == 0 || a == (b ^ 1)) {
        return 0;
      }
      if (a == 1) {
        return b;
      }
      if (b == 1 || a == b) {
        return a;
      }
      if (nextVar > Limits.MAX_NODES) {
        throw new TooLargeException("the AIG would have more than " + Limits.MAX_NODES
            + " variables, the most xcert writes");
      }
      int lhs = 2 * nextVar++;
      ands.add(lhs);
      ands.add(Math.max(a, b)); // the usual AIGER convention: lhs > rhs0 >= rhs1
      ands.add(Math.min(a, b));
      return lhs;
    }

    private int xor2(int a, int b) {
      if (a == 0) {
        return b;
      }
      if (b == 0) {
        return a;
      }
      if (a == 1) {
        return b ^ 1;
      }
      if (b == 1) {
        return a ^ 1;
      }
      if (a == b) {
        return 0;
      }
      if (a == (b ^ 1)) {
        return 1;
      }
      int t1 = and2(a, b ^ 1);
      int t2 = and2(a ^ 1, b);
      return and2(t1 ^ 1, t2 ^ 1) ^ 1;
    }

    private int andTree(int[] lits) {
      if (lits.length == 0) {
        return 1;
      }
      int[] cur = lits;
      while (cur.length > 1) {
        int[] nxt = new int[(cur.length + 1) / 2];
        for (int i = 0; i < nxt.length; i++) {
          nxt[i] = 2 * i + 1 < cur.length ? and2(cur[2 * i], cur[2 * i + 1]) : cur[2 * i];
        }
        cur = nxt;
      }
      return cur[0];
    }

    private int xorTree(int[] lits) {
      if (lits.length == 0) {
        return 0;
      }
      int[] cur = lits;
      while (cur.length > 1) {
        int[] nxt = new int[(cur.length + 1) / 2];
        for (int i = 0; i < nxt.length; i++) {
          nxt[i] = 2 * i + 1 < cur.length ? xor2(cur[2 * i], cur[2 * i + 1]) : cur[2 * i];
        }
        cur = nxt;
      }
      return cur[0];
    }
  }
}
