package xcert.solvers.count;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.model.Circuit;

/**
 * Random test instances for the counting and SAT adapters, plus brute-force reference computations
 * that enumerate all 2^d points with {@link Circuit#evaluate(int, boolean[])} and exact weights.
 */
final class RandomCircuitsForCounting {

  private RandomCircuitsForCounting() {}

  /**
   * A random circuit on d inputs: a mix of AND/OR/XOR of arity 0..4 (arity 0 rarely), NOT and
   * constants; children are drawn with a bias toward recent nodes (depth) but may be any earlier node,
   * repeats included, so subgraphs are shared. One to three outputs, the last gate always among them.
   */
  static Circuit circuit(Random r, int d) {
    Circuit.Builder b = Circuit.builder(d);
    int gates = 1 + r.nextInt(3 * d + 4);
    for (int g = 0; g < gates; g++) {
      int roll = r.nextInt(100);
      int existing = b.nodeCount();
      if (roll < 4 || existing == 0) {
        b.constant(r.nextBoolean());
        continue;
      }
      if (roll < 20) {
        b.not(pick(r, existing));
        continue;
      }
      Circuit.Op op = roll < 50 ? Circuit.Op.AND : roll < 80 ? Circuit.Op.OR : Circuit.Op.XOR;
      int arity = r.nextInt(30) == 0 ? 0 : 1 + r.nextInt(4);
      int[] ch = new int[arity];
      for (int j = 0; j < arity; j++) {
        ch[j] = pick(r, existing);
      }
      b.gate(op, ch);
    }
    int last = b.nodeCount() - 1;
    b.output(last);
    int extra = r.nextInt(3);
    for (int j = 0; j < extra; j++) {
      b.output(r.nextInt(b.nodeCount()));
    }
    return b.build();
  }

  private static int pick(Random r, int existing) {
    if (r.nextBoolean()) {
      int window = Math.min(existing, 6);
      return existing - 1 - r.nextInt(window);
    }
    return r.nextInt(existing);
  }

  /**
   * Random clauses over variables 1..d: widths 0..4 (width 0 rarely), literals may repeat and a
   * clause may contain a complementary pair. Clause count 0..4d.
   */
  static int[][] clauses(Random r, int d) {
    int m = r.nextInt(4 * d + 1);
    int[][] cls = new int[m][];
    for (int j = 0; j < m; j++) {
      int w = r.nextInt(40) == 0 ? 0 : 1 + r.nextInt(4);
      cls[j] = new int[w];
      for (int t = 0; t < w; t++) {
        int v = 1 + r.nextInt(d);
        cls[j][t] = r.nextBoolean() ? v : -v;
      }
    }
    return cls;
  }

  /**
   * A CNF circuit with output 0 = AND of ORs of literals, exactly as written: clause j becomes an OR
   * gate over input nodes and NOT gates, and an empty clause an empty OR.
   */
  static Circuit cnfCircuit(int d, int[][] clauses) {
    Circuit.Builder b = Circuit.builder(d);
    int[] ors = new int[clauses.length];
    for (int j = 0; j < clauses.length; j++) {
      int[] lits = new int[clauses[j].length];
      for (int t = 0; t < lits.length; t++) {
        int lit = clauses[j][t];
        int in = b.input(Math.abs(lit));
        lits[t] = lit > 0 ? in : b.not(in);
      }
      ors[j] = b.or(lits);
    }
    b.output(b.and(ors));
    return b.build();
  }

  /** A dyadic probability k/2^m, m in 0..4, so 0 and 1 occur now and then. */
  static BigFraction dyadic(Random r) {
    int m = r.nextInt(5);
    int k = r.nextInt((1 << m) + 1);
    return BigFraction.of(k, 1 << m);
  }

  /** All 1/2 (uniform) with probability 1/3, otherwise independent dyadic probabilities. */
  static BigFraction[] probabilities(Random r, int d) {
    BigFraction[] p = new BigFraction[d];
    boolean uniform = r.nextInt(3) == 0;
    for (int i = 0; i < d; i++) {
      p[i] = uniform ? BigFraction.of(1, 2) : dyadic(r);
    }
    return p;
  }

