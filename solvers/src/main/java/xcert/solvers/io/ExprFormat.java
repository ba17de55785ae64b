package xcert.solvers.io;

import xcert.solvers.errors.InputException;
import xcert.solvers.errors.TooLargeException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import xcert.solvers.model.Circuit;

/**
 * Reads and writes Boolean circuits in xcert's small infix syntax ({@code .expr}), the "small infix
 * syntax such as {@code x1 & (x2 | !x3)}", one of the file forms of the Boolean classifiers Φ of
 * seed 003 Section 3.
 *
 * <pre>
 *   # a comment runs from '#' to the end of the line
 *   inputs: 4                  # optional, before the expressions: d (default: largest index used)
 *   x1 &amp; (x2 | !x3) ^ x4      # one expression per non-blank line = one output
 *   ~x2 | true
 * </pre>
 *
 * <p>Atoms: {@code x<k>} (k ≥ 1), {@code 0}, {@code 1}, {@code true}, {@code false}, and parenthesised
 * expressions. Operators, from tightest to loosest as in C: prefix NOT ({@code !} or {@code ~}), AND
 * ({@code &}), XOR ({@code ^}), OR ({@code |}); binary operators associate to the left. So
 * {@code x1 & (x2 | !x3) ^ x4} is {@code (x1 & (x2 | !x3)) ^ x4}. A chain of one operator
 * ({@code a & b & c}) becomes one n-ary gate. Whitespace is free; an expression may not span lines.
 * Parsing uses explicit stacks, so nesting depth is limited only by the line length.
 *
 * <p>Writing prints an {@code inputs: d} line, then each output as one expression with the fewest
 * parentheses the precedence above needs (a named output gets its name as a trailing comment). Shared
 * sub-circuits are expanded as trees; a text longer than {@link #MAX_WRITE_CHARS} characters is
 * refused with {@link TooLargeException} before it is built.
 */
public final class ExprFormat {

  /** The longest text {@link #write(Circuit, Writer)} produces. */
  public static final long MAX_WRITE_CHARS = 1_000_000;

  private ExprFormat() {}

  /** Reads an {@code .expr} file. */
  public static Circuit read(Path file) {
    return Sources.read(file, ExprFormat::read);
  }

  /**
   * Reads {@code .expr} text.
   *
   * @throws InputException for a syntax error, with line and column, or a file with no expression
   */
  public static Circuit read(String source, Reader in) {
    return new Parser(source, in).parse();
  }

  /** Parses a single expression given as a string (no directive), e.g. from a command line. */
  public static Circuit parse(String source, String expression) {
    return read(source, new java.io.StringReader(expression));
  }

  /**
   * Writes c as {@code .expr} text.
   *
   * @throws TooLargeException when the expanded text would exceed {@link #MAX_WRITE_CHARS}
   */
  public static void write(Circuit c, Writer out) throws IOException {
    out.write(toString(c));
    out.flush();
  }

