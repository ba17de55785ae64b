package xcert.ledger;

/**
 * One line of the ledger: a claim and what its check found.
 *
 * @param claim the claim
 * @param finding the finding (for a claim no check covers, a {@link Verdict#NO_CHECK} finding)
 * @param where the class that produced the finding
 * @param seconds the check's wall time (shared by the claims of one check)
 */
public record LedgerEntry(Claim claim, Finding finding, String where, double seconds) {

  public Verdict verdict() {
    return finding.verdict();
  }
}
