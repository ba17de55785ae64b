package xcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import xcert.explainers.backend.CpuBackend;

/**
 * The sections of {@code xcert reproduce}: their ids are distinct, each is named in the help of
 * {@code --only}, and the claims ledger comes last.
 */
class ReproduceSectionsTest {

  @Test
  void everySectionIsListedOnceAndNamedInTheHelpOfOnly() {
    ReproduceCommand cmd = new ReproduceCommand();
    cmd.out = Path.of("unused");
    List<String> ids = cmd.sections(new CpuBackend(1)).stream().map(ReportSection::id).toList();
    assertEquals(List.of("seed004", "counting", "certificates", "reductions", "explainers",
        "tabular", "relaxations", "digits", "claims"), ids);
    String help = new CommandLine(new ReproduceCommand()).getUsageMessage();
    for (String id : ids) {
      assertTrue(help.contains(id), id + " is not named in: " + help);
    }
  }
}
