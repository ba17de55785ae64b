package xcert.solvers.io;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xcert.solvers.errors.Excerpt;
import xcert.solvers.errors.InputException;
import xcert.solvers.io.Tokens.Token;
import xcert.solvers.model.Circuit;

/**
 * Reads a compiled negation normal form, as written by the knowledge compilers c2d (Darwiche) and d4
 * (Lagniez and Marquis), into a {@link Circuit}: AND and OR gates over literals (a negative literal is
 * a NOT of an input). Both formats are recognised by their first line that is not blank and not a
 * comment ({@code c ...}).
 *
 * <h2>c2d format</h2>
 *
 * <pre>
 *   nnf V E N          V nodes, E edges, N variables (the features x1..xN)
 *   L l                a literal: l = j for x_j, −j for ¬x_j, 1 ≤ j ≤ N
 *   A c i1 ... ic      an AND of c earlier nodes (A 0 is true)
 *   O j c i1 ... ic    an OR of c earlier nodes; j ≠ 0 states that the children conflict on x_j
 *                      (a decision node, c = 2), j = 0 states nothing (O 0 0 is false)
 * </pre>
 *
 * Nodes are numbered 0..V−1 in the order of their lines; children must be earlier nodes; the root is
 * the last node. The counts V and E must match the file.
 *
 * <h2>d4 format</h2>
 *
 * <pre>
 *   o K 0 | a K 0 | t K 0 | f K 0     node K (a positive integer): OR, AND, true, false
 *   K L l1 ... lr 0                   an arc from node K to node L with the literals l1..lr, which
 *                                     hold on that arc: the child is l1 ∧ ... ∧ lr ∧ L
 * </pre>
 *
 * The root is the first node declared; arcs may name nodes declared later, and must form a DAG. The
 * format has no variable count: N is the largest variable the file mentions.
 *
 * <h2>Determinism</h2>
 *
 * The compiled engine ({@code xcert.solvers.compiled}) needs every OR node to be deterministic
 * (its children pairwise inconsistent). This reader does not take a tool's word for it. A c2d
 * {@code O j 2 a b} with j ≠ 0 is a claim that a and b conflict on x_j, and the reader checks it:
 * one child must conjoin x_j and the other ¬x_j (as literals reachable through AND nodes), else the
 * file is refused with the line. d4's OR nodes carry their decision literals on the arcs, so the same
 * test applies to them in the engine. Any OR that is not shown deterministic this way (c2d's
 * {@code O 0 c} with c ≥ 2, for instance) is read as a plain OR: the circuit is right for the table
 * and the stream, and the compiled route recompiles it rather than trust it.
 */
public final class NnfFormat {

  private NnfFormat() {}

  /** Reads a {@code .nnf} file. */
  public static Circuit read(Path file) {
    return Sources.read(file, NnfFormat::read);
  }

  /** Reads c2d or d4 NNF text. */
  public static Circuit read(String source, Reader in) {
    LineReader lines = new LineReader(source, in);
    List<Line> content = new ArrayList<>();
    String s;
    while ((s = lines.next()) != null) {
      List<Token> ts = Tokens.split(s);
      if (ts.isEmpty() || ts.get(0).text().equals("c")) {
        continue;
      }
      content.add(new Line(lines.lineNumber(), ts));
    }
    if (content.isEmpty()) {
      throw new InputException(source, lines.lineNumber(), 0, "no content; expected an 'nnf V E N'"
          + " header (c2d) or d4 node lines ('o 1 0')");
    }
    String first = content.get(0).tokens().get(0).text();
    if (first.equals("nnf")) {
      return new C2d(source, content).parse();
    }
    if (first.length() == 1 && "oatf".contains(first)) {
      return new D4(source, content).parse();
    }
    Token t = content.get(0).tokens().get(0);
    throw new InputException(source, content.get(0).number(), t.column(), "expected an 'nnf V E N'"
        + " header (c2d format) or a d4 node line ('o K 0'), found '" + Excerpt.show(t.text())
        + "'");
  }

  private record Line(int number, List<Token> tokens) {}

