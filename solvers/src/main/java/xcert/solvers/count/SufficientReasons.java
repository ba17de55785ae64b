package xcert.solvers.count;

import xcert.solvers.features.FeatureSet;
import xcert.solvers.features.KSubsets;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.TimeoutException;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.model.Circuit;

/**
 * Sufficient reasons (abductive explanations; sets containing a prime implicant of the prediction)
 * for one input x of a Boolean circuit output Φ, decided by SAT: the δ = 1 case of δ-relevance
 * (seed 003 Section 3, Macdonald et al.). A set S ⊆ [d] is sufficient (1-relevant) for x when
 * Φ(x_S, y_{S^c}) = Φ(x) for every y in the support of the reference distribution V.
 *
 * <p>Encoding, done once: one SAT variable per circuit node of output k's cone (variable i is input
 * x_i; XOR gates of more than two children get auxiliary chain variables), Tseitin clauses making
 * every gate variable equal to its gate's value, and the unit clause "output ≠ Φ(x)". Every
 * assignment of the inputs extends uniquely to the gate variables, so the satisfying assignments are
 * exactly the points y with Φ(y) ≠ Φ(x). For a query S the solver (one SAT4J instance, used
 * incrementally) is asked {@code isSatisfiable(assumptions)} with the assumptions y_i = x_i for i ∈ S
 * and y_i = p_i for every i ∉ S whose probability p_i is 0 or 1 (a feature fixed on the support of V).
 * UNSAT means no y in the support agrees with x on S and flips Φ: S is sufficient. SAT gives a
 * counterexample y, available from {@link #counterexample}. The support constraints are assumptions
 * rather than unit clauses so that a feature in S is fixed to x_i even where x_i lies outside the
 * support, as the definition (which substitutes x_S) requires.
 *
 * <p>When x lies in the support of V (always so when every p_i is strictly between 0 and 1),
 * sufficiency is monotone: a superset of a sufficient set is sufficient, since fixing more features
 * to x only removes points from the set checked. When x_i lies outside the support of a fixed feature
 * i, adding i to S replaces the support value by x_i, and monotonicity can fail in both directions.
 * {@link #subsetMinimal} is a deletion procedure that repeats its pass in that case until no single
 * feature can be dropped. {@link #minimumSize} is exact in both cases: it skips a SAT call only when
 * a counterexample y found earlier is itself a witness against the candidate T (y_T = x_T and y in
 * the support off T).
 *
 * <p>Not thread-safe: the queries share one incremental solver.
 */
public final class SufficientReasons {

  /** Default limit on candidate sets examined by {@link #minimumSize(int)}. */
  public static final long DEFAULT_MAX_CANDIDATES = 1_000_000L;

  /** The minimum cardinality of a sufficient reason and every sufficient reason of that size. */
  public record Minimum(int size, List<FeatureSet> sets) {
    public Minimum {
      sets = List.copyOf(sets);
    }

    /** The sets as {@code long} masks (bit i-1 = feature i), for features up to 64. */
    public long[] masks() {
      long[] out = new long[sets.size()];
      for (int j = 0; j < out.length; j++) {
        out[j] = sets.get(j).mask();
      }
      return out;
    }
  }

  private final int d;
  private final boolean[] x;
  private final boolean prediction;
  private final byte[] fixed; // -1: both values in the support; 0 or 1: the only value
  private final ISolver solver;
  private final boolean alwaysSufficient; // no y at all flips Φ: the clauses alone are UNSAT
  private final boolean inSupport; // x_i is a support value of every feature
  private long satCalls;

