package xcert.certificates.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import xcert.certificates.fit.ExponentialFit;
import xcert.certificates.fit.OptimaPlot;
import xcert.certificates.problem.BinomialPartition;
import xcert.certificates.problem.Families;
import xcert.solvers.num.Rationals;

/**
 * The summary of a family's certificates over a range of d: {@code FAMILY.json} (the family and one
 * object of ordered fields per d) and {@code FAMILY.png}, the certified optima beside the curves seed
 * 002 reports (Theorem 1 and Figure 2a for deletion, Figure 2b and Theorem 2 for insertion).
 */
public final class CertificateSummary {

  private CertificateSummary() {}

  /**
   * Writes the JSON summary and, when two or more certified optima are positive, the plot.
   *
   * @param rows one map per d with at least "d" (Integer), "certified" (Boolean) and "optimum"
   */
  public static void write(Path dir, String family, BinomialPartition.Rule rule,
      List<Map<String, Object>> rows) throws IOException {
    StringWriter json = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(json)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("family", family);
      g.writeFieldName("rows");
      g.writeStartArray();
      for (Map<String, Object> row : rows) {
        g.writeStartObject();
        for (Map.Entry<String, Object> e : row.entrySet()) {
          g.writeFieldName(e.getKey());
          writeValue(g, e.getValue());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    Files.writeString(dir.resolve(family + ".json"), json + "\n");
    List<Double> ds = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      if (Boolean.TRUE.equals(r.get("certified"))) {
        double y = Rationals.parse((String) r.get("optimum")).doubleValue();
        if (y > 0) {
          ds.add(((Integer) r.get("d")).doubleValue());
          ys.add(y);
        }
      }
    }
    if (ds.size() < 2) {
      return;
    }
    double[] d = ds.stream().mapToDouble(Double::doubleValue).toArray();
    double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
    List<OptimaPlot.Curve> curves = new ArrayList<>();
    double lo = d[0];
    double hi = d[d.length - 1];
    if (family.equals(Families.MONOMIAL_DELETION)) {
      curves.add(new OptimaPlot.Curve("paper: e^(0.664 d - 1.159)", ExponentialFit.PAPER_DELETION,
          lo, hi));
    } else if (family.equals(Families.BINOMIAL_INSERTION)) {
      curves.add(new OptimaPlot.Curve("paper Fig. 2: e^(0.198 d + 1.332) + 4.778",
          ExponentialFit.PAPER_INSERTION_FIGURE, lo, hi));
      curves.add(new OptimaPlot.Curve("paper App. A: e^(0.217 d + 1.010) + 2.778",
          ExponentialFit.PAPER_INSERTION_APPENDIX, lo, hi));
    }
    OptimaPlot.write(dir.resolve(family + ".png"), family + (family.equals(
        Families.BINOMIAL_INSERTION) ? " (" + rule.name().toLowerCase(Locale.ROOT) + " partition)"
        : "") + ": certified optima", List.of(new OptimaPlot.Points("certified optimum", d, y)),
        curves);
  }

  private static void writeValue(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Double x) {
      if (Double.isFinite(x)) {
        g.writeNumber(x);
      } else {
        g.writeString(Double.toString(x));
      }
    } else {
      g.writeString(String.valueOf(v));
    }
  }
}
