package xcert.reductions.emajsat;

import xcert.solvers.features.FeatureSet;
import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.count.WeightedModelCounter;
import xcert.solvers.dist.ProductDistribution;

/**
 * The counting oracle of {@link GuessAndCount}: for a fixed RELEVANT-INPUT instance (Φ, x), the
 * number N(S) = #{y ∈ {0,1}^d : y_S = x_S and Φ(y) = Φ(x)}. N is a #P function of (Φ, x, S): it counts
 * the y that pass a polynomial-time check. S is δ-relevant for Φ and x (seed 003 Section 3) exactly
 * when N(S) ≥ δ · 2^{d−|S|}, since the conditional law of y given y_S = x_S is uniform on the
 * 2^{d−|S|} completions; that threshold question is the PP query of the membership proof.
 */
public interface AgreementOracle {

  /** d, the number of inputs of Φ. */
  int dimension();

  /** N(S) = #{y : y_S = x_S, Φ(y) = Φ(x)}. */
  BigInteger agreeingCount(FeatureSet s);

  /**
   * The oracle answered by one weighted model count per query: {@link WeightedModelCounter#bdd}
   * compiled once, then {@link WeightedModelCounter#conditionalProbability} under the uniform
   * distribution (BigFraction arithmetic, any d).
   */
  static AgreementOracle weightedModelCounting(RelevantInputInstance inst) {
    WeightedModelCounter w = WeightedModelCounter.bdd(inst.circuit(), 0);
    ProductDistribution uniform = ProductDistribution.uniform(inst.dimension());
    boolean[] x = inst.point();
    boolean label = inst.label();
    int d = inst.dimension();
    return new AgreementOracle() {
      @Override
      public int dimension() {
        return d;
      }

      @Override
      public BigInteger agreeingCount(FeatureSet s) {
        BigFraction p = w.agreementProbability(uniform, x, s);
        BigFraction count = p.multiply(BigFraction.of(BigInteger.ONE.shiftLeft(d - s.size())));
        if (!count.getDenominator().equals(BigInteger.ONE)) {
          throw new AssertionError("a uniform conditional count is not an integer: " + count);
        }
        return count.getNumerator();
      }
    };
  }

  /**
   * The same oracle by {@link UniformCounts} (long arithmetic, d ≤ {@value
   * UniformCounts#MAX_DIMENSION}): N(S) = 2^d · P(agreement | y_S = x_S) / 2^{|S|}.
   */
  static AgreementOracle uniformCounts(RelevantInputInstance inst) {
    UniformCounts u = UniformCounts.compile(inst.circuit());
    boolean[] x = inst.point();
    int d = inst.dimension();
    return new AgreementOracle() {
      @Override
      public int dimension() {
        return d;
      }

      @Override
      public BigInteger agreeingCount(FeatureSet s) {
        long scaled = u.scaledAgreement(x, s.mask());
        return BigInteger.valueOf(scaled >>> s.size());
      }
    };
  }
}
