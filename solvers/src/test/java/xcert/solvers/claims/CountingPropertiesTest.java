package xcert.solvers.claims;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.exact.RestrictedPredictionTable;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.instances.Instance;

/**
 * The counter (BDD, and d-DNNF on CNFs) and the SAT path agree with the table wherever the table
 * fits: f_S(x) for every S, δ = 1 relevance for every S, and the minimum sufficient reasons.
 */
class CountingPropertiesTest {

  private static final long SEED = 3_003L;

  private static void agree(Instance in) {
    RestrictedPredictionTable t = RestrictedPredictions.table(in.model(), in.x(), in.distribution());
    for (Verdict v : CountingAgreement.check(in, t)) {
      assertFalse(v.failed(), () -> in + ": " + v);
    }
  }

  @Test
  void circuits() {
    qt().withFixedSeed(SEED).withExamples(120)
        .forAll(Gens.circuits(10).assuming(in -> in.distribution() instanceof ProductDistribution))
        .checkAssert(CountingPropertiesTest::agree);
  }

  @Test
  void cnfs() {
    qt().withFixedSeed(SEED).withExamples(120).forAll(Gens.cnfs(12))
        .checkAssert(CountingPropertiesTest::agree);
  }
}
