package xcert.solvers.compiled;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;
import xcert.solvers.stream.Semivalue;

/**
 * Exact Shapley and Banzhaf values of the game v(S) = f_S(x) = E[f(x_S, Z_{S^c})] (seed 004, Eq. 1
 * and Section 5.2) for a Boolean f given as a {@link DecomposableCircuit} (an OBDD or a d-DNNF), under
 * a product distribution of binary features, in time polynomial in the circuit's size: the
 * tractability result of Arenas, Barceló, Bertossi and Monet ("The tractability of SHAP-score-based
 * explanations over deterministic and decomposable Boolean circuits", AAAI 2021; JMLR 24, 2023) and
 * of Van den Broeck, Lykov, Schleich and Suciu ("On the tractability of SHAP explanations", AAAI
 * 2021), computed here through Owen's multilinear extension of the game (G. Owen, "Multilinear
 * extensions of games", Management Science 18(5), 1972): one forward and one reverse-mode pass per
 * evaluation point and prime.
 *
 * <h2>The identity</h2>
 *
 * Let Z_j equal x_j with probability q_j, independently, and write p_j(x_j) = q_j,
 * p_j(1 − x_j) = 1 − q_j. For u in [0,1] give each feature the weights w_j(z_j) =
 * u·[z_j = x_j] + (1 − u)·p_j(z_j), which sum to 1 over z_j, and let P(u) = Σ_z f(z) Π_j w_j(z_j),
 * the weighted model count of f. Expanding the product over j as a sum over the set S of features
 * that take the u term,
 *
 * <pre>
 *   P(u) = Σ_S u^{|S|} (1 − u)^{d−|S|} v(S),
 * </pre>
 *
 * Owen's multilinear extension of v on the diagonal (a feature joins S with probability u). P is
 * multilinear in each feature's pair of weights: P = w_i(x_i)·A_i + w_i(1−x_i)·B_i, A_i and B_i
 * free of feature i, and splitting Σ_S by whether i ∈ S (in S feature i is pinned to x_i, outside
 * it keeps its law p_i) gives
 *
 * <pre>
 *   (1 − q_i)·(A_i − B_i)(u) = Σ_{S⊆N∖i} u^{|S|} (1 − u)^{d−1−|S|} (v(S ∪ i) − v(S)).
 * </pre>
 *
 * Since ∫_0^1 u^k (1 − u)^{d−1−k} du = k!(d−1−k)!/d!, the Shapley value is φ_i = (1 − q_i)·∫_0^1
 * (A_i − B_i)(u) du (Owen 1972, Theorem 5), and at u = 1/2 every weight is 2^{−(d−1)}: the Banzhaf
 * value is (1 − q_i)·(A_i − B_i)(1/2). Also f_∅(x) = v(∅) = P(0) and f(x) = v(N) = P(1).
 *
 * <h2>On the circuit</h2>
 *
 * On a deterministic decomposable circuit the weighted model count is a bottom-up pass: a literal is
 * its weight, an AND the product of its children (decomposable: the children's models combine
 * freely), an OR the sum (deterministic: each model of the OR is a model of one child), a decision
 * node on v is w_v(0)·P(low) + w_v(1)·P(high) = P(low) + w_v(1)·(P(high) − P(low)). A feature j
 * that a child does not mention (an OR's child with fewer variables than the OR, a skipped OBDD
 * level, a feature f does not mention) ranges freely there and contributes the factor
 * w_j(0) + w_j(1) = 1: the circuit needs no smoothing. A_i − B_i = ∂P/∂w_i(x_i) − ∂P/∂w_i(1−x_i) is
 * read off one reverse-mode (adjoint) pass: adj(root) = 1; an AND passes adj·Π_{siblings} P to each
 * child (prefix and suffix products); an OR passes adj; a literal on i adds ±adj to A_i − B_i (+
 * when it agrees with x_i); a decision node on i passes adj·w_i(1) to high and adj − adj·w_i(1) to
 * low and adds ±adj·(P(high) − P(low)). The factor 1 of a missing feature has derivative 1 with
 * respect to both of its weights, so it contributes equally to A_j and B_j and cancels. A decision
 * node costs three multiplications per point (one forward, two backward).
 *
 * <h2>Exact arithmetic</h2>
 *
 * Work modulo primes p with d &lt; p &lt; 2^62 that do not divide B, the common denominator of the
 * q_j: each q_j is a residue, and the passes hold one residue per node per point (an AND costs
 * O(children) per point, never a polynomial product). Shapley: (A_i − B_i) has degree at most d − 1,
 * so its integral is Σ_{j=0}^{d−1} λ_j·(A_i − B_i)(j) with the integration weights λ_j = ∫_0^1 ℓ_j of
 * the Lagrange basis of the points 0..d−1 (one O(d²) computation per prime); Banzhaf: one point,
 * u = 1/2, plus u = 0 for f_∅. With Λ = lcm(1..d), the integers
 *
 * <ul>
 *   <li>Shapley: N_i = φ_i·B^d·Λ (φ_i is a sum of B^{−d}·k!(d−1−k)!/d!·(integer) terms, and
 *       d·C(d−1,k) divides Λ);
 *   <li>Banzhaf: N_i = φ_i·B^d·2^{d−1};
 *   <li>f_∅·B^d
 * </ul>
 *
 * are computed modulo each prime (the denominators B and k ≤ d are invertible there). Since
 * 0 ≤ v ≤ 1, |φ_i| ≤ 1 and 0 ≤ f_∅ ≤ 1, so every one of them has absolute value at most the scale
 * M = B^d·Λ (or B^d·2^{d−1}); primes are taken until their product exceeds 2M, and the Chinese
 * remainder theorem lifts the residues to the symmetric range: the result is exact, with no
 * overflow (the passes multiply in {@link Montgomery} form, the 128-bit product from two 64-bit
 * halves, with no division; sums of two residues stay below 2^63) and no floating point. The
 * primes are proven prime (deterministic Miller–Rabin below 2^64). f(x) is evaluated on the circuit. For Shapley
 * values efficiency Σφ_i = f(x) − f_∅ is checked exactly before returning (an {@link
 * AssertionError} if it fails).
 *
 * <h2>Cost</h2>
 *
 * With |C| nodes plus edges and m primes (m ≈ (d·log2 B + 1.44·d)/62 for Shapley, (d·log2 B + d)/62
 * for Banzhaf), O(m·d·|C|) multiplications modulo 62-bit primes for Shapley (three per decision
 * node and point) and O(m·|C|) for Banzhaf, plus O(m·d²) for the integration weights; memory
 * O(|C|·chunk) residues per worker, the points being processed in chunks of at most 16. Primes and
 * chunks run in parallel. The Shapley cost grows as d²·|C|: both the number of points and the
 * number of primes (the values' exact denominators B^d·lcm(1..d) have about (log2 B + 1.44)·d
 * bits) grow with d. All passes are loops over the reachable nodes renumbered by height: no
 * recursion.
 */
