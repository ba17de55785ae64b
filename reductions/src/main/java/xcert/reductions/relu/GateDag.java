package xcert.reductions.relu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Circuit.Op;

/**
 * The output cone of one circuit output, rewritten into a normal form the compiler levelizes: only
 * inputs and AND, OR, XOR gates remain; NOT gates and constants are absorbed into references.
 *
 * <p>A reference is an int: 2g for gate g, 2g+1 for its negation, {@link #FALSE} = −2 and
 * {@link #TRUE} = −1 for the constants; {@code r ^ 1} negates every reference, constants included.
 * Gates 0..d−1 are the inputs x1..xd, and every gate's children are smaller gates.
 *
 * <p>Each rewrite below preserves the Boolean value of every reference (on every input), which is
 * all the compiler's correctness needs:
 *
 * <ul>
 *   <li>AND: a FALSE child makes the gate FALSE, TRUE children are dropped, repeated children are
 *       kept once, a child next to its negation makes the gate FALSE; no child left is TRUE, one child
 *       left is that child. OR is the dual.
 *   <li>XOR: TRUE children and negated children flip an output parity (¬a ⊕ b = ¬(a ⊕ b)), FALSE
 *       children are dropped, a child occurring twice cancels (a ⊕ a = 0); XOR children are therefore
 *       un-negated gates and the parity sits on the reference.
 *   <li>Structural hashing: two gates with the same operation and the same (sorted) children are one.
 *   <li>Chain merging ({@link #merged()}): a child gate referenced exactly once is spliced into a
 *       parent of the same kind: AND(AND(a, b), c) = AND(a, b, c), AND(¬OR(a, b), c) = AND(¬a, ¬b, c)
 *       (De Morgan), the duals for OR, and XOR(XOR(a, b) ⊕ p, c) = XOR(a, b, c) ⊕ p. Only gates used
 *       once are spliced, so every edge of the original cone is copied at most once and the merged
 *       gates have no more children in total than the cone has edges: the size stays linear. A
 *       parent's level (longest path from an input) never grows, since the spliced children are
 *       below the spliced gate.
 * </ul>
 */
final class GateDag {

  static final int FALSE = -2;
  static final int TRUE = -1;

  final int d;
  private final List<Op> ops = new ArrayList<>();
  private final List<int[]> kids = new ArrayList<>();
  private final List<Integer> origins = new ArrayList<>();
  private final Map<Key, Integer> unique = new HashMap<>();
  /** The reference of the compiled output. */
  int out;

