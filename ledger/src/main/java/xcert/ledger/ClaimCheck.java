package xcert.ledger;

import java.util.List;

/**
 * A check of one or more claims. {@link #run} returns exactly one {@link Finding} per id of {@link
 * #ids()}; the ledger refuses anything else.
 */
public interface ClaimCheck {

  /** The ids of the claims this check decides. */
  List<String> ids();

  /** Runs the check. */
  List<Finding> run(CheckContext context);
}
