package xcert.solvers.compiled;

import java.util.Arrays;

/**
 * An immutable Boolean circuit in deterministic decomposable form over features x1..xd: a DAG of
 * constants, literals, AND, OR and decision nodes, numbered children first (a topological order), with
 * one root. It is what {@link CompiledValues} runs on: an OBDD (decision nodes only), a d-DNNF
 * (literals, AND, OR), or a mix.
 *
 * <p>Each node g denotes a Boolean function over the set vars(g) of the features it mentions:
 *
 * <ul>
 *   <li>{@link Kind#LITERAL} x_v or ¬x_v: vars = {v};
 *   <li>{@link Kind#AND}: the conjunction of its children, which must be <em>decomposable</em>: the
 *       children's variable sets are pairwise disjoint;
 *   <li>{@link Kind#OR}: the disjunction of its children, which must be <em>deterministic</em>: the
 *       children are pairwise logically inconsistent;
 *   <li>{@link Kind#DECISION} on v with children low and high: (¬x_v ∧ low) ∨ (x_v ∧ high), with
 *       v ∉ vars(low) ∪ vars(high) (deterministic and decomposable by its shape);
 *   <li>{@link Kind#TRUE}, {@link Kind#FALSE}: vars = ∅.
 * </ul>
 *
 * <p><b>Checked here</b>, on construction, iteratively (no recursion): the topological numbering, the
 * features' range, decomposability of every AND node and the decision condition of every decision
 * node, by computing vars(g) as bitsets bottom-up (a bitset is dropped after its last parent, so the
 * peak memory is the DAG's widest cut of bitsets, each d/64 words). The sizes |vars(g)| are kept: the
 * engine's smoothing factors are computed from them. <b>Not checked</b> (deciding it is coNP-hard
 * in general): determinism of OR nodes. It must be established by whoever builds the circuit, and
 * {@link #determinism()} says how: by construction (an OBDD, LogicNG's d-DNNF compiler), or by the
 * syntactic test of {@link CompiledForms} (every OR node's children contain complementary literals as
 * conjuncts), which the builders run where they can. Smoothness is not required: in the engine's
 * weights a variable a child does not mention contributes the factor 1 (see {@link
 * CompiledValues}).
 */
public final class DecomposableCircuit {

  /** Node kinds. */
  public enum Kind {
    FALSE,
    TRUE,
    LITERAL,
    AND,
    OR,
    DECISION
  }

  private final int d;
  private final byte[] kind;
  private final int[] var; // literal or decision variable, 0-based; -1 otherwise
  private final boolean[] phase; // literal: true for x_v
  private final int[] start; // children of node n: child[start[n] .. start[n+1]); decision: low, high
  private final int[] child;
  private final int[] varCount; // |vars(g)|
  private final int root;
  private final String route;
  private final String determinism;
  private final long compileMillis;

  private DecomposableCircuit(Builder b, int root, String route, String determinism,
      long compileMillis) {
    this.d = b.d;
    int n = b.size;
    this.kind = Arrays.copyOf(b.kind, n);
    this.var = Arrays.copyOf(b.var, n);
    this.phase = Arrays.copyOf(b.phase, n);
    this.start = Arrays.copyOf(b.start, n + 1);
    this.start[n] = b.edges;
    this.child = Arrays.copyOf(b.child, b.edges);
    this.root = root;
    this.route = route;
    this.determinism = determinism;
    this.compileMillis = compileMillis;
    this.varCount = check();
  }

  /** A builder for a circuit over d features; nodes are added children first. */
  public static Builder builder(int d) {
    return new Builder(d);
  }

  /** Number of features d. */
  public int dimension() {
    return d;
  }

  /** Number of nodes (constants included). */
  public int size() {
    return kind.length;
  }

  /** Number of edges (decision nodes count two). */
  public int edgeCount() {
    return child.length;
  }

  /** The root node. */
  public int root() {
    return root;
  }

  public Kind kind(int n) {
    return Kind.values()[kind[n]];
  }

