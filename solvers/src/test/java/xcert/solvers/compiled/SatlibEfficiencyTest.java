package xcert.solvers.compiled;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.io.DimacsFormat;
import xcert.solvers.model.Circuit;
import xcert.solvers.result.Scalar;
import xcert.solvers.stream.Semivalue;

/**
 * Every SATLIB instance in data/satlib (uf20-91, uf50-218, uuf50-218; all compile by the automatic
 * route, LogicNG's d-DNNF): Shapley values under the uniform distribution at a random x satisfy
 * efficiency Σφ = f(x) − f_∅ exactly, f(x) is the CNF's value at x, and f_∅·2^d is the model count:
 * the published one for uf20-91 (data/satlib/uf20-91-model-counts.tsv), zero for uuf50-218.
 */
class SatlibEfficiencyTest {

  @Test
  void efficiencyAndCountsOnEverySatlibInstance() throws IOException {
    Path satlib = xcert.solvers.TestData.satlib();
    Map<String, BigInteger> published = new HashMap<>();
    List<String> lines = Files.readAllLines(satlib.resolve("uf20-91-model-counts.tsv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      published.put(f[0], new BigInteger(f[3]));
    }
    SplittableRandom r = new SplittableRandom(50);
    int checked = 0;
    for (String folder : new String[] {"uf20-91", "uf50-218", "uuf50-218"}) {
      try (Stream<Path> files = Files.list(satlib.resolve(folder))) {
        for (Path p : files.filter(f -> f.toString().endsWith(".cnf")).sorted().toList()) {
          Circuit c = DimacsFormat.read(p);
          int d = c.dimension();
          boolean[] x = new boolean[d];
          for (int i = 0; i < d; i++) {
            x[i] = r.nextBoolean();
          }
          DecomposableCircuit dc = CompiledForms.compile(c);
          CompiledResult res = CompiledValues.compute(dc, x, ProductDistribution.uniform(d),
              Semivalue.SHAPLEY);
          BigFraction sum = BigFraction.ZERO;
          for (Scalar s : res.values()) {
            sum = sum.add(s.exact());
          }
          BigFraction fx = c.evaluate(0, x) ? BigFraction.ONE : BigFraction.ZERO;
          assertEquals(fx, res.fx().exact(), p + " f(x)");
          assertEquals(fx.subtract(res.fEmpty().exact()), sum, p + " efficiency");
          BigFraction count = res.fEmpty().exact().multiply(
              BigFraction.of(BigInteger.ONE.shiftLeft(d)));
          assertEquals(BigInteger.ONE, count.getDenominator(), p + " count");
          if (folder.equals("uf20-91")) {
            assertEquals(published.get(p.getFileName().toString()), count.getNumerator(),
                p + " count");
          } else if (folder.startsWith("uuf")) {
            assertEquals(BigInteger.ZERO, count.getNumerator(), p + " count");
          }
          checked++;
        }
      }
    }
    assertEquals(200, checked);
  }
}