public final class CompiledValues {

  /** Largest number of longs the node buffers of one worker may take (about 64 MB). */
  static final long WORKER_LONGS = 8L << 20;

  private static final int MAX_CHUNK = 16;

  private CompiledValues() {}

  /**
   * The semivalue's values of v(S) = f_S(x) for the circuit at x under a product of Bernoulli
   * features.
   *
   * @param x the point, x[i] is feature i+1
   * @param v a product distribution of binary (0/1) features, of dimension c.dimension()
   * @throws IllegalArgumentException when v is not a binary product distribution of the right size
   */
  public static CompiledResult compute(DecomposableCircuit c, boolean[] x, ProductDistribution v,
      Semivalue semivalue) {
    int d = c.dimension();
    if (x.length != d) {
      throw new IllegalArgumentException("input has length " + x.length + ", expected " + d);
    }
    if (v.dimension() != d) {
      throw new IllegalArgumentException("distribution has dimension " + v.dimension()
          + ", the circuit has d = " + d);
    }
    BigFraction[] q = new BigFraction[d];
    for (int i = 0; i < d; i++) {
      if (!v.feature(i).isBinary()) {
        throw new IllegalArgumentException("feature " + (i + 1) + " of the distribution is not "
            + "binary (0/1)");
      }
      BigFraction one = v.probabilityOfOne(i);
      q[i] = x[i] ? one : BigFraction.ONE.subtract(one);
    }
    return compute(c, x, q, semivalue);
  }

