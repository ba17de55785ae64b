package xcert.solvers.compiled;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A negation normal form before its checks: node arrays numbered children first, as they come from a
 * compiler or a file. {@link #toDecomposable} turns it into a checked {@link DecomposableCircuit},
 * repairing one defect that knowledge compilers are known to produce: an AND node that conjoins a
 * literal ℓ with a child C that mentions ℓ's variable again (a literal implied by unit propagation
 * and recorded twice; LogicNG's DnnfFactory does this on some random 3-CNFs with d ≥ 100, and the
 * same defect is reported for dSharp and d4). Such an AND is logically right but not decomposable,
 * and a weighted model count over it is wrong. Since ℓ ∧ C ≡ ℓ ∧ C|ℓ, where C|ℓ is C with ℓ set to
 * true (its literal ℓ replaced by the constant true, ¬ℓ by false), the AND is rebuilt over C|ℓ,
 * which does not mention ℓ's variable. Conditioning keeps OR nodes deterministic (two inconsistent
 * children stay inconsistent after fixing a variable) and AND nodes decomposable (variable sets only
 * shrink). AND nodes whose non-literal children overlap are not repaired: the circuit is refused.
 * All passes are iterative.
 */
final class RawNnf {

  static final byte FALSE = 0;
  static final byte TRUE = 1;
  static final byte LITERAL = 2;
  static final byte AND = 3;
  static final byte OR = 4;

  private final int d;
  private byte[] kind = new byte[64];
  private int[] var = new int[64];
  private boolean[] phase = new boolean[64];
  private int[][] kids = new int[64][];
  private int size;

  RawNnf(int d) {
    this.d = d;
  }

  int size() {
    return size;
  }

  int add(byte k, int v, boolean p, int[] ch) {
    if (size == kind.length) {
      int cap = 2 * size;
      kind = Arrays.copyOf(kind, cap);
      var = Arrays.copyOf(var, cap);
      phase = Arrays.copyOf(phase, cap);
      kids = Arrays.copyOf(kids, cap);
    }
    for (int c : ch) {
      if (c < 0 || c >= size) {
        throw new IllegalArgumentException("node " + size + " has child " + c
            + ", which does not come before it");
      }
    }
    if ((k == LITERAL) && (v < 0 || v >= d)) {
      throw new IllegalArgumentException("literal of feature " + (v + 1) + ", outside 1.." + d);
    }
    kind[size] = k;
    var[size] = v;
    phase[size] = p;
    kids[size] = ch;
    return size++;
  }

  /** The outcome: the circuit and the number of AND nodes repaired. */
  record Outcome(DecomposableCircuit circuit, int repaired) {}

  /**
   * The checked circuit rooted at {@code root}, with non-decomposable AND nodes repaired where a
   * literal child's variable recurs (see the class comment).
   *
   * @throws IllegalArgumentException when an AND node stays non-decomposable (the message names it)
   */
  Outcome toDecomposable(int root, String route, String determinism) {
    int words = (d + 63) >>> 6;
    boolean[] reach = new boolean[size];
    reach[root] = true;
    for (int g = size - 1; g >= 0; g--) {
      if (reach[g]) {
        for (int c : kids[g]) {
          reach[c] = true;
        }
      }
    }
    long[][] bits = new long[size][];
    for (int g = 0; g < size; g++) {
      if (!reach[g]) {
        continue;
      }
      long[] b = new long[words];
      if (kind[g] == LITERAL) {
        b[var[g] >>> 6] |= 1L << var[g];
      }
      for (int c : kids[g]) {
        long[] cb = bits[c];
        for (int w = 0; w < words; w++) {
          b[w] |= cb[w];
        }
      }
      bits[g] = b;
    }
    DecomposableCircuit.Builder out = DecomposableCircuit.builder(d);
    int[] id = new int[size];
    Arrays.fill(id, -1);
    int[] posLit = new int[d];
    int[] negLit = new int[d];
    Arrays.fill(posLit, -1);
    Arrays.fill(negLit, -1);
    Map<String, Integer> memo = new HashMap<>();
    int repaired = 0;
    for (int g = 0; g < size; g++) {
      if (!reach[g]) {
        continue;
      }
      switch (kind[g]) {
        case FALSE -> id[g] = out.constant(false);
        case TRUE -> id[g] = out.constant(true);
        case LITERAL -> id[g] = literal(out, var[g], phase[g], posLit, negLit);
        case OR -> id[g] = out.or(map(kids[g], id));
        case AND -> {
          long[] litVars = new long[words];
          long[] litPos = new long[words];
          boolean contradiction = false;
          for (int c : kids[g]) {
            if (kind[c] == LITERAL) {
              int v = var[c];
              long bit = 1L << v;
              boolean pos = (litPos[v >>> 6] & bit) != 0;
              if ((litVars[v >>> 6] & bit) != 0 && pos != phase[c]) {
                contradiction = true;
              }
              litVars[v >>> 6] |= bit;
              if (phase[c]) {
                litPos[v >>> 6] |= bit;
              }
            }
          }
          if (contradiction) {
            id[g] = out.constant(false);
            repaired++;
            break;
          }
          int[] ch = kids[g].clone();
          int[] mapped = new int[ch.length];
          boolean fixed = false;
          int m = 0;
          long[] seenLits = new long[words];
          for (int c : ch) {
            if (kind[c] == LITERAL) {
              long bit = 1L << var[c];
              if ((seenLits[var[c] >>> 6] & bit) != 0) {
                fixed = true; // the same literal twice: keep one
                continue;
              }
              seenLits[var[c] >>> 6] |= bit;
              mapped[m++] = id[c];
              continue;
            }
            long[] overlap = new long[words];
            boolean any = false;
            for (int w = 0; w < words; w++) {
              overlap[w] = bits[c][w] & litVars[w];
              any |= overlap[w] != 0;
            }
            if (any) {
              mapped[m++] = condition(c, overlap, litPos, out, id, bits, posLit, negLit, memo);
              fixed = true;
            } else {
              mapped[m++] = id[c];
            }
          }
          if (fixed) {
            repaired++;
          }
          id[g] = out.and(Arrays.copyOf(mapped, m));
        }
        default -> throw new AssertionError(kind[g]);
      }
    }
    DecomposableCircuit dc = out.build(id[root], route, determinism, 0);
    return new Outcome(dc, repaired);
  }

