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
 * 2021), computed here by one forward and one reverse-mode pass per evaluation point and prime.
 *
 * <h2>The identity</h2>
 *
 * Let Z_j equal x_j with probability q_j, independently, and write p_j(x_j) = q_j,
 * p_j(1 − x_j) = 1 − q_j. Give each feature the two polynomial weights w_j(z_j) = t·[z_j = x_j] +
 * p_j(z_j) and let P(t) = Σ_z f(z) Π_j w_j(z_j), the weighted model count of f. Expanding the
 * product over j as a sum over the set S of features that take the t term,
 *
 * <pre>
 *   P(t) = Σ_S t^{|S|} Σ_z f(z) Π_{j∈S} [z_j = x_j] Π_{j∉S} p_j(z_j) = Σ_S t^{|S|} v(S),
 * </pre>
 *
 * the generating polynomial of the game by size (the counting polynomial of Arenas et al., JMLR
 * 2023, Section 4, and of Van den Broeck et al., Theorem 2's reduction of SHAP to expectations).
 * P is multilinear in each feature's pair of weights: P = w_i(x_i)·A_i + w_i(1−x_i)·B_i, A_i and B_i
 * free of feature i. Splitting Σ_S by whether i ∈ S:
 *
 * <pre>
 *   Γ⁺_i(t) = Σ_{S⊆N∖i} t^{|S|} v(S ∪ i) = A_i,
 *   Γ⁻_i(t) = Σ_{S⊆N∖i} t^{|S|} v(S)     = q_i·A_i + (1 − q_i)·B_i,
 * </pre>
 *
 * (in Γ⁺ feature i is pinned to x_i, in Γ⁻ it keeps its law p_i), so for any semivalue with weights
 * ω(k), φ_i = Σ_{S⊆N∖i} ω(|S|) (v(S∪i) − v(S)) = (1 − q_i) · L(A_i − B_i), where L(Σ_k c_k t^k) =
 * Σ_k ω(k) c_k; Shapley: ω(k) = k!(d−k−1)!/d!, Banzhaf: ω(k) = 2^{−(d−1)}. Also v(∅) = f_∅(x) = P(0)
 * and v(N) = f(x) is P's coefficient of t^d.
 *
 * <h2>On the circuit</h2>
 *
 * On a deterministic decomposable circuit the weighted model count is a bottom-up pass: a literal is
 * its weight, an AND the product of its children (decomposable: the children's models combine
 * freely), an OR the sum (deterministic: each model of the OR is a model of one child), a decision
 * node on v is w_v(1)·P(high) + w_v(0)·P(low). A feature j that a child does not mention (an OR's
 * child with fewer variables than the OR, a skipped OBDD level, a feature f does not mention at the
 * root) ranges freely there and contributes the factor w_j(x_j) + w_j(1−x_j) = t + 1, so the pass
 * multiplies by (1 + t)^{missing}, with the counts |vars(g)| of {@link DecomposableCircuit}: this is
 * smoothing without changing the circuit. A_i − B_i = ∂P/∂w_i(x_i) − ∂P/∂w_i(1−x_i) is then read off
 * one reverse-mode (adjoint) pass: adj(root) = (1+t)^{d − |vars(root)|}; an AND passes
 * adj·Π_{siblings} P to each child (prefix and suffix products); an OR passes adj·(1+t)^{missing};
 * a literal on i adds ±adj to A_i − B_i (+ when it agrees with x_i), a decision node on i adds
 * ±adj·(factor)·(P(high) − P(low)). The smoothing factors of a missing feature contribute equally to
 * A_i and B_i and cancel.
 *
 * <h2>Exact arithmetic</h2>
 *
 * With B the common denominator of the q_j and a_j = B·q_j, the weights scaled by B are the integer
 * polynomials B·t + a_j and B − a_j, and P_B = B^d·P ∈ Z[t]. The polynomials are not expanded:
 * modulo a prime p > d the passes run on the values at the points t = 0, 1, ..., d (each node holds
 * one residue per point, so an AND costs O(children) per point, never a polynomial product), and the
 * semivalue's functional L is applied to these values through the Lagrange basis (λ_j = L(ℓ_j), one
 * O(d²) computation per prime). The integers recovered by the Chinese remainder theorem are, with
 * Λ = lcm(1..d):
 *
 * <ul>
 *   <li>Shapley: N_i = φ_i·B^d·Λ = (B − a_i)·Σ_k ω'(k)·c_k with ω'(k) = Λ·k!(d−1−k)!/d! =
 *       Λ/(d·C(d−1,k)), an integer since every C(d−1,k) divides Λ/d;
 *   <li>Banzhaf: N_i = φ_i·B^d·2^{d−1} = (B − a_i)·Σ_k c_k;
 *   <li>f_∅ numerator P_B(0) = f_∅·B^d,
 * </ul>
 *
 * where c_k are the coefficients of B^{d−1}(A_i − B_i). Since 0 ≤ v ≤ 1, |φ_i| ≤ 1 and
 * |f_∅| ≤ 1, so every recovered integer has absolute value at most M = B^d·max(Λ, 2^{d−1}); primes
 * below 2^31 are taken until their product exceeds 2M, and residues are lifted to the symmetric
 * range: the result is exact, with no overflow (products of two residues fit a {@code long}, and the
 * passes multiply in Montgomery form, with no division) and no floating point. f(x) is evaluated
 * on the circuit. For Shapley values efficiency Σφ_i = f(x) − f_∅ is checked exactly before
 * returning (an {@link AssertionError} if it fails).
 *
 * <h2>Cost</h2>
 *
 * With |C| nodes plus edges and m primes (m ≈ (d·log2 B + 1.44·d)/31 for Shapley), O(m·d·|C|)
 * multiplications modulo 31-bit primes and O(m·d²) for the Lagrange weights; memory O(|C|·chunk)
 * longs per worker, the points being processed in chunks. Primes and chunks run in parallel.
 * All passes are loops over the topologically ordered node array: no recursion.
 */