  /**
   * As {@link #compute(DecomposableCircuit, boolean[], ProductDistribution, Semivalue)}, with
   * q[j] = P(Z_j = x_j) given directly (each in [0,1]).
   */
  public static CompiledResult compute(DecomposableCircuit c, boolean[] x, BigFraction[] q,
      Semivalue semivalue) {
    long t0 = System.nanoTime();
    int d = c.dimension();
    if (q.length != d || x.length != d) {
      throw new IllegalArgumentException("expected " + d + " probabilities and inputs");
    }
    BigInteger denom = BigInteger.ONE;
    for (int i = 0; i < d; i++) {
      if (q[i].signum() < 0 || q[i].compareTo(BigFraction.ONE) > 0) {
        throw new IllegalArgumentException("P(Z_" + (i + 1) + " = x_" + (i + 1) + ") = " + q[i]
            + " is outside [0,1]");
      }
      BigInteger b = q[i].getDenominator();
      denom = denom.divide(denom.gcd(b)).multiply(b);
    }
    int nodes = c.size();
    if (2L * nodes > WORKER_LONGS * 4) {
      throw new TooLargeException("the compiled engine needs 2 x " + nodes + " residues per "
          + "evaluation point; the circuit is too large (more than " + (WORKER_LONGS * 2)
          + " nodes)");
    }
    boolean shapley = semivalue == Semivalue.SHAPLEY;
    BigInteger scale = denom.pow(d).multiply(shapley ? lcmUpTo(d)
        : BigInteger.ONE.shiftLeft(Math.max(0, d - 1)));
    long[] primes = Primes.enough(scale.shiftLeft(1).add(BigInteger.ONE), d, denom);
    int points = shapley ? Math.max(d, 1) : 2;
    int chunk = (int) Math.max(1, Math.min(MAX_CHUNK, WORKER_LONGS / (2L * nodes)));
    int chunks = (points + chunk - 1) / chunk;
    // features with the same (q, x) share their weights: class[i], and per class q and x
    java.util.Map<java.util.Map.Entry<BigFraction, Boolean>, Integer> classes =
        new java.util.LinkedHashMap<>();
    int[] cls = new int[d];
    for (int i = 0; i < d; i++) {
      cls[i] = classes.computeIfAbsent(java.util.Map.entry(q[i], x[i]), k -> classes.size());
    }
    BigFraction[] classQ = new BigFraction[classes.size()];
    boolean[] classX = new boolean[classes.size()];
    classes.forEach((k, ci) -> {
      classQ[ci] = k.getKey();
      classX[ci] = k.getValue();
    });
    Plan plan = new Plan(c, x, cls, classX);
    Residue[] res = new Residue[primes.length];
    BigInteger b = denom;
    IntStream.range(0, primes.length).parallel().forEach(pi ->
        res[pi] = new Residue(primes[pi], classQ, cls, b, scale, shapley, points));
    long[][] acc = new long[primes.length][d + 1]; // [0..d-1]: N_i; [d]: f_∅·B^d
    // one set of node rows per worker thread, reused by its tasks and dropped with this call
    java.util.Queue<Rows> rows = new java.util.concurrent.ConcurrentLinkedQueue<>();
    IntStream.range(0, primes.length * chunks).parallel().forEach(task -> {
      int pi = task / chunks;
      int from = (task % chunks) * chunk;
      Rows ws = rows.poll();
      if (ws == null) {
        ws = new Rows(plan.kind.length * chunk, d * chunk);
      }
      long[] part = plan.run(res[pi], from, Math.min(points, from + chunk), ws);
      rows.offer(ws);
      synchronized (acc[pi]) {
        long p = primes[pi];
        for (int i = 0; i <= d; i++) {
          acc[pi][i] = (acc[pi][i] + part[i]) % p;
        }
      }
    });
    BigInteger[] lifted = Primes.crt(primes, acc, d + 1);
    List<Scalar> values = new ArrayList<>(d);
    BigFraction sum = BigFraction.ZERO;
    for (int i = 0; i < d; i++) {
      BigFraction phi = BigFraction.of(lifted[i], scale);
      values.add(Scalar.exact(phi));
      sum = sum.add(phi);
    }
    BigFraction fEmpty = BigFraction.of(lifted[d], denom.pow(d));
    BigFraction fx = c.evaluate(x) ? BigFraction.ONE : BigFraction.ZERO;
    if (shapley && !sum.equals(fx.subtract(fEmpty))) {
      throw new AssertionError("efficiency fails on the compiled circuit: sum of values " + sum
          + ", f(x) - f_empty = " + fx.subtract(fEmpty));
    }
    long ms = (System.nanoTime() - t0) / 1_000_000L;
    String method = semivalue.id() + " values on a compiled circuit (" + c.route() + "; "
        + c.size() + " nodes, " + c.edgeCount() + " edges; decomposability checked; determinism "
        + c.determinism() + "): weighted model counting with the weights u[z=x]+(1-u)p(z) of the "
        + "multilinear extension and a reverse-mode pass (Owen 1972; Arenas et al. JMLR 2023; Van "
        + "den Broeck et al. AAAI 2021), residues modulo " + primes.length + " primes at " + points
        + (shapley ? " points, integrated exactly over u in [0,1]" : " points (u = 0 and 1/2)")
        + ", O(" + (shapley ? "d·" : "") + "|C|) per prime";
    return new CompiledResult(semivalue, values, Scalar.exact(fEmpty), Scalar.exact(fx), c.size(),
        c.edgeCount(), c.compileMillis(), ms, primes.length, Provenance.exact(method));
  }

