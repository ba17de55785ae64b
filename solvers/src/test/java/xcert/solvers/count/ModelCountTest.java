package xcert.solvers.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import xcert.solvers.model.Circuit;

class ModelCountTest {

  /** A tiny CNF builder: int[][] clauses (DIMACS literals) to an AND of ORs over d inputs. */
  private static Circuit cnf(int d, int[]... clauses) {
    Circuit.Builder b = Circuit.builder(d);
    int[] ors = new int[clauses.length];
    for (int j = 0; j < clauses.length; j++) {
      int[] lits = new int[clauses[j].length];
      for (int t = 0; t < lits.length; t++) {
        int v = Math.abs(clauses[j][t]);
        lits[t] = clauses[j][t] > 0 ? b.input(v) : b.not(b.input(v));
      }
      ors[j] = b.or(lits);
    }
    b.output(b.and(ors));
    return b.build();
  }

  /** Models counted by enumerating all 2^d points and checking every clause directly. */
  private static long bruteCount(int d, int[][] clauses) {
    long count = 0;
    for (long y = 0; y < (1L << d); y++) {
      boolean all = true;
      for (int[] clause : clauses) {
        boolean sat = false;
        for (int lit : clause) {
          boolean value = ((y >>> (Math.abs(lit) - 1)) & 1L) != 0;
          if (value == (lit > 0)) {
            sat = true;
            break;
          }
        }
        if (!sat) {
          all = false;
          break;
        }
      }
      if (all) {
        count++;
      }
    }
    return count;
  }

  private static void check(int d, int[]... clauses) {
    Circuit c = cnf(d, clauses);
    BigInteger expected = BigInteger.valueOf(bruteCount(d, clauses));
    assertEquals(expected, WeightedModelCounter.dnnf(c, 0).modelCount(), "d-DNNF");
    for (WeightedModelCounter.VariableOrder order : WeightedModelCounter.VariableOrder.values()) {
      assertEquals(expected, WeightedModelCounter.bdd(c, 0, order, 1_000_000).modelCount(),
          "BDD " + order);
    }
  }

  @Test
  void handWrittenCnfs() {
    check(3, new int[] {1, 2});
    check(3, new int[] {1}, new int[] {-1});
    check(4);
    check(4, new int[] {});
    check(5, new int[] {1, -2, 3}, new int[] {-1, 2}, new int[] {2, 3, -4}, new int[] {4});
    check(6, new int[] {1, 2}, new int[] {3, 4}, new int[] {5, 6}, new int[] {-1, -3, -5});
    check(6, new int[] {1, -1}, new int[] {2, 2, 3}, new int[] {-6});
    check(8, new int[] {1, 2, 3, 4, 5, 6, 7, 8}, new int[] {-1, -2}, new int[] {-3, -4},
        new int[] {-5, -6}, new int[] {-7, -8});
  }

  @Test
  void pigeonholeThreeIntoTwoHasNoModels() {
    // p_{i,j}: pigeon i in hole j, variable 2(i-1)+j.
    int[][] cls = {
      {1, 2}, {3, 4}, {5, 6},
      {-1, -3}, {-1, -5}, {-3, -5},
      {-2, -4}, {-2, -6}, {-4, -6}
    };
    assertEquals(0, bruteCount(6, cls));
    check(6, cls);
  }

  @Test
  void randomThreeCnfs() {
    Random r = new Random(1234);
    for (int rep = 0; rep < 40; rep++) {
      int d = 4 + r.nextInt(11);
      int m = r.nextInt(5 * d);
      int[][] cls = new int[m][3];
      for (int[] clause : cls) {
        for (int t = 0; t < 3; t++) {
          int v = 1 + r.nextInt(d);
          clause[t] = r.nextBoolean() ? v : -v;
        }
      }
      check(d, cls);
    }
  }

  @Test
  void cnfShapeIsRecognised() {
    Circuit c = cnf(4, new int[] {1, -2}, new int[] {3, 3}, new int[] {2, -2});
    Optional<List<int[]>> clauses = CircuitFormulas.cnfClauses(c, 0);
    assertTrue(clauses.isPresent());
    // the tautology is dropped and the repeated literal merged
    assertEquals(2, clauses.get().size());
    assertEquals(List.of(1, -2), toList(clauses.get().get(0)));
    assertEquals(List.of(3), toList(clauses.get().get(1)));
  }

  private static List<Integer> toList(int[] a) {
    return java.util.Arrays.stream(a).boxed().toList();
  }
}
