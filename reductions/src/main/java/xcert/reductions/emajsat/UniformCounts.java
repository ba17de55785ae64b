package xcert.reductions.emajsat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.model.Circuit;

/**
 * Exact conditional model counts of a circuit under the uniform distribution on {0,1}^d, in
 * {@code long} arithmetic, for the many sets S that an exhaustive RELEVANT-INPUT check visits.
 *
 * <p>{@link xcert.solvers.count.WeightedModelCounter} answers P(Φ(y) = 1 | y_S = x_S) for any product
 * distribution in {@code BigFraction} arithmetic; one such pass over a diagram of a few hundred nodes
 * costs a fraction of a millisecond, and an exhaustive check of RELEVANT-INPUT on a reduced E-MAJSAT
 * instance visits tens of thousands of sets per instance. Under the uniform distribution every
 * quantity involved is a dyadic rational with denominator at most 2^d, so this class compiles Φ into
 * its own reduced ordered BDD (variable order x1 &lt; x2 &lt; ... &lt; xd, built gate by gate with memoised
 * apply, so shared subcircuits are compiled once) and runs the same bottom-up pass on the integers
 * val(g) = 2^d · P(g(y) = 1 | y_S = x_S):
 *
 * <ul>
 *   <li>terminals: val(0) = 0, val(1) = 2^d;
 *   <li>decision node on x_v with children lo, hi: if v ∈ S, val = val(hi) when x_v = 1 and val(lo)
 *       when x_v = 0 (conditioning on y_v = x_v); otherwise val = (val(hi) + val(lo)) / 2, since
 *       P(g) = (P(hi) + P(lo))/2 for a uniform y_v that occurs in neither child.
 * </ul>
 *
 * The division is exact: P(g) is an average over the free variables below g, each contributing a
 * factor 1/2, so it is a multiple of 2^{−d} and val(g) is an integer. Variables a path skips need no
 * correction, because a probability does not depend on which superset of its support it is taken
 * over. All values lie in [0, 2^d] and d ≤ 62, so val(hi) + val(lo) ≤ 2^63 fits an unsigned 64-bit
 * sum, and the halving is an unsigned shift. The results are the same numbers the
 * BigFraction route gives, times 2^d; the tests check both against each other and against
 * enumeration.
 *
 * <p>Instances are immutable once compiled and safe to share between threads.
 */
public final class UniformCounts {

  /** Largest dimension served: values up to 2^d must fit a long with room for one sum. */
  public static final int MAX_DIMENSION = 62;

  /** Default ceiling on the number of BDD nodes created while compiling. */
  public static final int DEFAULT_NODE_LIMIT = 2_000_000;

  private final int d;
  // The diagram reachable from the root, children before parents; entries 0 and 1 are the
  // terminals false and true, the root is the last entry.
  private final int[] var;
  private final int[] lo;
  private final int[] hi;

  private UniformCounts(int d, int[] var, int[] lo, int[] hi) {
    this.d = d;
    this.var = var;
    this.lo = lo;
    this.hi = hi;
  }

  /** Compiles the first output of c with the default node limit. */
  public static UniformCounts compile(Circuit c) {
    return compile(c, DEFAULT_NODE_LIMIT);
  }

  /**
   * Compiles the first output of c.
   *
   * @throws IllegalArgumentException when d &gt; {@value #MAX_DIMENSION}
   * @throws TooLargeException when the diagram needs more than nodeLimit nodes
   */
  public static UniformCounts compile(Circuit c, int nodeLimit) {
    int d = c.dimension();
    if (nodeLimit < 2 || nodeLimit > (1 << 28)) {
      throw new IllegalArgumentException("node limit " + nodeLimit + " outside 2.." + (1 << 28));
    }
    if (d > MAX_DIMENSION) {
      throw new IllegalArgumentException("long-valued uniform counts serve d <= " + MAX_DIMENSION
          + "; the circuit has d = " + d);
    }
    Robdd m = new Robdd(d, nodeLimit);
    int[] node = new int[c.nodeCount()];
    for (int g = 0; g < c.nodeCount(); g++) {
      int[] ch = c.children(g);
      node[g] = switch (c.op(g)) {
        case INPUT -> m.variable(g);
        case FALSE -> Robdd.FALSE;
        case TRUE -> Robdd.TRUE;
        case NOT -> m.apply(Robdd.XOR, node[ch[0]], Robdd.TRUE);
        case AND -> fold(m, Robdd.AND, Robdd.TRUE, ch, node);
        case OR -> fold(m, Robdd.OR, Robdd.FALSE, ch, node);
        case XOR -> fold(m, Robdd.XOR, Robdd.FALSE, ch, node);
      };
    }
    return m.export(node[c.outputNode(0)], d);
  }

