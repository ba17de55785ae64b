package xcert.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import xcert.explainers.backend.CpuBackend;

/** The digits study is a section of {@code xcert reproduce}, under the id "digits". */
class DigitsSectionTest {

  @Test
  void reproduceListsTheDigitsSection() {
    ReproduceCommand cmd = new ReproduceCommand();
    cmd.out = Path.of("unused");
    assertTrue(cmd.sections(new CpuBackend(1)).stream().anyMatch(s -> s.id().equals("digits")
        && s instanceof DigitsSection && s.title().contains("digits")));
  }
}