  /** The 0-based feature of a literal or decision node; -1 for other nodes. */
  public int variable(int n) {
    return var[n];
  }

  /** True for a positive literal x_v. */
  public boolean phase(int n) {
    return phase[n];
  }

  /** The children of node n (a copy); a decision node's are {low, high}. */
  public int[] children(int n) {
    return Arrays.copyOfRange(child, start[n], start[n + 1]);
  }

  /**
   * P_{y~V}(f(y) = 1) for independent features with P(y_v = 1) = p[v], by one pass over the nodes:
   * a literal has its probability, an AND the product of its children's (decomposable: independent
   * events), an OR their sum (deterministic: disjoint events), a decision node on v
   * p_v·P(high) + (1 − p_v)·P(low). No smoothing is needed: a variable a node does not mention has
   * weights summing to 1. Exact rational arithmetic.
   */
  public org.apache.commons.numbers.fraction.BigFraction probability(
      org.apache.commons.numbers.fraction.BigFraction[] p) {
    if (p.length != d) {
      throw new IllegalArgumentException("expected " + d + " probabilities, got " + p.length);
    }
    org.apache.commons.numbers.fraction.BigFraction one =
        org.apache.commons.numbers.fraction.BigFraction.ONE;
    org.apache.commons.numbers.fraction.BigFraction[] val =
        new org.apache.commons.numbers.fraction.BigFraction[root + 1];
    for (int n = 0; n <= root; n++) {
      switch (kind(n)) {
        case FALSE -> val[n] = org.apache.commons.numbers.fraction.BigFraction.ZERO;
        case TRUE -> val[n] = one;
        case LITERAL -> val[n] = phase[n] ? p[var[n]] : one.subtract(p[var[n]]);
        case AND -> {
          org.apache.commons.numbers.fraction.BigFraction acc = one;
          for (int e = start[n]; e < start[n + 1] && acc.signum() != 0; e++) {
            acc = acc.multiply(val[child[e]]);
          }
          val[n] = acc;
        }
        case OR -> {
          org.apache.commons.numbers.fraction.BigFraction acc =
              org.apache.commons.numbers.fraction.BigFraction.ZERO;
          for (int e = start[n]; e < start[n + 1]; e++) {
            acc = acc.add(val[child[e]]);
          }
          val[n] = acc;
        }
        case DECISION -> {
          org.apache.commons.numbers.fraction.BigFraction pv = p[var[n]];
          val[n] = pv.multiply(val[child[start[n] + 1]])
              .add(one.subtract(pv).multiply(val[child[start[n]]]));
        }
        default -> throw new AssertionError(kind(n));
      }
    }
    return val[root];
  }

  /** |vars(n)|: the number of features node n mentions. */
  public int variableCount(int n) {
    return varCount[n];
  }

  /** How the circuit was obtained, e.g. "OBDD (LogicNG jBuddy kernel, FORCE order)". */
  public String route() {
    return route;
  }

  /** How determinism of the OR nodes is established. */
  public String determinism() {
    return determinism;
  }

  /** Milliseconds spent compiling (or reading) it. */
  public long compileMillis() {
    return compileMillis;
  }

  /** The same (already checked) circuit with another description and compile time. */
  DecomposableCircuit describedAs(String newRoute, String newDeterminism, long ms) {
    return new DecomposableCircuit(this, newRoute, newDeterminism, ms);
  }

  private DecomposableCircuit(DecomposableCircuit o, String route, String determinism, long ms) {
    this.d = o.d;
    this.kind = o.kind;
    this.var = o.var;
    this.phase = o.phase;
    this.start = o.start;
    this.child = o.child;
    this.varCount = o.varCount;
    this.root = o.root;
    this.route = route;
    this.determinism = determinism;
    this.compileMillis = ms;
  }

