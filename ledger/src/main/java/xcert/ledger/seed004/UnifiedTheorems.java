package xcert.ledger.seed004;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;
import xcert.ledger.seed000.Verdicts;
import xcert.solvers.claims.Seed004Claims;
import xcert.solvers.claims.Verdict;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.exact.SufficiencyNecessity;
import xcert.solvers.instances.FiniteJoint;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.setfunction.Rho;

/**
 * Seed 004 Lemma 4.1, Lemma 4.2, Theorem 4.1 (three readings), Theorem 5.1 and Corollary 5.1, run
 * through {@link Seed004Claims} in exact arithmetic with ρ = |a − b| on {@link SmallInstances} and on
 * the three documented counterexamples of {@code Seed004FindingsTest} (solvers), which are checked
 * first so that a failure reports the smallest instance:
 *
 * <ul>
 *   <li>Theorem 4.1, literal reading: f(x) = 2 − 1.5·relu(1 − relu(1.25x1 + x2 + 0.5x3 − 1)),
 *       x = (−1, 0, 1), V uniform on {0,1}³, α = 1/2;
 *   <li>Theorem 4.1, "furthermore": f = x1 ∧ x3, x = 001, V = Bernoulli(3/5, 5/7, 5/7), α = 1/2;
 *   <li>Theorem 5.1: AND(x1, x2) at x = 11, V uniform, S = {1}: slack α/4 − 1/8 &lt; 0 for α &lt; 1/2
 *       (and OR gives 1/8 − α/4 &lt; 0 for α &gt; 1/2); the statement does not restrict α, its proof
 *       uses α = 1/2, where it holds on every instance.
 * </ul>
 */
public final class UnifiedTheorems implements ClaimCheck {

  static final BigFraction[] ALPHAS = {BigFraction.of(1, 4), BigFraction.of(1, 2),
      BigFraction.of(3, 4)};

  @Override
  public List<String> ids() {
    return List.of("004-Lem4.1", "004-Lem4.2", "004-Thm4.1a", "004-Thm4.1b", "004-Thm4.1c",
        "004-Thm5.1", "004-Cor5.1");
  }

  static SufficiencyNecessity literalCounterexample() {
    ReluNetwork f = new ReluNetwork(new double[][][] {{{1.25, 1.0, 0.5}}, {{-1.0}}, {{-1.5}}},
        new double[][] {{-1.0}, {1.0}, {2.0}}, OptionalDouble.empty());
    return SufficiencyNecessity.of(RestrictedPredictions.table(f, new double[] {-1, 0, 1},
        ProductDistribution.uniform(3)), Rho.ABS);
  }

  static SufficiencyNecessity nestedCounterexample() {
    Circuit.Builder b = Circuit.builder(3);
    Circuit f = b.output(b.and(b.input(1), b.input(3))).build();
    ProductDistribution v = ProductDistribution.bernoulli(BigFraction.of(3, 5), BigFraction.of(5,
        7), BigFraction.of(5, 7));
    return SufficiencyNecessity.of(RestrictedPredictions.table(f, new double[] {0, 0, 1}, v),
        Rho.ABS);
  }

