package xcert.solvers.notation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xcert.solvers.io.IoAssertions.assertInputError;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xcert.solvers.dist.ConditionalDistribution;
import xcert.solvers.dist.EmpiricalDistribution;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;

class DistributionSpecTest {

  @TempDir Path dir;

  private void bad(String spec, int d, String... fragments) {
    assertInputError(() -> DistributionSpec.parse("--dist", spec, d, dir), "--dist", 0, 0, fragments);
  }

  @Test
  void uniform() {
    ReferenceDistribution v = DistributionSpec.parse("--dist", " uniform ", 3, dir);
    ProductDistribution p = assertInstanceOf(ProductDistribution.class, v);
    assertEquals(3, p.dimension());
    assertTrue(p.isUniformBinary());
  }

  @Test
  void bernoulli() {
    ProductDistribution p = assertInstanceOf(ProductDistribution.class,
        DistributionSpec.parse("--dist", "bernoulli:1/3, 0.25,1", 3, dir));
    assertEquals(BigFraction.of(1, 3), p.probabilityOfOne(0));
    assertEquals(BigFraction.of(1, 4), p.probabilityOfOne(1));
    assertEquals(BigFraction.ONE, p.probabilityOfOne(2));
    ProductDistribution all = assertInstanceOf(ProductDistribution.class,
        DistributionSpec.parse("--dist", "bernoulli:0.1", 4, dir));
    for (int i = 0; i < 4; i++) {
      assertEquals(BigFraction.of(1, 10), all.probabilityOfOne(i));
    }
  }

  @Test
  void pointMassIsTheBaselineGame() {
    ProductDistribution p = assertInstanceOf(ProductDistribution.class,
        DistributionSpec.parse("--dist", "point:1,0,0.5", 3, dir));
    assertEquals("point(1,0,0.5)", p.describe());
    assertEquals(1, p.feature(2).size());
    assertEquals(BigFraction.ONE, p.feature(2).probabilityOf(0.5));
    assertTrue(!p.isBinary());
    assertTrue(assertInstanceOf(ProductDistribution.class,
        DistributionSpec.parse("--dist", "point:101", 3, dir)).isBinary());
    bad("point:1,2", 3, "2 numbers given, expected d=3");
    bad("point:", 3, "needs an argument", "point:r1,...,rd");
  }

  @Test
  void bernoulliErrors() {
    bad("bernoulli:1/2,1/2", 3, "2 probabilities", "expected d=3", "or 1");
    bad("bernoulli:1/2,3/2,0", 3, "probability 2 is 3/2", "in [0,1]");
    bad("bernoulli:-0.5", 3, "the probability is -1/2", "in [0,1]");
    bad("bernoulli:1/2,x,0", 3, "probability 2 is 'x'", "such as 1/3");
    bad("bernoulli:1/2,,0", 3, "probability 2 is empty");
    bad("bernoulli:", 3, "needs an argument", "bernoulli:p1,...,pd");
    bad("bernoulli:1e-999999999", 1, "'1e-999999999'");
  }

  @Test
  void syntaxErrors() {
    bad("", 2, "empty", "uniform");
    bad("gaussian:0,1", 2, "unknown distribution 'gaussian'", "uniform, bernoulli:p1,...,pd");
    bad("uniform:3", 2, "takes no argument");
    bad("csv", 2, "needs an argument", "csv:FILE");
  }

  @Test
  void csvAndConditionalResolveAgainstTheBaseDirectory() throws Exception {
    Files.writeString(dir.resolve("rows.csv"), "a,b\n0,1\n1,1\n0,1\n");
    EmpiricalDistribution e = assertInstanceOf(EmpiricalDistribution.class,
        DistributionSpec.parse("--dist", "csv:rows.csv", 2, dir));
    assertEquals(3, e.rowCount());
    assertEquals(2, e.distinctRowCount());
    ConditionalDistribution c = assertInstanceOf(ConditionalDistribution.class,
        DistributionSpec.parse("--dist", "conditional:rows.csv", 2, dir));
    assertEquals(2, c.pointCount());
    assertEquals(BigFraction.of(2, 3), c.probability(0));
    // an absolute path ignores the base directory
    Path abs = dir.resolve("rows.csv").toAbsolutePath();
    assertEquals(3, ((EmpiricalDistribution) DistributionSpec.parse("--dist", "csv:" + abs, 2,
        Path.of("/nonexistent"))).rowCount());
  }

  @Test
  void fileErrors() throws Exception {
    bad("csv:missing.csv", 2, "file 'missing.csv' not found", "missing.csv");
    bad("product:nothere.json", 2, "not found");
    bad("csv:.", 2, "not a readable file");
    Path rows = dir.resolve("rows.csv");
    Files.writeString(rows, "0,1,1\n");
    // a file that does not fit d is reported in the file, with its line
    assertInputError(() -> DistributionSpec.parse("--dist", "csv:rows.csv", 2, dir), rows.toString(), 1, 0,
        "has 3 fields, expected 2", "d=2");
  }

  @Test
  void productFile() throws Exception {
    Files.writeString(dir.resolve("p.json"), "{\"features\": [{\"values\": [0, 1],"
        + " \"probabilities\": [\"1/3\", \"2/3\"]}, {\"values\": [5], \"probabilities\": [1]}]}");
    ProductDistribution p = assertInstanceOf(ProductDistribution.class,
        DistributionSpec.parse("--dist", "product:p.json", 2, dir));
    assertEquals(BigFraction.of(2, 3), p.feature(0).probabilityOf(1));
    bad("product:p.json", 3, "describes 2 features", "expected d=3");
  }
}