  /**
   * Residue operations the engine performs for a semivalue, as counted above: primes × points ×
   * (nodes + edges), with the primes of the uniform distribution's bound (B = 2; log2 lcm(1..d) ≈
   * 1.44·d).
   */
  public static double predictedWork(Semivalue semivalue, int d, int nodes, int edges) {
    boolean shapley = semivalue == Semivalue.SHAPLEY;
    double bits = d + (shapley ? 1.4427 * d : d - 1) + 2;
    double primes = Math.ceil(bits / 61.0);
    return primes * (shapley ? Math.max(d, 1) : 2) * ((double) nodes + edges);
  }

  /** lcm(1, 2, ..., n). */
  static BigInteger lcmUpTo(int n) {
    BigInteger l = BigInteger.ONE;
    for (int k = 2; k <= n; k++) {
      BigInteger b = BigInteger.valueOf(k);
      l = l.divide(l.gcd(b)).multiply(b);
    }
    return l;
  }

  /**
   * What the tasks of one prime share: the points u_j, the integration (or evaluation) weights λ_j,
   * q_i and 1 − q_i modulo p, and the scales of the recovered integers.
   */
  private static final class Residue {
    final long p;
    final Montgomery mo;
    final long[] u; // the points, plain residues
    final long[] lambda; // plain residues: Shapley ∫_0^1 ℓ_j, Banzhaf (0, 1)
    final long[] qm; // q of each weight class, Montgomery form
    final long[] outScale; // (1 − q_i)·scale per feature, plain
    final long emptyScale; // B^d, plain

