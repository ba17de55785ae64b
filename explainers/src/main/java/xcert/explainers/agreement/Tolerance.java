package xcert.explainers.agreement;

/**
 * An agreement tolerance in two parts: the rigorous bound that follows from the float32 bounds, and
 * the stated-order allowance for float64 differences between the two runs ({@link AgreementCheck}
 * derives both).
 *
 * @param rigorous the proven part
 * @param float64 the stated-order float64 term
 * @param derivation what the tolerance was derived from, in words and numbers
 */
public record Tolerance(double rigorous, double float64, String derivation) {

  /** rigorous + float64. */
  public double total() {
    return rigorous + float64;
  }
}
