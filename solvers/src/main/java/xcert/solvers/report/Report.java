package xcert.solvers.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The finished result of a {@link Study}: what it shows a reader, as ordered {@link Block}s, and what
 * it hands a program, as ordered fields. Immutable; the blocks carry no formatting beyond Markdown
 * emphasis in paragraphs, so any front end can render them.
 *
 * @param id the study's id, also the key of its data in a combined report
 * @param title one line saying what the study checks
 * @param blocks paragraphs and tables in reading order
 * @param data the study's numbers as ordered fields: values are numbers, strings, booleans, null,
 *     lists and maps of the same
 */
public record Report(String id, String title, List<Block> blocks, Map<String, Object> data) {

  public Report {
    Objects.requireNonNull(id);
    Objects.requireNonNull(title);
    blocks = List.copyOf(blocks);
    data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  /** Where a block is meant to be read. */
  public enum Medium {
    /** Everywhere. */
    ALL,
    /** Only in a document (report.md): long explanations, first failures in full. */
    DOCUMENT,
    /** Only on a terminal: short forms of what the document holds at length. */
    TERMINAL;

    /** True when a block of this medium belongs in {@code target} (DOCUMENT or TERMINAL). */
    public boolean shows(Medium target) {
      return this == ALL || this == target;
    }
  }

  /** A paragraph or a table. */
  public sealed interface Block permits Paragraph, Table {
    Medium medium();
  }

  /** Prose; may use Markdown emphasis and inline code. */
  public record Paragraph(String text, Medium medium) implements Block {
    public Paragraph {
      Objects.requireNonNull(text);
      Objects.requireNonNull(medium);
    }
  }

  /**
   * A table. Cells are strings, numbers, booleans or null (an empty cell); {@code title}, when not
   * empty, is a caption printed above it.
   */
  public record Table(String title, List<String> columns, List<List<Object>> rows, Medium medium)
      implements Block {
    public Table {
      Objects.requireNonNull(title);
      columns = List.copyOf(columns);
      List<List<Object>> copy = new ArrayList<>();
      for (List<Object> row : rows) {
        if (row.size() != columns.size()) {
          throw new IllegalArgumentException("row of " + row.size() + " cells in a table of "
              + columns.size() + " columns");
        }
        copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
      }
      rows = Collections.unmodifiableList(copy);
      Objects.requireNonNull(medium);
    }
  }

  /** Builds a report block by block. */
  public static Builder builder(String id, String title) {
    return new Builder(id, title);
  }

  /** Collects blocks and data in order; {@link #build()} makes the immutable report. */
  public static final class Builder {
    private final String id;
    private final String title;
    private final List<Block> blocks = new ArrayList<>();
    private final Map<String, Object> data = new LinkedHashMap<>();

    private Builder(String id, String title) {
      this.id = id;
      this.title = title;
    }

    public Builder paragraph(String text) {
      return paragraph(text, Medium.ALL);
    }

    public Builder paragraph(String text, Medium medium) {
      blocks.add(new Paragraph(text, medium));
      return this;
    }

    public Builder table(List<String> columns, List<List<Object>> rows) {
      return table("", columns, rows, Medium.ALL);
    }

    public Builder table(String title, List<String> columns, List<List<Object>> rows,
        Medium medium) {
      blocks.add(new Table(title, columns, rows, medium));
      return this;
    }

    public Builder data(String key, Object value) {
      data.put(key, value);
      return this;
    }

    public Report build() {
      return new Report(id, title, blocks, data);
    }
  }
}
