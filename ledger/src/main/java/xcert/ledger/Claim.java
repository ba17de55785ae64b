package xcert.ledger;

/**
 * A checkable statement of a seed.
 *
 * @param id the seed's number and the paper's own location, e.g. {@code 001-Thm4.1}
 * @param statement a one-line statement of the claim
 */
public record Claim(String id, String statement) {

  /** The seed's three-digit number, e.g. {@code 001}. */
  public String seed() {
    return id.substring(0, 3);
  }
}