public final class CompiledValues {

  /** Largest number of longs the node buffers of one worker may take (about 64 MB). */
  static final long WORKER_LONGS = 8L << 20;

  private static final int MAX_CHUNK = 64;

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
    BigInteger[] a = new BigInteger[d];
    for (int i = 0; i < d; i++) {
      a[i] = q[i].getNumerator().multiply(denom.divide(q[i].getDenominator()));
    }
    boolean shapley = semivalue == Semivalue.SHAPLEY;
    BigInteger lcm = lcmUpTo(d);
    BigInteger scale = denom.pow(d).multiply(shapley ? lcm : BigInteger.ONE.shiftLeft(Math.max(0,
        d - 1)));
    BigInteger bound = denom.pow(d).multiply(shapley ? lcm.max(BigInteger.ONE.shiftLeft(Math.max(0,
        d - 1))) : BigInteger.ONE.shiftLeft(Math.max(0, d - 1)));
    long[] primes = Primes.enough(bound.shiftLeft(1).add(BigInteger.ONE), d);
    BigInteger[] omegaPrime = shapley ? shapleyWeights(d, lcm) : null;

    Plan plan = new Plan(c, x, denom, a, omegaPrime);
    int nodes = c.size();
    int chunk = (int) Math.max(1, Math.min(MAX_CHUNK, WORKER_LONGS / (2L * nodes)));
    if (2L * nodes > WORKER_LONGS * 4) {
      throw new TooLargeException("the compiled engine needs 2 x " + nodes + " residues per "
          + "evaluation point; the circuit is too large (more than " + (WORKER_LONGS * 2)
          + " nodes)");
    }
    int points = d + 1;
    int chunks = (points + chunk - 1) / chunk;
    long[][] acc = new long[primes.length][d + 1]; // [0..d-1]: Σ λ·D_i; [d]: P(0)
    long[][] lambda = new long[primes.length][];
    IntStream.range(0, primes.length).parallel().forEach(pi ->
        lambda[pi] = Primes.lagrangeFunctional(primes[pi], d, 0, points, omegaPrime));
    IntStream.range(0, primes.length * chunks).parallel().forEach(task -> {
      int pi = task / chunks;
      int from = (task % chunks) * chunk;
      int to = Math.min(points, from + chunk);
      long[] part = plan.run(primes[pi], from, to, lambda[pi]);
      synchronized (acc[pi]) {
        long p = primes[pi];
        for (int i = 0; i <= d; i++) {
          acc[pi][i] = (acc[pi][i] + part[i]) % p;
        }
      }
    });
    BigInteger[] lifted = Primes.crt(primes, acc, d + 1);
    List<Scalar> values = new ArrayList<>(d);
    BigInteger den = scale;
    BigFraction sum = BigFraction.ZERO;
    for (int i = 0; i < d; i++) {
      BigFraction phi = BigFraction.of(lifted[i], den);
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
        + c.determinism() + "): weighted model counting with polynomial weights t[z=x]+p(z) and a "
        + "reverse-mode pass (Arenas et al. JMLR 2023; Van den Broeck et al. AAAI 2021), residues "
        + "modulo " + primes.length + " primes at " + points + " points, O(d·|C|) per prime";
    return new CompiledResult(semivalue, values, Scalar.exact(fEmpty), Scalar.exact(fx), c.size(),
        c.edgeCount(), c.compileMillis(), ms, primes.length, Provenance.exact(method));
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

  /** ω'(k) = Λ·k!(d−1−k)!/d! = Λ/(d·C(d−1,k)) for k = 0..d−1, Λ = lcm(1..d). */
  static BigInteger[] shapleyWeights(int d, BigInteger lcm) {
    BigInteger[] w = new BigInteger[Math.max(d, 1)];
    BigInteger binom = BigInteger.ONE; // C(d-1, k)
    for (int k = 0; k < d; k++) {
      BigInteger den = binom.multiply(BigInteger.valueOf(d));
      BigInteger[] qr = lcm.divideAndRemainder(den);
      if (qr[1].signum() != 0) {
        throw new AssertionError("d*C(d-1," + k + ") does not divide lcm(1.." + d + ")");
      }
      w[k] = qr[0];
      binom = binom.multiply(BigInteger.valueOf(d - 1 - k)).divide(BigInteger.valueOf(k + 1));
    }
    return w;
  }

  /**
   * Montgomery arithmetic modulo an odd prime p < 2^31 with R = 2^32: mul(aR, bR) = abR, with no
   * division (the product of two residues is below 2^62, and t + m·p below 2^64 as unsigned).
   */
  static final class Mont {
    private static final long MASK = 0xFFFFFFFFL;
    final long p;
    final long negInv; // −p^{-1} mod 2^32
    final long one; // R mod p
    private final long r2; // R^2 mod p

    Mont(long p) {
      this.p = p;
      long inv = p;
      for (int k = 0; k < 5; k++) {
        inv *= 2 - p * inv;
      }
      this.negInv = (-inv) & MASK;
      this.one = (1L << 32) % p;
      this.r2 = BigInteger.ONE.shiftLeft(64).mod(BigInteger.valueOf(p)).longValue();
    }

    long mul(long a, long b) {
      long t = a * b;
      long q = ((t & MASK) * negInv) & MASK;
      long u = (t + q * p) >>> 32;
      return u >= p ? u - p : u;
    }

    long add(long a, long b) {
      long s = a + b;
      return s >= p ? s - p : s;
    }

    long sub(long a, long b) {
      long s = a - b;
      return s < 0 ? s + p : s;
    }

    long to(long a) {
      return mul(a, r2);
    }

    long from(long a) {
      return mul(a, 1);
    }
  }

  /** What one (prime, chunk of points) task needs; read-only, shared by the tasks. */
  private static final class Plan {
    final DecomposableCircuit c;
    final int d;
    final byte[] kind;
    final int[] var;
    final boolean[] phase;
    final int[] start;
    final int[] child;
    final int[] vc;
    final int root;
    final boolean[] x;
    final boolean[] reach;
    final BigInteger denom;
    final BigInteger[] a;
    final BigInteger[] omegaPrime;

    Plan(DecomposableCircuit c, boolean[] x, BigInteger denom, BigInteger[] a,
        BigInteger[] omegaPrime) {
      this.c = c;
      this.d = c.dimension();
      this.kind = c.kinds();
      this.var = c.vars();
      this.phase = c.phases();
      this.start = c.starts();
      this.child = c.childArray();
      this.vc = c.varCounts();
      this.root = c.root();
      this.x = x.clone();
      this.denom = denom;
      this.a = a;
      this.omegaPrime = omegaPrime;
      this.reach = new boolean[kind.length];
      reach[root] = true;
      for (int g = kind.length - 1; g >= 0; g--) {
        if (reach[g]) {
          for (int j = start[g]; j < start[g + 1]; j++) {
            reach[child[j]] = true;
          }
        }
      }
    }

    /**
     * Residues modulo p of Σ_{points j in [from,to)} λ_j·D_i(t_j) for each feature i (index i), and
     * of P_B(0) at index d when the chunk holds t = 0 (else 0); D_i = B^{d−1}(A_i − B_i) times
     * (B − a_i) already.
     */
    long[] run(long p, int from, int to, long[] lambdaAll) {
      Mont mo = new Mont(p);
      int m = to - from;
      int n = kind.length;
      long bp = denom.mod(BigInteger.valueOf(p)).longValue();
      // Weights in Montgomery form: agreeing value B t + a_v per point, disagreeing B − a_v.
      long[] agree = new long[d * m];
      long[] dis = new long[d];
      for (int i = 0; i < d; i++) {
        long ai = a[i].mod(BigInteger.valueOf(p)).longValue();
        dis[i] = mo.to((bp - ai + p) % p);
        for (int j = 0; j < m; j++) {
          agree[i * m + j] = mo.to((bp * (from + j) % p + ai) % p);
        }
      }
      // S^k = (B(1 + t))^k per point, Montgomery form.
      long[][] spow = new long[d + 1][m];
      for (int j = 0; j < m; j++) {
        long s = mo.to(bp * ((1 + from + j) % p) % p);
        spow[0][j] = mo.one;
        for (int k = 1; k <= d; k++) {
          spow[k][j] = mo.mul(spow[k - 1][j], s);
        }
      }
      long[] val = new long[n * m];
      for (int g = 0; g < n; g++) {
        if (!reach[g]) {
          continue;
        }
        int o = g * m;
        switch (kind[g]) {
          case 0 -> { } // FALSE
          case 1 -> java.util.Arrays.fill(val, o, o + m, mo.one); // TRUE
          case 2 -> { // LITERAL
            int v = var[g];
            if (phase[g] == x[v]) {
              System.arraycopy(agree, v * m, val, o, m);
            } else {
              java.util.Arrays.fill(val, o, o + m, dis[v]);
            }
          }
          case 3 -> { // AND
            int e0 = start[g];
            int e1 = start[g + 1];
            if (e0 == e1) {
              java.util.Arrays.fill(val, o, o + m, mo.one);
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
            for (int e = start[g]; e < start[g + 1]; e++) {
              int ch = child[e];
              int co = ch * m;
              int gap = vc[g] - vc[ch];
              if (gap == 0) {
                for (int j = 0; j < m; j++) {
                  val[o + j] = mo.add(val[o + j], val[co + j]);
                }
              } else {
                long[] sp = spow[gap];
                for (int j = 0; j < m; j++) {
                  val[o + j] = mo.add(val[o + j], mo.mul(val[co + j], sp[j]));
                }
              }
            }
          }
          case 5 -> { // DECISION
            int v = var[g];
            int lo = child[start[g]];
            int hi = child[start[g] + 1];
            long[] sl = spow[vc[g] - 1 - vc[lo]];
            long[] sh = spow[vc[g] - 1 - vc[hi]];
            int lo0 = lo * m;
            int hi0 = hi * m;
            int av = v * m;
            for (int j = 0; j < m; j++) {
              long w1 = x[v] ? agree[av + j] : dis[v];
              long w0 = x[v] ? dis[v] : agree[av + j];
              val[o + j] = mo.add(mo.mul(w1, mo.mul(val[hi0 + j], sh[j])),
                  mo.mul(w0, mo.mul(val[lo0 + j], sl[j])));
            }
          }
          default -> throw new AssertionError();
        }
      }
      long[] adj = new long[n * m];
      long[] diff = new long[d * m]; // D_i at the chunk's points, Montgomery form
      System.arraycopy(spow[d - vc[root]], 0, adj, root * m, m);
      long[] pre = new long[0];
      long[] suf = new long[m];
      for (int g = n - 1; g >= 0; g--) {
        if (!reach[g]) {
          continue;
        }
        int o = g * m;
        switch (kind[g]) {
          case 0, 1 -> { }
          case 2 -> { // LITERAL
            int dv = var[g] * m;
            if (phase[g] == x[var[g]]) {
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
            }
            System.arraycopy(adj, o, pre, 0, m);
            for (int e = 0; e < k - 1; e++) {
              int co = child[e0 + e] * m;
              int po = e * m;
              for (int j = 0; j < m; j++) {
                pre[po + m + j] = mo.mul(pre[po + j], val[co + j]);
              }
            }
            java.util.Arrays.fill(suf, 0, m, mo.one);
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
              int ch = child[e];
              int co = ch * m;
              int gap = vc[g] - vc[ch];
              if (gap == 0) {
                for (int j = 0; j < m; j++) {
                  adj[co + j] = mo.add(adj[co + j], adj[o + j]);
                }
              } else {
                long[] sp = spow[gap];
                for (int j = 0; j < m; j++) {
                  adj[co + j] = mo.add(adj[co + j], mo.mul(adj[o + j], sp[j]));
                }
              }
            }
          }
          case 5 -> { // DECISION
            int v = var[g];
            int lo = child[start[g]];
            int hi = child[start[g] + 1];
            long[] sl = spow[vc[g] - 1 - vc[lo]];
            long[] sh = spow[vc[g] - 1 - vc[hi]];
            int lo0 = lo * m;
            int hi0 = hi * m;
            int dv = v * m;
            for (int j = 0; j < m; j++) {
              long w1 = x[v] ? agree[dv + j] : dis[v];
              long w0 = x[v] ? dis[v] : agree[dv + j];
              long up = adj[o + j];
              long gh = mo.mul(up, sh[j]); // adjoint through the high branch, before its weight
              long gl = mo.mul(up, sl[j]);
              adj[hi0 + j] = mo.add(adj[hi0 + j], mo.mul(gh, w1));
              adj[lo0 + j] = mo.add(adj[lo0 + j], mo.mul(gl, w0));
              long dhi = mo.mul(gh, val[hi0 + j]); // ∂P/∂w_v(1)
              long dlo = mo.mul(gl, val[lo0 + j]); // ∂P/∂w_v(0)
              diff[dv + j] = x[v] ? mo.add(diff[dv + j], mo.sub(dhi, dlo))
                  : mo.add(diff[dv + j], mo.sub(dlo, dhi));
            }
          }
          default -> throw new AssertionError();
        }
      }
      // λ_j = L(ℓ_j) for the points of this chunk (plain residues), then Σ_j λ_j D_i(t_j) times
      // (B − a_i); mul(plain, Montgomery) gives a plain residue.
      long[] out = new long[d + 1];
      for (int i = 0; i < d; i++) {
        long s = 0;
        for (int j = 0; j < m; j++) {
          s = mo.add(s, mo.mul(lambdaAll[from + j], diff[i * m + j]));
        }
        long ai = a[i].mod(BigInteger.valueOf(p)).longValue();
        out[i] = s * ((bp - ai + p) % p) % p;
      }
      if (from == 0) {
        out[d] = mo.from(mo.mul(val[root * m], spow[d - vc[root]][0]));
      }
      return out;
    }
  }
}