  /** Evaluates the circuit at x (x[i] is feature i+1), iteratively. */
  public boolean evaluate(boolean[] x) {
    if (x.length != d) {
      throw new IllegalArgumentException("input has length " + x.length + ", expected " + d);
    }
    boolean[] val = new boolean[kind.length];
    for (int n = 0; n < kind.length; n++) {
      val[n] = switch (kind(n)) {
        case FALSE -> false;
        case TRUE -> true;
        case LITERAL -> x[var[n]] == phase[n];
        case DECISION -> x[var[n]] ? val[child[start[n] + 1]] : val[child[start[n]]];
        case AND -> {
          boolean a = true;
          for (int j = start[n]; j < start[n + 1] && a; j++) {
            a = val[child[j]];
          }
          yield a;
        }
        case OR -> {
          boolean a = false;
          for (int j = start[n]; j < start[n + 1] && !a; j++) {
            a = val[child[j]];
          }
          yield a;
        }
      };
    }
    return val[root];
  }

  // Package access for the engine (the arrays are the circuit's own and must not be modified).
  byte[] kinds() {
    return kind;
  }

  int[] vars() {
    return var;
  }

  boolean[] phases() {
    return phase;
  }

  int[] starts() {
    return start;
  }

  int[] childArray() {
    return child;
  }

  @Override
  public String toString() {
    return "DecomposableCircuit[d=" + d + ", nodes=" + kind.length + ", edges=" + child.length
        + ", " + route + "]";
  }

  /**
   * Checks the numbering, the ranges, decomposability of AND and decision nodes, and computes
   * |vars(g)|; one bottom-up pass with bitsets released after their last use.
   */
  private int[] check() {
    int n = kind.length;
    if (root < 0 || root >= n) {
      throw new IllegalArgumentException("root " + root + " is not a node (" + n + " nodes)");
    }
    int words = (d + 63) >>> 6;
    int[] lastUse = new int[n];
    Arrays.fill(lastUse, -1);
    for (int g = 0; g < n; g++) {
      for (int j = start[g]; j < start[g + 1]; j++) {
        int c = child[j];
        if (c < 0 || c >= g) {
          throw new IllegalArgumentException("node " + g + " has child " + c
              + ", which does not come before it (nodes must be numbered children first)");
        }
        lastUse[c] = g;
      }
    }
    lastUse[root] = n;
    long[][] bits = new long[n][];
    int[] count = new int[n];
    for (int g = 0; g < n; g++) {
      Kind k = kind(g);
      int deg = start[g + 1] - start[g];
      long[] b = new long[words];
      switch (k) {
        case FALSE, TRUE -> {
          if (deg != 0) {
            throw new IllegalArgumentException("constant node " + g + " has children");
          }
        }
        case LITERAL -> {
          if (deg != 0) {
            throw new IllegalArgumentException("literal node " + g + " has children");
          }
          checkVariable(g);
          b[var[g] >>> 6] |= 1L << var[g];
          count[g] = 1;
        }
        case AND, OR -> {
          int c0 = 0;
          for (int j = start[g]; j < start[g + 1]; j++) {
            long[] cb = bits[child[j]];
            for (int w = 0; w < words; w++) {
              if (k == Kind.AND && (b[w] & cb[w]) != 0) {
                int v = Long.numberOfTrailingZeros(b[w] & cb[w]) + 64 * w;
                throw new IllegalArgumentException("AND node " + g + " is not decomposable: x"
                    + (v + 1) + " occurs in two of its children");
              }
              b[w] |= cb[w];
            }
          }
          for (long w : b) {
            c0 += Long.bitCount(w);
          }
          count[g] = c0;
        }
        case DECISION -> {
          if (deg != 2) {
            throw new IllegalArgumentException("decision node " + g + " has " + deg
                + " children, expected 2");
          }
          checkVariable(g);
          int v = var[g];
          for (int j = start[g]; j < start[g + 1]; j++) {
            long[] cb = bits[child[j]];
            if ((cb[v >>> 6] & (1L << v)) != 0) {
              throw new IllegalArgumentException("decision node " + g + " on x" + (v + 1)
                  + " has a child that mentions x" + (v + 1));
            }
            for (int w = 0; w < words; w++) {
              b[w] |= cb[w];
            }
          }
          b[v >>> 6] |= 1L << v;
          int c0 = 0;
          for (long w : b) {
            c0 += Long.bitCount(w);
          }
          count[g] = c0;
        }
        default -> throw new AssertionError(k);
      }
      bits[g] = b;
      for (int j = start[g]; j < start[g + 1]; j++) {
        if (lastUse[child[j]] == g) {
          bits[child[j]] = null;
        }
      }
      if (lastUse[g] < 0) {
        bits[g] = null; // not reachable from any parent nor the root: never read
      }
    }
    return count;
  }

