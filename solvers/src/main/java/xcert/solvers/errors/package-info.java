/**
 * The two errors a user sees as one line: bad input or settings ({@link
 * xcert.solvers.errors.InputException}, naming the file, option or library setting) and questions too
 * large to answer as asked ({@link xcert.solvers.errors.TooLargeException}). Not tied to a seed.
 */
package xcert.solvers.errors;