    Residue(long p, BigFraction[] classQ, int[] cls, BigInteger denom, BigInteger scale,
        boolean shapley, int points) {
      this.p = p;
      this.mo = new Montgomery(p);
      int d = cls.length;
      long sc = mo.residue(scale);
      this.qm = new long[classQ.length];
      long[] outClass = new long[classQ.length];
      for (int k = 0; k < classQ.length; k++) {
        long qk = mo.quotient(classQ[k].getNumerator(), classQ[k].getDenominator());
        qm[k] = mo.to(qk);
        outClass[k] = mo.mulPlain(mo.sub(1, qk), sc);
      }
      this.outScale = new long[d];
      for (int i = 0; i < d; i++) {
        outScale[i] = outClass[cls[i]];
      }
      this.emptyScale = denom.modPow(BigInteger.valueOf(d), BigInteger.valueOf(p)).longValue();
      if (shapley) {
        this.u = new long[points];
        for (int j = 0; j < points; j++) {
          u[j] = j;
        }
        // ∫_0^1 u^k du = 1/(k+1); inverses of 1..n by 1/k = −⌊p/k⌋·(1/(p mod k))
        long[] inverse = new long[points + 1];
        inverse[1] = 1;
        for (int k = 2; k <= points; k++) {
          inverse[k] = mo.mulPlain(p - p / k, inverse[(int) (p % k)]);
        }
        long[] integral = new long[points];
        for (int k = 0; k < points; k++) {
          integral[k] = mo.to(inverse[k + 1]);
        }
        this.lambda = Primes.lagrangeFunctional(mo, points, integral);
      } else {
        this.u = new long[] {0, (p + 1) / 2};
        this.lambda = new long[] {0, 1};
      }
    }
  }

  /** A worker's node rows (values and adjoints) and derivative rows, reused from task to task. */
  private static final class Rows {
    final long[] val;
    final long[] adj;
    final long[] diff;
    long[] pre = new long[0];

    Rows(int nodeRows, int featureRows) {
      this.val = new long[nodeRows];
      this.adj = new long[nodeRows];
      this.diff = new long[featureRows];
    }
  }

  /** What one (prime, chunk of points) task needs from the circuit; read-only, shared. */
  private static final class Plan {
    final int d;
    final byte[] kind;
    final int[] var;
    final boolean[] phase;
    final int[] start;
    final int[] child;
    final int root;
    final boolean[] x;
    final int[] cls; // weight class of each feature
    final boolean[] classX;

    /**
     * The circuit's nodes reachable from the root, renumbered by height (a leaf 0, a gate one more
     * than its highest child; ties in the circuit's order): still children first, and a node's
     * children lie close to it in the node arrays (for an OBDD, on the next levels), which keeps
     * the passes' rows in cache.
     */
    Plan(DecomposableCircuit c, boolean[] x, int[] cls, boolean[] classX) {
      this.cls = cls;
      this.classX = classX;
      this.d = c.dimension();
      this.x = x.clone();
      byte[] k0 = c.kinds();
      int[] s0 = c.starts();
      int[] c0 = c.childArray();
      int n0 = k0.length;
      boolean[] reach = new boolean[n0];
      reach[c.root()] = true;
      for (int g = n0 - 1; g >= 0; g--) {
        if (reach[g]) {
          for (int j = s0[g]; j < s0[g + 1]; j++) {
            reach[c0[j]] = true;
          }
        }
      }
      int[] height = new int[n0];
      int top = 0;
      int n = 0;
      for (int g = 0; g < n0; g++) {
        if (reach[g]) {
          n++;
          for (int j = s0[g]; j < s0[g + 1]; j++) {
            height[g] = Math.max(height[g], height[c0[j]] + 1);
          }
          top = Math.max(top, height[g]);
        }
      }
      int[] first = new int[top + 2]; // counting sort by height
      for (int g = 0; g < n0; g++) {
        if (reach[g]) {
          first[height[g] + 1]++;
        }
      }
      for (int h = 0; h <= top; h++) {
        first[h + 1] += first[h];
      }
      int[] renumber = new int[n0];
      for (int g = 0; g < n0; g++) {
        if (reach[g]) {
          renumber[g] = first[height[g]]++;
        }
      }
      this.kind = new byte[n];
      this.var = new int[n];
      this.phase = new boolean[n];
      this.start = new int[n + 1];
      int[] order = new int[n];
      for (int g = 0; g < n0; g++) {
        if (reach[g]) {
          order[renumber[g]] = g;
        }
      }
      int edges = 0;
      for (int h = 0; h < n; h++) {
        edges += s0[order[h] + 1] - s0[order[h]];
      }
      this.child = new int[edges];
      int[] v0 = c.vars();
      boolean[] p0 = c.phases();
      int e = 0;
      for (int h = 0; h < n; h++) {
        int g = order[h];
        kind[h] = k0[g];
        var[h] = v0[g];
        phase[h] = p0[g];
        start[h] = e;
        for (int j = s0[g]; j < s0[g + 1]; j++) {
          child[e++] = renumber[c0[j]];
        }
      }
      start[n] = e;
      this.root = renumber[c.root()];
    }