  private static long number(String source, Line l, int k, String what) {
    if (k >= l.tokens().size()) {
      throw new InputException(source, l.number(), 0, "expected " + what + " after '"
          + Excerpt.show(l.tokens().get(k - 1).text()) + "', found the end of the line");
    }
    Token t = l.tokens().get(k);
    String x = t.text();
    boolean neg = x.startsWith("-");
    String digits = neg ? x.substring(1) : x;
    if (!Tokens.isDigits(digits) || digits.length() > 10) {
      throw new InputException(source, l.number(), t.column(), "expected " + what + ", found '"
          + Excerpt.show(x) + "'");
    }
    long v = Long.parseLong(digits);
    return neg ? -v : v;
  }

  /** Literals ±j reachable from node n through AND nodes (n's conjuncts); iterative. */
  private static Set<Long> conjuncts(List<int[]> andKids, List<Long> litOf, int n) {
    Set<Long> out = new HashSet<>();
    ArrayDeque<Integer> stack = new ArrayDeque<>();
    Set<Integer> seen = new HashSet<>();
    stack.push(n);
    while (!stack.isEmpty() && seen.size() < 100_000) {
      int m = stack.pop();
      if (!seen.add(m)) {
        continue;
      }
      if (litOf.get(m) != 0) {
        out.add(litOf.get(m));
      } else if (andKids.get(m) != null) {
        for (int c : andKids.get(m)) {
          stack.push(c);
        }
      }
    }
    return out;
  }

  /** The c2d format. */
  private static final class C2d {
    private final String source;
    private final List<Line> lines;

    C2d(String source, List<Line> lines) {
      this.source = source;
      this.lines = lines;
    }

    private InputException error(Line l, int k, String problem) {
      int col = k < l.tokens().size() ? l.tokens().get(k).column() : 0;
      return new InputException(source, l.number(), col, problem);
    }

    Circuit parse() {
      Line h = lines.get(0);
      if (h.tokens().size() != 4) {
        throw error(h, 0, "the header must be 'nnf V E N' (nodes, edges, variables); found "
            + h.tokens().size() + " fields");
      }
      long nv = number(source, h, 1, "the node count V");
      long ne = number(source, h, 2, "the edge count E");
      long nn = number(source, h, 3, "the variable count N");
      if (nv < 1 || ne < 0 || nn < 0) {
        throw error(h, 1, "the header needs V >= 1, E >= 0, N >= 0");
      }
      if (nn > Limits.MAX_INPUTS || nv > Limits.MAX_NODES) {
        throw Limits.tooLarge(source, h.number(), 0, "the header declares " + nv + " nodes and "
            + nn + " variables; xcert reads at most " + Limits.MAX_NODES + " nodes and "
            + Limits.MAX_INPUTS + " variables");
      }
      int n = (int) nn;
      Circuit.Builder b = Circuit.builder(n);
      int[] neg = new int[n];
      Arrays.fill(neg, -1);
      List<Integer> node = new ArrayList<>(); // file node -> circuit node
      List<int[]> andKids = new ArrayList<>(); // file AND node -> file children (else null)
      List<Long> litOf = new ArrayList<>(); // file literal node -> ±j (else 0)
      long edges = 0;
      for (int li = 1; li < lines.size(); li++) {
        Line l = lines.get(li);
        String kind = l.tokens().get(0).text();
        int index = node.size();
        switch (kind) {
          case "L" -> {
            if (l.tokens().size() != 2) {
              throw error(l, 0, "a literal line is 'L l' with one literal; found "
                  + l.tokens().size() + " fields");
            }
            long lit = number(source, l, 1, "a literal");
            if (lit == 0 || Math.abs(lit) > n) {
              throw error(l, 1, "literal " + lit + " is out of range; expected ±1..±" + n);
            }
            int v = (int) Math.abs(lit);
            int c = b.input(v);
            if (lit < 0) {
              if (neg[v - 1] < 0) {
                neg[v - 1] = b.not(c);
              }
              c = neg[v - 1];
            }
            node.add(c);
            andKids.add(null);
            litOf.add(lit);
          }
          case "A", "O" -> {
            boolean or = kind.equals("O");
            int k = or ? 2 : 1;
            long decision = or ? number(source, l, 1, "the decision variable j (0 for none)") : 0;
            if (decision < 0 || decision > n) {
              throw error(l, 1, "decision variable " + decision + " is out of range; expected 0.."
                  + n);
            }
            long count = number(source, l, k, "the number of children");
            if (count != l.tokens().size() - k - 1) {
              throw error(l, k, "the line announces " + count + " children and lists "
                  + (l.tokens().size() - k - 1));
            }
            int[] kids = new int[(int) count];
            int[] fileKids = new int[(int) count];
            for (int j = 0; j < count; j++) {
              long c = number(source, l, k + 1 + j, "a child index");
              if (c < 0 || c >= index) {
                throw error(l, k + 1 + j, "child " + c + " is not an earlier node; expected 0.."
                    + (index - 1) + " (children come before their parents)");
              }
              fileKids[j] = (int) c;
              kids[j] = node.get((int) c);
            }
            edges += count;
            if (or && decision != 0) {
              checkDecision(l, decision, fileKids, andKids, litOf);
            }
            node.add(or ? b.or(kids) : b.and(kids));
            andKids.add(or ? null : fileKids);
            litOf.add(0L);
          }
          case "nnf" -> throw error(l, 0, "a second 'nnf' header");
          default -> throw error(l, 0, "expected a node line 'L', 'A' or 'O', found '"
              + Excerpt.show(kind) + "'");
        }
        if (node.size() > nv) {
          throw error(l, 0, "more nodes than the " + nv + " the header announces");
        }
      }
      Line last = lines.get(lines.size() - 1);
      if (node.size() != nv) {
        throw new InputException(source, last.number(), 0, "the header announces " + nv
            + " nodes and the file has " + node.size());
      }
      if (edges != ne) {
        throw new InputException(source, last.number(), 0, "the header announces " + ne
            + " edges and the nodes list " + edges);
      }
      b.output(node.get(node.size() - 1));
      return b.build();
    }

