package xcert.reductions.emajsat;

import xcert.solvers.features.FeatureSet;
import java.math.BigInteger;
import java.util.BitSet;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.model.Circuit;
import xcert.solvers.num.Rationals;

/**
 * E-MAJSAT ≤_p RELEVANT-INPUT for a fixed δ ∈ [1/2, 1): the hardness half of seed 003 Theorem 3.3
 * (Macdonald et al.; the seed cites the proof, its reference [26], without giving it). With {@link
 * GuessAndCount} (membership) this makes RELEVANT-INPUT NP^PP-complete, E-MAJSAT being NP^PP-complete
 * (Littman, Goldsmith, Mundhenk 1998). An object of this class is one reduced instance together with
 * the description of all its parts, for teaching ({@link #explain()}).
 *
 * <h2>Construction</h2>
 *
 * Given φ(a, b) with n existential inputs a and r random inputs b, and the fixed δ:
 *
 * <ol>
 *   <li><b>Padding.</b> n' = max(n, 1), raised to 2 when δ ≤ 3·2^{−n'−1} (which happens only for
 *       n' = 1 and δ ≤ 3/4); r' = max(r, 1). The added a_i and b_j are dummies that φ ignores, so
 *       max_a Pr_b[φ(a, b)] and the E-MAJSAT answer are unchanged.
 *   <li><b>Inputs</b> of Φ', in this order: u_1..u_{n'}, v_1..v_{n'}; for each j ≤ r' a block z_j of
 *       n'+1 inputs; for each l ≤ L a block w_l of n'+1 inputs. d' = 2n' + (r' + L)(n' + 1).
 *   <li><b>Parities.</b> b_j := ⊕ z_j (the j-th random bit) and ω_l := ⊕ w_l (the l-th bit of a
 *       random L-bit number, ω_1 most significant).
 *   <li><b>Function.</b> Φ' = Ψ ∨ W with Ψ = [u = 1 ∧ v = 1] ∨ (∧_i (u_i ⊕ v_i) ∧ φ(u_1..u_n,
 *       b_1..b_r)) and W = [int(ω) &lt; Q] (no W when L = 0).
 *   <li><b>Question.</b> x' = 1^{d'} (all ones), k' = n', the same δ.
 *   <li><b>Shift.</b> L and Q as in {@link #shift}: the least L for which some ρ = Q/2^L satisfies
 *       ρ + (1−ρ)·hi ≥ δ &gt; ρ + (1−ρ)·lo, with lo = 3·2^{−n'−1} and hi = lo + 2^{−n'−r'}.
 * </ol>
 *
 * <h2>Argument</h2>
 *
 * Write p(a) = Pr_b[φ(a, b) = 1] (a multiple of 2^{−r'}), p* = max_a p(a), and for S ⊆ [d'] with |S| ≤
 * k' let A = {i : u_i ∈ S}, B = {i : v_i ∈ S}, m = |A| + |B| ≤ n'. Φ'(x') = 1 because u = v = 1, so
 * the relevance of S is P(Φ'(y) = 1 | y_S = 1).
 *
 * <ol>
 *   <li><b>Blocks stay random.</b> Every block has n' + 1 &gt; |S| inputs, so each has a free input,
 *       and its parity is uniform whatever the other inputs are. The blocks are disjoint from each
 *       other and from u, v; so given y_S = 1_S the bits b_1..b_{r'}, ω_1..ω_L are independent uniform
 *       bits, independent of (u, v). Fixing inputs of blocks only spends budget.
 *   <li><b>The shift.</b> W depends on the ω only and Ψ on (u, v, b) only, so they are independent
 *       and P(Φ') = 1 − (1 − P(W))(1 − P(Ψ)) = ρ + (1−ρ)·R(S), with ρ = P(W) = Q/2^L and R(S) =
 *       P(Ψ(y) = 1 | y_S = 1).
 *   <li><b>Relevance of every set</b> ({@link #predictedRelevance}): the two disjuncts of Ψ exclude
 *       each other (n' ≥ 1, and u = v = 1 makes u_1 ⊕ v_1 = 0), and
 *       <pre>R(S) = 2^{−(2n'−m)} + [A ∩ B = ∅] · 2^{−n'} · E[p(u) | u_A = 1, u_B = 0].</pre>
 *       First term: the 2n' − m free u, v inputs must all be 1. Second: if i ∈ A ∩ B then u_i ⊕ v_i
 *       = 0; otherwise in each coordinate i exactly one of u_i, v_i is constrained by the other
 *       (v_i = ¬u_i), which has probability 1/2 whether u_i or v_i or neither is fixed, and leaves u_i
 *       = 1 on A, u_i = 0 on B and u_i uniform elsewhere; b is independent of u.
 *   <li><b>Maximum.</b> For a ∈ {0,1}^{n'} let S_a = {u_i : a_i = 1} ∪ {v_i : a_i = 0}, n' inputs.
 *       R(S_a) = 2^{−n'}(1 + p(a)). Any S whose u, v part is not some S_a has either A ∩ B ≠ ∅ (R ≤
 *       2^{−n'}) or A ∩ B = ∅ and m &lt; n' (R ≤ 2^{−n'−1} + 2^{−n'}·p* ≤ 2^{−n'}·3/2); a disjoint A,
 *       B with m = n' covers [n'] and is an S_a. Hence, exactly,
 *       <pre>max_{|S| ≤ k'} P(Φ' = 1 | y_S = 1) = ρ + (1−ρ) · 2^{−n'} (1 + p*),</pre>
 *       and every set other than the S_a has R ≤ lo = 3·2^{−n'−1}.
 *   <li><b>Threshold.</b> The maximum M = 2^{−n'}(1 + p*) of R is a multiple of 2^{−g}, g = n' + r'
 *       (R of an arbitrary set is only a multiple of 2^{−(2n'+r')}, but only M matters). Since r' ≥ 1,
 *       1/2 is a multiple of 2^{−r'}, so p* &gt; 1/2 iff p* ≥ 1/2 + 2^{−r'}: a yes-instance has M ≥
 *       hi = 2^{−n'}(3/2 + 2^{−r'}) (the δ_raw of the construction) and a no-instance has M ≤ hi − 2^{−g}
 *       = lo. t ↦ ρ + (1−ρ)t is increasing, so by the choice of ρ a yes-instance has a δ-relevant set
 *       (S_a for a maximiser a) and a no-instance has none. More precisely, the δ-relevant sets of
 *       size ≤ k' are exactly the S_a with p(a) &gt; 1/2: witnesses map one to one.
 *   <li><b>ρ exists, for every fixed δ ∈ [1/2, 1).</b> With σ = 1 − ρ the condition reads
 *       (1−δ)/(1−lo) &lt; σ ≤ (1−δ)/(1−hi) (no upper bound when hi = 1), σ ≤ 1. The padding makes lo
 *       &lt; δ (lo = 3·2^{−n'−1} ≤ 3/8 &lt; 1/2 for n' ≥ 2), so the lower end is below 1, and lo &lt; hi
 *       makes the interval non-empty. It contains a multiple of 2^{−L} as soon as 2^{−L} is at most its
 *       length, which is at least min((δ − lo)/(1 − lo), (1−δ)(hi − lo)/((1−lo)(1−hi))) ≥ min(δ − lo,
 *       (1−δ)·2^{−n'−r'}). So L ≤ max(⌈log2 1/(δ − lo)⌉, n' + r' + ⌈log2 1/(1−δ)⌉) ({@link
 *       #shiftBitsBound}); δ − lo is at least 1/8 when n' ≥ 2 and is δ − 3/4 when n' = 1, a constant
 *       for fixed δ, so L = O(n + r).
 *   <li><b>Polynomial.</b> Φ' has d' = 2n' + (r' + L)(n' + 1) = O((n + r)^2) inputs and |φ| + O(d')
 *       gates, and L, Q come from O(n + r) exact rational comparisons.
 * </ol>
 *
 * <h2>What the padding repairs</h2>
 *
 * The construction without padding (n' = n, r' = r, δ_raw = 2^{−n}(3/2 + 2^{−r})) fails the
 * exhaustive check in two ways (UnpaddedCandidateTest keeps the shrunk counterexamples):
 *
 * <ul>
 *   <li>n = 0: both disjuncts of Ψ are empty conjunctions, so Ψ ≡ 1. n = 1 and δ ≤ 3/4: the
 *       no-instance bound lo = 3/4 is not below δ, so no ρ ≥ 0 can separate; for φ(a1, b1) = b1 (a
 *       no-instance) and δ = 1/2 even ∅ has relevance 1/4 + (1/2)(1/2) = 1/2. Padding n until lo
 *       &lt; δ repairs both; it is needed only for n ≤ 1.
 *   <li>r = 0: Pr_b[φ] ∈ {0, 1}, so "&gt; 1/2" is "= 1", not "≥ 1/2 + 2^{−r} = 3/2"; δ_raw overshoots
 *       the reachable yes-value 2^{1−n} and the ρ chosen from it can make a yes-instance a
 *       no-instance (φ(a1, a2) = ¬(a1 ∧ a2), δ = 2/3: ρ = 1/4, maximum 5/8 &lt; 2/3). One dummy
 *       random variable (r' = 1) repairs it, since 1/2 is then a multiple of 2^{−r'}.
 * </ul>
 *
 * With n ≥ 1, r ≥ 1 and 3·2^{−n−1} &lt; δ nothing is padded and the construction is the one first
 * proposed.
 */
