package xcert.solvers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static xcert.solvers.io.IoAssertions.assertInputError;
import static xcert.solvers.io.IoAssertions.resource;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;

class ModelFilesTest {

  @Test
  void dispatchesOnTheExtension(@TempDir Path dir) throws Exception {
    Circuit aag = assertInstanceOf(Circuit.class, ModelFiles.read(resource("half-adder.aag")));
    assertEquals(2, aag.outputCount());
    Circuit cnf = assertInstanceOf(Circuit.class, ModelFiles.read(resource("trailer.cnf")));
    assertEquals(5, cnf.dimension());
    Circuit expr = assertInstanceOf(Circuit.class, ModelFiles.read(resource("example.expr")));
    assertEquals(3, expr.outputCount());
    Model json = ModelFiles.read(resource("example.json"));
    assertEquals(3, assertInstanceOf(ReluNetwork.class, json).dimension());
    Path upper = dir.resolve("M.EXPR");
    Files.writeString(upper, "x1 ^ x2\n");
    assertEquals(2, ModelFiles.read(upper).dimension());
  }

  @Test
  void unknownExtensionsListTheAcceptedOnes(@TempDir Path dir) throws Exception {
    Path txt = dir.resolve("model.txt");
    Files.writeString(txt, "x1");
    assertInputError(() -> ModelFiles.read(txt), txt.toString(), 0, 0, "'.txt'", ".aag", ".cnf",
        ".expr", ".json");
    Path none = dir.resolve("model");
    assertInputError(() -> ModelFiles.read(none), none.toString(), 0, 0, "no extension", ".aag");
    Path aig = dir.resolve("model.aig");
    assertInputError(() -> ModelFiles.read(aig), aig.toString(), 0, 0, "binary AIGER",
        "aigtoaig");
  }

  @Test
  void missingAndUnreadableFiles(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing.cnf");
    assertInputError(() -> ModelFiles.read(missing), missing.toString(), 0, 0, "file not found");
    Path folder = dir.resolve("folder.json");
    Files.createDirectory(folder);
    assertInputError(() -> ModelFiles.read(folder), folder.toString(), 0, 0, "is a directory");
  }

  @Test
  void errorsInsideTheFileNameTheFile(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.expr");
    Files.writeString(bad, "x1 &\n");
    assertInputError(() -> ModelFiles.read(bad), bad.toString(), 1, 5, "ends early");
  }
}
