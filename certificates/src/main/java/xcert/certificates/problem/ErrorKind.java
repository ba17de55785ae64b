package xcert.certificates.problem;

/**
 * Which perturbation test an attribution is held to (seed 002, Definitions 1 and 3): deletion compares
 * Σ_{i∈S} α_i with c_S = f(x) − f(x_{−S}), where x_{−S} zeroes the features in S; insertion compares it
 * with c_S = f(x_S) − f(0_d), where x_S keeps only the features in S.
 */
public enum ErrorKind {
  DELETION("deletion"),
  INSERTION("insertion");

  private final String word;

  ErrorKind(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  /** "deletion" or "insertion"; null otherwise. */
  public static ErrorKind parse(String s) {
    for (ErrorKind k : values()) {
      if (k.word.equals(s)) {
        return k;
      }
    }
    return null;
  }
}