public final class EmajsatToRelevant {

  private final EmajsatInstance source;
  private final BigFraction delta;
  private final int n;
  private final int r;
  private final int nPad;
  private final int rPad;
  private final Shift shift;
  private final RelevantInputInstance target;

  private EmajsatToRelevant(EmajsatInstance source, BigFraction delta, int nPad, int rPad,
      Shift shift, RelevantInputInstance target) {
    this.source = source;
    this.delta = delta;
    this.n = source.existential();
    this.r = source.random();
    this.nPad = nPad;
    this.rPad = rPad;
    this.shift = shift;
    this.target = target;
  }

  /** The choice of the independent shift W = [int(ω) &lt; Q] over L random bits: ρ = Q/2^L. */
  public static final class Shift {
    private final int bits;
    private final BigInteger count;

    Shift(int bits, BigInteger count) {
      this.bits = bits;
      this.count = count;
    }

    /** L, the number of random bits ω (parity blocks w_1..w_L). */
    public int bits() {
      return bits;
    }

    /** Q: W holds for Q of the 2^L values of ω. */
    public BigInteger count() {
      return count;
    }

    /** ρ = Q / 2^L = P(W). */
    public BigFraction rho() {
      return BigFraction.of(count, BigInteger.ONE.shiftLeft(bits));
    }

