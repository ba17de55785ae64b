package xcert.reductions.reduce;

import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.errors.InputException;
import xcert.solvers.num.Rationals;

/** Parameters that seed 003 takes from the open interval (0,1): δ of δ-relevance and α of Theorem 3.4. */
public final class UnitInterval {

  private UnitInterval() {}

  /**
   * A rational strictly between 0 and 1 parsed from a decimal or a fraction ("0.9", "1/2"); the error
   * names the setting and quotes the text as given.
   *
   * @param setting the setting's Java name, e.g. "delta"
   * @param symbol the parameter's symbol in seed 003, e.g. "δ"
   */
  public static BigFraction parse(String setting, String text, String symbol) {
    BigFraction v;
    try {
      v = Rationals.parse(text);
    } catch (NumberFormatException e) {
      throw InputException.setting(setting, e.getMessage());
    }
    return check(setting, v, text, symbol);
  }

  /** {@code v} itself when it lies in (0,1). */
  public static BigFraction check(String setting, BigFraction v, String symbol) {
    return check(setting, v, Rationals.format(v), symbol);
  }

  private static BigFraction check(String setting, BigFraction v, String text, String symbol) {
    if (v.signum() <= 0 || v.compareTo(BigFraction.ONE) >= 0) {
      throw InputException.setting(setting, symbol + " = " + text + " is out of range; expected "
          + symbol + " in (0,1), e.g. 1/2");
    }
    return v;
  }
}