  private SufficientReasons(Circuit c, int k, boolean[] x, ProductDistribution v) {
    CircuitFormulas.checkOutput(c, k);
    this.d = c.dimension();
    if (x.length != d) {
      throw new IllegalArgumentException("input has length " + x.length + ", expected " + d);
    }
    this.x = x.clone();
    this.prediction = c.evaluate(k, this.x);
    this.fixed = new byte[d];
    java.util.Arrays.fill(fixed, (byte) -1);
    if (v != null) {
      if (v.dimension() != d) {
        throw new IllegalArgumentException(
            "distribution has dimension " + v.dimension() + ", the model has d = " + d);
      }
      for (int i = 0; i < d; i++) {
        if (!v.feature(i).isBinary()) {
          throw new IllegalArgumentException("feature " + (i + 1) + " of the distribution is not "
              + "binary; a circuit takes 0/1 inputs");
        }
        BigFraction p = v.probabilityOfOne(i);
        if (p.signum() == 0) {
          fixed[i] = 0;
        } else if (p.equals(BigFraction.ONE)) {
          fixed[i] = 1;
        }
      }
    }
    boolean in = true;
    for (int i = 0; i < d; i++) {
      if (fixed[i] >= 0 && (fixed[i] == 1) != this.x[i]) {
        in = false;
      }
    }
    this.inSupport = in;
    this.solver = SolverFactory.newDefault();
    this.alwaysSufficient = !encode(c, c.outputNode(k));
  }

  /** Sufficient reasons for x under a distribution of full support (e.g. uniform). */
  public static SufficientReasons of(Circuit c, int k, boolean[] x) {
    return new SufficientReasons(c, k, x, null);
  }

  /**
   * Sufficient reasons for x with respect to the support of a product distribution of binary
   * features: only features with p_i ∈ {0,1} matter, being fixed on the support.
   */
  public static SufficientReasons of(Circuit c, int k, boolean[] x, ProductDistribution v) {
    return new SufficientReasons(c, k, x, v);
  }

  /** Adds the clauses; false when they are unsatisfiable already. */
  private boolean encode(Circuit c, int out) {
    int[] cone = CircuitFormulas.cone(c, out);
    List<int[]> clauses = new ArrayList<>();
    int nextAux = c.nodeCount() + 1;
    for (int n : cone) {
      int g = n + 1;
      int[] ch = c.children(n);
      switch (c.op(n)) {
        case INPUT -> { }
        case TRUE -> clauses.add(new int[] {g});
        case FALSE -> clauses.add(new int[] {-g});
        case NOT -> {
          clauses.add(new int[] {g, ch[0] + 1});
          clauses.add(new int[] {-g, -(ch[0] + 1)});
        }
        case AND, OR -> {
          int s = c.op(n) == Circuit.Op.AND ? 1 : -1; // OR is AND with all signs flipped
          int[] big = new int[ch.length + 1];
          big[0] = s * g;
          for (int j = 0; j < ch.length; j++) {
            clauses.add(new int[] {-s * g, s * (ch[j] + 1)});
            big[j + 1] = -s * (ch[j] + 1);
          }
          clauses.add(big);
        }
        case XOR -> {
          if (ch.length == 0) {
            clauses.add(new int[] {-g});
          } else if (ch.length == 1) {
            clauses.add(new int[] {g, -(ch[0] + 1)});
            clauses.add(new int[] {-g, ch[0] + 1});
          } else {
            int prev = ch[0] + 1;
            for (int j = 1; j < ch.length; j++) {
              int b = ch[j] + 1;
              int cur = j == ch.length - 1 ? g : nextAux++;
              clauses.add(new int[] {-cur, prev, b});
              clauses.add(new int[] {-cur, -prev, -b});
              clauses.add(new int[] {cur, -prev, b});
              clauses.add(new int[] {cur, prev, -b});
              prev = cur;
            }
          }
        }
        default -> throw new AssertionError(c.op(n));
      }
    }
    clauses.add(new int[] {prediction ? -(out + 1) : out + 1});
    solver.newVar(nextAux - 1);
    solver.setExpectedNumberOfClauses(clauses.size());
    try {
      for (int[] clause : clauses) {
        int[] clean = clean(clause);
        if (clean != null) {
          solver.addClause(new VecInt(clean));
        }
      }
    } catch (ContradictionException e) {
      return false;
    }
    return true;
  }