  /** Writes c to a file as {@code .expr} text. */
  public static void write(Circuit c, Path file) throws IOException {
    String text = toString(c);
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** c as {@code .expr} text. */
  public static String toString(Circuit c) {
    return new Printer(c).print();
  }

  /** One output of c as an expression, without the directive line or a newline. */
  public static String expression(Circuit c, int output) {
    Printer p = new Printer(c);
    long len = p.length(output);
    if (len > MAX_WRITE_CHARS) {
      throw p.tooLarge(len);
    }
    StringBuilder sb = new StringBuilder();
    p.append(sb, c.outputNode(output));
    return sb.toString();
  }

  // ------------------------------------------------------------------------------------------------
  // Parsing

  private static final int K_INPUT = 0;
  private static final int K_FALSE = 1;
  private static final int K_TRUE = 2;
  private static final int K_NOT = 3;
  private static final int K_AND = 4;
  private static final int K_XOR = 5;
  private static final int K_OR = 6;

  /** Parse-tree nodes, in a flat list; a gate's children are in {@code kids}. */
  private static final class Tree {
    final IntList kind = new IntList();
    final IntList arg = new IntList(); // input index for K_INPUT
    final List<IntList> kids = new ArrayList<>();

    int add(int k, int a) {
      kind.add(k);
      arg.add(a);
      kids.add(null);
      return kind.size() - 1;
    }

    int gate(int k, int... ch) {
      int n = add(k, 0);
      IntList l = new IntList(Math.max(4, ch.length));
      for (int c : ch) {
        l.add(c);
      }
      kids.set(n, l);
      return n;
    }
  }

  private static final class Parser {
    private final String source;
    private final LineReader lines;
    private final Tree tree = new Tree();
    private final IntList roots = new IntList();
    private final List<String> names = new ArrayList<>();
    private int declared = -1;
    private int maxIndex;
    private int maxLine;
    private int maxCol;

    // per line
    private String text;
    private int line;
    private int pos;

    Parser(String source, Reader in) {
      this.source = source;
      this.lines = new LineReader(source, in);
    }

    private InputException error(int col, String problem) {
      return new InputException(source, line, col, problem);
    }

    Circuit parse() {
      String s;
      while ((s = lines.next()) != null) {
        line = lines.lineNumber();
        int hash = s.indexOf('#');
        text = hash >= 0 ? s.substring(0, hash) : s;
        if (Tokens.isBlank(text)) {
          continue;
        }
        pos = 0;
        skipSpaces();
        if (text.startsWith("inputs", pos) && isDirective()) {
          directive();
          continue;
        }
        roots.add(expression());
      }
      if (roots.size() == 0) {
        throw new InputException(source, 0, 0, "empty file: no expression found; expected one"
            + " expression per line, e.g. x1 & (x2 | !x3)");
      }
      int d = maxIndex;
      if (declared >= 0) {
        if (maxIndex > declared) {
          throw new InputException(source, maxLine, maxCol, "x" + maxIndex + " is beyond the"
              + " declared 'inputs: " + declared + "'; expected indices x1..x" + declared);
        }
        d = declared;
      }
      return build(d);
    }

    private boolean isDirective() {
      int p = pos + "inputs".length();
      while (p < text.length() && Tokens.isSpace(text.charAt(p))) {
        p++;
      }
      return p < text.length() && text.charAt(p) == ':';
    }

    private void directive() {
      int col = pos + 1;
      if (roots.size() > 0) {
        throw error(col, "the 'inputs:' directive must come before the expressions, found it"
            + " after " + roots.size() + " expression" + (roots.size() == 1 ? "" : "s"));
      }
      if (declared >= 0) {
        throw error(col, "a second 'inputs:' directive; expected at most one");
      }
      pos = text.indexOf(':', pos) + 1;
      skipSpaces();
      int start = pos;
      while (pos < text.length() && !Tokens.isSpace(text.charAt(pos))) {
        pos++;
      }
      String n = text.substring(start, pos);
      if (!Tokens.isDigits(n)) {
        throw error(start + 1, "expected the number of inputs after 'inputs:', found "
            + (n.isEmpty() ? "nothing" : Sources.quote(n)));
      }
      long v = Tokens.digitsValue(n);
      if (v > Limits.MAX_INPUTS) {
        throw Limits.tooLarge(source, line, start + 1, "'inputs: " + n + "' declares more than "
            + Limits.MAX_INPUTS + " inputs, the most xcert reads");
      }
      skipSpaces();
      if (pos < text.length()) {
        throw error(pos + 1, "unexpected " + Sources.quote(text.substring(pos).trim())
            + " after 'inputs: " + n + "'; expected the end of the line");
      }
      declared = (int) v;
    }

    private void skipSpaces() {
      while (pos < text.length() && Tokens.isSpace(text.charAt(pos))) {
        pos++;
      }
    }

    // operator stack entries: kind (K_NOT, K_AND, K_XOR, K_OR, or LPAREN) and column
    private static final int LPAREN = 7;

    private static int prec(int k) {
      return switch (k) {
        case K_NOT -> 4;
        case K_AND -> 3;
        case K_XOR -> 2;
        case K_OR -> 1;
        default -> 0;
      };
    }

    private static String symbol(int k) {
      return switch (k) {
        case K_AND -> "&";
        case K_XOR -> "^";
        case K_OR -> "|";
        default -> "!";
      };
    }

    private static final String OPERAND = "an operand (x<k>, 0, 1, true, false, '!', '~' or '(')";
    private static final String OPERATOR = "an operator (&, ^, |), ')' or the end of the line";

    /** Parses the rest of the line as one expression; returns its tree node. */
    private int expression() {
      IntList operands = new IntList();
      IntList grouped = new IntList(); // 1 when the operand was parenthesised
      IntList ops = new IntList();
      IntList opCols = new IntList();
      boolean expectOperand = true;
      while (true) {
        skipSpaces();
        if (pos >= text.length()) {
          break;
        }
        char ch = text.charAt(pos);
        int col = pos + 1;
        if (expectOperand) {
          if (ch == '!' || ch == '~') {
            ops.add(K_NOT);
            opCols.add(col);
            pos++;
          } else if (ch == '(') {
            ops.add(LPAREN);
            opCols.add(col);
            pos++;
          } else if (isWordStart(ch) || isDigit(ch)) {
            operands.add(atom());
            grouped.add(0);
            expectOperand = false;
          } else {
            throw unexpected(ch, col, OPERAND);
          }
        } else {
          int k = switch (ch) {
            case '&' -> K_AND;
            case '^' -> K_XOR;
            case '|' -> K_OR;
            default -> -1;
          };
          if (k >= 0) {
            while (ops.size() > 0 && ops.get(ops.size() - 1) != LPAREN
                && prec(ops.get(ops.size() - 1)) >= prec(k)) {
              reduce(operands, grouped, ops, opCols);
            }
            ops.add(k);
            opCols.add(col);
            pos++;
            expectOperand = true;
            if (pos < text.length() && text.charAt(pos) == ch && ch != '^') {
              throw error(pos + 1, "unexpected '" + ch + ch + "'; xcert's syntax uses a single '"
                  + ch + "' for " + (k == K_AND ? "AND" : "OR"));
            }
          } else if (ch == ')') {
            while (ops.size() > 0 && ops.get(ops.size() - 1) != LPAREN) {
              reduce(operands, grouped, ops, opCols);
            }
            if (ops.size() == 0) {
              throw error(col, "unbalanced parenthesis: ')' has no matching '('");
            }
            popLast(ops);
            popLast(opCols);
            grouped.set(grouped.size() - 1, 1);
            pos++;
          } else {
            throw unexpected(ch, col, OPERATOR);
          }
        }
      }
      if (expectOperand) {
        if (ops.size() > 0 && ops.get(ops.size() - 1) == LPAREN) {
          throw error(text.length() + 1, "the line ends inside a parenthesis; expected " + OPERAND);
        }
        String after = ops.size() > 0 ? " after '" + symbol(ops.get(ops.size() - 1)) + "'" : "";
        throw error(text.length() + 1, "the expression ends early" + after + "; expected "
            + OPERAND);
      }
      while (ops.size() > 0) {
        if (ops.get(ops.size() - 1) == LPAREN) {
          throw error(opCols.get(opCols.size() - 1), "unbalanced parenthesis: this '(' is never"
              + " closed; expected ')' before the end of the line");
        }
        reduce(operands, grouped, ops, opCols);
      }
      return operands.get(0);
    }

    private void reduce(IntList operands, IntList grouped, IntList ops, IntList opCols) {
      int k = ops.get(ops.size() - 1);
      popLast(ops);
      popLast(opCols);
      if (k == K_NOT) {
        int a = operands.get(operands.size() - 1);
        operands.set(operands.size() - 1, tree.gate(K_NOT, a));
        grouped.set(grouped.size() - 1, 0);
        return;
      }
      int right = operands.get(operands.size() - 1);
      popLast(operands);
      popLast(grouped);
      int left = operands.get(operands.size() - 1);
      boolean leftGrouped = grouped.get(grouped.size() - 1) == 1;
      if (!leftGrouped && tree.kind.get(left) == k) {
        tree.kids.get(left).add(right); // extend the chain a & b & c into one gate
      } else {
        operands.set(operands.size() - 1, tree.gate(k, left, right));
        grouped.set(grouped.size() - 1, 0);
      }
    }

    private static void popLast(IntList l) {
      l.truncate(l.size() - 1);
    }

    private InputException unexpected(char ch, int col, String expected) {
      String found;
      if (ch == '&' || ch == '|' || ch == '^') {
        found = "operator '" + ch + "'";
      } else if (ch == ')') {
        found = "')'";
      } else if (isWordStart(ch) || isDigit(ch)) {
        int p = pos;
        while (p < text.length() && (isWordStart(text.charAt(p)) || isDigit(text.charAt(p)))) {
          p++;
        }
        found = Sources.quote(text.substring(pos, p));
      } else {
        found = "character " + printable(ch);
      }
      return error(col, "unexpected " + found + "; expected " + expected);
    }

    private static String printable(char ch) {
      if (ch < 32 || ch == 127) {
        return String.format("U+%04X", (int) ch);
      }
      return "'" + ch + "'";
    }

    private static boolean isWordStart(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private int atom() {
      int start = pos;
      int col = start + 1;
      while (pos < text.length() && (isWordStart(text.charAt(pos)) || isDigit(text.charAt(pos)))) {
        pos++;
      }
      String w = text.substring(start, pos);
      if (isDigit(w.charAt(0))) {
        if (w.equals("0")) {
          return tree.add(K_FALSE, 0);
        }
        if (w.equals("1")) {
          return tree.add(K_TRUE, 0);
        }
        throw error(col, "unexpected " + Sources.quote(w) + "; the constants are 0 and 1 (features"
            + " are written x1, x2, ...)");
      }
      if (w.equals("true")) {
        return tree.add(K_TRUE, 0);
      }
      if (w.equals("false")) {
        return tree.add(K_FALSE, 0);
      }
      if (w.charAt(0) == 'x' && w.length() > 1 && Tokens.isDigits(w.substring(1))) {
        long k = Tokens.digitsValue(w.substring(1));
        if (k == 0) {
          throw error(col, "x0 is not a feature; features are numbered from 1 (x1, x2, ...)");
        }
        if (k > Limits.MAX_INPUTS) {
          throw Limits.tooLarge(source, line, col, Sources.quote(w) + " names feature " + k
              + "; xcert reads at most " + Limits.MAX_INPUTS + " inputs");
        }
        if (k > maxIndex) {
          maxIndex = (int) k;
          maxLine = line;
          maxCol = col;
        }
        return tree.add(K_INPUT, (int) k);
      }
      if (w.equals("x")) {
        throw error(col, "'x' needs a feature index; expected x1, x2, ...");
      }
      throw error(col, "unknown name " + Sources.quote(w) + "; expected x<k> (k >= 1), true,"
          + " false, 0 or 1");
    }

    private Circuit build(int d) {
      Circuit.Builder b = Circuit.builder(d);
      int n = tree.kind.size();
      int[] node = new int[n];
      java.util.Arrays.fill(node, -1);
      int[] notOfInput = new int[d + 1];
      for (int r = 0; r < roots.size(); r++) {
        // iterative post-order over the tree of this root
        Deque<int[]> stack = new ArrayDeque<>();
        stack.push(new int[] {roots.get(r), 0});
        while (!stack.isEmpty()) {
          int[] top = stack.peek();
          int t = top[0];
          int k = tree.kind.get(t);
          IntList ch = tree.kids.get(t);
          if (ch != null && top[1] < ch.size()) {
            stack.push(new int[] {ch.get(top[1]++), 0});
            continue;
          }
          stack.pop();
          node[t] = switch (k) {
            case K_INPUT -> b.input(tree.arg.get(t));
            case K_FALSE -> b.constant(false);
            case K_TRUE -> b.constant(true);
            case K_NOT -> {
              int c = ch.get(0);
              if (tree.kind.get(c) == K_INPUT) {
                int i = tree.arg.get(c);
                if (notOfInput[i] == 0) {
                  notOfInput[i] = b.not(node[c]) + 1;
                }
                yield notOfInput[i] - 1;
              }
              yield b.not(node[c]);
            }
            default -> {
              int[] cs = new int[ch.size()];
              for (int i = 0; i < cs.length; i++) {
                cs[i] = node[ch.get(i)];
              }
              yield switch (k) {
                case K_AND -> b.and(cs);
                case K_XOR -> b.xor(cs);
                default -> b.or(cs);
              };
            }
          };
        }
        b.output(node[roots.get(r)]);
      }
      return b.build();
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Printing

  private static final class Printer {
    private final Circuit c;
    private final int[] resolved;
    private final long[] len;

    Printer(Circuit c) {
      this.c = c;
      int n = c.nodeCount();
      resolved = new int[n];
      len = new long[n];
      for (int v = 0; v < n; v++) {
        Circuit.Op op = c.op(v);
        int[] ch = c.children(v);
        boolean gate = op == Circuit.Op.AND || op == Circuit.Op.OR || op == Circuit.Op.XOR;
        resolved[v] = gate && ch.length == 1 ? resolved[ch[0]] : v;
        if (resolved[v] != v) {
          len[v] = len[resolved[v]];
          continue;
        }
        long l;
        switch (op) {
          case INPUT -> l = 1 + Integer.toString(v + 1).length();
          case FALSE, TRUE -> l = 1;
          case NOT -> l = 1 + childLength(v, ch[0]);
          default -> {
            if (ch.length == 0) {
              l = 1;
            } else {
              l = 3L * (ch.length - 1);
              for (int x : ch) {
                l = sat(l + childLength(v, x));
              }
            }
          }
        }
        len[v] = sat(l);
      }
    }

    private long childLength(int parent, int child) {
      return sat(len[child] + (parens(parent, child) ? 2 : 0));
    }

    private static long sat(long v) {
      return Math.min(v, MAX_WRITE_CHARS + 1);
    }

    /** Precedence of a (resolved) node as printed: 1 OR, 2 XOR, 3 AND, 4 NOT, 5 atoms. */
    private int prec(int v) {
      int r = resolved[v];
      int[] ch = c.children(r);
      return switch (c.op(r)) {
        case OR -> ch.length == 0 ? 5 : 1;
        case XOR -> ch.length == 0 ? 5 : 2;
        case AND -> ch.length == 0 ? 5 : 3;
        case NOT -> 4;
        default -> 5;
      };
    }

    private boolean parens(int parent, int child) {
      return prec(child) < prec(parent);
    }

    long length(int output) {
      return len[c.outputNode(output)];
    }

    TooLargeException tooLarge(long len) {
      return new TooLargeException("the .expr text would be " + (len > MAX_WRITE_CHARS
          ? "over " + MAX_WRITE_CHARS : Long.toString(len)) + " characters long (shared"
          + " sub-circuits are expanded as trees); the .expr writer stops at " + MAX_WRITE_CHARS
          + "; write .aag instead");
    }

    String print() {
      long total = ("inputs: " + c.dimension() + "\n").length();
      for (int k = 0; k < c.outputCount(); k++) {
        total += length(k) + 1 + c.outputName(k).map(s -> s.length() + 3).orElse(0);
      }
      if (total > MAX_WRITE_CHARS) {
        throw tooLarge(total);
      }
      StringBuilder sb = new StringBuilder((int) total);
      sb.append("inputs: ").append(c.dimension()).append('\n');
      for (int k = 0; k < c.outputCount(); k++) {
        append(sb, c.outputNode(k));
        Optional<String> name = c.outputName(k);
        if (name.isPresent()) {
          sb.append("  # ").append(name.get().replace('\n', ' ').replace('\r', ' '));
        }
        sb.append('\n');
      }
      return sb.toString();
    }

    /** Appends node v's text, iteratively (deep circuits do not overflow the stack). */
    void append(StringBuilder sb, int root) {
      Deque<Object> work = new ArrayDeque<>();
      work.push(root);
      while (!work.isEmpty()) {
        Object w = work.pop();
        if (w instanceof String s) {
          sb.append(s);
          continue;
        }
        int v = resolved[(Integer) w];
        int[] ch = c.children(v);
        switch (c.op(v)) {
          case INPUT -> sb.append('x').append(v + 1);
          case FALSE -> sb.append('0');
          case TRUE -> sb.append('1');
          case NOT -> {
            sb.append('!');
            pushChild(work, v, ch[0]);
          }
          default -> {
            if (ch.length == 0) {
              sb.append(c.op(v) == Circuit.Op.AND ? '1' : '0');
              break;
            }
            String sep = switch (c.op(v)) {
              case AND -> " & ";
              case XOR -> " ^ ";
              default -> " | ";
            };
            for (int i = ch.length - 1; i >= 0; i--) {
              pushChild(work, v, ch[i]);
              if (i > 0) {
                work.push(sep);
              }
            }
          }
        }
      }
    }

    private void pushChild(Deque<Object> work, int parent, int child) {
      if (parens(parent, child)) {
        work.push(")");
        work.push(child);
        work.push("(");
      } else {
        work.push(child);
      }
    }
  }
}
