package xcert.explainers.nfl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * Exact solution of a linear system A y = c over the rationals, choosing the solution next to a
 * float64 guess: Gauss–Jordan elimination, then each free variable (a column without a pivot) is set
 * to the exact value of its guess and the pivot variables are solved for. Used to turn the float64
 * optima of {@link DistanceToClass}'s linear programmes into exact primal and dual points.
 */
final class ExactSystem {

  private ExactSystem() {}

  /** A solution of A y = c near {@code guess}, or empty when the system is inconsistent. */
  static Optional<BigFraction[]> solveNear(List<BigFraction[]> a, List<BigFraction> c,
      double[] guess) {
    int cols = guess.length;
    List<BigFraction[]> rows = new ArrayList<>();
    for (int r = 0; r < a.size(); r++) {
      BigFraction[] row = new BigFraction[cols + 1];
      System.arraycopy(a.get(r), 0, row, 0, cols);
      row[cols] = c.get(r);
      rows.add(row);
    }
    int[] pivotCol = new int[Math.min(rows.size(), cols)];
    int rank = 0;
    for (int col = 0; col < cols && rank < rows.size(); col++) {
      int p = -1;
      for (int r = rank; r < rows.size(); r++) {
        if (rows.get(r)[col].signum() != 0) {
          p = r;
          break;
        }
      }
      if (p < 0) {
        continue;
      }
      BigFraction[] pr = rows.get(p);
      rows.set(p, rows.get(rank));
      rows.set(rank, pr);
      BigFraction inv = pr[col].reciprocal();
      for (int j = col; j <= cols; j++) {
        pr[j] = pr[j].multiply(inv);
      }
      for (int r = 0; r < rows.size(); r++) {
        BigFraction[] row = rows.get(r);
        if (r != rank && row[col].signum() != 0) {
          BigFraction factor = row[col];
          for (int j = col; j <= cols; j++) {
            if (pr[j].signum() != 0) {
              row[j] = row[j].subtract(factor.multiply(pr[j]));
            }
          }
        }
      }
      pivotCol[rank++] = col;
    }
    for (int r = rank; r < rows.size(); r++) {
      if (rows.get(r)[cols].signum() != 0) {
        return Optional.empty();
      }
    }
    boolean[] isPivot = new boolean[cols];
    for (int k = 0; k < rank; k++) {
      isPivot[pivotCol[k]] = true;
    }
    BigFraction[] y = new BigFraction[cols];
    for (int j = 0; j < cols; j++) {
      if (!isPivot[j]) {
        y[j] = BigFraction.from(guess[j]);
      }
    }
    for (int k = 0; k < rank; k++) {
      BigFraction[] row = rows.get(k);
      BigFraction v = row[cols];
      for (int j = 0; j < cols; j++) {
        if (!isPivot[j] && row[j].signum() != 0) {
          v = v.subtract(row[j].multiply(y[j]));
        }
      }
      y[pivotCol[k]] = v;
    }
    return Optional.of(y);
  }
}