  private static int literal(DecomposableCircuit.Builder out, int v, boolean p, int[] posLit,
      int[] negLit) {
    int[] cache = p ? posLit : negLit;
    if (cache[v] < 0) {
      cache[v] = out.literal(v, p);
    }
    return cache[v];
  }

  private static int[] map(int[] ch, int[] id) {
    int[] out = new int[ch.length];
    for (int j = 0; j < ch.length; j++) {
      out[j] = id[ch[j]];
    }
    return out;
  }

  /**
   * The new node of C|assignment, where the assignment sets the variables in {@code vars} to the
   * phases in {@code pos}; nodes that mention none of them are reused. Iterative post-order walk.
   */
  private int condition(int c, long[] vars, long[] pos, DecomposableCircuit.Builder out, int[] id,
      long[][] bits, int[] posLit, int[] negLit, Map<String, Integer> memo) {
    String key = Arrays.toString(vars) + Arrays.toString(masked(vars, pos)) + ":";
    int[] stack = new int[16];
    int top = 0;
    stack[top++] = c;
    Map<Integer, Integer> done = new HashMap<>();
    while (top > 0) {
      int n = stack[top - 1];
      if (done.containsKey(n)) {
        top--;
        continue;
      }
      if (!mentions(bits[n], vars)) {
        done.put(n, id[n]);
        top--;
        continue;
      }
      Integer cached = memo.get(key + n);
      if (cached != null) {
        done.put(n, cached);
        top--;
        continue;
      }
      if (kind[n] == LITERAL) {
        boolean setTo = (pos[var[n] >>> 6] & (1L << var[n])) != 0;
        int r = out.constant(setTo == phase[n]);
        done.put(n, r);
        memo.put(key + n, r);
        top--;
        continue;
      }
      boolean ready = true;
      for (int ch : kids[n]) {
        if (!done.containsKey(ch)) {
          if (top == stack.length) {
            stack = Arrays.copyOf(stack, 2 * top);
          }
          stack[top++] = ch;
          ready = false;
        }
      }
      if (!ready) {
        continue;
      }
      top--;
      int[] ch = new int[kids[n].length];
      int m = 0;
      int r = -1;
      for (int k : kids[n]) {
        int x = done.get(k);
        DecomposableCircuit.Kind xk = out.kindOf(x);
        if (kind[n] == AND) {
          if (xk == DecomposableCircuit.Kind.FALSE) {
            r = out.constant(false);
            break;
          }
          if (xk == DecomposableCircuit.Kind.TRUE) {
            continue;
          }
        } else {
          if (xk == DecomposableCircuit.Kind.FALSE) {
            continue;
          }
        }
        ch[m++] = x;
      }
      if (r < 0) {
        if (m == 0) {
          r = out.constant(kind[n] == AND);
        } else if (m == 1) {
          r = ch[0];
        } else {
          r = kind[n] == AND ? out.and(Arrays.copyOf(ch, m)) : out.or(Arrays.copyOf(ch, m));
        }
      }
      done.put(n, r);
      memo.put(key + n, r);
    }
    return done.get(c);
  }

  private static long[] masked(long[] vars, long[] pos) {
    long[] m = new long[vars.length];
    for (int w = 0; w < vars.length; w++) {
      m[w] = vars[w] & pos[w];
    }
    return m;
  }

  private static boolean mentions(long[] b, long[] vars) {
    for (int w = 0; w < b.length; w++) {
      if ((b[w] & vars[w]) != 0) {
        return true;
      }
    }
    return false;
  }
}