  static boolean[] point(Random r, int d) {
    boolean[] x = new boolean[d];
    for (int i = 0; i < d; i++) {
      x[i] = r.nextBoolean();
    }
    return x;
  }

  static BitSet subset(Random r, int d) {
    BitSet s = new BitSet(d);
    for (int i = 0; i < d; i++) {
      if (r.nextBoolean()) {
        s.set(i);
      }
    }
    return s;
  }

  /** A few sets to query: empty, full, and random ones. */
  static List<BitSet> querySets(Random r, int d, int randomOnes) {
    List<BitSet> out = new ArrayList<>();
    out.add(new BitSet());
    BitSet full = new BitSet();
    full.set(0, d);
    out.add(full);
    for (int j = 0; j < randomOnes; j++) {
      out.add(subset(r, d));
    }
    return out;
  }

  static boolean[] bits(long y, int d) {
    boolean[] v = new boolean[d];
    for (int i = 0; i < d; i++) {
      v[i] = ((y >>> i) & 1L) != 0;
    }
    return v;
  }

  /**
   * E_{y~p}[Φ_k(x_S, y_{S^c})] by enumeration: points with y_S ≠ x_S are skipped and each remaining
   * point weighs Π_{i ∉ S} (y_i ? p_i : 1 − p_i).
   */
  static BigFraction bruteConditional(Circuit c, int k, BigFraction[] p, boolean[] x, BitSet s) {
    int d = c.dimension();
    BigFraction total = BigFraction.ZERO;
    for (long y = 0; y < (1L << d); y++) {
      boolean[] v = bits(y, d);
      BigFraction w = BigFraction.ONE;
      boolean consistent = true;
      for (int i = 0; i < d; i++) {
        if (s.get(i)) {
          if (v[i] != x[i]) {
            consistent = false;
            break;
          }
        } else {
          w = w.multiply(v[i] ? p[i] : BigFraction.ONE.subtract(p[i]));
        }
      }
      if (consistent && c.evaluate(k, v)) {
        total = total.add(w);
      }
    }
    return total;
  }

  /** Number of points of {0,1}^d where output k is 1. */
  static long bruteCount(Circuit c, int k) {
    int d = c.dimension();
    long count = 0;
    for (long y = 0; y < (1L << d); y++) {
      if (c.evaluate(k, bits(y, d))) {
        count++;
      }
    }
    return count;
  }

  /** The truth table of output k, bit y = Φ(y). */
  static boolean[] table(Circuit c, int k) {
    int d = c.dimension();
    boolean[] t = new boolean[1 << d];
    for (int y = 0; y < t.length; y++) {
      t[y] = c.evaluate(k, bits(y, d));
    }
    return t;
  }

  /**
   * Brute-force sufficiency for every mask S: no y with y_S = x_S, y_i in the support of feature i
   * for i ∉ S (p_i = 0 allows only 0, p_i = 1 only 1), and Φ(y) ≠ Φ(x).
   */
  static boolean[] bruteSufficient(Circuit c, int k, BigFraction[] p, boolean[] x) {
    int d = c.dimension();
    boolean[] t = table(c, k);
    boolean phi = c.evaluate(k, x);
    long xm = 0;
    for (int i = 0; i < d; i++) {
      if (x[i]) {
        xm |= 1L << i;
      }
    }
    boolean[] sufficient = new boolean[1 << d];
    for (int s = 0; s < (1 << d); s++) {
      boolean ok = true;
      for (int y = 0; y < (1 << d) && ok; y++) {
        if (((y ^ xm) & s) != 0) {
          continue;
        }
        boolean inSupport = true;
        for (int i = 0; i < d; i++) {
          if ((s >>> i & 1) == 0) {
            boolean yi = (y >>> i & 1) != 0;
            if ((yi && p[i].signum() == 0) || (!yi && p[i].equals(BigFraction.ONE))) {
              inSupport = false;
              break;
            }
          }
        }
        if (inSupport && t[y] != phi) {
          ok = false;
        }
      }
      sufficient[s] = ok;
    }
    return sufficient;
  }

  static ProductDistribution distribution(BigFraction[] p) {
    return ProductDistribution.bernoulli(p);
  }
}
