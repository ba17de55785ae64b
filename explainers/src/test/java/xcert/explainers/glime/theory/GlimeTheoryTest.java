package xcert.explainers.glime.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** The seed-001 theory library: enclosures, exact identities against enumeration, the samplers. */
class GlimeTheoryTest {

  @Test
  void expEnclosesTheDoubleExponential() {
    for (double x : new double[] {-160, -32, -16, -1, -0.01, 0, 0.25, 1, 4, 16}) {
      Interval e = Interval.expOf(new BigDecimal(x));
      double m = Math.exp(x);
      assertTrue(e.lo().doubleValue() <= m * (1 + 1e-15) && e.hi().doubleValue() >= m * (1 - 1e-15),
          x + ": " + e);
      assertTrue(e.hi().subtract(e.lo()).compareTo(e.lo().abs().multiply(new BigDecimal("1e-30")))
          <= 0, "width at " + x);
    }
    Interval l = Interval.of(10).log();
    assertTrue(l.lo().doubleValue() <= Math.log(10) && l.hi().doubleValue() >= Math.log(10) - 1e-15);
  }

  @Test
  void closedFormsEqualTheirEnumerations() {
    for (int d = 2; d <= 5; d++) {
      for (BigFraction e : new BigFraction[] {BigFraction.of(3, 2), BigFraction.of(7), BigFraction
          .of(29, 3)}) {
        assertEquals(GlimeClosedForms.zEnumerated(d, e), GlimeClosedForms.zClosed(d, e));
        BigFraction[] lime = GlimeClosedForms.alphasEnumerated(d, e, false);
        BigFraction[] limeClosed = GlimeClosedForms.limeAlphasClosed(d, e);
        assertEquals(lime[0], limeClosed[0]);
        assertEquals(lime[1], limeClosed[1]);
        BigFraction[] bin = GlimeClosedForms.alphasEnumerated(d, e, true);
        assertEquals(bin[0], GlimeClosedForms.bernoulliP(e));
        assertEquals(bin[1], bin[0].pow(2));
        assertTrue(GlimeClosedForms.shermanMorrisonInverts(d, lime[0], lime[1], BigFraction.ONE));
        BigFraction p = GlimeClosedForms.bernoulliP(e);
        BigFraction[] ve = GlimeClosedForms.binomialMatrixVarianceEnumerated(d, p);
        BigFraction[] vc = GlimeClosedForms.binomialMatrixVarianceClosed(d, p);
        assertEquals(ve[0], vc[0]);
        assertEquals(ve[1], vc[1]);
      }
    }
  }

  @Test
  void aWrongClosedFormIsCaught() {
    // Z with e^{−(d−1)/σ²} instead of e^{−d/σ²} is not the enumerated Z
    BigFraction e = BigFraction.of(3, 2);
    BigFraction wrong = GlimeClosedForms.zClosed(3, e).multiply(e);
    assertFalse(wrong.equals(GlimeClosedForms.zEnumerated(3, e)));
  }

  @Test
  void binomialVarianceExceedsFourFromDSevenAtLargeSigma() {
    // p = 1/2 (σ → ∞): λmax = (d² + 4d − 1)/16, which passes ν² = 4 at d = 7
    BigFraction[] v = GlimeClosedForms.binomialMatrixVarianceClosed(7, BigFraction.of(1, 2));
    assertEquals(BigFraction.of(7 * 7 + 4 * 7 - 1, 16), v[0].add(v[1].multiply(6)));
    BigFraction[] v6 = GlimeClosedForms.binomialMatrixVarianceClosed(6, BigFraction.of(1, 2));
    assertTrue(v6[0].add(v6[1].multiply(5)).compareTo(BigFraction.of(4)) <= 0);
  }

  @Test
  void theHoeffdingStepsOfTheProofsFallShortByTheirConstants() {
    ProofSteps.Step n1 = ProofSteps.theoremB1(2, 1).stream()
        .filter(s -> s.where().equals("B.4 n1,t1")).findFirst().orElseThrow();
    assertFalse(n1.holds());
    assertEquals(0.2048, n1.rhs().mid(), 1e-12);
    ProofSteps.Step n2 = ProofSteps.theoremB1(2, 1).stream()
        .filter(s -> s.where().equals("B.4 n2,t2") && s.statement().startsWith("2d")).findFirst()
        .orElseThrow();
    assertTrue(n2.holds());
    assertEquals(1, n2.rhs().mid(), 1e-12);
  }

  @Test
  void samplersAndLimitsAgree() {
    double[] y = SampleComplexity.randomModel(3, 5);
    double[] a = SampleComplexity.limit(SampleComplexity.Method.LIME, 3, 0.7, y, 0);
    double[] b = SampleComplexity.limit(SampleComplexity.Method.GLIME_BINOMIAL, 3, 0.7, y, 0);
    for (int i = 0; i < 3; i++) {
      assertEquals(a[i], b[i], 1e-9 * (1 + Math.abs(a[i])));
    }
    double[] w = SampleComplexity.wilson(90, 100);
    assertTrue(w[0] < 0.9 && w[1] > 0.9);
  }

  @Test
  void thePerturbationInequalityOfGarreauAndMardaouiHoldsAtTheEdgeOfItsCondition() {
    for (int d : new int[] {2, 4}) {
      double worst = ProofSteps.perturbationInequalityWorstRatio(d, 1, 100, 3);
      assertTrue(worst > 0 && worst <= 1, "d=" + d + ": " + worst);
    }
  }

  @Test
  void theRidgeRegimesDifferExactlyByTheInverseOfZ() {
    // λmin(E_P̃[zzᵀ]) / λmin(E_Uni[πzzᵀ]) = (α1 − α2)_Binomial / (α1 − α2)_LIME = (2/(1 + 1/E))^d
    for (int d = 2; d <= 5; d++) {
      for (BigFraction e : new BigFraction[] {BigFraction.of(5, 4), BigFraction.of(9)}) {
        BigFraction[] b = GlimeClosedForms.alphasEnumerated(d, e, true);
        BigFraction[] l = GlimeClosedForms.alphasEnumerated(d, e, false);
        BigFraction ratio = b[0].subtract(b[1]).divide(l[0].subtract(l[1]));
        assertEquals(BigFraction.of(2).divide(BigFraction.ONE.add(e.reciprocal())).pow(d), ratio);
        assertEquals(BigFraction.ONE.divide(GlimeClosedForms.zClosed(d, e)).multiply(
            GlimeClosedForms.pow(e, -d)).multiply(e.pow(d)), ratio);
      }
    }
  }
}
