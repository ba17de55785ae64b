package xcert.solvers.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.BitSet;
import org.junit.jupiter.api.Test;
import xcert.solvers.exact.Arithmetic;
import xcert.solvers.exact.DirectEnumeration;
import xcert.solvers.exact.RestrictedPredictionTable;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.instances.Instance;
import xcert.solvers.setfunction.Subsets;

/**
 * The f_S table (butterfly over product grids, row averaging over data, bit-sliced circuits) equals
 * f_S(x) summed from seed 004 Eq. 1 for every S, on generated circuits (d ≤ 10 for every S, d ≤ 12
 * on a stride of sets) and ReLU networks (d ≤ 8), exactly.
 */
class TablePropertiesTest {

  private static final long SEED = 7_004L;

  private static void assertEveryEntry(Instance in) {
    RestrictedPredictionTable t = RestrictedPredictions.table(in.model(), in.x(), in.distribution());
    assertTrue(t.isExact(), in::label);
    for (int s = 0; s < 1 << in.dimension(); s++) {
      final int set = s;
      assertEquals(DirectEnumeration.fs(in.model(), in.x(), in.distribution(),
          BitSet.valueOf(new long[] {s}), Arithmetic.EXACT).exact(), t.at(s).exact(),
          () -> in + " S=" + Subsets.format(set));
    }
  }

  @Test
  void circuitTablesEqualTheDefinition() {
    qt().withFixedSeed(SEED).withExamples(150).forAll(Gens.circuits(10))
        .checkAssert(TablePropertiesTest::assertEveryEntry);
  }

  /** Every entry at d = 13 and 14, where the pass over the two top coordinates runs. */
  @Test
  void circuitTablesAboveTheCacheBlockEqualTheDefinition() {
    qt().withFixedSeed(SEED).withExamples(4).withShrinkCycles(10).forAll(Gens.circuits(13, 14))
        .checkAssert(TablePropertiesTest::assertEveryEntry);
  }

  @Test
  void reluTablesEqualTheDefinition() {
    qt().withFixedSeed(SEED).withExamples(150).forAll(Gens.relus(8))
        .checkAssert(TablePropertiesTest::assertEveryEntry);
  }

  /**
   * d = 11..15 reaches the butterfly's passes over coordinates above its cache block (12 bits): the
   * two-coordinates-per-pass loop and, for odd counts, the single one.
   */
  @Test
  void wideCircuitTablesEqualTheDefinitionOnAStride() {
    qt().withFixedSeed(SEED).withExamples(25).withShrinkCycles(10)
        .forAll(Gens.circuits(11, 15))
        .checkAssert(in -> {
          RestrictedPredictionTable t =
              RestrictedPredictions.table(in.model(), in.x(), in.distribution());
          Verdict v = TableConsistency.tableEqualsDefinition(in, t, false);
          assertFalse(v.failed(), v::toString);
        });
  }

  /** float64 tables of ReLU scores agree with the exact ones to a relative 1e-12. */
  @Test
  void float64TablesAgreeWithExactOnes() {
    qt().withFixedSeed(SEED).withExamples(80).forAll(Gens.relus(7))
        .checkAssert(in -> {
          RestrictedPredictionTable exact =
              RestrictedPredictions.table(in.model(), in.x(), in.distribution());
          RestrictedPredictionTable f64 = RestrictedPredictions.table(in.model(), in.x(),
              in.distribution(), Arithmetic.FLOAT64);
          for (int s = 0; s < 1 << in.dimension(); s++) {
            double e = exact.at(s).value();
            // d ≤ 7 terms of magnitude ≤ 2^7·(weights ≤ 2)^layers: far inside 1e-12 relative
            assertEquals(e, f64.at(s).value(), 1e-12 * Math.max(1, Math.abs(e)), in::label);
          }
        });
  }

  /** The checker itself notices a wrong table: AND's table at x = 01 is not its table at x = 11. */
  @Test
  void theCheckDetectsAWrongTable() {
    xcert.solvers.model.Circuit.Builder b = xcert.solvers.model.Circuit.builder(2);
    xcert.solvers.model.Circuit and = b.output(b.and(b.input(1), b.input(2))).build();
    xcert.solvers.dist.ProductDistribution v = xcert.solvers.dist.ProductDistribution.uniform(2);
    Instance in = new Instance(and, new double[] {1, 1}, v, "AND at 11");
    RestrictedPredictionTable wrong = RestrictedPredictions.table(and, new double[] {0, 1}, v);
    assertTrue(TableConsistency.tableEqualsDefinition(in, wrong, true).failed());
    RestrictedPredictionTable right = RestrictedPredictions.table(and, new double[] {1, 1}, v);
    assertFalse(TableConsistency.tableEqualsDefinition(in, right, true).failed());
  }
}
