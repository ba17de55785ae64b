package xcert.ledger.seed001;

import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.explainers.glime.theory.GlimeClosedForms;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;

/**
 * Seed 001 Appendix B.2 and Section 3.3: Z = e^{−d/σ²}(1 + e^{1/σ²})^d/2^d (B.2a); P̃ = πP/Z is
 * e^{|z'|/σ²}/(1 + e^{1/σ²})^d, the product of Bernoulli(1/(1 + e^{−1/σ²})) (B.2b); the level
 * formula with k = 0..d against Corollary 4.3's k = 1..d (§3.3-lvl). Exact: rationals, E = e^{1/σ²}
 * a rational parameter at more points than the degree of the identities, enumerating {0,1}^d.
 */
public final class PartitionFunctionCheck implements ClaimCheck {

  @Override
  public List<String> ids() {
    return List.of("001-B.2a", "001-B.2b", "001-§3.3-lvl");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    int dMax = Grid.maxEnumerated(ctx);
    String zFail = null;
    String pFail = null;
    String lvlFail = null;
    int points = 0;
    StringBuilder cor = new StringBuilder();
    for (int d = 1; d <= dMax; d++) {
      for (BigFraction e : Grid.ePoints(d)) {
        points++;
        BigFraction zEnum = GlimeClosedForms.zEnumerated(d, e);
        BigFraction zClosed = GlimeClosedForms.zClosed(d, e);
        if (zFail == null && !zEnum.equals(zClosed)) {
          zFail = "d=" + d + ", E=" + e + ": Σ = " + zEnum + ", closed form " + zClosed;
        }
        for (int k = 0; k <= d && pFail == null; k++) {
          BigFraction tilted = GlimeClosedForms.tiltedMask(d, k, e);
          BigFraction closed = GlimeClosedForms.binomialMaskClosed(d, k, e);
          BigFraction product = GlimeClosedForms.productBernoulli(d, k, e);
          if (!tilted.equals(closed) || !closed.equals(product)) {
            pFail = "d=" + d + ", k=" + k + ", E=" + e + ": πP/Z = " + tilted + ", e^{k/σ²}/(1+e^{1/σ²})^d = "
                + closed + ", Bernoulli product = " + product;
          }
        }
        BigFraction all = GlimeClosedForms.levelMass(d, 0, e);
        BigFraction fromOne = GlimeClosedForms.levelMass(d, 1, e);
        if (lvlFail == null && !all.equals(BigFraction.ONE)) {
          lvlFail = "d=" + d + ", E=" + e + ": Σ_{k=0..d} C(d,k)e^{k/σ²}/(1+e^{1/σ²})^d = " + all;
        }
        if (d == 2 && cor.length() == 0) {
          cor.append("k = 1..d leaves out the all-zero mask: at d = 2, E = ").append(e)
              .append(" the masses sum to ").append(fromOne).append(" = 1 − (1+E)^{−2}");
        }
      }
    }
    String check = "GlimeClosedForms: enumeration of {0,1}^d, d = 1.." + dMax + ", each at 2d + 4 "
        + "rational values of E = e^{1/σ²} (identities of degree ≤ 2d + 2 in E, so they hold for "
        + "every σ), " + points + " (d, E) pairs, BigFraction";
    Finding z = zFail == null ? Finding.holds("001-B.2a", check, "Z = E_Uni[π] equals "
        + "E^{−d}(1+E)^d/2^d exactly at all " + points + " points")
        : Finding.fails("001-B.2a", check, zFail);
    Finding p = pFail == null ? Finding.holds("001-B.2b", check, "for every mask πP/Z = "
        + "E^{|z|}/(1+E)^d = p^{|z|}(1−p)^{d−|z|}, p = E/(1+E) = 1/(1+e^{−1/σ²}), exactly")
        : Finding.fails("001-B.2b", check, pFail);
    Finding lvl = lvlFail == null ? Finding.underReading("001-§3.3-lvl",
        "P(z', ‖z'‖0 = k) is the probability of each single mask z' with k ones, k = 0..d (the "
        + "level's mass carries C(d,k)); Corollary 4.3's k = 1..d is a slip: it is not a "
        + "distribution", check, "Σ_{k=0..d} C(d,k)E^k/(1+E)^d = 1 exactly at every point; "
        + cor) : Finding.fails("001-§3.3-lvl", check, lvlFail);
    return List.of(z, p, lvl);
  }
}
