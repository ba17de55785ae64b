package xcert.solvers.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.exact.GameValues;
import xcert.solvers.exact.RestrictedPredictionTable;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.exact.SufficiencyNecessity;
import xcert.solvers.instances.Instance;
import xcert.solvers.model.Circuit;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.Rho;
import xcert.solvers.setfunction.SetFunction;
import xcert.solvers.setfunction.SetFunctions;
import xcert.solvers.setfunction.Subsets;

/**
 * The Shapley axioms (seed 004 Section 5.2) on values computed for the games v(S) = f_S(x) and
 * v(S) = −|f(x) − f_S(x)| (Theorem 5.1's game), and the grouped computation against Eq. 11 summed
 * term by term here.
 */
class ShapleyPropertiesTest {

  private static final long SEED = 11_004L;

  private static SetFunction[] games(Instance in) {
    RestrictedPredictionTable t = RestrictedPredictions.table(in.model(), in.x(), in.distribution());
    return new SetFunction[] {t.values(),
        SetFunctions.negate(SufficiencyNecessity.of(t, Rho.ABS).deltaSuf())};
  }

  private static BigFraction sum(Scalar[] phi) {
    BigFraction s = BigFraction.ZERO;
    for (Scalar p : phi) {
      s = s.add(p.exact());
    }
    return s;
  }

  /** Efficiency: Σ φ_j = v([d]) − v(∅). */
  @Test
  void efficiency() {
    qt().withFixedSeed(SEED).withExamples(150).forAll(Gens.models(12, 8))
        .checkAssert(in -> {
          for (SetFunction v : games(in)) {
            assertEquals(v.exactAt(Subsets.full(in.dimension())).subtract(v.exactAt(0)),
                sum(GameValues.shapley(v)), in::label);
          }
        });
  }

  /** Eq. 11 term by term: φ_j = Σ_{S∌j} |S|!(d−|S|−1)!/d! (v(S∪j) − v(S)). */
  @Test
  void equalsEquation11() {
    qt().withFixedSeed(SEED).withExamples(100).forAll(Gens.models(8, 6))
        .checkAssert(in -> {
          for (SetFunction v : games(in)) {
            int d = in.dimension();
            Scalar[] phi = GameValues.shapley(v);
            for (int j = 0; j < d; j++) {
              BigFraction expect = BigFraction.ZERO;
              for (int s = 0; s < 1 << d; s++) {
                if ((s >> j & 1) == 0) {
                  int k = Integer.bitCount(s);
                  BigFraction w = BigFraction.of(factorial(k) * factorial(d - k - 1), factorial(d));
                  expect = expect.add(w.multiply(v.exactAt(s | 1 << j).subtract(v.exactAt(s))));
                }
              }
              assertEquals(expect, phi[j].exact(), in::label);
            }
          }
        });
  }

  private static long factorial(int n) {
    long f = 1;
    for (int i = 2; i <= n; i++) {
      f *= i;
    }
    return f;
  }

  /** Symmetry: features 1 and 2 built to be interchangeable get equal values. */
  @Test
  void symmetry() {
    qt().withFixedSeed(SEED).withExamples(150).forAll(Gens.symmetricCircuits(12))
        .checkAssert(in -> {
          for (SetFunction v : games(in)) {
            assertTrue(ShapleyAxioms.symmetric(v, 0, 1), in::label);
            Scalar[] phi = GameValues.shapley(v);
            assertEquals(phi[0].exact(), phi[1].exact(), in::label);
            assertFalse(ShapleyAxioms.symmetry(v, phi).failed());
          }
        });
  }

  /** Null player: an input the circuit never reads gets φ = 0 (and so does any null player). */
  @Test
  void nullPlayer() {
    qt().withFixedSeed(SEED).withExamples(150).forAll(Gens.circuits(12))
        .checkAssert(in -> {
          int[] used = ((Circuit) in.model()).structuralSupport();
          for (SetFunction v : games(in)) {
            Scalar[] phi = GameValues.shapley(v);
            for (int j = 1; j <= in.dimension(); j++) {
              if (java.util.Arrays.binarySearch(used, j) < 0) {
                assertEquals(BigFraction.ZERO, phi[j - 1].exact(), in::label);
              }
            }
            assertFalse(ShapleyAxioms.nullPlayer(v, phi).failed());
          }
        });
  }

  /** Linearity: φ(v + c·w) = φ(v) + c·φ(w) for the two games of an instance, c = −5/3. */
  @Test
  void linearity() {
    BigFraction c = BigFraction.of(-5, 3);
    qt().withFixedSeed(SEED).withExamples(100).forAll(Gens.models(10, 7))
        .checkAssert(in -> {
          SetFunction[] g = games(in);
          Scalar[] pv = GameValues.shapley(g[0]);
          Scalar[] pw = GameValues.shapley(g[1]);
          Scalar[] pc = GameValues.shapley(
              SetFunctions.sum(g[0], SetFunctions.affine(g[1], c, BigFraction.ZERO)));
          for (int j = 0; j < pv.length; j++) {
            assertEquals(pv[j].exact().add(c.multiply(pw[j].exact())), pc[j].exact(), in::label);
          }
        });
  }

  /** Banzhaf: β_j = 2^{−(d−1)} Σ_{S∌j} (v(S∪j) − v(S)), summed here. */
  @Test
  void banzhafEqualsItsDefinition() {
    qt().withFixedSeed(SEED).withExamples(100).forAll(Gens.models(9, 6))
        .checkAssert(in -> {
          SetFunction v = games(in)[0];
          int d = in.dimension();
          Scalar[] beta = GameValues.banzhaf(v);
          for (int j = 0; j < d; j++) {
            BigFraction s = BigFraction.ZERO;
            for (int t = 0; t < 1 << d; t++) {
              if ((t >> j & 1) == 0) {
                s = s.add(v.exactAt(t | 1 << j).subtract(v.exactAt(t)));
              }
            }
            assertEquals(s.divide(BigFraction.of(1L << (d - 1))), beta[j].exact(), in::label);
          }
        });
  }
}
