package xcert.cli;

import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.errors.InputException;
import xcert.solvers.num.Rationals;

/** Parsing shared by the {@code reduce} subcommands. */
final class ReduceArgs {

  private ReduceArgs() {}

  /** A rational strictly between 0 and 1, or one line naming the option and the range. */
  static BigFraction openUnit(String option, String text, String symbol) {
    BigFraction v;
    try {
      v = Rationals.parse(text);
    } catch (NumberFormatException e) {
      throw InputException.of(option, e.getMessage());
    }
    if (v.signum() <= 0 || v.compareTo(BigFraction.ONE) >= 0) {
      throw InputException.of(option, symbol + " = " + text + " is out of range; expected "
          + symbol + " in (0,1), e.g. 1/2");
    }
    return v;
  }
}