    /**
     * Residues modulo p of N_i's share Σ_{points j in [from,to)} λ_j·(A_i − B_i)(u_j)·(1 − q_i)·scale
     * for each feature i (index i), and of f_∅·B^d at index d when the chunk holds u = 0 (else 0).
     */
    long[] run(Residue r, int from, int to, Rows ws) {
      Montgomery mo = r.mo;
      long p = r.p;
      long one = mo.one;
      int m = to - from;
      int n = kind.length;
      // w1[k·m + j] = w_v(1) at u_j for the features v of class k, Montgomery form:
      // q + u(1 − q) when x_v = 1, (1 − u)(1 − q) when x_v = 0.
      int classes = classX.length;
      long[] w1 = new long[classes * m];
      for (int k = 0; k < classes; k++) {
        long notQ = mo.sub(one, r.qm[k]);
        for (int j = 0; j < m; j++) {
          long uj = mo.to(r.u[from + j]);
          w1[k * m + j] = classX[k] ? mo.add(r.qm[k], mo.mul(uj, notQ))
              : mo.mul(mo.sub(one, uj), notQ);
        }
      }
      long[] val = ws.val; // every reachable node's row is written before it is read
      for (int g = 0; g < n; g++) {
        int o = g * m;
        switch (kind[g]) {
          case 0 -> java.util.Arrays.fill(val, o, o + m, 0); // FALSE
          case 1 -> java.util.Arrays.fill(val, o, o + m, one); // TRUE
          case 2 -> { // LITERAL
            int wv = cls[var[g]] * m;
            if (phase[g]) {
              System.arraycopy(w1, wv, val, o, m);
            } else {
              for (int j = 0; j < m; j++) {
                val[o + j] = mo.sub(one, w1[wv + j]);
              }
            }
          }
          case 3 -> { // AND
            int e0 = start[g];
            int e1 = start[g + 1];
            if (e0 == e1) {
              java.util.Arrays.fill(val, o, o + m, one);
              break;
            }
            System.arraycopy(val, child[e0] * m, val, o, m);
            for (int e = e0 + 1; e < e1; e++) {
              int co = child[e] * m;
              for (int j = 0; j < m; j++) {
                val[o + j] = mo.mul(val[o + j], val[co + j]);
              }
            }
          }
          case 4 -> { // OR
            java.util.Arrays.fill(val, o, o + m, 0);
            for (int e = start[g]; e < start[g + 1]; e++) {
              int co = child[e] * m;
              for (int j = 0; j < m; j++) {
                val[o + j] = mo.add(val[o + j], val[co + j]);
              }
            }
          }
          case 5 -> { // DECISION: P(low) + w_v(1)·(P(high) − P(low))
            int wv = cls[var[g]] * m;
            decisionUp(mo, val, o, child[start[g]] * m, child[start[g] + 1] * m, w1, wv, m);
          }
          default -> throw new AssertionError();
        }
      }
      long[] adj = ws.adj;
      java.util.Arrays.fill(adj, 0, n * m, 0);
      // ∂P/∂w_i(1) − ∂P/∂w_i(0) at u_j, Montgomery form: A_i − B_i when x_i = 1, B_i − A_i when 0
      long[] diff = ws.diff;
      java.util.Arrays.fill(diff, 0, d * m, 0);
      java.util.Arrays.fill(adj, root * m, root * m + m, one);
      long[] pre = ws.pre;
      long[] suf = new long[m];
      for (int g = n - 1; g >= 0; g--) {
        int o = g * m;
        switch (kind[g]) {
          case 0, 1 -> { }
          case 2 -> { // LITERAL: ±adj to ∂P/∂w_v(1) − ∂P/∂w_v(0)
            int dv = var[g] * m;
            if (phase[g]) {
              for (int j = 0; j < m; j++) {
                diff[dv + j] = mo.add(diff[dv + j], adj[o + j]);
              }
            } else {
              for (int j = 0; j < m; j++) {
                diff[dv + j] = mo.sub(diff[dv + j], adj[o + j]);
              }
            }
          }
          case 3 -> { // AND: prefix rows pre[e] = adj·Π_{f<e} val[c_f], then a running suffix
            int e0 = start[g];
            int k = start[g + 1] - e0;
            if (k == 0) {
              break;
            }
            if (pre.length < k * m) {
              pre = new long[Math.max(k * m, 2 * pre.length)];
              ws.pre = pre;
            }
            System.arraycopy(adj, o, pre, 0, m);
            for (int e = 0; e < k - 1; e++) {
              int co = child[e0 + e] * m;
              int po = e * m;
              for (int j = 0; j < m; j++) {
                pre[po + m + j] = mo.mul(pre[po + j], val[co + j]);
              }
            }
            java.util.Arrays.fill(suf, 0, m, one);
            for (int e = k - 1; e >= 0; e--) {
              int co = child[e0 + e] * m;
              int po = e * m;
              for (int j = 0; j < m; j++) {
                adj[co + j] = mo.add(adj[co + j], mo.mul(pre[po + j], suf[j]));
              }
              if (e > 0) {
                for (int j = 0; j < m; j++) {
                  suf[j] = mo.mul(suf[j], val[co + j]);
                }
              }
            }
          }
          case 4 -> { // OR
            for (int e = start[g]; e < start[g + 1]; e++) {
              int co = child[e] * m;
              for (int j = 0; j < m; j++) {
                adj[co + j] = mo.add(adj[co + j], adj[o + j]);
              }
            }
          }
          case 5 -> { // DECISION: adj·w_v(1) to high, adj·w_v(0) to low, adj·(P(high) − P(low))
            int v = var[g];
            int wv = cls[v] * m;
            int dv = v * m;
            decisionDown(mo, adj, val, diff, o, child[start[g]] * m, child[start[g] + 1] * m, w1,
                wv, dv, m);
          }
          default -> throw new AssertionError();
        }
      }
      // Σ_j λ_j·(A_i − B_i)(u_j): mul(plain, Montgomery) gives a plain residue.
      long[] out = new long[d + 1];
      for (int i = 0; i < d; i++) {
        long s = 0;
        for (int j = 0; j < m; j++) {
          s = mo.add(s, mo.mul(r.lambda[from + j], diff[i * m + j]));
        }
        out[i] = mo.mulPlain(x[i] ? s : mo.sub(0, s), r.outScale[i]);
      }
      if (from == 0) { // u_0 = 0: P(0) = f_∅
        out[d] = mo.mulPlain(mo.from(val[root * m]), r.emptyScale);
      }
      return out;
    }

