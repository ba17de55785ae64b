package xcert.solvers.errors;

/**
 * A question too large to answer the way it was asked, refused before memory is taken. The message
 * states the size the computation would need and what the limit is, in one line.
 */
public final class TooLargeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TooLargeException(String message) {
    super(message);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
