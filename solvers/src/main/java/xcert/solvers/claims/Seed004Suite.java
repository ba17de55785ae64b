package xcert.solvers.claims;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.exact.GameValues;
import xcert.solvers.exact.RestrictedPredictionTable;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.exact.SufficiencyNecessity;
import xcert.solvers.instances.FiniteJoint;
import xcert.solvers.instances.Instance;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.Rho;
import xcert.solvers.setfunction.SetFunction;
import xcert.solvers.setfunction.SetFunctions;

/**
 * Runs the seed-004 checks of {@link Seed004Claims}, the Shapley axioms and the table-versus-definition
 * check over seeded random instances (circuits, symmetric circuits, ReLU networks, finite joint
 * distributions) and tallies the outcomes. Instance k is built from seed {@code seed + k}, so any
 * failure can be rebuilt from the report.
 */
public final class Seed004Suite {

  /** The α values every instance is checked at; Theorem 5.1's proof covers α = 1/2 only. */
  public static final BigFraction[] ALPHAS = {BigFraction.ZERO, BigFraction.of(1, 4),
      BigFraction.of(1, 2), BigFraction.of(3, 4), BigFraction.ONE};

  /**
   * Sizes of a run.
   *
   * @param seed base seed
   * @param circuits random circuit instances (d from 2 to maxD)
   * @param symmetric circuit instances with a symmetric pair of features
   * @param relus ReLU network instances (d from 2 to min(maxD, 8))
   * @param joints finite joint distributions for Corollary 5.1
   * @param maxD largest number of features
   */
  public record Config(long seed, int circuits, int symmetric, int relus, int joints, int maxD) {

    /** The default run of `xcert reproduce`. */
    public static Config standard() {
      return new Config(4004, 240, 60, 120, 120, 10);
    }

    /** The `--full` run. */
    public static Config full() {
      return new Config(4004, 2000, 400, 800, 800, 12);
    }
  }

  private Seed004Suite() {}

  public static Tally run(Config c, Consumer<String> progress) {
    Tally tally = new Tally();
    int total = c.circuits() + c.symmetric() + c.relus() + c.joints();
    int done = 0;
    long next = System.nanoTime();
    int maxD = c.maxD();
    int maxReluD = Math.min(maxD, 8);
    Family[] families = {
      (s, r) -> {
        int d = 2 + r.nextInt(maxD - 1);
        return RandomInstances.circuitInstance(s, d, 1 + r.nextInt(3 * d));
      },
      (s, r) -> {
        int d = 2 + r.nextInt(maxD - 1);
        return RandomInstances.symmetricCircuitInstance(s, d, 1 + r.nextInt(3 * d));
      },
      (s, r) -> RandomInstances.reluInstance(s, 2 + r.nextInt(maxReluD - 1), 2 + r.nextInt(3),
          r.nextBoolean())
    };
    int[] counts = {c.circuits(), c.symmetric(), c.relus()};
    for (int f = 0; f < families.length; f++) {
      for (int k = 0; k < counts[f]; k++) {
        long s = c.seed() + 100_000L * f + k;
        checkInstance(families[f].make(s, new SplittableRandom(s)), tally, s);
        next = report(progress, ++done, total, next);
      }
    }
    for (int k = 0; k < c.joints(); k++) {
      long s = c.seed() + 300_000 + k;
      SplittableRandom r = new SplittableRandom(s);
      int d = 2 + r.nextInt(Math.min(c.maxD(), 8) - 1);
      FiniteJoint joint = RandomInstances.joint(s, d, 2 + r.nextInt(4 * d));
      double[] x = joint.x(r.nextInt(joint.size()));
      BigFraction alpha = BigFraction.of(1 + r.nextInt(7), 8);
      int tau = r.nextInt(d + 1);
      String label = "joint(seed=" + s + ", d=" + d + ", points=" + joint.size() + ", α=" + alpha
          + ", τ=" + tau + ")";
      for (Rho rho : Rho.values()) {
        tally.add(Seed004Claims.corollary51(joint, x, alpha, tau, rho), qualifier(rho), label);
      }
      next = report(progress, ++done, total, next);
    }
    return tally;
  }

  /** Builds instance number s of a family from its seed and a generator seeded with it. */
  private interface Family {
    Instance make(long seed, SplittableRandom rnd);
  }

  private static long report(Consumer<String> progress, int done, int total, long next) {
    long now = System.nanoTime();
    if (progress != null && (now >= next || done == total)) {
      progress.accept("seed 004 checks: " + done + "/" + total + " instances");
      return now + 2_000_000_000L;
    }
    return next;
  }

  static String qualifier(Rho rho) {
    return rho == Rho.ABS ? "[ρ=|a−b|]" : "[ρ=(a−b)², not a metric]";
  }

  private static String alphaQualifier(String q, BigFraction alpha) {
    return q + " α=" + xcert.solvers.num.Rationals.format(alpha);
  }

  /** Every check on one product/empirical instance. */
  public static void checkInstance(Instance in, Tally tally, long seed) {
    RestrictedPredictionTable t = RestrictedPredictions.table(in.model(), in.x(), in.distribution());
    String label = in.label();
    int d = in.dimension();
    tally.add(TableConsistency.tableEqualsDefinition(in, t, d <= 8), "", label);
    SplittableRandom r = new SplittableRandom(seed ^ 0x5EED);
    for (Rho rho : Rho.values()) {
      SufficiencyNecessity sn = SufficiencyNecessity.of(t, rho);
      String q = qualifier(rho);
      for (BigFraction alpha : ALPHAS) {
        tally.add(Seed004Claims.lemma41(sn, alpha, r.nextInt(d + 1)), q, label);
      }
      tally.add(Seed004Claims.lemma42(sn), q, label);
      Verdict[][] t41 = new Verdict[ALPHAS.length][];
      for (int a = 0; a < ALPHAS.length; a++) {
        t41[a] = Seed004Claims.theorem41(sn, ALPHAS[a]);
      }
      for (int reading = 0; reading < 3; reading++) {
        for (int a = 0; a < ALPHAS.length; a++) {
          tally.add(t41[a][reading], alphaQualifier(q, ALPHAS[a]), label);
        }
      }
      for (BigFraction alpha : ALPHAS) {
        tally.add(Seed004Claims.theorem51(sn, alpha), alphaQualifier(q, alpha), label);
      }
    }
    SetFunction game = t.values();
    SetFunction sufGame = SetFunctions.negate(SufficiencyNecessity.of(t, Rho.ABS).deltaSuf());
    for (SetFunction v : new SetFunction[] {game, sufGame}) {
      String q = v == game ? "[v(S)=f_S(x)]" : "[v(S)=−|f(x)−f_S(x)|]";
      Scalar[] phi = GameValues.shapley(v);
      tally.add(ShapleyAxioms.efficiency(v, phi), q, label);
      tally.add(ShapleyAxioms.symmetry(v, phi), q, label);
      tally.add(ShapleyAxioms.nullPlayer(v, phi), q, label);
      tally.add(ShapleyAxioms.definition(v, phi), q, label);
    }
    tally.add(ShapleyAxioms.linearity(game, sufGame, BigFraction.of(3, 2)), "", label);
  }
}
