package xcert.solvers.errors;

/**
 * Bad input, reported as one line: where (a file or an option, with line and column where there is
 * one), what was found, and what was expected. The command line prints {@link #getMessage()} and exits
 * with status 2; no stack trace reaches the user.
 *
 * <p>Thrown before any large allocation: readers validate as they go, enumerators check sizes first.
 */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;
  private final String problem;
  private final boolean setting;

  /**
   * @param source file name, or the name of an option or parameter ("--x", "model.aag")
   * @param line 1-based line, or 0 when the input has no lines
   * @param column 1-based column, or 0 when unknown
   * @param problem what was wrong and what was expected
   */
  public InputException(String source, int line, int column, String problem) {
    this(source, line, column, problem, false);
  }

  private InputException(String source, int line, int column, String problem, boolean setting) {
    super(format(source, line, column, problem));
    this.source = source;
    this.line = line;
    this.column = column;
    this.problem = problem;
    this.setting = setting;
  }

  /** An error in an option or parameter with no line structure. */
  public static InputException of(String source, String problem) {
    return new InputException(source, 0, 0, problem);
  }

  /**
   * A setting of a library call out of range or in conflict with another. {@code name} is the
   * setting's Java name ({@code tau}, {@code kernelWidth}); a command line whose options are the
   * same names in kebab case ({@code --tau}, {@code --kernel-width}) can name the option instead.
   */
  public static InputException setting(String name, String problem) {
    return new InputException(name, 0, 0, problem, true);
  }

  /** True when {@link #source()} names a setting of a library call rather than a file or option. */
  public boolean isSetting() {
    return setting;
  }

  private static String format(String source, int line, int column, String problem) {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    return sb.append(": ").append(problem).toString();
  }

  public String source() {
    return source;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public String problem() {
    return problem;
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this; // a user-facing error; the message says everything
  }
}
