package xcert.explainers.glime.theory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Every inequality of the proofs of seed 001 Theorem B.1 (Theorem 4.1, LIME), Theorem B.2
 * (Theorem 4.2, GLIME) and Corollary B.3 (Corollary 4.3, GLIME-Binomial), evaluated at one
 * (d, σ, λ) in rigorous interval arithmetic ({@link Interval}): each {@link Step} states
 * "lhs ≤ rhs" as the seed writes it, and fails only when the enclosures prove lhs &gt; rhs (an
 * equality such as γ·t1 = 0.32 is an overlap of two enclosures 1e−50 wide and counts as holding).
 *
 * <p>The Hoeffding steps "2d·exp(−n t²/c) ≤ δ/2" with n = K·log(4d/δ) hold for every δ ∈ (0, 1)
 * exactly when κ = K t²/c ≥ 1 (then 2d·exp(−κ L) ≤ 2d·e^{−L} = δ/2 with L = log(4d/δ)), so each is
 * checked as "1 ≤ κ", independent of δ. ε is {@value #EPS} (the steps are homogeneous in ε).
 */
public final class ProofSteps {

  /** The ε used where a step involves ε (every such step is homogeneous in ε). */
  public static final String EPS = "0.1";

  private ProofSteps() {}

  /**
   * One step.
   *
   * @param where the proof and the step, e.g. "B.4 n1,t1"
   * @param statement the inequality as the seed writes it
   */
  public record Step(String where, String statement, Interval lhs, Interval rhs) {
    public boolean holds() {
      return !lhs.certainlyGreater(rhs);
    }

    public String describe() {
      return where + ": " + statement + " — lhs " + lhs.show() + ", rhs " + rhs.show();
    }
  }

  private static final java.util.Map<String, Interval> EXP = new java.util.concurrent.ConcurrentHashMap<>();

  /** e^{k/σ²}, enclosed once per (σ, k). */
  static Interval e(double sigma, int k) {
    return EXP.computeIfAbsent(sigma + "/" + k, key -> {
      Interval s = Interval.of(sigma);
      return Interval.of(k).divide(s.multiply(s)).exp();
    });
  }

  private static Interval two(int k) {
    return Interval.of(2).pow(k);
  }

  /** The steps of the proof of Theorem B.1 (Appendix B.4) at (d, σ); λ only needs λ ≤ n. */
  public static List<Step> theoremB1(int d, double sigma) {
    List<Step> out = new ArrayList<>();
    Interval one = Interval.of(1);
    Interval ee = e(sigma, 1);
    Interval a = one.divide(ee);
    Interval q = one.add(a);
    Interval pow2d = two(d);
    Interval a1 = q.pow(d - 1).divide(pow2d);
    Interval a2 = q.pow(d - 2).divide(pow2d);
    Interval dd = Interval.of(d);
    Interval quarter = Interval.of(new BigDecimal("0.25").doubleValue());
    out.add(new Step("B.4 α1", "2^{−d} ≤ α1", one.divide(pow2d), a1));
    out.add(new Step("B.4 α1", "α1 ≤ 1/2", a1, Interval.of(0.5)));
    out.add(new Step("B.4 α2", "2^{−d} ≤ α2", one.divide(pow2d), a2));
    out.add(new Step("B.4 α2", "α2 ≤ 1/4", a2, quarter));
    Interval gap = a1.subtract(a2);
    out.add(new Step("B.4 α1−α2", "e^{−1/σ²}/2^d ≤ α1 − α2", a.divide(pow2d), gap));
    out.add(new Step("B.4 α1−α2", "α1 − α2 ≤ 1/4", gap, quarter));
    Interval s1 = a1.add(a2.multiply(d - 1));
    Interval s2 = a1.add(a2.multiply(d - 2));
    out.add(new Step("B.4 Σ row", "d/2^d ≤ α1 + (d−1)α2", dd.divide(pow2d), s1));
    out.add(new Step("B.4 Σ row", "α1 + (d−1)α2 ≤ (d+1)/4", s1, Interval.of(d + 1).divide(
        Interval.of(4))));
    out.add(new Step("B.4 Σ row", "(d−1)/2^d ≤ α1 + (d−2)α2", Interval.of(d - 1).divide(pow2d),
        s2));
    out.add(new Step("B.4 Σ row", "α1 + (d−2)α2 ≤ d/4", s2, dd.divide(Interval.of(4))));
    Interval beta0 = gap.multiply(s1);
    Interval b1 = s2.divide(beta0);
    Interval b2 = a2.divide(beta0).negate();
    out.add(new Step("B.4 β1", "|β1| ≤ 1/(α1 − α2)", b1.abs(), one.divide(gap)));
    out.add(new Step("B.4 β1", "1/(α1 − α2) ≤ 2^d e^{1/σ²}", one.divide(gap), pow2d.multiply(ee)));
    out.add(new Step("B.4 β2", "α2/(α1 − α2) ≤ e^{1/σ²} (the '=' of the seed)", a2.divide(gap),
        ee));
    out.add(new Step("B.4 β2", "|β2| ≤ 2^d e^{1/σ²}/d", b2.abs(), pow2d.multiply(ee).divide(dd)));
    Interval frob = b1.pow(2).multiply(d).add(b2.pow(2).multiply((long) d * d - d));
    Interval frobBound = pow2d.pow(2).multiply(ee.pow(2)).multiply(2L * d);
    out.add(new Step("B.4 ‖Σ⁻¹‖F", "‖Σ⁻¹‖F² ≤ 2d·2^{2d}e^{2/σ²}", frob, frobBound));
    Interval sqrt2 = Interval.of(2).sqrt();
    Interval sqrtD = dd.sqrt();
    Interval invNorm = sqrt2.multiply(sqrtD).multiply(pow2d).multiply(ee); // bound on ‖Σ⁻¹‖
    Interval eps = Interval.of(new BigDecimal(EPS).doubleValue());
    Interval twoPow25 = Interval.of(4).multiply(sqrt2);
    // n1 = 2^7 d³ 2^{2d} e^{2/σ²} L, t1 = 5^{−2} 2^{2.5} d^{−1/2} 2^{−d} e^{−1/σ²}
    Interval k1 = Interval.of(128).multiply(dd.pow(3)).multiply(pow2d.pow(2)).multiply(ee.pow(2));
    Interval t1 = twoPow25.divide(Interval.of(25)).divide(sqrtD).divide(pow2d).divide(ee);
    out.add(new Step("B.4 [8]", "‖(I + Σ⁻¹(Σn − Σ))⁻¹‖ ≤ 1/(1 − 0.32) ≤ 2 (the factor 2 of the "
        + "perturbation inequality)", one.divide(one.subtract(Interval.of(32).divide(
        Interval.of(100)))), Interval.of(2)));
    out.add(new Step("B.4 0.32", "‖Σ⁻¹‖·t1 ≤ √(2d)2^d e^{1/σ²}·t1 ≤ 0.32", invNorm.multiply(t1),
        Interval.of(32).divide(Interval.of(100))));
    out.add(new Step("B.4 n1,t1", "2d·exp(−n1 t1²/(32d²)) ≤ δ/2, i.e. 1 ≤ κ1 = n1t1²/(32d²L)",
        one, k1.multiply(t1.pow(2)).divide(Interval.of(32).multiply(dd.pow(2)))));
    // n2 = 2^8 ε^{−2} d² 2^{2d} e^{2/σ²} L, t2 = 2^{−2.5} d^{−1/2} 2^{−d} e^{−1/σ²} ε
    Interval k2 = Interval.of(256).divide(eps.pow(2)).multiply(dd.pow(2)).multiply(pow2d.pow(2))
        .multiply(ee.pow(2));
    Interval t2 = eps.divide(twoPow25).divide(sqrtD).divide(pow2d).divide(ee);
    out.add(new Step("B.4 n2,t2", "2d·exp(−n2 t2²/(8d)) ≤ δ/2, i.e. 1 ≤ κ2 = n2t2²/(8dL)", one,
        k2.multiply(t2.pow(2)).divide(Interval.of(8).multiply(dd))));
    out.add(new Step("B.4 n2,t2", "‖Σ⁻¹‖·t2 ≤ ε/4", invNorm.multiply(t2), eps.divide(
        Interval.of(4))));
    // n3 = 2^9 ε^{−2} d^5 2^{4d} e^{4/σ²} L, t3 = 2^{−3} d^{−1.5} 2^{−2d} e^{−2/σ²} ε
    Interval k3 = Interval.of(512).divide(eps.pow(2)).multiply(dd.pow(5)).multiply(pow2d.pow(4))
        .multiply(ee.pow(4));
    Interval t3 = eps.divide(Interval.of(8)).divide(dd.multiply(sqrtD)).divide(pow2d.pow(2))
        .divide(ee.pow(2));
    out.add(new Step("B.4 n3,t3", "2d·exp(−n3 t3²/(32d²)) ≤ δ/2, i.e. 1 ≤ κ3 = n3t3²/(32d²L)",
        one, k3.multiply(t3.pow(2)).divide(Interval.of(32).multiply(dd.pow(2)))));
    out.add(new Step("B.4 n3,t3", "‖Σ⁻¹‖²·‖Γ‖·t3 ≤ 2d2^{2d}e^{2/σ²}·√d·t3 ≤ ε/4",
        frobBound.multiply(sqrtD).multiply(t3), eps.divide(Interval.of(4))));
    return out;
  }

  /** γ² = dβ1² + (d² − d)β2² of GLIME-Binomial (α1 = p, α2 = p²) with penalty λ. */
  public static Interval binomialGammaSquared(int d, double sigma, double lambda) {
    Interval p = bernoulliP(sigma);
    Interval[] b = betas(d, p, p.pow(2), Interval.of(lambda));
    return b[0].pow(2).multiply(d).add(b[1].pow(2).multiply((long) d * d - d));
  }

  static Interval bernoulliP(double sigma) {
    Interval ee = e(sigma, 1);
    return ee.divide(Interval.of(1).add(ee));
  }

  static Interval[] betas(int d, Interval a1, Interval a2, Interval lambda) {
    Interval beta0 = a1.add(lambda).subtract(a2).multiply(a1.add(lambda).add(a2.multiply(d - 1)));
    return new Interval[] {a1.add(lambda).add(a2.multiply(d - 2)).divide(beta0),
        a2.divide(beta0).negate()};
  }

  /**
   * The steps of the proof of Theorem B.2 (Appendix B.5) for GLIME-Binomial at (d, σ, λ), with the
   * corollary's M = √d, ν = 2 and the true γ.
   */
  public static List<Step> theoremB2(int d, double sigma, double lambda) {
    List<Step> out = new ArrayList<>();
    Interval one = Interval.of(1);
    Interval dd = Interval.of(d);
    Interval gamma = binomialGammaSquared(d, sigma, lambda).sqrt();
    Interval m = dd.sqrt();
    Interval nu2 = Interval.of(4);
    Interval eps = Interval.of(new BigDecimal(EPS).doubleValue());
    // n1 = 2^5 γ² ν² L, t1 = 2^3 5^{−2} γ^{−1}
    Interval k1 = Interval.of(32).multiply(gamma.pow(2)).multiply(nu2);
    Interval t1 = Interval.of(8).divide(Interval.of(25)).divide(gamma);
    out.add(new Step("B.5 n1,t1", "2d·exp(−n1 t1²/(8ν²)) ≤ δ/2, i.e. 1 ≤ κ1 = n1t1²/(8ν²L)", one,
        k1.multiply(t1.pow(2)).divide(Interval.of(8).multiply(nu2))));
    out.add(new Step("B.5 0.32", "‖Σ⁻¹‖·t1 ≤ γt1 = 0.32", gamma.multiply(t1),
        Interval.of(32).divide(Interval.of(100))));
    // n2 = 2^5 ε^{−2} M² d² γ² L, t2 = 2^{−2} ε γ^{−1}
    Interval k2 = Interval.of(32).divide(eps.pow(2)).multiply(m.pow(2)).multiply(dd.pow(2))
        .multiply(gamma.pow(2));
    Interval t2 = eps.divide(Interval.of(4)).divide(gamma);
    out.add(new Step("B.5 n2,t2",
        "2d·exp(−n2 t2²/(8M²d²)) ≤ δ/2, i.e. 1 ≤ κ2 = n2t2²/(8M²d²L)", one,
        k2.multiply(t2.pow(2)).divide(Interval.of(8).multiply(m.pow(2)).multiply(dd.pow(2)))));
    out.add(new Step("B.5 n2,t2", "‖Σ⁻¹‖·t2 ≤ γt2 ≤ ε/4", gamma.multiply(t2),
        eps.divide(Interval.of(4))));
    // n3 = 2^5 ε^{−2} M² ν² d γ⁴ L, t3 = 2^{−2} ε M^{−1} d^{−1/2} γ^{−2}
    Interval k3 = Interval.of(32).divide(eps.pow(2)).multiply(m.pow(2)).multiply(nu2).multiply(dd)
        .multiply(gamma.pow(4));
    Interval t3 = eps.divide(Interval.of(4)).divide(m).divide(dd.sqrt()).divide(gamma.pow(2));
    out.add(new Step("B.5 n3,t3", "2d·exp(−n3 t3²/(8ν²)) ≤ δ/2 (the Hoeffding bound the proof "
        + "states for Σ_n), i.e. 1 ≤ κ3 = n3t3²/(8ν²L)", one,
        k3.multiply(t3.pow(2)).divide(Interval.of(8).multiply(nu2))));
    out.add(new Step("B.5 n3,t3", "‖Σ⁻¹‖²‖Γ‖·t3 ≤ γ²M√d·t3 = ε/4",
        gamma.pow(2).multiply(m).multiply(dd.sqrt()).multiply(t3), eps.divide(Interval.of(4))));
    return out;
  }

  /** The steps of Corollary B.3 (Appendix B.5) and Corollary 4.3 at (d, σ, λ). */
  public static List<Step> corollaryB3(int d, double sigma, double lambda) {
    List<Step> out = new ArrayList<>();
    Interval one = Interval.of(1);
    Interval dd = Interval.of(d);
    Interval ee = e(sigma, 1);
    Interval p = bernoulliP(sigma);
    Interval a1 = p;
    Interval a2 = p.pow(2);
    Interval lam = Interval.of(lambda);
    Interval[] var = GlimeClosedForms.binomialVariance(d, p);
    Interval top = var[1].lo().signum() >= 0 ? var[0].add(var[1].multiply(d - 1)) : var[0]
        .subtract(var[1]);
    out.add(new Step("Cor 4.3 ν", "‖Var(z zᵀ)‖₂ = λmax(E[(zzᵀ − E zzᵀ)²]) ≤ ν² = 4", top,
        Interval.of(4)));
    Interval[] b = betas(d, a1, a2, lam);
    Interval gapL = a1.add(lam).subtract(a2);
    Interval gap = a1.subtract(a2);
    out.add(new Step("B.5 β1", "|β1|² ≤ 1/(α1 + λ − α2)", b[0].pow(2), one.divide(gapL)));
    out.add(new Step("B.5 β1", "1/(α1 + λ − α2) ≤ 1/(α1 − α2)", one.divide(gapL), one.divide(gap)));
    out.add(new Step("B.5 β1", "1/(α1 − α2) = e^{−1/σ²}(1 + e^{1/σ²})² ≤ 4e^{1/σ²}",
        one.divide(gap), ee.multiply(4)));
    Interval rowL = a1.add(lam).add(a2.multiply(d - 1));
    Interval b2bound = a2.pow(2).divide(gap.multiply(rowL.pow(2)));
    out.add(new Step("B.5 β2", "|β2|² ≤ α2²/((α1 − α2)(α1 + λ + (d−1)α2)²)", b[1].pow(2),
        b2bound));
    Interval b2next = a1.multiply(a2).divide(one.subtract(a1).multiply(
        a2.multiply(d - 1).pow(2)));
    out.add(new Step("B.5 β2", "… ≤ α1α2/((1 − α1)((d−1)α2)²)", b2bound, b2next));
    out.add(new Step("B.5 β2", "… ≤ 4e^{1/σ²}/(d−1)²", b2next, ee.multiply(4).divide(
        Interval.of(d - 1).pow(2))));
    out.add(new Step("B.5 γ²", "de^{1/σ²} + e^{1/σ²}d/(d−1) ≤ de^{1/σ²}",
        dd.multiply(ee).add(ee.multiply(dd).divide(Interval.of(d - 1))), dd.multiply(ee)));
    Interval g2 = b[0].pow(2).multiply(d).add(b[1].pow(2).multiply((long) d * d - d));
    out.add(new Step("B.5 γ²", "γ² = dβ1² + (d²−d)β2² ≤ de^{1/σ²} (Cor. B.3)", g2,
        dd.multiply(ee)));
    out.add(new Step("Cor 4.3 γ", "γ ≤ d·e^{2/σ²} (Section 4.1), i.e. γ² ≤ d²e^{4/σ²}", g2,
        dd.pow(2).multiply(ee.pow(4))));
    // Theorem 4.2's ε^{−2}M²ν²d³γ⁴ with the corollary's M = √d, ν = 2, γ = de^{2/σ²}
    Interval plug = dd.multiply(Interval.of(4)).multiply(dd.pow(3)).multiply(
        dd.pow(4).multiply(ee.pow(8)));
    Interval stated = dd.pow(5).multiply(ee.pow(4));
    out.add(new Step("Cor 4.3 rate", "M²ν²d³γ⁴ (M = √d, ν = 2, γ = de^{2/σ²}) = 4d⁸e^{8/σ²} ≤ "
        + "d⁵e^{4/σ²}", plug, stated));
    Interval plugB3 = dd.multiply(Interval.of(4)).multiply(dd.pow(3)).multiply(
        dd.pow(2).multiply(ee.pow(2)));
    out.add(new Step("Cor B.3 rate", "M²ν²d³γ⁴ (M = √d, ν = 2, γ² = de^{1/σ²}) = 4d⁶e^{2/σ²} ≤ "
        + "d⁵e^{4/σ²}", plugB3, stated));
    return out;
  }

  /**
   * The perturbation inequality the proofs take from Garreau and Mardaoui [8]:
   * ‖(Σ + E)⁻¹(Γ + g) − Σ⁻¹Γ‖ ≤ 2‖Σ⁻¹‖F‖g‖ + 2‖Σ⁻¹‖F²‖Γ‖‖E‖ whenever ‖Σ⁻¹E‖ ≤ 0.32, tried on
   * LIME's Σ = (α1 − α2)I + α2 11ᵀ at (d, σ) with random symmetric E scaled to ‖Σ⁻¹E‖₂ = 0.32 (the
   * worst case the condition allows) and random Γ, g (double; spectral norms by power iteration).
   * Returns the largest ratio lhs/rhs over the trials (≤ 1 means the inequality held every time).
   */
  public static double perturbationInequalityWorstRatio(int d, double sigma, int trials,
      long seed) {
    double a = Math.exp(-1 / (sigma * sigma));
    double a1 = Math.pow(1 + a, d - 1) / Math.pow(2, d);
    double a2 = Math.pow(1 + a, d - 2) / Math.pow(2, d);
    double[] sig = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        sig[i * d + j] = i == j ? a1 : a2;
      }
    }
    double[] inv = inverse(sig, d);
    double frob = 0;
    for (double v : inv) {
      frob += v * v;
    }
    frob = Math.sqrt(frob);
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    double worst = 0;
    for (int t = 0; t < trials; t++) {
      double[] e = new double[d * d];
      for (int i = 0; i < d; i++) {
        for (int j = i; j < d; j++) {
          double v = r.nextGaussian();
          e[i * d + j] = v;
          e[j * d + i] = v;
        }
      }
      double scale = 0.32 / spectral(multiply(inv, e, d), d);
      for (int i = 0; i < e.length; i++) {
        e[i] *= scale;
      }
      double[] gam = new double[d];
      double[] g = new double[d];
      double gs = Math.pow(10, -3 * r.nextDouble());
      for (int i = 0; i < d; i++) {
        gam[i] = r.nextDouble();
        g[i] = gs * r.nextGaussian();
      }
      double[] pert = new double[d * d];
      for (int i = 0; i < pert.length; i++) {
        pert[i] = sig[i] + e[i];
      }
      double[] lhsV = apply(inverse(pert, d), add(gam, g), d);
      double[] base = apply(inv, gam, d);
      double lhs = 0;
      for (int i = 0; i < d; i++) {
        lhs += (lhsV[i] - base[i]) * (lhsV[i] - base[i]);
      }
      lhs = Math.sqrt(lhs);
      double rhs = 2 * frob * norm(g) + 2 * frob * frob * norm(gam) * spectral(e, d);
      worst = Math.max(worst, lhs / rhs);
    }
    return worst;
  }

  private static double[] add(double[] u, double[] v) {
    double[] o = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      o[i] = u[i] + v[i];
    }
    return o;
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  private static double[] apply(double[] m, double[] v, int d) {
    double[] o = new double[d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        o[i] += m[i * d + j] * v[j];
      }
    }
    return o;
  }

  private static double[] multiply(double[] a, double[] b, int d) {
    double[] o = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int k = 0; k < d; k++) {
        for (int j = 0; j < d; j++) {
          o[i * d + j] += a[i * d + k] * b[k * d + j];
        }
      }
    }
    return o;
  }

  /** ‖M‖₂ by power iteration on MᵀM. */
  private static double spectral(double[] m, int d) {
    double[] mt = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        mt[j * d + i] = m[i * d + j];
      }
    }
    double[] mtm = multiply(mt, m, d);
    double[] v = new double[d];
    java.util.Arrays.fill(v, 1);
    v[0] = 1.5;
    double lam = 0;
    for (int it = 0; it < 200; it++) {
      double[] w = apply(mtm, v, d);
      double n = norm(w);
      if (n == 0) {
        return 0;
      }
      for (int i = 0; i < d; i++) {
        v[i] = w[i] / n;
      }
      lam = n;
    }
    return Math.sqrt(lam);
  }

  private static double[] inverse(double[] m, int d) {
    double[] o = new double[d * d];
    for (int c = 0; c < d; c++) {
      double[] e = new double[d];
      e[c] = 1;
      double[] col = SampleComplexity.solve(m.clone(), e, d);
      for (int i = 0; i < d; i++) {
        o[i * d + c] = col[i];
      }
    }
    return o;
  }
}
