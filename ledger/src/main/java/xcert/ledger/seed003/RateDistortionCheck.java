package xcert.ledger.seed003;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.exact.Arithmetic;
import xcert.solvers.exact.RateDistortion;
import xcert.solvers.exact.Relevance;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Model;

/**
 * Seed 003 Section 2 (distortion D(S), Eq. 1's R(ε)) and Section 3.1 (δ-relevance ⇔ D(S) ≤
 * (1−δ)/2, RELEVANT-INPUT, MIN-RELEVANT-INPUT, Definitions 3.1–3.2): solvers' {@link RateDistortion}
 * and {@link Relevance} against a direct enumeration of y ~ V_S, exactly, on seeded random circuits
 * and ReLU score networks with V uniform on {0,1}^d.
 */
public final class RateDistortionCheck implements ClaimCheck {

  @Override
  public List<String> ids() {
    return List.of("003-§2-D", "003-Eq1", "003-§3.1-eq", "003-Def3.1", "003-Def3.2");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    SplittableRandom rng = new SplittableRandom(ctx.seed() ^ 0x003D1L);
    int instances = ctx.full() ? 80 : 20;
    BigFraction[] deltas = {BigFraction.of(1, 2), BigFraction.of(2, 3), BigFraction.of(3, 4),
        BigFraction.of(7, 8), BigFraction.of(9, 10), BigFraction.ONE};
    String[] bad = new String[5];
    long distortions = 0;
    long rates = 0;
    long relevances = 0;
    long decisions = 0;
    long minimum = 0;
    for (int t = 0; t < instances; t++) {
      int d = 2 + rng.nextInt(6);
      boolean circuit = t % 2 == 0;
      Model f = circuit ? RandomInstances.circuit(rng, d, 1 + rng.nextInt(3 * d))
          : RandomInstances.relu(rng, d, 4, 1, false);
      double[] x = RandomInstances.input(rng, d, true);
      RateDistortion rd = RateDistortion.compute(f, x, ProductDistribution.uniform(d),
          Arithmetic.EXACT);
      BigFraction[] direct = new BigFraction[1 << d];
      BigFraction fx = f.exactValue(x);
      for (int s = 0; s < 1 << d; s++) {
        BigFraction sum = BigFraction.ZERO;
        int free = d - Integer.bitCount(s);
        for (int y = 0; y < 1 << d; y++) {
          if (((y ^ maskOf(x)) & s) != 0) {
            continue; // y_S must equal x_S
          }
          BigFraction diff = fx.subtract(f.exactValue(point(y, d)));
          sum = sum.add(diff.multiply(diff));
        }
        direct[s] = sum.divide(2).divide(BigFraction.of(1L << free));
        distortions++;
        if (!direct[s].equals(rd.distortion().exactAt(s)) && bad[0] == null) {
          bad[0] = f + " S=" + s + ": " + rd.distortion().exactAt(s) + " vs " + direct[s];
        }
      }
      // R(ε) = min{|S| : D(S) ≤ ε} at every distinct distortion value and between them
      for (int s = 0; s < 1 << d; s++) {
        for (BigFraction eps : new BigFraction[] {direct[s], direct[s].multiply(BigFraction.of(
            999, 1000))}) {
          int best = d;
          for (int u = 0; u < 1 << d; u++) {
            if (direct[u].compareTo(eps) <= 0) {
              best = Math.min(best, Integer.bitCount(u));
            }
          }
          rates++;
          if (rd.rate(eps) != best && bad[1] == null) {
            bad[1] = f + " ε=" + eps + ": " + rd.rate(eps) + " vs " + best;
          }
        }
      }
      if (!circuit) {
        continue;
      }
      Relevance rel = Relevance.of(RestrictedPredictions.table(f, x, ProductDistribution.uniform(
          d), Arithmetic.EXACT));
      for (BigFraction delta : deltas) {
        int least = d + 1;
        for (int s = 0; s < 1 << d; s++) {
          // P(Φ(y) = Φ(x) | y_S = x_S) = 1 − 2 D(S) for Boolean Φ
          boolean relevantDirect = BigFraction.ONE.subtract(direct[s].multiply(2))
              .compareTo(delta) >= 0;
          boolean byDistortion = direct[s].compareTo(BigFraction.ONE.subtract(delta).divide(2))
              <= 0;
          relevances++;
          if ((relevantDirect != byDistortion || rel.isRelevant(s, delta) != relevantDirect)
              && bad[2] == null) {
            bad[2] = f + " S=" + s + " δ=" + delta;
          }
          if (relevantDirect) {
            least = Math.min(least, Integer.bitCount(s));
          }
        }
        for (int k = 0; k <= d; k++) {
          decisions++;
          if (rel.relevantInput(k, delta).answer() != (least <= k) && bad[3] == null) {
            bad[3] = f + " k=" + k + " δ=" + delta;
          }
        }
        minimum++;
        if (rel.minRelevantInput(delta).size() != least && bad[4] == null) {
          bad[4] = f + " δ=" + delta + ": " + rel.minRelevantInput(delta).size() + " vs " + least;
        }
      }
    }
    String check = "solvers RateDistortion.compute / Relevance on " + instances + " seeded random "
        + "instances (circuits and one-hidden-layer ReLU score networks, d=2..7, x ∈ {0,1}^d, V = "
        + "U({0,1}^d)) against a direct exact enumeration of y ~ V_S";
    List<Finding> out = new ArrayList<>();
    out.add(Finding.of("003-§2-D", bad[0] == null, check, bad[0] == null ? "D(S) = E ½(Φ(x) − "
        + "Φ(y))² equal on all " + distortions + " (instance, S), exact rationals" : bad[0]));
    out.add(Finding.of("003-Eq1", bad[1] == null, check, bad[1] == null ? "R(ε) = min{|S| : D(S) "
        + "≤ ε} equal at " + rates + " (instance, ε), ε at and just below every D(S)" : bad[1]));
    out.add(Finding.of("003-§3.1-eq", bad[2] == null, check + " (circuits)", bad[2] == null
        ? "P(Φ(y) = Φ(x) | y_S = x_S) ≥ δ ⇔ D(S) ≤ (1−δ)/2 on all " + relevances
        + " (instance, S, δ), δ ∈ {1/2, 2/3, 3/4, 7/8, 9/10, 1}" : bad[2]));
    out.add(Finding.of("003-Def3.1", bad[3] == null, check + " (circuits)", bad[3] == null
        ? "Relevance.relevantInput(k, δ) answers as the survey of all sets on " + decisions
        + " (instance, k, δ)" : bad[3]));
    out.add(Finding.of("003-Def3.2", bad[4] == null, check + " (circuits)", bad[4] == null
        ? "Relevance.minRelevantInput(δ) = the least δ-relevant size on " + minimum
        + " (instance, δ); S = [d] is always δ-relevant, so the minimum exists" : bad[4]));
    return out;
  }

  static int maskOf(double[] x) {
    int m = 0;
    for (int i = 0; i < x.length; i++) {
      m |= x[i] == 1 ? 1 << i : 0;
    }
    return m;
  }

  static double[] point(int y, int d) {
    double[] p = new double[d];
    for (int i = 0; i < d; i++) {
      p[i] = y >> i & 1;
    }
    return p;
  }
}
