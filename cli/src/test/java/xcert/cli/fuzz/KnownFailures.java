package xcert.cli.fuzz;

import java.util.Set;

/**
 * Fuzz cases known to break the contract while their fix is under way (none today). The suites skip
 * a listed case, so that they stay green; {@code -Dxcert.fuzz.all=true} runs them too. A finding
 * goes here only with its fix in progress, and leaves with the fix.
 *
 * <p>An entry is a case id, {@code reader/mutation/seed} for a file
 * ({@link FileFuzzTest}) or {@code command/option/value-index} for an option
 * ({@link OptionFuzzTest}); an entry ending in {@code /*} covers every case under that prefix.
 */
final class KnownFailures {

  private KnownFailures() {}

  /** Empty: every case the suites generate keeps the contract. */
  static final Set<String> CASES = Set.of();

  /** True when the case is listed here and the run does not ask for every case. */
  static boolean skip(String id) {
    if (Boolean.getBoolean("xcert.fuzz.all")) {
      return false;
    }
    if (CASES.contains(id)) {
      return true;
    }
    for (String c : CASES) {
      if (c.endsWith("/*") && id.startsWith(c.substring(0, c.length() - 1))) {
        return true;
      }
    }
    return false;
  }
}
