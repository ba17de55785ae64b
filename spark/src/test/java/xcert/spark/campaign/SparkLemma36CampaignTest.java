package xcert.spark.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import xcert.reductions.instances.Satlib;
import xcert.reductions.sattoap.ApInstance;
import xcert.reductions.sattoap.ApParameters;
import xcert.reductions.sattoap.Lemma36Check;
import xcert.solvers.io.DimacsFormat;
import xcert.spark.LocalSpark;
import xcert.spark.SparkSettings;

/** A small SATLIB campaign of Lemma 3.6 on Spark (local[2]) gives the single-machine rows. */
class SparkLemma36CampaignTest {

  private static JavaSparkContext sc;

  @BeforeAll
  static void start() {
    sc = LocalSpark.open("SparkLemma36CampaignTest");
  }

  @AfterAll
  static void stop() {
    sc.close();
  }

  @Test
  void campaignEqualsLocal() {
    BigFraction delta = BigFraction.of(1, 2);
    List<Lemma36Item> items = new ArrayList<>();
    List<Lemma36Row> local = new ArrayList<>();
    for (String fam : List.of("uf20-91", "uuf50-218")) {
      for (Path p : Satlib.family(fam).subList(0, 3)) {
        items.add(Lemma36Item.of(fam, p, delta));
        DimacsFormat.Cnf cnf = DimacsFormat.readClauses(p);
        Lemma36Check.Result r = Lemma36Check.check(new ApInstance(cnf,
            ApParameters.forLemma(cnf.variables(), delta, null)));
        local.add(Lemma36Row.of(items.get(items.size() - 1), r));
      }
    }
    SparkLemma36Campaign.Result spark = SparkLemma36Campaign.run(sc, items,
        SparkSettings.defaults(), s -> { });
    assertEquals(local, spark.rows());
    assertEquals(6, spark.claimHeld());
    for (Lemma36Row row : spark.rows()) {
      assertEquals(row.family().startsWith("uf"), row.satisfiable(), row.name());
    }
    assertEquals(6, spark.provenance().tasks());
    assertTrue(spark.provenance().tasksPerSecond() > 0);
  }
}
