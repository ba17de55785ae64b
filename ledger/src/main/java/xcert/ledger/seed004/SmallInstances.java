package xcert.ledger.seed004;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import xcert.ledger.CheckContext;
import xcert.solvers.exact.RestrictedPredictionTable;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.exact.SufficiencyNecessity;
import xcert.solvers.instances.Instance;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.setfunction.Rho;

/**
 * The seeded small instances the seed-004 checks share: random circuits (d = 2..6), circuits with a
 * symmetric pair, and ReLU networks (d = 2..5) under product distributions, as
 * {@link RandomInstances} builds them (the generators of the report's seed004 section), each with
 * its exact f_S table and ρ = |a − b|. Instance k of family j has seed base + 100000·j + k.
 */
public final class SmallInstances {

  /** One instance with its exact table and Δ's. */
  public record Case(Instance instance, long seed, RestrictedPredictionTable table,
      SufficiencyNecessity sn) {}

  private SmallInstances() {}

  /** The shared list for this context (12 per family by default, 60 with --full). */
  public static List<Case> of(CheckContext ctx) {
    return ctx.shared("seed004-small-instances", () -> build(ctx.seed() * 1000 + 4004,
        ctx.full() ? 60 : 12));
  }

  /** The first {@code perFamily} instances of each family from {@code base}. */
  public static List<Case> build(long base, int perFamily) {
    List<Case> out = new ArrayList<>();
    for (int fam = 0; fam < 3; fam++) {
      for (int k = 0; k < perFamily; k++) {
        long s = base + 100_000L * fam + k;
        SplittableRandom r = new SplittableRandom(s);
        Instance in = switch (fam) {
          case 0 -> {
            int d = 2 + r.nextInt(5);
            yield RandomInstances.circuitInstance(s, d, 1 + r.nextInt(3 * d));
          }
          case 1 -> {
            int d = 2 + r.nextInt(5);
            yield RandomInstances.symmetricCircuitInstance(s, d, 1 + r.nextInt(3 * d));
          }
          default -> RandomInstances.reluInstance(s, 2 + r.nextInt(4), 2 + r.nextInt(3),
              r.nextBoolean());
        };
        RestrictedPredictionTable t = RestrictedPredictions.table(in.model(), in.x(),
            in.distribution());
        out.add(new Case(in, s, t, SufficiencyNecessity.of(t, Rho.ABS)));
      }
    }
    return out;
  }

  /** What the list is, for a finding's check field. */
  public static String describe(CheckContext ctx) {
    int per = ctx.full() ? 60 : 12;
    long base = ctx.seed() * 1000 + 4004;
    return per + " random circuits (d = 2..6), " + per + " circuits with a symmetric pair, " + per
        + " ReLU networks (d = 2..5), product V, ρ = |a − b|, seeds " + base + "+100000·j+k";
  }
}
