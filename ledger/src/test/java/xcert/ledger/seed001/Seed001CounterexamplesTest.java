package xcert.ledger.seed001;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import xcert.explainers.glime.theory.ProofSteps;
import xcert.explainers.glime.theory.SampleComplexity;
import xcert.explainers.glime.theory.SampleComplexity.Method;
import xcert.explainers.glime.theory.SampleComplexity.Penalty;
import xcert.explainers.glime.theory.SampleComplexity.Setting;

/**
 * The failures found in seed 001, each at its smallest counterexample, recomputed here in plain
 * double arithmetic (independent of the interval code) so that they stay documented.
 */
class Seed001CounterexamplesTest {

  /**
   * Appendix B.4, step (n1, t1): d = 2, σ = 0.25, δ = 0.05. With n = n1 = 2^7 d³2^{2d}e^{2/σ²}L
   * and t = t1 = 5^{−2}2^{2.5}d^{−1/2}2^{−d}e^{−1/σ²}, 2d·exp(−n t²/(32d²)) = 2d(δ/4d)^{0.2048} =
   * 1.41, not ≤ δ/2 = 0.025. Step (n3, t3) likewise gives exponent L/4.
   */
  @Test
  void theoremB1StepN1FailsAtTheSmallestGridPoint() {
    int d = 2;
    double s = 0.25;
    double delta = 0.05;
    double l = Math.log(4 * d / delta);
    double e1 = Math.exp(1 / (s * s));
    double n1 = 128 * Math.pow(d, 3) * Math.pow(4, d) * e1 * e1 * l;
    double t1 = Math.pow(2, 2.5) / 25 / Math.sqrt(d) / Math.pow(2, d) / e1;
    double lhs = 2 * d * Math.exp(-n1 * t1 * t1 / (32.0 * d * d));
    assertEquals(1.4147, lhs, 1e-3);
    assertTrue(lhs > delta / 2);
    assertFalse(ProofSteps.theoremB1(d, s).stream().filter(st -> st.where().equals("B.4 n1,t1"))
        .findFirst().orElseThrow().holds());
  }

  /**
   * Corollary B.3: d = 2, σ = 0.25, λ = 0. γ² = dβ1² + (d² − d)β2² ≈ 7.9e13 while the corollary
   * concludes γ² ≤ de^{1/σ²} ≈ 1.8e7 (its step |β1|² ≤ 1/(α1 − α2) drops a square).
   */
  @Test
  void corollaryB3GammaBoundFails() {
    int d = 2;
    double s = 0.25;
    double e = Math.exp(1 / (s * s));
    double p = e / (1 + e);
    double a1 = p;
    double a2 = p * p;
    double b0 = (a1 - a2) * (a1 + (d - 1) * a2);
    double b1 = (a1 + (d - 2) * a2) / b0;
    double b2 = -a2 / b0;
    double g2 = d * b1 * b1 + (d * d - d) * b2 * b2;
    assertTrue(g2 > 1e13 && d * e < 2e7, "γ² = " + g2);
    assertFalse(ProofSteps.corollaryB3(d, s, 0).stream()
        .filter(st -> st.statement().startsWith("γ² = dβ1²")).findFirst().orElseThrow().holds());
  }

  /**
   * Corollary 4.3's ν = 2: from d = 6 on (d = 6, σ = 1: the matrix variance
   * ‖E[(zzᵀ − E zzᵀ)²]‖₂ is 4.98 > 4; d = 8, σ = 1: 8.36); at d = 5 it holds.
   */
  @Test
  void corollaryNuFailsFromDSix() {
    ProofSteps.Step nu = ProofSteps.corollaryB3(6, 1, 0).stream()
        .filter(st -> st.where().equals("Cor 4.3 ν")).findFirst().orElseThrow();
    assertFalse(nu.holds());
    assertEquals(4.97960, nu.lhs().mid(), 1e-4);
    assertTrue(ProofSteps.corollaryB3(5, 1, 0).stream()
        .filter(st -> st.where().equals("Cor 4.3 ν")).findFirst().orElseThrow().holds());
  }

  /**
   * Section 4.1's headline, like for like (same σ = 0.5, same Ridge α = 1 on the sum, same model):
   * at d = 2 LIME needs far fewer samples than GLIME-Binomial to come within ε = 0.2‖w‖ with
   * probability 0.9 — GLIME-Binomial draws the all-ones mask 96% of the time and learns little about
   * single features; the asymptotic variance ratio e^{−1/σ²}(2/(1+e^{−1/σ²}))^d is ≈ 0.07 here.
   */
  @Test
  void glimeBinomialNeedsMoreSamplesThanLimeAtDTwoSigmaHalf() {
    double[] y = SampleComplexity.randomModel(2, 1 ^ (0x5C0L + 2));
    Setting s = new Setting(2, 0.5, Penalty.SUM, 1, 0.2, 0.1, 200, 1L << 22, 1);
    long lime = SampleComplexity.run(Method.LIME, s, y).needed();
    long glime = SampleComplexity.run(Method.GLIME_BINOMIAL, s, y).needed();
    assertTrue(lime > 0 && glime > 4 * lime, "LIME " + lime + ", GLIME " + glime);
    double ratio = SampleComplexity.asymptoticVarianceTrace(Method.LIME, 2, 0.5, y)
        / SampleComplexity.asymptoticVarianceTrace(Method.GLIME_BINOMIAL, 2, 0.5, y);
    assertTrue(ratio < 0.5, "variance ratio " + ratio);
  }
}
