package xcert.explainers.glime.theory;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * The closed forms of seed 001 Section 3.3 and Appendix B.2–B.5, each next to the enumeration over
 * {0,1}^d it abbreviates, in exact rationals. E stands for e^{1/σ²}: every quantity below is a
 * rational function of E, and after multiplying by the common denominator (a power of E, of
 * (1 + E) or of 2) both sides are polynomials in E of degree at most 2d + 2; an identity that holds
 * at more than that many distinct rational E > 1 therefore holds for every σ &gt; 0.
 *
 * <p>LIME (Eq. 1): z' ~ Uni({0,1}^d), π(z') = exp(−‖1 − z'‖²/σ²) = E^{|z'| − d}.
 * GLIME-Binomial (Eq. 3 with P̃ = πP/Z): P̃(z') = E^{|z'|}/(1 + E)^d.
 */
public final class GlimeClosedForms {

  private GlimeClosedForms() {}

  /** E^k for any integer k. */
  public static BigFraction pow(BigFraction e, int k) {
    return k >= 0 ? e.pow(k) : BigFraction.ONE.divide(e.pow(-k));
  }

  /** LIME's kernel π(z') = E^{|z'| − d} for a mask with k ones. */
  public static BigFraction limeKernel(int d, int k, BigFraction e) {
    return pow(e, k - d);
  }

  /** Z = E_{Uni}[π] by summing over all 2^d masks. */
  public static BigFraction zEnumerated(int d, BigFraction e) {
    BigFraction s = BigFraction.ZERO;
    for (int m = 0; m < 1 << d; m++) {
      s = s.add(limeKernel(d, Integer.bitCount(m), e));
    }
    return s.divide(BigFraction.of(BigInteger.ONE.shiftLeft(d)));
  }

  /** Seed 001 B.2: Z = e^{−d/σ²}(1 + e^{1/σ²})^d / 2^d. */
  public static BigFraction zClosed(int d, BigFraction e) {
    return pow(e, -d).multiply(BigFraction.ONE.add(e).pow(d))
        .divide(BigFraction.of(BigInteger.ONE.shiftLeft(d)));
  }

  /** P̃(z') = π(z')·2^{−d}/Z for one mask with k ones, from the enumerated Z (Eq. 3). */
  public static BigFraction tiltedMask(int d, int k, BigFraction e) {
    return limeKernel(d, k, e).divide(BigFraction.of(BigInteger.ONE.shiftLeft(d)))
        .divide(zEnumerated(d, e));
  }

  /** Seed 001 Section 3.3 / B.2: e^{k/σ²}/(1 + e^{1/σ²})^d. */
  public static BigFraction binomialMaskClosed(int d, int k, BigFraction e) {
    return e.pow(k).divide(BigFraction.ONE.add(e).pow(d));
  }

  /** P(z'_i = 1) = 1/(1 + e^{−1/σ²}) = E/(1 + E). */
  public static BigFraction bernoulliP(BigFraction e) {
    return e.divide(BigFraction.ONE.add(e));
  }

  /** Π_i p^{z_i}(1 − p)^{1−z_i} for a mask with k ones. */
  public static BigFraction productBernoulli(int d, int k, BigFraction e) {
    BigFraction p = bernoulliP(e);
    return p.pow(k).multiply(BigFraction.ONE.subtract(p).pow(d - k));
  }

  /** Σ over masks with k ones from {@code from} to d of e^{k/σ²}/(1 + e^{1/σ²})^d. */
  public static BigFraction levelMass(int d, int from, BigFraction e) {
    BigFraction s = BigFraction.ZERO;
    for (int m = 0; m < 1 << d; m++) {
      int k = Integer.bitCount(m);
      if (k >= from) {
        s = s.add(binomialMaskClosed(d, k, e));
      }
    }
    return s;
  }