  private record Key(Op op, int[] kids) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.op == op && Arrays.equals(k.kids, kids);
    }

    @Override
    public int hashCode() {
      return 31 * op.hashCode() + Arrays.hashCode(kids);
    }
  }

  private GateDag(int d) {
    this.d = d;
    for (int i = 0; i < d; i++) {
      ops.add(Op.INPUT);
      kids.add(new int[0]);
      origins.add(i);
    }
  }

  /** The normal form of the cone of circuit node {@code outNode}; nodes outside the cone are dropped. */
  static GateDag of(Circuit c, int outNode) {
    GateDag g = new GateDag(c.dimension());
    boolean[] cone = cone(c, outNode);
    int[] ref = new int[outNode + 1];
    for (int n = 0; n <= outNode; n++) {
      if (!cone[n]) {
        continue;
      }
      int[] ch = c.children(n);
      ref[n] = switch (c.op(n)) {
        case INPUT -> 2 * n;
        case FALSE -> FALSE;
        case TRUE -> TRUE;
        case NOT -> ref[ch[0]] ^ 1;
        case AND, OR, XOR -> {
          int[] r = new int[ch.length];
          for (int a = 0; a < ch.length; a++) {
            r[a] = ref[ch[a]];
          }
          yield g.make(c.op(n), r, n);
        }
      };
    }
    g.out = ref[outNode];
    return g;
  }

  /** The circuit nodes that {@code outNode} depends on, itself included. */
  static boolean[] cone(Circuit c, int outNode) {
    boolean[] cone = new boolean[c.nodeCount()];
    cone[outNode] = true;
    for (int n = outNode; n >= 0; n--) {
      if (cone[n]) {
        for (int ch : c.children(n)) {
          cone[ch] = true;
        }
      }
    }
    return cone;
  }

  int size() {
    return ops.size();
  }

  Op op(int g) {
    return ops.get(g);
  }

  /** Children references of gate g (not a copy; do not modify). */
  int[] kids(int g) {
    return kids.get(g);
  }

  /** The circuit node that gate g came from (for a merged gate, the top of the chain). */
  int origin(int g) {
    return origins.get(g);
  }

  /** The reference of op(refs), after the simplifications in the class comment. */
  int make(Op op, int[] refs, int origin) {
    return switch (op) {
      case AND -> andOr(Op.AND, refs, FALSE, origin);
      case OR -> andOr(Op.OR, refs, TRUE, origin);
      case XOR -> xor(refs, origin);
      default -> throw new IllegalArgumentException("not a gate: " + op);
    };
  }

  private int andOr(Op op, int[] refs, int absorbing, int origin) {
    int neutral = absorbing ^ 1;
    int[] a = new int[refs.length];
    int n = 0;
    for (int r : refs) {
      if (r == absorbing) {
        return absorbing;
      }
      if (r != neutral) {
        a[n++] = r;
      }
    }
    Arrays.sort(a, 0, n);
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (m > 0 && a[m - 1] == a[i]) {
        continue;
      }
      if (m > 0 && (a[m - 1] ^ 1) == a[i]) {
        return absorbing; // x and ¬x, adjacent after sorting since they differ in the last bit
      }
      a[m++] = a[i];
    }
    if (m == 0) {
      return neutral;
    }
    if (m == 1) {
      return a[0];
    }
    return 2 * gate(op, Arrays.copyOf(a, m), origin);
  }

  private int xor(int[] refs, int origin) {
    int parity = 0;
    int[] a = new int[refs.length];
    int n = 0;
    for (int r : refs) {
      if (r == TRUE) {
        parity ^= 1;
      } else if (r != FALSE) {
        parity ^= r & 1;
        a[n++] = r & ~1;
      }
    }
    Arrays.sort(a, 0, n);
    int m = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j < n && a[j] == a[i]) {
        j++;
      }
      if (((j - i) & 1) == 1) {
        a[m++] = a[i];
      }
      i = j;
    }
    if (m == 0) {
      return parity == 1 ? TRUE : FALSE;
    }
    if (m == 1) {
      return a[0] ^ parity;
    }
    return (2 * gate(Op.XOR, Arrays.copyOf(a, m), origin)) ^ parity;
  }

  private int gate(Op op, int[] children, int origin) {
    Key key = new Key(op, children);
    Integer old = unique.get(key);
    if (old != null) {
      return old;
    }
    int g = ops.size();
    ops.add(op);
    kids.add(children);
    origins.add(origin);
    unique.put(key, g);
    return g;
  }

  /** Which gates the output depends on (inputs included). */
  boolean[] outputCone() {
    boolean[] cone = new boolean[size()];
    if (out < 0) {
      return cone;
    }
    cone[out >> 1] = true;
    for (int g = size() - 1; g >= 0; g--) {
      if (cone[g]) {
        for (int r : kids(g)) {
          cone[r >> 1] = true;
        }
      }
    }
    return cone;
  }

  /** The same function with single-use same-kind chains spliced (see the class comment). */
  GateDag merged() {
    boolean[] cone = outputCone();
    int[] uses = new int[size()];
    if (out >= 0) {
      uses[out >> 1]++;
    }
    for (int g = d; g < size(); g++) {
      if (cone[g]) {
        for (int r : kids(g)) {
          uses[r >> 1]++;
        }
      }
    }
    GateDag m = new GateDag(d);
    int[] nref = new int[size()];
    for (int i = 0; i < d; i++) {
      nref[i] = 2 * i;
    }
    for (int g = d; g < size(); g++) {
      if (!cone[g]) {
        continue;
      }
      Op o = op(g);
      int[] ex = new int[16];
      int n = 0;
      for (int r : kids(g)) {
        int nr = nref[r >> 1] ^ (r & 1);
        int[] splice = null;
        boolean negate = false;
        boolean flip = false;
        if (nr >= 0 && uses[r >> 1] == 1) {
          int h = nr >> 1;
          boolean neg = (nr & 1) == 1;
          Op ho = m.op(h);
          if (o == Op.XOR && ho == Op.XOR) {
            splice = m.kids(h);
            flip = neg;
          } else if ((o == Op.AND || o == Op.OR) && (ho == Op.AND || ho == Op.OR)
              && (ho == o) == !neg) {
            splice = m.kids(h);
            negate = neg;
          }
        }
        int add = splice == null ? 1 : splice.length + (flip ? 1 : 0);
        if (n + add > ex.length) {
          ex = Arrays.copyOf(ex, Math.max(2 * ex.length, n + add));
        }
        if (splice == null) {
          ex[n++] = nr;
        } else {
          for (int k : splice) {
            ex[n++] = negate ? k ^ 1 : k;
          }
          if (flip) {
            ex[n++] = TRUE;
          }
        }
      }
      nref[g] = m.make(o, Arrays.copyOf(ex, n), origin(g));
    }
    m.out = out < 0 ? out : nref[out >> 1] ^ (out & 1);
    return m;
  }
}
