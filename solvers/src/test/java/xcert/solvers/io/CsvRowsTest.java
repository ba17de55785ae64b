package xcert.solvers.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static xcert.solvers.io.IoAssertions.assertInputError;
import static xcert.solvers.io.IoAssertions.resource;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import xcert.solvers.dist.EmpiricalDistribution;

class CsvRowsTest {

  private static CsvRows read(String text, int d) {
    return CsvRows.read("r.csv", new StringReader(text), d);
  }

  private static void bad(String text, int d, int line, int col, String... fragments) {
    assertInputError(() -> read(text, d), "r.csv", line, col, fragments);
  }

  @Test
  void headerCommentsAndBlankLines() {
    CsvRows rows = CsvRows.read(resource("rows.csv"));
    assertEquals(List.of("age", "income", "score"), rows.header().orElseThrow());
    assertEquals(3, rows.columns());
    assertEquals(3, rows.rowCount());
    assertArrayEquals(new double[] {1, 2.5, 3}, rows.rows()[0]);
    assertArrayEquals(new double[] {-1, 0, 0.001}, rows.rows()[1]);
    EmpiricalDistribution e = rows.toEmpirical();
    assertEquals(3, e.rowCount());
    assertEquals(2, e.distinctRowCount());
  }

  @Test
  void noHeaderWhenTheFirstLineIsNumeric() {
    CsvRows rows = read("0,1\r\n1,1\r\n", -1);
    assertFalse(rows.header().isPresent());
    assertEquals(2, rows.rowCount());
    assertArrayEquals(new double[] {1, 1}, rows.rows()[1]);
    assertEquals(2, read("+1.,.5\n", 2).columns());
  }

  @Test
  void wrongFieldCount() {
    bad("1,2,3\n4,5\n", -1, 2, 0, "has 2 fields, expected 3", "first data row on line 1");
    bad("a,b\n1,2\n1,2,3\n", -1, 3, 0, "has 3 fields, expected 2", "header on line 1");
    bad("1,2,3\n", 4, 1, 0, "has 3 fields, expected 4", "d=4");
    bad("a,b,c\n1,2,3\n", 2, 1, 0, "header has 3 columns, expected 2", "d=2");
  }

  @Test
  void nonNumbers() {
    bad("1,2\n3, abc\n", -1, 2, 4, "field 2 is 'abc'", "expected a number");
    bad("1,2\n3,\n", -1, 2, 3, "field 2 is empty", "expected a number");
    bad("1,2\nNaN,1\n", -1, 2, 1, "'NaN'", "expected a number");
    bad("1,2\n1e999,1\n", -1, 2, 1, "overflows", "finite");
  }

  @Test
  void noRows() {
    bad("", -1, 0, 0, "no data rows");
    bad("a,b\n# nothing\n", -1, 0, 0, "no data rows", "2 comma-separated numbers");
  }
}