    /** t ↦ ρ + (1−ρ)·t: the relevance after the shift of an unshifted relevance t. */
    public BigFraction apply(BigFraction t) {
      BigFraction rho = rho();
      return rho.add(BigFraction.ONE.subtract(rho).multiply(t));
    }

    @Override
    public String toString() {
      return "L = " + bits + ", Q = " + count + ", ρ = " + Rationals.format(rho());
    }
  }

  /**
   * The reduction. δ must lie in [1/2, 1).
   *
   * @throws IllegalArgumentException for δ outside [1/2, 1), or when Φ' would have more than 10^6
   *     inputs
   */
  public static EmajsatToRelevant reduce(EmajsatInstance inst, BigFraction delta) {
    if (delta.compareTo(BigFraction.of(1, 2)) < 0 || delta.compareTo(BigFraction.ONE) >= 0) {
      throw new IllegalArgumentException("the reduction is for a fixed δ in [1/2, 1); got " + delta);
    }
    int nPad = paddedExistential(inst.existential(), delta);
    int rPad = Math.max(inst.random(), 1);
    Shift s = shift(lowerBound(nPad), upperBound(nPad, rPad), delta).orElseThrow(
        () -> new AssertionError("no shift although lo < δ and lo < hi"));
    Circuit c = build(inst, nPad, rPad, s);
    boolean[] x = new boolean[c.dimension()];
    java.util.Arrays.fill(x, true);
    RelevantInputInstance target = new RelevantInputInstance(c, x, nPad, delta);
    return new EmajsatToRelevant(inst, delta, nPad, rPad, s, target);
  }

