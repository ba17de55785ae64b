package xcert.reductions.sattoap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.io.AigerFormat;
import xcert.solvers.io.DimacsFormat;
import xcert.solvers.model.Circuit;

/**
 * Lemma 3.6's two directions on a sample of SATLIB (the report runs all 200) and on generated CNFs;
 * the whole AP claim by enumeration where Φ' is small; and a negative control.
 */
class Lemma36Test {

  static Path satlib() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("data/satlib"))) {
      dir = dir.getParent();
    }
    return dir.resolve("data/satlib");
  }

  private static List<Path> sample(String folder, int n) throws IOException {
    try (Stream<Path> s = Files.list(satlib().resolve(folder))) {
      return s.filter(p -> p.toString().endsWith(".cnf")).sorted().limit(n).toList();
    }
  }

  @Test
  void satlibSampleBothDirections() throws IOException {
    for (String folder : new String[] {"uf20-91", "uf50-218", "uuf50-218"}) {
      for (Path p : sample(folder, 4)) {
        DimacsFormat.Cnf cnf = DimacsFormat.readClauses(p);
        for (BigFraction delta : new BigFraction[] {BigFraction.of(1, 2), BigFraction.of(9, 10)}) {
          ApInstance inst = new ApInstance(cnf, ApParameters.forLemma(cnf.variables(), delta, null));
          Lemma36Check.Result r = Lemma36Check.check(inst);
          assertEquals(folder.startsWith("uf"), r.satisfiable(), p.toString());
          assertTrue(r.claimHolds(), p + " δ=" + delta + ": " + r);
          if (r.satisfiable()) {
            assertTrue(r.witnessRelevance().compareTo(r.unionBound()) >= 0, "exact ≥ union bound");
          } else {
            // 2^{−p}, and k* = m' + 1
            assertEquals(BigFraction.of(1).divide(1 << inst.parameters().p()), r.bestRelevance());
            assertEquals(inst.parameters().mPrime().add(java.math.BigInteger.ONE),
                r.leastRelevantSize());
          }
        }
      }
    }
  }

  static DimacsFormat.Cnf randomCnf(long seed, int d, int clauses) {
    Circuit c = RandomInstances.cnf(new SplittableRandom(seed), d, clauses, 3);
    return DimacsFormat.toClauses(c);
  }

  @Test
  void generatedCnfsUpTo10Variables() {
    qt().withFixedSeed(36L).withExamples(120)
        .forAll(integers().between(1, 10), integers().between(1, 60), longs().between(0, 1 << 20),
            integers().between(1, 7))
        .checkAssert((d, m, seed, deltaEighths) -> {
          DimacsFormat.Cnf cnf = randomCnf(seed, d, m);
          BigFraction delta = BigFraction.of(deltaEighths, 8);
          ApInstance inst = new ApInstance(cnf, ApParameters.forLemma(d, delta, null));
          Lemma36Check.Result r = Lemma36Check.check(inst);
          assertTrue(r.claimHolds(), "d=" + d + " m=" + m + " seed=" + seed + " δ=" + delta + ": "
              + r);
        });
  }

  /** Where Φ' has at most 22 inputs, every set is examined: k* ≤ k' exactly for satisfiable Φ. */
  @Test
  void wholeClaimByEnumerationOnSmallInstances() {
    qt().withFixedSeed(37L).withExamples(60)
        .forAll(integers().between(1, 3), integers().between(1, 14), longs().between(0, 1 << 20))
        .checkAssert((d, m, seed) -> {
          DimacsFormat.Cnf cnf = randomCnf(seed, d, m);
          for (BigFraction delta : new BigFraction[] {BigFraction.of(1, 2), BigFraction.of(1, 4),
              BigFraction.of(3, 4)}) {
            ApInstance inst = new ApInstance(cnf, ApParameters.forLemma(d, delta, null));
            if (inst.inputs() > ExhaustiveAp.MAX_INPUTS) {
              continue;
            }
            ExhaustiveAp.Result e = ExhaustiveAp.check(inst);
            assertTrue(e.claimHolds(), "d=" + d + " seed=" + seed + " δ=" + delta + ": " + e);
            assertEquals(e.satisfiable(), Lemma36Check.check(inst).satisfiable());
          }
        });
  }

  /** With one copy too few (q − 1), the union bound breaks and some witness falls below δ. */
  @Test
  void tooFewCopiesBreaksTheWitness() throws IOException {
    boolean broke = false;
    for (Path p : sample("uf20-91", 20)) {
      DimacsFormat.Cnf cnf = DimacsFormat.readClauses(p);
      ApParameters right = ApParameters.forLemma(20, BigFraction.of(9, 10), null);
      ApParameters fewer = new ApParameters(20, right.delta(), right.q() - 3, right.p(),
          20L * (right.q() - 3), java.math.BigInteger.valueOf(20L * (right.q() - 3)), null);
      Lemma36Check.Result r = Lemma36Check.check(new ApInstance(cnf, fewer));
      broke |= r.satisfiable() && !r.claimHolds();
    }
    assertTrue(broke, "q − 3 copies should fail δ = 9/10 on some instance");
  }

  @Test
  void phiPrimeIsWrittenAsAiger() throws IOException {
    DimacsFormat.Cnf cnf = randomCnf(5, 4, 10);
    ApInstance inst = new ApInstance(cnf, ApParameters.forLemma(4, BigFraction.of(1, 2), null));
    Circuit back = AigerFormat.read("phi.aag", new StringReader(AigerFormat.toString(
        inst.phiPrime())));
    assertEquals(inst.inputs(), back.dimension());
    SplittableRandom r = new SplittableRandom(1);
    for (int t = 0; t < 2000; t++) {
      boolean[] y = new boolean[inst.inputs()];
      for (int i = 0; i < y.length; i++) {
        y[i] = r.nextInt(8) != 0;
      }
      assertEquals(inst.phiPrime().evaluate(0, y), back.evaluate(0, y));
    }
  }
}