  static SufficiencyNecessity gate(Circuit.Op op) {
    Circuit.Builder b = Circuit.builder(2);
    Circuit f = b.output(b.gate(op, b.input(1), b.input(2))).build();
    return SufficiencyNecessity.of(RestrictedPredictions.table(f, new double[] {1, 1},
        ProductDistribution.uniform(2)), Rho.ABS);
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    List<SmallInstances.Case> cases = SmallInstances.of(ctx);
    String on = SmallInstances.describe(ctx);
    List<Verdict> l41 = new ArrayList<>();
    List<Verdict> l42 = new ArrayList<>();
    List<List<Verdict>> t41 = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    List<Verdict> t51 = new ArrayList<>();
    List<Verdict> t51half = new ArrayList<>();
    SufficiencyNecessity lit = literalCounterexample();
    SufficiencyNecessity nest = nestedCounterexample();
    Verdict[] a = Seed004Claims.theorem41(lit, BigFraction.of(1, 2));
    Verdict[] b = Seed004Claims.theorem41(nest, BigFraction.of(1, 2));
    t41.get(0).add(a[0]);
    t41.get(0).add(b[0]);
    t41.get(1).add(label(a[1], "documented relu instance: "));
    t41.get(2).add(label(b[2], "documented x1∧x3 instance: "));
    for (Circuit.Op op : new Circuit.Op[] {Circuit.Op.AND, Circuit.Op.OR}) {
      SufficiencyNecessity g = gate(op);
      for (BigFraction alpha : new BigFraction[] {BigFraction.ZERO, BigFraction.of(1, 4),
          BigFraction.of(3, 4), BigFraction.ONE}) {
        t51.add(label(Seed004Claims.theorem51(g, alpha), op + "(x1, x2) at x = 11, uniform V: "));
      }
      t51half.add(Seed004Claims.theorem51(g, BigFraction.of(1, 2)));
    }
    for (SmallInstances.Case c : cases) {
      SufficiencyNecessity sn = c.sn();
      int d = c.table().dimension();
      for (BigFraction alpha : ALPHAS) {
        for (int tau = 1; tau <= d; tau++) {
          l41.add(Seed004Claims.lemma41(sn, alpha, tau));
        }
        Verdict[] v = Seed004Claims.theorem41(sn, alpha);
        for (int r = 0; r < 3; r++) {
          t41.get(r).add(label(v[r], c.instance() + ": "));
        }
      }
      l42.add(label(Seed004Claims.lemma42(sn), c.instance() + ": "));
      for (BigFraction alpha : new BigFraction[] {BigFraction.ZERO, BigFraction.of(1, 4),
          BigFraction.of(3, 4), BigFraction.ONE}) {
        t51.add(label(Seed004Claims.theorem51(sn, alpha), c.instance() + ": "));
      }
      t51half.add(Seed004Claims.theorem51(sn, BigFraction.of(1, 2)));
    }
    List<Verdict> c51 = new ArrayList<>();
    int joints = ctx.full() ? 60 : 12;
    long jbase = ctx.seed() * 1000 + 4304;
    for (int k = 0; k < joints; k++) {
      long s = jbase + k;
      SplittableRandom r = new SplittableRandom(s);
      int d = 2 + r.nextInt(4);
      FiniteJoint joint = RandomInstances.joint(s, d, 2 + r.nextInt(4 * d));
      double[] x = joint.x(r.nextInt(joint.size()));
      for (BigFraction alpha : ALPHAS) {
        c51.add(Seed004Claims.corollary51(joint, x, alpha, 1 + r.nextInt(d), Rho.ABS));
      }
    }
    String alphas = "α ∈ {1/4, 1/2, 3/4}";
    List<Finding> out = new ArrayList<>();
    out.add(Verdicts.finding("004-Lem4.1", "Seed004Claims.lemma41, " + alphas + ", every τ ≥ 1, on "
        + on, l41));
    out.add(Verdicts.finding("004-Lem4.2", "Seed004Claims.lemma42 (every ε < ρ₀/2 at once) on "
        + on, l42));
    String t = "Seed004Claims.theorem41, " + alphas + ", every (τ1, τ2) and admissible pair, on"
        + " the documented instances and " + on;
    out.add(Verdicts.finding("004-Thm4.1a", t + " (reading: the proof's union S_suf ∪ S_nec)",
        t41.get(0)));
    out.add(Verdicts.finding("004-Thm4.1b", t + " (reading: an optimal set of (P_uni) at a budget"
        + " ≥ max(τ1, τ2))", t41.get(1)));
    out.add(Verdicts.finding("004-Thm4.1c", t + " (the 'furthermore' clause)", t41.get(2)));
    Finding f51 = Verdicts.finding("004-Thm5.1", "Seed004Claims.theorem51 at α ∈ {0, 1/4, 3/4, 1}"
        + " and separately α = 1/2, every S, on AND/OR at 11 and " + on, t51);
    Finding half = Verdicts.finding("004-Thm5.1", "", t51half);
    out.add(new Finding(f51.id(), f51.verdict(), f51.check(), f51.evidence() + ". At α = 1/2 (the"
        + " case the proof treats): " + half.verdict().label() + ", " + half.evidence(), "", ""));
    out.add(Verdicts.finding("004-Cor5.1", "Seed004Claims.corollary51 (conditional reference,"
        + " f = E[Y|X]), " + alphas + ", random τ, on " + joints + " random finite joints"
        + " (d = 2..5), seeds " + jbase + "..", c51));
    return out;
  }

  private static Verdict label(Verdict v, String prefix) {
    return new Verdict(v.claim(), v.status(), prefix + v.witness());
  }
}
