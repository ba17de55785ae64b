package xcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code xcert bench exact}: the stream's columns on a small d, and the options it refuses. */
class ExactBenchCliTest {

  @Test
  void printsTheFloorTheStreamAndTheTableWithRatios() {
    CliTest.Run r = CliTest.run("bench", "exact", "--family", "cnf", "--d", "10");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("evaluation floor (best of 2)"), r.out());
    assertTrue(r.out().contains("stream/floor"), r.out());
    assertTrue(r.out().contains("(equal to the stream)"), r.out());
  }

  @Test
  void fullPicksTheDimensionsItself() {
    CliTest.Run r = CliTest.run("bench", "exact", "--full", "--d", "16");
    assertEquals(Main.BAD_INPUT, r.status(), r.err());
    assertEquals("xcert: --full: picks the d's itself; give --full or --d, not both\n",
        r.err().replace("\r\n", "\n"));
  }
}
