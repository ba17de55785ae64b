package xcert.explainers.agreement;

/**
 * The agreement of one method between a device backend and the CPU backend.
 *
 * @param method the method's name
 * @param distance ‖w_dev − w_cpu‖₂ over the feature weights
 * @param interceptDifference |b_dev − b_cpu| when the method has an intercept, else NaN
 * @param tolerance the tolerance and its derivation
 * @param within whether ‖(w_dev, b_dev) − (w_cpu, b_cpu)‖₂ ≤ the tolerance's total (the intercept,
 *     when there is one, counted in the same norm)
 */
public record AgreementRow(String method, double distance, double interceptDifference,
    Tolerance tolerance, boolean within) {

  /** One line for a report. */
  public String describe() {
    return String.format("%-22s ‖Δw‖₂ = %.3e%s  tolerance %.3e  %s  (%s)", method, distance,
        Double.isNaN(interceptDifference) ? ""
            : String.format(", |Δb| = %.3e", interceptDifference),
        tolerance.total(), within ? "within" : "OUTSIDE", tolerance.derivation());
  }
}