  private static int fold(Robdd m, int op, int unit, int[] ch, int[] node) {
    int acc = unit;
    for (int c : ch) {
      acc = m.apply(op, acc, node[c]);
    }
    return acc;
  }

  /** Number of inputs d. */
  public int dimension() {
    return d;
  }

  /** Number of decision nodes of the diagram (terminals not counted; 0 for a constant). */
  public int size() {
    return var[var.length - 1] == d ? 0 : var.length - 2;
  }

  /** Φ(x). */
  public boolean evaluate(boolean[] x) {
    return scaledProbability(x, d == 0 ? 0L : -1L >>> (64 - d)) != 0;
  }

  /**
   * 2^d · P_{y uniform}(Φ(y) = 1 | y_S = x_S), bit i−1 of {@code mask} standing for feature i; this is
   * 2^{|S|} times the number of y ∈ {0,1}^d with y_S = x_S and Φ(y) = 1.
   */
  public long scaledProbability(boolean[] x, long mask) {
    check(x, mask);
    long[] val = new long[var.length];
    return pass(x, mask, val);
  }

  /**
   * 2^d · P_{y uniform}(Φ(y) = Φ(x) | y_S = x_S): the agreement probability of δ-relevance (seed 003
   * Section 3), scaled to an integer.
   */
  public long scaledAgreement(boolean[] x, long mask) {
    long one = scaledProbability(x, mask);
    return evaluate(x) ? one : (1L << d) - one;
  }

  /** Receives one set and its scaled agreement probability. */
  @FunctionalInterface
  public interface SetVisitor {
    void visit(long mask, long scaledAgreement);
  }

  /**
   * Visits every S ⊆ [d] with |S| ≤ k, by size and then in increasing order of the mask, with
   * 2^d · P(Φ(y) = Φ(x) | y_S = x_S). Returns the number of sets visited.
   */
  public long forEachSet(boolean[] x, int k, SetVisitor visitor) {
    check(x, 0L);
    if (k < 0) {
      throw new IllegalArgumentException("negative set size bound " + k);
    }
    boolean label = evaluate(x);
    long full = 1L << d;
    long[] val = new long[var.length];
    long visited = 0;
    for (int s = 0; s <= Math.min(k, d); s++) {
      long mask = s == 0 ? 0L : -1L >>> (64 - s);
      while (true) {
        long one = pass(x, mask, val);
        visitor.visit(mask, label ? one : full - one);
        visited++;
        if (s == 0) {
          break;
        }
        // Gosper's hack: the next larger mask with the same number of bits.
        long low = mask & -mask;
        long ripple = mask + low;
        long next = (((ripple ^ mask) >>> 2) / low) | ripple;
        if ((next >>> d) != 0 || next <= 0) {
          break;
        }
        mask = next;
      }
    }
    return visited;
  }

  private long pass(boolean[] x, long mask, long[] val) {
    val[0] = 0L;
    val[1] = 1L << d;
    for (int g = 2; g < var.length; g++) {
      int v = var[g];
      if (((mask >>> v) & 1L) != 0) {
        val[g] = x[v] ? val[hi[g]] : val[lo[g]];
      } else {
        val[g] = (val[hi[g]] + val[lo[g]]) >>> 1;
      }
    }
    return val[var.length - 1];
  }

  private void check(boolean[] x, long mask) {
    if (x.length != d) {
      throw new IllegalArgumentException("input has length " + x.length + ", expected " + d);
    }
    if (d < 64 && (mask >>> d) != 0) {
      throw new IllegalArgumentException("mask 0x" + Long.toHexString(mask)
          + " names a feature above d = " + d);
    }
  }

  @Override
  public String toString() {
    return "UniformCounts[d=" + d + ", nodes=" + size() + "]";
  }

  /** A plain reduced ordered BDD manager: unique table, memoised apply, order x1 < ... < xd. */
  private static final class Robdd {
    static final int FALSE = 0;
    static final int TRUE = 1;
    static final int AND = 0;
    static final int OR = 1;
    static final int XOR = 2;