  /**
   * (α1, α2) = (E[w z_1²], E[w z_1 z_2]) by enumeration: for LIME w = π under Uni({0,1}^d), for
   * GLIME-Binomial w = 1 under P̃ (d ≥ 2).
   */
  public static BigFraction[] alphasEnumerated(int d, BigFraction e, boolean binomial) {
    BigFraction a1 = BigFraction.ZERO;
    BigFraction a2 = BigFraction.ZERO;
    BigFraction uni = BigFraction.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(d));
    for (int m = 0; m < 1 << d; m++) {
      int k = Integer.bitCount(m);
      BigFraction w = binomial ? binomialMaskClosed(d, k, e) : limeKernel(d, k, e).multiply(uni);
      if ((m & 1) != 0) {
        a1 = a1.add(w);
        if ((m & 2) != 0) {
          a2 = a2.add(w);
        }
      }
    }
    return new BigFraction[] {a1, a2};
  }

  /** Seed 001 B.4: α1 = (1 + e^{−1/σ²})^{d−1}/2^d, α2 = (1 + e^{−1/σ²})^{d−2}/2^d. */
  public static BigFraction[] limeAlphasClosed(int d, BigFraction e) {
    BigFraction q = BigFraction.ONE.add(pow(e, -1));
    BigFraction two = BigFraction.of(BigInteger.ONE.shiftLeft(d));
    return new BigFraction[] {q.pow(d - 1).divide(two), q.pow(d - 2).divide(two)};
  }

  /** Seed 001 Cor. B.3: α1 = e^{1/σ²}/(1 + e^{1/σ²}), α2 = α1². */
  public static BigFraction[] binomialAlphasClosed(BigFraction e) {
    BigFraction p = bernoulliP(e);
    return new BigFraction[] {p, p.pow(2)};
  }

  /**
   * Seed 001 B.4/B.5 (Sherman–Morrison): Σ = (α1 + λ − α2)I + α2 11ᵀ has the inverse
   * (β1 − β2)I + β2 11ᵀ with β0 = (α1 + λ − α2)(α1 + λ + (d−1)α2), β1 = (α1 + λ + (d−2)α2)/β0,
   * β2 = −α2/β0. Returns {β1, β2}.
   */
  public static BigFraction[] betas(int d, BigFraction a1, BigFraction a2, BigFraction lambda) {
    BigFraction b0 = a1.add(lambda).subtract(a2)
        .multiply(a1.add(lambda).add(a2.multiply(d - 1)));
    return new BigFraction[] {a1.add(lambda).add(a2.multiply(d - 2)).divide(b0),
        a2.negate().divide(b0)};
  }

  /** Σ·Σ⁻¹ = I for the matrices of {@link #betas}, checked entry by entry. */
  public static boolean shermanMorrisonInverts(int d, BigFraction a1, BigFraction a2,
      BigFraction lambda) {
    BigFraction[] b = betas(d, a1, a2, lambda);
    BigFraction diagS = a1.add(lambda);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        BigFraction s = BigFraction.ZERO;
        for (int k = 0; k < d; k++) {
          BigFraction sik = i == k ? diagS : a2;
          BigFraction bkj = k == j ? b[0] : b[1];
          s = s.add(sik.multiply(bkj));
        }
        if (!s.equals(i == j ? BigFraction.ONE : BigFraction.ZERO)) {
          return false;
        }
      }
    }
    return true;
  }

  /** γ² = ‖Σ⁻¹‖_F² = dβ1² + (d² − d)β2². */
  public static BigFraction gammaSquared(int d, BigFraction[] beta) {
    return beta[0].pow(2).multiply(d).add(beta[1].pow(2).multiply((long) d * d - d));
  }

  /**
   * The matrix variance V = E[(z zᵀ − B)²] = E[|z| z zᵀ] − B² of GLIME-Binomial's z ~ Bernoulli(p)^d,
   * B = E[z zᵀ], by enumeration; returns {diagonal, off-diagonal} (V = (c1 − c2)I + c2 11ᵀ).
   */
  public static BigFraction[] binomialMatrixVarianceEnumerated(int d, BigFraction p) {
    BigFraction[][] ezz = new BigFraction[d][d];
    BigFraction[][] e3 = new BigFraction[d][d];
    for (BigFraction[] r : ezz) {
      java.util.Arrays.fill(r, BigFraction.ZERO);
    }
    for (BigFraction[] r : e3) {
      java.util.Arrays.fill(r, BigFraction.ZERO);
    }
    BigFraction q = BigFraction.ONE.subtract(p);
    for (int m = 0; m < 1 << d; m++) {
      int k = Integer.bitCount(m);
      BigFraction w = p.pow(k).multiply(q.pow(d - k));
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          if ((m >> i & 1) != 0 && (m >> j & 1) != 0) {
            ezz[i][j] = ezz[i][j].add(w);
            e3[i][j] = e3[i][j].add(w.multiply(k));
          }
        }
      }
    }
    BigFraction[] out = new BigFraction[2];
    for (int c = 0; c < 2; c++) {
      int j = c == 0 ? 0 : 1;
      BigFraction b2 = BigFraction.ZERO;
      for (int k = 0; k < d; k++) {
        b2 = b2.add(ezz[0][k].multiply(ezz[k][j]));
      }
      out[c] = e3[0][j].subtract(b2);
    }
    return out;
  }

  /**
   * The same variance in closed form: E[|z| z_i] = p + (d−1)p², E[|z| z_i z_j] = 2p² + (d−2)p³,
   * B² = (p − p²)²I + (2(p − p²)p² + dp⁴)11ᵀ. Works for intervals too via {@link #binomialVariance}.
   */
  public static BigFraction[] binomialMatrixVarianceClosed(int d, BigFraction p) {
    BigFraction p2 = p.pow(2);
    BigFraction p3 = p.pow(3);
    BigFraction c = p.subtract(p2);
    BigFraction off = p2.multiply(2).add(p3.multiply(d - 2))
        .subtract(c.multiply(p2).multiply(2).add(p2.pow(2).multiply(d)));
    BigFraction diag = p.add(p2.multiply(d - 1)).subtract(c.pow(2))
        .subtract(c.multiply(p2).multiply(2).add(p2.pow(2).multiply(d)));
    return new BigFraction[] {diag, off};
  }

  /** {@link #binomialMatrixVarianceClosed} on an interval p: {diagonal, off-diagonal}. */
  public static Interval[] binomialVariance(int d, Interval p) {
    Interval p2 = p.pow(2);
    Interval p3 = p.pow(3);
    Interval c = p.subtract(p2);
    Interval shared = c.multiply(p2).multiply(2).add(p2.pow(2).multiply(d));
    Interval off = p2.multiply(2).add(p3.multiply(d - 2)).subtract(shared);
    Interval diag = p.add(p2.multiply(d - 1)).subtract(c.pow(2)).subtract(shared);
    return new Interval[] {diag, off};
  }

  /**
   * argmin_v Σ_m c_m (y_m − vᵀz_m)² + ridge·‖v‖² over the 2^d masks m (z_m the bits of m), solved
   * exactly by Gaussian elimination in rationals.
   */
  public static BigFraction[] weightedRidge(int d, BigFraction[] c, BigFraction[] y,
      BigFraction ridge) {
    BigFraction[][] a = new BigFraction[d][d + 1];
    for (BigFraction[] r : a) {
      java.util.Arrays.fill(r, BigFraction.ZERO);
    }
    for (int m = 0; m < c.length; m++) {
      for (int i = 0; i < d; i++) {
        if ((m >> i & 1) == 0) {
          continue;
        }
        a[i][d] = a[i][d].add(c[m].multiply(y[m]));
        for (int j = 0; j < d; j++) {
          if ((m >> j & 1) != 0) {
            a[i][j] = a[i][j].add(c[m]);
          }
        }
      }
    }
    for (int i = 0; i < d; i++) {
      a[i][i] = a[i][i].add(ridge);
    }
    for (int col = 0; col < d; col++) {
      int piv = col;
      while (a[piv][col].signum() == 0) {
        piv++;
      }
      BigFraction[] t = a[piv];
      a[piv] = a[col];
      a[col] = t;
      for (int r = 0; r < d; r++) {
        if (r == col || a[r][col].signum() == 0) {
          continue;
        }
        BigFraction f = a[r][col].divide(a[col][col]);
        for (int j = col; j <= d; j++) {
          a[r][j] = a[r][j].subtract(f.multiply(a[col][j]));
        }
      }
    }
    BigFraction[] v = new BigFraction[d];
    for (int i = 0; i < d; i++) {
      v[i] = a[i][d].divide(a[i][i]);
    }
    return v;
  }
}
