package xcert.spark.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xcert.solvers.dist.EmpiricalDistribution;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.io.ModelSelection;
import xcert.solvers.model.Model;
import xcert.solvers.query.ExactQueries;
import xcert.solvers.query.Method;
import xcert.solvers.query.Query;
import xcert.solvers.query.QueryAnswer;
import xcert.solvers.query.QuerySettings;
import xcert.solvers.result.Scalar;
import xcert.solvers.stream.Semivalue;
import xcert.solvers.stream.StreamOptions;
import xcert.solvers.stream.StreamValues;
import xcert.solvers.stream.StreamingValues;
import xcert.spark.LocalSpark;
import xcert.spark.SparkSettings;

/**
 * Streamed Shapley and Banzhaf values on Spark (local[2]) equal the single-machine stream's exactly,
 * and the table's, on a SATLIB circuit and a generated ReLU network, under the uniform distribution,
 * a product distribution and a background.
 */
class SparkStreamingValuesTest {

  private static JavaSparkContext sc;

  @BeforeAll
  static void start() {
    sc = LocalSpark.open("SparkStreamingValuesTest");
  }

  @AfterAll
  static void stop() {
    sc.close();
  }

  private static StreamValues local(Model m, double[] x, ReferenceDistribution v, Semivalue s) {
    return StreamingValues.compute(m, x, v, s, StreamOptions.defaults().withTimeLimit(null));
  }

  private static void assertSame(StreamValues local, StreamValues spark) {
    assertEquals(local.values(), spark.values());
    assertEquals(local.fEmpty(), spark.fEmpty());
    assertEquals(local.fx(), spark.fx());
    assertEquals(local.evaluations(), spark.evaluations());
    assertEquals(local.blocks(), spark.blocks());
  }

  @Test
  void circuitUniformAndProduct() {
    Path cnf = Path.of("../examples/uf20-01.cnf");
    ModelSource src = ModelSource.of(cnf, ModelSelection.DEFAULT, 1);
    Model m = src.read();
    double[] x = new double[20];
    for (int i = 0; i < 20; i += 3) {
      x[i] = 1;
    }
    BigFraction[] p = new BigFraction[20];
    for (int i = 0; i < 20; i++) {
      p[i] = BigFraction.of(1 + i % 3, 4);
    }
    for (ReferenceDistribution v : new ReferenceDistribution[] {ProductDistribution.uniform(20),
        ProductDistribution.bernoulli(p)}) {
      for (Semivalue s : Semivalue.values()) {
        SparkStreamingValues.Result r = SparkStreamingValues.compute(sc, src, x, v, s,
            SparkSettings.defaults().withTasks(5), line -> { });
        StreamValues l = local(m, x, v, s);
        assertSame(l, r.values());
        assertEquals(5, r.provenance().tasks());
        if (s == Semivalue.SHAPLEY) { // efficiency: the values add up to f(x) - f_empty(x)
          BigFraction sum = BigFraction.ZERO;
          for (Scalar phi : r.values().values()) {
            sum = sum.add(phi.exact());
          }
          assertEquals(r.values().fx().exact().subtract(r.values().fEmpty().exact()), sum);
        }
      }
    }
  }

  @Test
  void networkBackgroundEqualsLocalAndTable(@TempDir Path dir) throws Exception {
    int d = 12;
    SplittableRandom rnd = new SplittableRandom(19);
    StringBuilder json = new StringBuilder("{\"type\": \"relu-network\", \"inputs\": " + d
        + ", \"layers\": [{\"weights\": [");
    for (int h = 0; h < 6; h++) {
      json.append(h == 0 ? "[" : ", [");
      for (int i = 0; i < d; i++) {
        json.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f",
            (rnd.nextInt(17) - 8) / 4.0));
      }
      json.append("]");
    }
    json.append("], \"bias\": [0.5, -1, 0.25, 0, -0.5, 1]}, {\"weights\": [[1, -0.5, 0.75, 1.5, "
        + "-1, 0.25]], \"bias\": [0.125]}]}");
    Path net = dir.resolve("net12.json");
    Files.writeString(net, json);
    ModelSource src = ModelSource.of(net, ModelSelection.DEFAULT, 1);
    Model m = src.read();
    double[] x = new double[d];
    double[][] rows = new double[7][d];
    for (int i = 0; i < d; i++) {
      x[i] = rnd.nextInt(2);
      for (double[] row : rows) {
        row[i] = rnd.nextInt(2);
      }
    }
    rows[6] = rows[2].clone(); // a repeated row counts twice
    ReferenceDistribution bg = new EmpiricalDistribution(rows, "background");
    for (Semivalue s : Semivalue.values()) {
      SparkStreamingValues.Result r = SparkStreamingValues.compute(sc, src, x, bg, s,
          SparkSettings.defaults(), line -> { });
      assertSame(local(m, x, bg, s), r.values());
      QueryAnswer table = ExactQueries.answer(m, x, bg, s == Semivalue.SHAPLEY ? Query.SHAPLEY
          : Query.BANZHAF, QuerySettings.defaults().withMethod(Method.TABLE));
      assertArrayEquals(table.values(), r.values().values().toArray(new Scalar[0]));
    }
  }
}