  /** Removes repeated literals; null for a tautology. Linear-logarithmic in the clause length. */
  static int[] clean(int[] clause) {
    if (clause.length <= 16) {
      int[] out = new int[clause.length];
      int m = 0;
      outer:
      for (int lit : clause) {
        for (int j = 0; j < m; j++) {
          if (out[j] == lit) {
            continue outer;
          }
          if (out[j] == -lit) {
            return null;
          }
        }
        out[m++] = lit;
      }
      return java.util.Arrays.copyOf(out, m);
    }
    // wide clauses (a gate with hundreds of thousands of children): sort by variable
    long[] keyed = new long[clause.length];
    for (int j = 0; j < clause.length; j++) {
      int lit = clause[j];
      keyed[j] = ((long) Math.abs(lit) << 1) | (lit < 0 ? 1 : 0);
    }
    java.util.Arrays.sort(keyed);
    int[] out = new int[clause.length];
    int m = 0;
    for (int j = 0; j < keyed.length; j++) {
      if (j > 0 && keyed[j] == keyed[j - 1]) {
        continue;
      }
      if (j > 0 && keyed[j] >>> 1 == keyed[j - 1] >>> 1) {
        return null;
      }
      int var = (int) (keyed[j] >>> 1);
      out[m++] = (keyed[j] & 1) != 0 ? -var : var;
    }
    return java.util.Arrays.copyOf(out, m);
  }

  /** Number of inputs d. */
  public int dimension() {
    return d;
  }

  /** The input x (a copy). */
  public boolean[] input() {
    return x.clone();
  }

  /** Whether x lies in the support of the reference distribution (then sufficiency is monotone). */
  public boolean inputInSupport() {
    return inSupport;
  }

  /** Φ(x). */
  public boolean prediction() {
    return prediction;
  }

  /** Number of SAT calls made so far by this instance. */
  public long satCalls() {
    return satCalls;
  }

  /** Whether S is a sufficient reason for x: one SAT call. */
  public boolean isSufficient(FeatureSet s) {
    return !solve(bits(s));
  }

  /**
   * A point y in the support off S with y_S = x_S and Φ(y) ≠ Φ(x), when S is not sufficient; empty
   * when it is. One SAT call.
   */
  public Optional<boolean[]> counterexample(FeatureSet s) {
    return solve(bits(s)) ? Optional.of(model()) : Optional.empty();
  }

  /**
   * A subset-minimal sufficient reason inside the sufficient set S, by deletion: features of S are
   * tried in increasing order, and each is dropped when the set without it is still sufficient. The
   * result is sufficient and no one-feature removal of it is. When x is in the support, sufficiency
   * is monotone, one pass suffices (a feature kept once stays necessary as the set shrinks), it takes
   * at most |S| + 1 SAT calls, and no proper subset of the result is sufficient. Otherwise (see the
   * class comment) the pass is repeated until it drops nothing.
   *
   * @throws IllegalArgumentException when S itself is not sufficient
   */
  public FeatureSet subsetMinimal(FeatureSet set) {
    BitSet s = bits(set);
    if (solve(s)) {
      throw new IllegalArgumentException(
          "set " + set + " is not a sufficient reason for this input");
    }
    BitSet cur = (BitSet) s.clone();
    boolean dropped = true;
    while (dropped) {
      dropped = false;
      BitSet pass = (BitSet) cur.clone();
      for (int i = pass.nextSetBit(0); i >= 0; i = pass.nextSetBit(i + 1)) {
        cur.clear(i);
        if (solve(cur)) {
          cur.set(i);
        } else {
          dropped = true;
        }
      }
      if (inSupport) {
        break;
      }
    }
    return FeatureSet.of(cur);
  }

  /** {@link #minimumSize(int, long)} with {@link #DEFAULT_MAX_CANDIDATES}. */
  public Optional<Minimum> minimumSize(int maxK) {
    return minimumSize(maxK, DEFAULT_MAX_CANDIDATES);
  }