  /** n' = max(n, 1), raised until 3·2^{−n'−1} &lt; δ (once at most, for n' = 1 and δ ≤ 3/4). */
  public static int paddedExistential(int n, BigFraction delta) {
    if (delta.signum() <= 0) {
      throw new IllegalArgumentException("δ must be positive, got " + delta);
    }
    int np = Math.max(n, 1);
    while (lowerBound(np).compareTo(delta) >= 0) {
      np++;
    }
    return np;
  }

  /** lo = 3·2^{−n−1} = 2^{−n}(1 + 1/2): the largest unshifted maximum of a no-instance. */
  public static BigFraction lowerBound(int nPad) {
    return BigFraction.of(BigInteger.valueOf(3), BigInteger.ONE.shiftLeft(nPad + 1));
  }

  /** hi = 2^{−n}(3/2 + 2^{−r}), r ≥ 1: the smallest unshifted maximum of a yes-instance. */
  public static BigFraction upperBound(int nPad, int rPad) {
    if (rPad < 1) {
      throw new IllegalArgumentException("r' >= 1 is needed; got " + rPad);
    }
    return lowerBound(nPad).add(BigFraction.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(nPad + rPad)));
  }

  /**
   * The least L, and the least Q for it, such that ρ = Q/2^L satisfies ρ + (1−ρ)·hi ≥ δ &gt; ρ +
   * (1−ρ)·lo, 0 ≤ ρ &lt; 1; empty when there is none (exactly when δ ≤ lo or hi ≤ lo, or lo ≥ 1).
   * Exact: with σ = 1 − ρ the condition is a &lt; σ ≤ c, a = (1−δ)/(1−lo), c = min(1, (1−δ)/(1−hi));
   * for each L the largest candidate is σ = ⌊c·2^L⌋/2^L, and L is increased until it exceeds a.
   */
  public static Optional<Shift> shift(BigFraction lo, BigFraction hi, BigFraction delta) {
    BigFraction one = BigFraction.ONE;
    if (lo.compareTo(delta) >= 0 || lo.compareTo(hi) >= 0 || lo.compareTo(one) >= 0
        || delta.compareTo(one) >= 0) {
      return Optional.empty();
    }
    BigFraction a = one.subtract(delta).divide(one.subtract(lo));
    BigFraction c = hi.compareTo(one) >= 0 ? one
        : min(one, one.subtract(delta).divide(one.subtract(hi)));
    for (int l = 0; ; l++) {
      BigInteger pow = BigInteger.ONE.shiftLeft(l);
      BigInteger m = c.getNumerator().multiply(pow).divide(c.getDenominator()); // ⌊c·2^L⌋
      if (BigFraction.of(m, pow).compareTo(a) > 0) {
        return Optional.of(new Shift(l, pow.subtract(m)));
      }
    }
  }

  /**
   * The bound max(⌈log2 1/(δ − lo)⌉, n' + r' + ⌈log2 1/(1−δ)⌉) on the L of {@link #shift} (see the
   * class comment), for lo = 3·2^{−n'−1} &lt; δ &lt; 1.
   */
  public static int shiftBitsBound(int nPad, int rPad, BigFraction delta) {
    BigFraction lo = lowerBound(nPad);
    if (lo.compareTo(delta) >= 0 || delta.compareTo(BigFraction.ONE) >= 0) {
      throw new IllegalArgumentException("needs lo = " + lo + " < δ = " + delta + " < 1");
    }
    int first = ceilLog2(BigFraction.ONE.divide(delta.subtract(lo)));
    int second = nPad + rPad + ceilLog2(BigFraction.ONE.divide(BigFraction.ONE.subtract(delta)));
    return Math.max(first, second);
  }

  /** The least e ≥ 0 with 2^e ≥ x. */
  private static int ceilLog2(BigFraction x) {
    int e = 0;
    while (BigFraction.of(BigInteger.ONE.shiftLeft(e)).compareTo(x) < 0) {
      e++;
    }
    return e;
  }

  private static BigFraction min(BigFraction x, BigFraction y) {
    return x.compareTo(y) <= 0 ? x : y;
  }

  /**
   * Builds Φ' for the given padded sizes and shift (used with the construction's own choices by
   * {@link #reduce}, and with the unpadded sizes to exhibit the failure of the unpadded candidate).
   */
  static Circuit build(EmajsatInstance inst, int nPad, int rPad, Shift s) {
    int n = inst.existential();
    int r = inst.random();
    if (nPad < n || rPad < r) {
      throw new IllegalArgumentException("padding cannot shrink the instance");
    }
    int m = nPad + 1;
    long dl = 2L * nPad + (long) (rPad + s.bits()) * m;
    if (dl > 1_000_000) {
      throw new IllegalArgumentException("Φ' would have " + dl + " inputs");
    }
    int d = (int) dl;
    Circuit.Builder b = Circuit.builder(d);
    for (int i = 1; i <= nPad; i++) {
      b.nameInput(i, "u" + i);
      b.nameInput(nPad + i, "v" + i);
    }
    int[] parityB = new int[rPad];
    for (int j = 1; j <= rPad; j++) {
      parityB[j - 1] = parity(b, 2 * nPad + (j - 1) * m, m, "z" + j + "_");
    }
    int[] parityW = new int[s.bits()];
    for (int l = 1; l <= s.bits(); l++) {
      parityW[l - 1] = parity(b, 2 * nPad + (rPad + l - 1) * m, m, "w" + l + "_");
    }
    // φ(u_1..u_n, b_1..b_r), copied gate by gate.
    Circuit phi = inst.circuit();
    int[] map = new int[phi.nodeCount()];
    for (int g = 0; g < phi.nodeCount(); g++) {
      int[] ch = phi.children(g);
      for (int t = 0; t < ch.length; t++) {
        ch[t] = map[ch[t]];
      }
      map[g] = switch (phi.op(g)) {
        case INPUT -> g < n ? b.input(g + 1) : parityB[g - n];
        case FALSE -> b.constant(false);
        case TRUE -> b.constant(true);
        default -> b.gate(phi.op(g), ch);
      };
    }
    int phiNode = map[phi.outputNode(0)];
    int[] all = new int[2 * nPad];
    int[] differ = new int[nPad + 1];
    for (int i = 1; i <= nPad; i++) {
      all[i - 1] = b.input(i);
      all[nPad + i - 1] = b.input(nPad + i);
      differ[i - 1] = b.xor(b.input(i), b.input(nPad + i));
    }
    differ[nPad] = phiNode;
    int psi = b.or(b.and(all), b.and(differ));
    int out = psi;
    if (s.bits() > 0) {
      out = b.or(psi, lessThan(b, parityW, s.count()));
    }
    return b.output(out, "Phi'").build();
  }

  private static int parity(Circuit.Builder b, int first0, int m, String name) {
    int[] in = new int[m];
    for (int t = 0; t < m; t++) {
      b.nameInput(first0 + t + 1, name + (t + 1));
      in[t] = b.input(first0 + t + 1);
    }
    return b.xor(in);
  }

  /** [int(ω) &lt; Q] with ω[0] the most significant bit: lt_l = q_l ? ¬ω_l ∨ lt_{l+1} : ¬ω_l ∧ lt_{l+1}. */
  private static int lessThan(Circuit.Builder b, int[] omega, BigInteger q) {
    int L = omega.length;
    int lt = b.constant(false);
    for (int l = L - 1; l >= 0; l--) {
      boolean ql = q.testBit(L - 1 - l);
      int notW = b.not(omega[l]);
      lt = ql ? b.or(notW, lt) : b.and(notW, lt);
    }
    return lt;
  }

  // -----------------------------------------------------------------------------------------------
  // The reduced instance and its parts

  /** The RELEVANT-INPUT instance (Φ', x' = 1^{d'}, k' = n', δ). */
  public RelevantInputInstance target() {
    return target;
  }

  /** The E-MAJSAT instance reduced. */
  public EmajsatInstance source() {
    return source;
  }

  /** δ. */
  public BigFraction delta() {
    return delta;
  }

  /** n' (= k'), the padded number of existential variables. */
  public int paddedExistential() {
    return nPad;
  }

  /** r', the padded number of random variables (number of z-blocks). */
  public int paddedRandom() {
    return rPad;
  }

  /** n' + 1, the size of every parity block. */
  public int blockSize() {
    return nPad + 1;
  }

  /** The shift W: L, Q and ρ. */
  public Shift shift() {
    return shift;
  }

  /** lo = 3·2^{−n'−1}. */
  public BigFraction noBound() {
    return lowerBound(nPad);
  }

  /** hi = 2^{−n'}(3/2 + 2^{−r'}). */
  public BigFraction yesBound() {
    return upperBound(nPad, rPad);
  }

  /** The 1-based feature of u_i, i = 1..n'. */
  public int u(int i) {
    checkRange(i, nPad, "u");
    return i;
  }

  /** The 1-based feature of v_i, i = 1..n'. */
  public int v(int i) {
    checkRange(i, nPad, "v");
    return nPad + i;
  }

  /** The 1-based features of block z_j (parity b_j), j = 1..r'. */
  public int[] zBlock(int j) {
    checkRange(j, rPad, "z");
    return block(2 * nPad + (j - 1) * blockSize());
  }

  /** The 1-based features of block w_l (parity ω_l, l = 1 most significant), l = 1..L. */
  public int[] wBlock(int l) {
    checkRange(l, shift.bits(), "w");
    return block(2 * nPad + (rPad + l - 1) * blockSize());
  }

  private int[] block(int first0) {
    int[] f = new int[blockSize()];
    for (int t = 0; t < f.length; t++) {
      f[t] = first0 + t + 1;
    }
    return f;
  }

  private static void checkRange(int i, int max, String what) {
    if (i < 1 || i > max) {
      throw new IllegalArgumentException(what + " index " + i + " outside 1.." + max);
    }
  }

  /** S_a = {u_i : a_i = 1} ∪ {v_i : a_i = 0} for a ∈ {0,1}^{n'} (bit i−1 of a is a_i). */
  public FeatureSet intendedSet(long a) {
    BitSet s = new BitSet(target.dimension());
    for (int i = 1; i <= nPad; i++) {
      s.set((((a >>> (i - 1)) & 1L) != 0 ? u(i) : v(i)) - 1);
    }
    return FeatureSet.of(s);
  }

  /**
   * The a with S = S_a, when the u, v part of S is an S_a and S has no other input (the only sets
   * that can be δ-relevant).
   */
  public Optional<Long> assignmentOf(FeatureSet set) {
    BitSet s = set.toBitSet();
    if (s.cardinality() != nPad) {
      return Optional.empty();
    }
    long a = 0;
    for (int i = 1; i <= nPad; i++) {
      boolean inU = s.get(u(i) - 1);
      boolean inV = s.get(v(i) - 1);
      if (inU == inV) {
        return Optional.empty();
      }
      if (inU) {
        a |= 1L << (i - 1);
      }
    }
    return Optional.of(a);
  }

  /**
   * The relevance of any S (|S| ≤ k') that the argument predicts: ρ + (1−ρ)·R(S), R(S) =
   * 2^{−(2n'−m)} + [A ∩ B = ∅]·2^{−n'}·E[p(u) | u_A = 1, u_B = 0] (see the class comment), where p
   * is read from the solved source instance (padded coordinates ignored).
   */
  public BigFraction predictedRelevance(FeatureSet set, EmajsatSolver.Solution sol) {
    checkSolution(sol);
    BitSet s = set.toBitSet();
    if (s.cardinality() > nPad) {
      throw new IllegalArgumentException("|S| = " + s.cardinality() + " > k' = " + nPad);
    }
    long aMask = 0;
    long bMask = 0;
    for (int i = 1; i <= nPad; i++) {
      if (s.get(u(i) - 1)) {
        aMask |= 1L << (i - 1);
      }
      if (s.get(v(i) - 1)) {
        bMask |= 1L << (i - 1);
      }
    }
    int m = Long.bitCount(aMask) + Long.bitCount(bMask);
    BigFraction rel = BigFraction.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(2 * nPad - m));
    if ((aMask & bMask) == 0) {
      // E over u with u_A = 1, u_B = 0, the other n' − m coordinates uniform, of c(u)/2^r.
      BigInteger sum = BigInteger.ZERO;
      long free = 0;
      for (int i = 0; i < nPad; i++) {
        if (((aMask | bMask) >>> i & 1L) == 0) {
          free |= 1L << i;
        }
      }
      long sub = free;
      long completions = 0;
      while (true) { // all subsets of the free coordinates
        long u = aMask | sub;
        sum = sum.add(BigInteger.valueOf(sol.count((int) (u & ((1L << n) - 1)))));
        completions++;
        if (sub == 0) {
          break;
        }
        sub = (sub - 1) & free;
      }
      BigFraction expectation = BigFraction.of(sum,
          BigInteger.valueOf(completions).shiftLeft(r));
      rel = rel.add(expectation.divide(BigFraction.of(BigInteger.ONE.shiftLeft(nPad))));
    }
    return shift.apply(rel);
  }

  /** ρ + (1−ρ)·2^{−n'}(1 + p*): the maximum relevance over |S| ≤ k' that the argument predicts. */
  public BigFraction predictedMaximum(EmajsatSolver.Solution sol) {
    checkSolution(sol);
    return shift.apply(unshiftedIntended(sol.maxProbability()));
  }

  /** 2^{−n'}(1 + p): R(S_a) for an a with p(a) = p. */
  private BigFraction unshiftedIntended(BigFraction p) {
    return BigFraction.ONE.add(p).divide(BigFraction.of(BigInteger.ONE.shiftLeft(nPad)));
  }

  private void checkSolution(EmajsatSolver.Solution sol) {
    if (sol.existential() != n || sol.random() != r) {
      throw new IllegalArgumentException("the solution is for n = " + sol.existential() + ", r = "
          + sol.random() + ", not for the source instance (n = " + n + ", r = " + r + ")");
    }
  }

  /**
   * A plain-text account of this reduced instance with its actual numbers: padding, input layout,
   * bounds, the shift, and (when n + r ≤ 16, by enumeration) p(a) for each a with the relevance of
   * S_a and the resulting answer.
   */
  public String explain() {
    StringBuilder sb = new StringBuilder();
    int d = target.dimension();
    int m = blockSize();
    BigFraction rho = shift.rho();
    sb.append("E-MAJSAT -> RELEVANT-INPUT (seed 003, Theorem 3.3, hardness), δ = ").append(Rationals.format(delta))
        .append('\n');
    sb.append("Source: φ(a, b) with n = ").append(n).append(" existential and r = ").append(r)
        .append(" random inputs; question: ∃a Pr_b[φ(a,b) = 1] > 1/2.\n");
    sb.append("Padding: n' = ").append(nPad)
        .append(nPad == n ? " (none)" : " (dummy " + range("a", n + 1, nPad) + " added)")
        .append(", r' = ").append(rPad)
        .append(rPad == r ? " (none)" : " (dummy " + range("b", r + 1, rPad) + " added)")
        .append('\n');
    sb.append("Inputs of Φ' (d' = ").append(d).append("):\n");
    sb.append("  u1..u").append(nPad).append(" = x1..x").append(nPad).append('\n');
    sb.append("  v1..v").append(nPad).append(" = x").append(nPad + 1).append("..x")
        .append(2 * nPad).append('\n');
    for (int j = 1; j <= rPad; j++) {
      int[] z = zBlock(j);
      sb.append("  z").append(j).append(" = x").append(z[0]).append("..x").append(z[m - 1])
          .append(", b").append(j).append(" = their parity").append(j > r ? " (dummy)" : "")
          .append('\n');
    }
    for (int l = 1; l <= shift.bits(); l++) {
      int[] w = wBlock(l);
      sb.append("  w").append(l).append(" = x").append(w[0]).append("..x").append(w[m - 1])
          .append(", ω").append(l).append(" = their parity").append(l == 1 ? " (most significant)"
              : "").append('\n');
    }
    sb.append("Every block has n'+1 = ").append(m).append(" inputs > k' = ").append(nPad)
        .append(", so no set of size <= k' fixes a parity.\n");
    sb.append("Φ' = [u = 1 ∧ v = 1] ∨ (∧_i (u_i ⊕ v_i) ∧ φ(u, b))")
        .append(shift.bits() > 0 ? " ∨ [int(ω) < " + shift.count() + "]" : "").append('\n');
    sb.append("x' = all ones (Φ'(x') = 1), k' = ").append(nPad).append(", circuit with ")
        .append(target.circuit().nodeCount()).append(" nodes\n");
    sb.append("Bounds on the unshifted maximum relevance M = 2^-n'(1 + max_a p(a)):\n");
    sb.append("  yes-instance: M >= hi = ").append(Rationals.format(yesBound())).append('\n');
    sb.append("  no-instance:  M <= lo = ").append(Rationals.format(noBound())).append('\n');
    sb.append("Shift: ").append(shift).append(shift.bits() == 0 ? " (no w-blocks needed)"
        : " (ρ = P[int(ω) < Q], least L that works)").append('\n');
    sb.append("  ρ + (1-ρ)·hi = ").append(Rationals.format(shift.apply(yesBound())))
        .append(" >= δ = ").append(Rationals.format(delta))
        .append(" > ρ + (1-ρ)·lo = ").append(Rationals.format(shift.apply(noBound()))).append('\n');
    if (n + r <= 16) {
      EmajsatSolver.Solution sol = EmajsatSolver.solve(source);
      sb.append("By enumeration, p(a) = Pr_b[φ(a,b) = 1] and the relevance of S_a:\n");
      for (long a = 0; a < (1L << nPad); a++) {
        BigFraction p = sol.probability((int) (a & ((1L << n) - 1)));
        sb.append("  a = ").append(EmajsatSolver.bits((int) a, nPad)).append(": p = ").append(Rationals.format(p))
            .append(", S_a = ").append(Features.format(intendedSet(a))).append(", relevance ")
            .append(Rationals.format(shift.apply(unshiftedIntended(p))))
            .append(p.compareTo(BigFraction.of(1, 2)) > 0 ? " >= δ" : " < δ").append('\n');
      }
      sb.append("Every other S with |S| <= k' has relevance <= ρ + (1-ρ)·lo = ")
          .append(Rationals.format(shift.apply(noBound())))
          .append(", so the δ-relevant sets are exactly the S_a with p(a) > 1/2.\n");
      sb.append("max_a p(a) = ").append(Rationals.format(sol.maxProbability())).append(", predicted maximum relevance ")
          .append(Rationals.format(predictedMaximum(sol))).append("; answer: ")
          .append(sol.satisfiable() ? "yes" : "no").append(" (both problems)\n");
    }
    return sb.toString();
  }

  private static String range(String name, int from, int to) {
    return from == to ? name + from : name + from + ".." + name + to;
  }

  @Override
  public String toString() {
    return "EmajsatToRelevant[n'=" + nPad + ", r'=" + rPad + ", " + shift + ", " + target + "]";
  }
}
