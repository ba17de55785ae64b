package xcert.ledger.seed001;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.explainers.claims.LimitChecks;
import xcert.explainers.glime.theory.GlimeClosedForms;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;
import xcert.solvers.claims.Verdict;

/**
 * Seed 001 Eq. 3 and Appendix B.1: minimising E_P[π ℓ] + λR equals minimising E_P̃[ℓ] + (λ/Z)R
 * with P̃ = πP/Z. Checked exactly for LIME's P and π: the ridge solutions of both objectives over
 * all 2^d masks, for a random rational model, in rationals at several E = e^{1/σ²} and λ; and on
 * the library's exact limits ({@link LimitChecks#limeEqualsGlimeBinomial}, float64 after a
 * 120-digit solve) for a ReLU network with λ &gt; 0.
 */
public final class ReweightingEquivalenceCheck implements ClaimCheck {

  @Override
  public List<String> ids() {
    return List.of("001-Eq3/B.1");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    SplittableRandom rng = new SplittableRandom(ctx.seed() ^ 0x3B1L);
    int cases = 0;
    String fail = null;
    for (int d = 2; d <= 4 && fail == null; d++) {
      BigFraction[] y = new BigFraction[1 << d];
      for (int m = 0; m < y.length; m++) {
        y[m] = BigFraction.of(rng.nextInt(201) - 100, 100);
      }
      for (BigFraction e : Grid.ePoints(d).subList(0, 3)) {
        for (BigFraction lambda : new BigFraction[] {BigFraction.of(1, 100), BigFraction.ONE}) {
          cases++;
          BigFraction z = GlimeClosedForms.zEnumerated(d, e);
          BigFraction[] cLime = new BigFraction[1 << d];
          BigFraction[] cGlime = new BigFraction[1 << d];
          BigFraction uni = BigFraction.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(d));
          for (int m = 0; m < cLime.length; m++) {
            int k = Integer.bitCount(m);
            cLime[m] = GlimeClosedForms.limeKernel(d, k, e).multiply(uni);
            cGlime[m] = GlimeClosedForms.binomialMaskClosed(d, k, e);
          }
          BigFraction[] vLime = GlimeClosedForms.weightedRidge(d, cLime, y, lambda);
          BigFraction[] vGlime = GlimeClosedForms.weightedRidge(d, cGlime, y, lambda.divide(z));
          if (!Arrays.equals(vLime, vGlime)) {
            fail = "d=" + d + ", E=" + e + ", λ=" + lambda + ": LIME " + Arrays.toString(vLime)
                + ", GLIME-Binomial with λ/Z " + Arrays.toString(vGlime);
          }
        }
      }
    }
    Verdict lib = LimitChecks.limeEqualsGlimeBinomial(Models.net4(), Models.X4, Models.R4, 0.5,
        false, 0.1, 1e-9);
    String check = "GlimeClosedForms.weightedRidge over all 2^d masks, d = 2..4, 3 values of E, "
        + "λ ∈ {1/100, 1}, random rational model (seed " + ctx.seed() + "), BigFraction; "
        + "LimitChecks.limeEqualsGlimeBinomial(ReLU 4-3-1, w = 0.5, λ = 0.1, rel. tol 1e-9)";
    if (fail != null) {
      return List.of(Finding.fails("001-Eq3/B.1", check, fail));
    }
    return List.of(Finding.of("001-Eq3/B.1", lib.status() == Verdict.Status.HOLDS, check, cases + " exact cases: the two "
        + "argmins are equal rationals; library: " + lib.status() + " — " + lib.witness()));
  }
}