  /**
   * The minimum cardinality of a sufficient reason for x and all sufficient reasons of that
   * cardinality (in report order: lexicographic in their sorted features), provided
   * the minimum is at most maxK; empty otherwise.
   *
   * <p>Sets are enumerated by increasing size. A candidate is skipped without a SAT call when a
   * counterexample found earlier already refutes it; every other candidate costs one SAT call. Each
   * candidate examined counts toward {@code maxCandidates}, which therefore bounds the SAT calls and
   * the work. If the sizes 0..maxK hold at most {@code maxCandidates} sets in all, the limit cannot be
   * reached.
   *
   * @throws TooLargeException when more than {@code maxCandidates} candidates would be examined
   */
  public Optional<Minimum> minimumSize(int maxK, long maxCandidates) {
    if (maxK < 0) {
      throw new IllegalArgumentException("maximum size " + maxK + " is negative");
    }
    if (alwaysSufficient) {
      return Optional.of(new Minimum(0, List.of(FeatureSet.empty())));
    }
    List<BitSet> cexDiff = new ArrayList<>(); // features where the counterexample differs from x
    List<BitSet> cexOff = new ArrayList<>(); // features where it lies outside the support
    long examined = 0;
    int top = Math.min(maxK, d);
    for (int k = 0; k <= top; k++) {
      List<FeatureSet> found = new ArrayList<>();
      int[] comb = KSubsets.first(k);
      while (true) {
        BitSet s = new BitSet(d);
        for (int j : comb) {
          s.set(j);
        }
        if (examined == maxCandidates) {
          throw new TooLargeException("the minimum sufficient reason search (d = " + d
              + ") would examine more than " + maxCandidates + " candidate sets before finishing"
              + " size " + k + " (limit; " + satCalls + " SAT calls so far)");
        }
        examined++;
        if (!refuted(s, cexDiff, cexOff)) {
          if (solve(s)) {
            boolean[] y = model();
            BitSet diff = new BitSet(d);
            BitSet off = new BitSet(d);
            for (int i = 0; i < d; i++) {
              if (y[i] != x[i]) {
                diff.set(i);
              }
              if (fixed[i] >= 0 && (fixed[i] == 1) != y[i]) {
                off.set(i);
              }
            }
            cexDiff.add(diff);
            cexOff.add(off);
          } else {
            found.add(FeatureSet.of(s));
          }
        }
        if (!KSubsets.next(comb, d)) {
          break;
        }
      }
      if (!found.isEmpty()) {
        return Optional.of(new Minimum(k, found));
      }
    }
    return Optional.empty();
  }

  /** Number of subsets of [d] of size at most k, the most candidates minimumSize(k) examines. */
  public static BigInteger candidateCount(int d, int k) {
    BigInteger total = BigInteger.ZERO;
    for (int j = 0; j <= Math.min(k, d); j++) {
      total = total.add(KSubsets.count(d, j));
    }
    return total;
  }

  /**
   * A counterexample y refutes S when y agrees with x on S (S ∩ diff = ∅) and is in the support off
   * S (off ⊆ S).
   */
  private static boolean refuted(BitSet s, List<BitSet> cexDiff, List<BitSet> cexOff) {
    for (int j = 0; j < cexDiff.size(); j++) {
      if (!cexDiff.get(j).intersects(s)) {
        BitSet off = cexOff.get(j);
        if (off.isEmpty()) {
          return true;
        }
        BitSet rest = (BitSet) off.clone();
        rest.andNot(s);
        if (rest.isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }

  /** S as bits after checking that it names features of the model only. */
  private BitSet bits(FeatureSet s) {
    if (!s.within(d)) {
      throw new IllegalArgumentException("set names feature " + s.largest() + " but the model has d = "
          + d);
    }
    return s.toBitSet();
  }

  /** True when some y in the support off S with y_S = x_S has Φ(y) ≠ Φ(x). */
  private boolean solve(BitSet s) {
    if (alwaysSufficient) {
      return false;
    }
    VecInt assumptions = new VecInt(d);
    for (int i = 0; i < d; i++) {
      if (s.get(i)) {
        assumptions.push(x[i] ? i + 1 : -(i + 1));
      } else if (fixed[i] >= 0) {
        assumptions.push(fixed[i] == 1 ? i + 1 : -(i + 1));
      }
    }
    satCalls++;
    try {
      return solver.isSatisfiable(assumptions);
    } catch (TimeoutException e) {
      throw new TooLargeException("a SAT call for the sufficient reason check timed out (d = " + d
          + ", set " + FeatureSet.of(s) + ")");
    }
  }

  private boolean[] model() {
    boolean[] y = new boolean[d];
    for (int i = 0; i < d; i++) {
      y[i] = solver.model(i + 1);
    }
    return y;
  }
}
