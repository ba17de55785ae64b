package xcert.explainers.optimalitygap;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;

/** Summarises {@link InstanceGap}s per method and problem (and, optionally, per family). */
public final class GapAggregator {

  private GapAggregator() {}

  /**
   * One summary per (method, problem), or per (method, family, problem) when {@code byFamily}; in
   * the order in which methods and families first appear, problems in {@link Problem} order.
   */
  public static List<GapSummary> summarise(List<InstanceGap> gaps, boolean byFamily) {
    Map<String, List<InstanceGap>> groups = new LinkedHashMap<>();
    for (InstanceGap g : gaps) {
      String family = byFamily ? g.family() : "all";
      groups.computeIfAbsent(g.method() + "\u0000" + family, k -> new ArrayList<>()).add(g);
    }
    List<GapSummary> out = new ArrayList<>();
    for (Map.Entry<String, List<InstanceGap>> e : groups.entrySet()) {
      String[] key = e.getKey().split("\u0000", 2);
      for (Problem p : Problem.values()) {
        List<InstanceGap> with = e.getValue().stream().filter(g -> g.gap(p).isPresent()).toList();
        if (!with.isEmpty()) {
          out.add(summary(key[0], key[1], p, with));
        }
      }
    }
    return out;
  }

  static GapSummary summary(String method, String family, Problem p, List<InstanceGap> gaps) {
    int misses = 0;
    int trivial = 0;
    List<Scalar> excess = new ArrayList<>();
    List<Scalar> hamming = new ArrayList<>();
    List<Scalar> extra = new ArrayList<>();
    List<Scalar> area = new ArrayList<>();
    Set<Provenance.Kind> kinds = EnumSet.noneOf(Provenance.Kind.class);
    for (InstanceGap g : gaps) {
      ProblemGap pg = g.gap(p).orElseThrow();
      misses += pg.hit() ? 0 : 1;
      trivial += pg.k() == 0 ? 1 : 0;
      excess.add(pg.excess());
      hamming.add(Scalars.ofInt(pg.hamming()));
      extra.add(Scalars.ofInt(pg.sizeNeeded() - pg.k()));
      area.add(g.curve().area());
      kinds.add(g.methodProvenance().kind());
    }
    return new GapSummary(method, family, p, gaps.size(), misses, trivial,
        Scalars.ratio(misses, gaps.size()), Scalars.mean(excess), Scalars.max(excess),
        Scalars.mean(hamming), Scalars.mean(extra), Scalars.mean(area), kinds);
  }
}