    /**
     * One decision node's row of the forward pass: val[o+j] = P(low) + w(P(high) − P(low)) for the
     * m points (in its own small method so that the JIT compiles it early and alone).
     */
    static void decisionUp(Montgomery mo, long[] val, int o, int lo, int hi, long[] w, int wo,
        int m) {
      for (int j = 0; j < m; j++) {
        long l = val[lo + j];
        val[o + j] = mo.add(l, mo.mul(w[wo + j], mo.sub(val[hi + j], l)));
      }
    }

    /**
     * One decision node's row of the reverse pass: adj·w to high, adj·(1 − w) to low, and
     * adj·(P(high) − P(low)) to the variable's derivative row.
     */
    static void decisionDown(Montgomery mo, long[] adj, long[] val, long[] diff, int o, int lo,
        int hi, long[] w, int wo, int dv, int m) {
      for (int j = 0; j < m; j++) {
        long up = adj[o + j];
        long toHigh = mo.mul(up, w[wo + j]);
        adj[hi + j] = mo.add(adj[hi + j], toHigh);
        adj[lo + j] = mo.add(adj[lo + j], mo.sub(up, toHigh));
        diff[dv + j] = mo.add(diff[dv + j], mo.mul(up, mo.sub(val[hi + j], val[lo + j])));
      }
    }
  }
}
