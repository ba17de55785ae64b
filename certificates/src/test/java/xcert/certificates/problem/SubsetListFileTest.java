package xcert.certificates.problem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xcert.solvers.errors.InputException;

class SubsetListFileTest {

  private static SubsetFamily read(String text, int d) {
    return SubsetListFile.read("sets.txt", new StringReader(text), d);
  }

  @Test
  void everyAcceptedForm() {
    String text = """
        # tests to run
        1,3,5
        {2, 4}

          {}        # the empty set
        2-4
        6
        """;
    SubsetFamily f = read(text, 6);
    assertEquals(SubsetFamily.Kind.LIST, f.kind());
    assertEquals(6, f.dimension());
    // {1,3,5} = 0b10101 = 21, {2,4} = 0b1010 = 10, {} = 0, {2,3,4} = 0b1110 = 14, {6} = 32; sorted
    assertArrayEquals(new long[] {0, 10, 14, 21, 32}, f.listed());
  }

  @Test
  void dashIsTheEmptySetAndDimensionCanBeInferred() {
    SubsetFamily f = read("-\n3\n", -1);
    assertEquals(3, f.dimension());
    assertArrayEquals(new long[] {0, 4}, f.listed());
    SubsetFamily onlyEmpty = read("-\n", -1);
    assertEquals(1, onlyEmpty.dimension());
    assertArrayEquals(new long[] {0}, onlyEmpty.listed());
  }

  @Test
  void crlfAndTabs() {
    SubsetFamily f = read("1,\t2\r\n{ 3 }\r\n", 3);
    assertArrayEquals(new long[] {3, 4}, f.listed());
  }

  @Test
  void readsAFile(@TempDir Path dir) throws IOException {
    Path p = dir.resolve("s.sets");
    Files.writeString(p, "1\n1,2\n");
    assertArrayEquals(new long[] {1, 3}, SubsetListFile.read(p, 4).listed());
    assertEquals(4, SubsetListFile.read(p, 4).dimension());
    assertEquals(2, SubsetListFile.read(p).dimension());
    InputException e = assertThrows(InputException.class,
        () -> SubsetListFile.read(dir.resolve("missing.sets"), 3));
    assertTrue(e.problem().contains("file not found"), e.getMessage());
  }

  private static void bad(String text, int d, int line, int column, String fragment) {
    InputException e = assertThrows(InputException.class, () -> read(text, d), text);
    assertEquals("sets.txt", e.source());
    assertEquals(line, e.line(), e::getMessage);
    assertEquals(column, e.column(), e::getMessage);
    assertTrue(e.problem().contains(fragment), () -> "'" + fragment + "' not in " + e.getMessage());
  }

  @Test
  void indexOutOfRange() {
    bad("1,2\n1,7\n", 6, 2, 3, "feature 7 is out of range; expected indices in 1..6");
    bad("0\n", 6, 1, 1, "feature 0 is out of range");
    bad("  {2, 63}\n", -1, 1, 7, "1..62");
    bad("123456789012345678901234567890\n", 6, 1, 1, "out of range");
  }

  @Test
  void duplicates() {
    bad("# c\n1,3\n\n {3,1}\n", 5, 4, 2, "already listed on line 2");
    bad("-\n{}\n", 5, 2, 1, "already listed on line 1");
    bad("1,2,1\n", 5, 1, 5, "feature 1 is listed twice");
    bad("1-3,2\n", 5, 1, 5, "feature 2 is listed twice");
  }

  @Test
  void malformedTokens() {
    bad("1;2\n", 5, 1, 2, "unexpected ';'");
    bad("x1\n", 5, 1, 1, "expected a feature index, found 'x'");
    bad("1,\n", 5, 1, 3, "nothing after ','");
    bad("1,,2\n", 5, 1, 3, "found ','");
    bad("3a\n", 5, 1, 1, "malformed feature index '3a'");
    bad("{1,2\n", 5, 1, 5, "missing '}'");
    bad("1,2}\n", 5, 1, 4, "unexpected '}'");
    bad("4-2\n", 5, 1, 1, "the range 4-2 is empty");
    bad("1 2\n", 5, 1, 3, "unexpected '2'");
    bad("- 1\n", 5, 1, 1, "found '-'");
  }

  @Test
  void aFileWithNoSetIsRefused() {
    InputException e = assertThrows(InputException.class, () -> read("# nothing\n\n", 4));
    assertTrue(e.problem().contains("no sets"), e.getMessage());
  }
}