  private void checkVariable(int g) {
    if (var[g] < 0 || var[g] >= d) {
      throw new IllegalArgumentException("node " + g + " names feature " + (var[g] + 1)
          + ", outside 1.." + d);
    }
  }

  /** Adds nodes children first; {@link #build} checks the result. */
  public static final class Builder {
    private final int d;
    private byte[] kind = new byte[64];
    private int[] var = new int[64];
    private boolean[] phase = new boolean[64];
    private int[] start = new int[65];
    private int[] child = new int[128];
    private int size;
    private int edges;
    private int falseNode = -1;
    private int trueNode = -1;

    private Builder(int d) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension " + d);
      }
      this.d = d;
    }

    /** Number of nodes added so far. */
    public int size() {
      return size;
    }

    /** The kind of a node added so far. */
    public Kind kindOf(int n) {
      if (n < 0 || n >= size) {
        throw new IllegalArgumentException("node " + n + " does not exist yet");
      }
      return Kind.values()[kind[n]];
    }

    /** The constant (one node per value). */
    public int constant(boolean value) {
      if (value) {
        if (trueNode < 0) {
          trueNode = add(Kind.TRUE, -1, false);
        }
        return trueNode;
      }
      if (falseNode < 0) {
        falseNode = add(Kind.FALSE, -1, false);
      }
      return falseNode;
    }

    /** The literal x_{v+1} (phase true) or ¬x_{v+1}; v is 0-based. */
    public int literal(int v, boolean positive) {
      return add(Kind.LITERAL, v, positive);
    }

    public int and(int... ch) {
      return gate(Kind.AND, ch);
    }

    /** An OR node; its children must be pairwise inconsistent (not checked here). */
    public int or(int... ch) {
      return gate(Kind.OR, ch);
    }

    /** (¬x_{v+1} ∧ low) ∨ (x_{v+1} ∧ high), v 0-based. */
    public int decision(int v, int low, int high) {
      return gate(Kind.DECISION, v, new int[] {low, high});
    }

    private int gate(Kind k, int... ch) {
      return gate(k, -1, ch);
    }

    private int gate(Kind k, int v, int[] ch) {
      while (edges + ch.length > child.length) {
        child = Arrays.copyOf(child, 2 * child.length);
      }
      System.arraycopy(ch, 0, child, edges, ch.length);
      int n = add(k, v, false);
      edges += ch.length;
      return n;
    }

    private int add(Kind k, int v, boolean p) {
      if (size == kind.length) {
        int cap = 2 * size;
        kind = Arrays.copyOf(kind, cap);
        var = Arrays.copyOf(var, cap);
        phase = Arrays.copyOf(phase, cap);
        start = Arrays.copyOf(start, cap + 1);
      }
      kind[size] = (byte) k.ordinal();
      var[size] = v;
      phase[size] = p;
      start[size] = edges;
      return size++;
    }

    /**
     * The circuit rooted at {@code root}, checked (see the class comment).
     *
     * @param route how it was obtained, for the provenance
     * @param determinism how determinism of its OR nodes is established, for the provenance
     * @throws IllegalArgumentException when a check fails
     */
    public DecomposableCircuit build(int root, String route, String determinism,
        long compileMillis) {
      return new DecomposableCircuit(this, root, route, determinism, compileMillis);
    }
  }
}
