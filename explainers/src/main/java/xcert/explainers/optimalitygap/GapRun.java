package xcert.explainers.optimalitygap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import xcert.explainers.api.Attribution;
import xcert.explainers.backend.Backend;
import xcert.solvers.instances.Instance;

/**
 * Runs a list of methods over a list of instances: the exact answers once per instance
 * ({@link ExactAnswers}), then every applicable method's scores thresholded and compared
 * ({@link GapComparison}).
 */
public final class GapRun {

  /** An instance with the group it is reported under, e.g. "circuit". */
  public record Case(String family, Instance instance) {}

  private GapRun() {}

  /** Every applicable (instance, method) pair, in instance order, then method order. */
  public static List<InstanceGap> run(List<Case> cases, List<Method> methods, GapSettings settings,
      Backend backend, Consumer<String> progress) {
    List<InstanceGap> out = new ArrayList<>();
    int n = 0;
    for (Case c : cases) {
      n++;
      if (n % 10 == 0 || n == cases.size()) {
        progress.accept("gap: instance " + n + " of " + cases.size() + " (" + c.instance() + ")");
      }
      ExactAnswers exact = ExactAnswers.of(c.instance(), settings);
      for (Method m : methods) {
        if (!m.appliesTo().test(c.instance())) {
          continue;
        }
        Attribution a = m.explain(c.instance(), backend);
        out.add(GapComparison.compare(exact, c.family(), m.name(), a.values(), a.provenance()));
      }
    }
    return out;
  }
}