    private final int d;
    private final int limit;
    private int[] var = new int[1024];
    private int[] lo = new int[1024];
    private int[] hi = new int[1024];
    private int size;
    private final Map<Long, Integer> unique = new HashMap<>();
    private final Map<Long, Integer> memo = new HashMap<>();

    Robdd(int d, int limit) {
      this.d = d;
      this.limit = limit;
      add(d, -1, -1); // false; terminals sit below every variable
      add(d, -1, -1); // true
    }

    int variable(int v) {
      return make(v, FALSE, TRUE);
    }

    private int add(int v, int l, int h) {
      if (size == var.length) {
        int cap = 2 * size;
        var = Arrays.copyOf(var, cap);
        lo = Arrays.copyOf(lo, cap);
        hi = Arrays.copyOf(hi, cap);
      }
      var[size] = v;
      lo[size] = l;
      hi[size] = h;
      return size++;
    }

    private int make(int v, int l, int h) {
      if (l == h) {
        return l;
      }
      long key = ((long) v << 56) | ((long) l << 28) | h;
      Integer found = unique.get(key);
      if (found != null) {
        return found;
      }
      if (size >= limit) {
        throw new TooLargeException("the BDD needs more than " + limit + " nodes (node limit)");
      }
      int n = add(v, l, h);
      unique.put(key, n);
      return n;
    }

    int apply(int op, int f, int g) {
      if (f < 2 && g < 2) {
        return switch (op) {
          case AND -> f & g;
          case OR -> f | g;
          default -> f ^ g;
        };
      }
      if (op == AND) {
        if (f == FALSE || g == FALSE) {
          return FALSE;
        }
        if (f == TRUE || f == g) {
          return g;
        }
        if (g == TRUE) {
          return f;
        }
      } else if (op == OR) {
        if (f == TRUE || g == TRUE) {
          return TRUE;
        }
        if (f == FALSE || f == g) {
          return g;
        }
        if (g == FALSE) {
          return f;
        }
      } else {
        if (f == g) {
          return FALSE;
        }
        if (f == FALSE) {
          return g;
        }
        if (g == FALSE) {
          return f;
        }
      }
      if (f > g) { // all three operations commute
        int t = f;
        f = g;
        g = t;
      }
      long key = ((long) op << 60) | ((long) f << 30) | g;
      Integer found = memo.get(key);
      if (found != null) {
        return found;
      }
      int v = Math.min(var[f], var[g]);
      int fl = var[f] == v ? lo[f] : f;
      int fh = var[f] == v ? hi[f] : f;
      int gl = var[g] == v ? lo[g] : g;
      int gh = var[g] == v ? hi[g] : g;
      int r = make(v, apply(op, fl, gl), apply(op, fh, gh));
      memo.put(key, r);
      return r;
    }

    /** The nodes reachable from root, renumbered children first, root last. */
    UniformCounts export(int root, int dim) {
      int[] id = new int[size];
      Arrays.fill(id, -1);
      id[FALSE] = 0;
      id[TRUE] = 1;
      int[] ov = new int[size];
      int[] ol = new int[size];
      int[] oh = new int[size];
      int m = 2;
      if (root >= 2) {
        // Iterative post-order walk.
        int[] stack = new int[size];
        int sp = 0;
        stack[sp++] = root;
        while (sp > 0) {
          int n = stack[sp - 1];
          if (id[n] >= 0) {
            sp--;
            continue;
          }
          boolean ready = true;
          if (id[hi[n]] < 0) {
            stack[sp++] = hi[n];
            ready = false;
          }
          if (id[lo[n]] < 0) {
            stack[sp++] = lo[n];
            ready = false;
          }
          if (ready) {
            sp--;
            ov[m] = var[n];
            ol[m] = id[lo[n]];
            oh[m] = id[hi[n]];
            id[n] = m++;
          }
        }
        return new UniformCounts(dim, Arrays.copyOf(ov, m), Arrays.copyOf(ol, m),
            Arrays.copyOf(oh, m));
      }
      // A constant function: the terminals and one pseudo-node on the non-variable d whose two
      // children are the constant, so the pass (which no mask bit steers there) copies its value.
      return new UniformCounts(dim, new int[] {dim, dim, dim}, new int[] {-1, -1, root},
          new int[] {-1, -1, root});
    }
  }
}
