package xcert.reductions.sattoap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.io.DimacsFormat;

/**
 * Theorem 3.4's procedure decides SAT correctly against adversarial approximation algorithms, on
 * satisfiable and unsatisfiable instances, when m' has the theorem's gap; without the gap an
 * adversary can fool it.
 */
class DecisionProcedureTest {

  private static DecisionProcedure.Outcome run(Path p, BigFraction delta, BigFraction alpha) {
    DimacsFormat.Cnf cnf = DimacsFormat.readClauses(p);
    ApInstance inst = new ApInstance(cnf, ApParameters.forTheorem34(cnf.variables(), delta, alpha));
    Lemma36Check.Result lemma = Lemma36Check.check(inst);
    assertTrue(lemma.claimHolds(), p + ": " + lemma);
    return DecisionProcedure.run(inst, lemma, 7);
  }

  @Test
  void decidesSatAgainstEveryAdversary() throws IOException {
    Path lib = Lemma36Test.satlib();
    for (String f : new String[] {"uf20-91/uf20-01.cnf", "uf20-91/uf20-02.cnf",
        "uuf50-218/uuf50-01.cnf", "uuf50-218/uuf50-02.cnf"}) {
      for (BigFraction alpha : new BigFraction[] {BigFraction.of(3, 4), BigFraction.of(9, 10)}) {
        DecisionProcedure.Outcome o = run(lib.resolve(f), BigFraction.of(1, 2), alpha);
        assertTrue(o.allCorrect(), f + " α=" + alpha + ": " + o);
        assertTrue(o.runs().size() >= 5);
      }
    }
  }

  @Test
  void withoutTheGapAnAdversaryWins() {
    DimacsFormat.Cnf cnf = DimacsFormat.readClauses(Lemma36Test.satlib()
        .resolve("uf20-91/uf20-01.cnf"));
    ApParameters lemma = ApParameters.forLemma(20, BigFraction.of(1, 2), null);
    ApParameters noGap = new ApParameters(20, lemma.delta(), lemma.q(), lemma.p(), lemma.kPrime(),
        lemma.mPrime(), BigFraction.of(1, 2));
    ApInstance inst = new ApInstance(cnf, noGap);
    DecisionProcedure.Outcome o = DecisionProcedure.run(inst, Lemma36Check.check(inst), 7);
    assertFalse(o.allCorrect(), "m' = k' leaves legal outputs above m' for a satisfiable Φ");
  }
}
