package xcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Issue 19 point 3 on the command line, without Spark on the class path (the cli's tests never have
 * it: Spark is a provided dependency of the spark module): {@code --engine spark} says in one line how
 * to run with Spark and exits 2, {@code --master} without it and unknown engines are refused in one
 * line, and commands without a Spark engine refuse it. The Spark runs themselves are checked in the
 * spark module's tests (local[2]).
 */
class EngineCliTest {

  private static void refused(String expected, String... args) {
    CliTest.Run r = CliTest.run(args);
    assertEquals(2, r.status(), r.out() + r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("xcert: "), r.err());
    assertTrue(r.err().contains(expected), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void sparkAbsentSaysHowToRun() {
    String how = "spark-submit --class xcert.cli.Main cli/target/xcert.jar";
    refused(how, "certify", "monomial-deletion", "--d", "27", "--engine", "spark");
    refused(how, "certify", "--check", "nowhere.cert", "--engine", "spark");
    refused(how, "exact", "shapley", "--model", "../examples/uf20-01.cnf", "--engine", "spark",
        "--master", "local[2]");
    refused(how, "bench", "reductions", "--engine", "spark");
  }

  @Test
  void masterWithoutSparkAndUnknownEnginesAreRefused() {
    refused("--master: applies only with --engine spark", "exact", "shapley", "--model",
        "../examples/majority3.expr", "--master", "local[2]");
    refused("--master: applies only with --engine spark", "certify", "monomial-deletion", "--d",
        "4", "--master", "local[2]");
    refused("expected local or spark", "certify", "monomial-deletion", "--d", "4", "--engine",
        "hadoop");
    refused("does not apply to the polynomial family", "certify", "polynomial", "--poly",
        "x1*x2", "--engine", "spark");
  }

  @Test
  void fullLpBeyondTwentySixPointsToSpark() {
    refused("--engine spark", "certify", "monomial-deletion", "--d", "27");
  }

  @Test
  void localEngineIsTheDefaultAndMayBeNamed() {
    CliTest.Run r = CliTest.run("certify", "monomial-deletion", "--d", "6", "--engine", "local");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("true"), r.out());
  }
}