    private void checkDecision(Line l, long j, int[] kids, List<int[]> andKids,
        List<Long> litOf) {
      if (kids.length != 2) {
        throw error(l, 2, "an O node with decision variable " + j + " must have 2 children, found "
            + kids.length);
      }
      Set<Long> a = conjuncts(andKids, litOf, kids[0]);
      Set<Long> c = conjuncts(andKids, litOf, kids[1]);
      boolean ok = (a.contains(j) && c.contains(-j)) || (a.contains(-j) && c.contains(j));
      if (!ok) {
        throw error(l, 1, "the O node states that its children conflict on x" + j + ", but they "
            + "do not conjoin x" + j + " and ¬x" + j + " (determinism not established)");
      }
    }
  }

  /** The d4 format. */
  private static final class D4 {
    private final String source;
    private final List<Line> lines;

    D4(String source, List<Line> lines) {
      this.source = source;
      this.lines = lines;
    }

    private InputException error(Line l, int k, String problem) {
      int col = k < l.tokens().size() ? l.tokens().get(k).column() : 0;
      return new InputException(source, l.number(), col, problem);
    }

    private record Arc(long to, long[] lits, Line line) {}

    Circuit parse() {
      Map<Long, Character> kind = new HashMap<>();
      Map<Long, Line> declared = new HashMap<>();
      Map<Long, List<Arc>> arcs = new HashMap<>();
      List<Long> order = new ArrayList<>();
      long maxVar = 0;
      for (Line l : lines) {
        List<Token> ts = l.tokens();
        if (!ts.get(ts.size() - 1).text().equals("0")) {
          throw error(l, ts.size() - 1, "a d4 line ends with 0, found '"
              + Excerpt.show(ts.get(ts.size() - 1).text()) + "'");
        }
        String t0 = ts.get(0).text();
        if (t0.length() == 1 && "oatf".contains(t0)) {
          if (ts.size() != 3) {
            throw error(l, 0, "a node line is '" + t0 + " K 0'; found " + ts.size() + " fields");
          }
          long id = number(source, l, 1, "a node index");
          if (id < 1) {
            throw error(l, 1, "node indices are positive, found " + id);
          }
          if (declared.containsKey(id)) {
            throw error(l, 1, "node " + id + " is declared twice (first on line "
                + declared.get(id).number() + ")");
          }
          declared.put(id, l);
          kind.put(id, t0.charAt(0));
          order.add(id);
        } else {
          if (ts.size() < 3) {
            throw error(l, 0, "an arc line is 'K L [literals] 0'; found " + ts.size() + " fields");
          }
          long from = number(source, l, 0, "a node index");
          long to = number(source, l, 1, "a node index");
          long[] lits = new long[ts.size() - 3];
          for (int j = 0; j < lits.length; j++) {
            lits[j] = number(source, l, 2 + j, "a literal");
            if (lits[j] == 0 || Math.abs(lits[j]) > Limits.MAX_INPUTS) {
              throw error(l, 2 + j, "literal " + lits[j] + " is out of range");
            }
            maxVar = Math.max(maxVar, Math.abs(lits[j]));
          }
          arcs.computeIfAbsent(from, k -> new ArrayList<>()).add(new Arc(to, lits, l));
        }
      }
      if (order.isEmpty()) {
        throw new InputException(source, lines.get(0).number(), 0, "no node lines ('o K 0')");
      }
      for (Map.Entry<Long, List<Arc>> e : arcs.entrySet()) {
        Line l0 = e.getValue().get(0).line();
        if (!declared.containsKey(e.getKey())) {
          throw error(l0, 0, "the arc leaves node " + e.getKey() + ", which no line declares");
        }
        char k = kind.get(e.getKey());
        if (k == 't' || k == 'f') {
          throw error(l0, 0, "the arc leaves node " + e.getKey() + ", a " + (k == 't' ? "true"
              : "false") + " leaf");
        }
        for (Arc a : e.getValue()) {
          if (!declared.containsKey(a.to())) {
            throw error(a.line(), 1, "the arc enters node " + a.to() + ", which no line declares");
          }
        }
      }
      // Children before parents: iterative post-order from the root, detecting cycles.
      long root = order.get(0);
      List<Long> topo = new ArrayList<>();
      Map<Long, Integer> state = new HashMap<>(); // 1 on the stack, 2 done
      ArrayDeque<long[]> stack = new ArrayDeque<>(); // {node, next arc index}
      stack.push(new long[] {root, 0});
      state.put(root, 1);
      while (!stack.isEmpty()) {
        long[] top = stack.peek();
        List<Arc> out = arcs.getOrDefault(top[0], List.of());
        if (top[1] < out.size()) {
          Arc a = out.get((int) top[1]++);
          Integer st = state.get(a.to());
          if (st == null) {
            state.put(a.to(), 1);
            stack.push(new long[] {a.to(), 0});
          } else if (st == 1) {
            throw error(a.line(), 1, "the arc to node " + a.to() + " closes a cycle; expected a DAG");
          }
        } else {
          stack.pop();
          state.put(top[0], 2);
          topo.add(top[0]);
        }
      }
      int n = (int) maxVar;
      Circuit.Builder b = Circuit.builder(n);
      int[] neg = new int[n];
      Arrays.fill(neg, -1);
      Map<Long, Integer> id = new HashMap<>();
      for (long v : topo) {
        char k = kind.get(v);
        if (k == 't' || k == 'f') {
          id.put(v, b.constant(k == 't'));
          continue;
        }
        List<Arc> out = arcs.getOrDefault(v, List.of());
        int[] kids = new int[out.size()];
        for (int j = 0; j < kids.length; j++) {
          Arc a = out.get(j);
          int target = id.get(a.to());
          if (a.lits().length == 0) {
            kids[j] = target;
          } else {
            int[] conj = new int[a.lits().length + 1];
            for (int i = 0; i < a.lits().length; i++) {
              long lit = a.lits()[i];
              int in = b.input((int) Math.abs(lit));
              if (lit < 0) {
                int vv = (int) -lit - 1;
                if (neg[vv] < 0) {
                  neg[vv] = b.not(in);
                }
                in = neg[vv];
              }
              conj[i] = in;
            }
            conj[a.lits().length] = target;
            kids[j] = b.and(conj);
          }
        }
        id.put(v, k == 'o' ? b.or(kids) : b.and(kids));
      }
      b.output(id.get(root));
      return b.build();
    }
  }
}
