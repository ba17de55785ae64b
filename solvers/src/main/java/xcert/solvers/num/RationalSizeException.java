package xcert.solvers.num;

/**
 * A rational whose numerator or denominator exceeds {@link RationalSize#MAX_BITS}, refused
 * by {@link Rationals#parse} before it is parsed or used. It is a
 * {@link NumberFormatException} so that every caller that names its source for a bad number
 * (an option, or a file and line) names it for this too; a caller that replaces the message of a
 * bad number with its own should keep this one ({@code catch (RationalSizeException e)} first).
 */
public final class RationalSizeException extends NumberFormatException {
  private static final long serialVersionUID = 1L;

  public RationalSizeException(String message) {
    super(message);
  }
}
