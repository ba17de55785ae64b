package xcert.spark.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import xcert.reductions.instances.Satlib;
import xcert.spark.SparkJobs;
import xcert.spark.SparkContexts;
import xcert.spark.SparkProvenance;
import xcert.spark.SparkSettings;

/**
 * Seed 003 Lemma 3.6 over many CNFs as one Spark job: one item per instance, each checked exactly
 * as {@link xcert.reductions.sattoap.Lemma36Check} checks it on one machine, the rows collected in
 * the items' order.
 *
 * <pre>{@code
 * List<Lemma36Item> items = SparkLemma36Campaign.satlib(Satlib.FAMILIES, BigFraction.of(1, 2));
 * SparkLemma36Campaign.Result r = SparkLemma36Campaign.run(sc, items, SparkSettings.defaults(),
 *     System.err::println);
 * }</pre>
 */
public final class SparkLemma36Campaign {

  private SparkLemma36Campaign() {}

  /**
   * The rows, in the items' order, and the job.
   *
   * @param rows one per item
   * @param provenance master, tasks, time
   */
  public record Result(List<Lemma36Row> rows, SparkProvenance provenance) {
    public Result {
      rows = List.copyOf(rows);
    }

    /** Instances on which the lemma's claim held. */
    public long claimHeld() {
      return rows.stream().filter(Lemma36Row::claimHolds).count();
    }
  }

  /** The SATLIB instances of the given families (data/satlib), at δ. */
  public static List<Lemma36Item> satlib(List<String> families, BigFraction delta) {
    List<Lemma36Item> items = new ArrayList<>();
    for (String f : families) {
      Satlib.family(f).forEach(p -> items.add(Lemma36Item.of(f, p, delta)));
    }
    return items;
  }

  /** As {@link #run(JavaSparkContext, List, SparkSettings, Consumer)}, in a context of its own. */
  public static Result run(List<Lemma36Item> items, SparkSettings settings,
      Consumer<String> progress) {
    return SparkContexts.run(settings, "xcert Lemma 3.6 campaign",
        sc -> run(sc, items, settings, progress));
  }

  /** Checks every item; one task per item unless the settings fix the task count. */
  public static Result run(JavaSparkContext sc, List<Lemma36Item> items, SparkSettings settings,
      Consumer<String> progress) {
    int tasks = settings.tasks() > 0 ? settings.tasks() : items.size();
    SparkJobs.Done<List<Lemma36Row>> done = SparkJobs.map(sc, items, tasks, new Check(),
        "xcert Lemma 3.6 on " + items.size() + " instances", progress);
    return new Result(done.value(), done.provenance());
  }

  /** One item's row. */
  private static final class Check implements Function<Lemma36Item, Lemma36Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Lemma36Row call(Lemma36Item item) {
      return Lemma36Row.of(item, item.check());
    }
  }
}
