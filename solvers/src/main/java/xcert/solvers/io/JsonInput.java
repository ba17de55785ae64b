package xcert.solvers.io;

import xcert.solvers.errors.InputException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.List;

/**
 * Jackson's streaming parser with every failure turned into an {@link InputException} at the line and
 * column of the offending token. A leading byte-order mark is skipped. NaN and ±Infinity tokens are let through the tokenizer so that the
 * readers can say that a number must be finite.
 */
final class JsonInput implements AutoCloseable {

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  final String source;
  private final JsonParser p;

  /** A place in the text. */
  record Loc(int line, int column) {}

  JsonInput(String source, Reader in) {
    this.source = source;
    try {
      this.p = FACTORY.createParser(skipByteOrderMark(in));
    } catch (IOException e) {
      throw new InputException(source, 0, 0, "cannot read: " + LineReader.oneLine(e));
    }
  }

  /** The reader without a leading U+FEFF, which editors on Windows write and JSON forbids. */
  private static Reader skipByteOrderMark(Reader in) throws IOException {
    PushbackReader r = new PushbackReader(in, 1);
    int c = r.read();
    if (c >= 0 && c != '\uFEFF') {
      r.unread(c);
    }
    return r;
  }

  /** The next token, or null at the end of the input. */
  JsonToken next() {
    try {
      return p.nextToken();
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String m = LineReader.oneLine(new RuntimeException(e.getOriginalMessage()));
      int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
      int col = loc == null ? 0 : Math.max(0, loc.getColumnNr());
      throw new InputException(source, line, col, "malformed JSON: " + m);
    } catch (IOException e) {
      throw new InputException(source, 0, 0, "cannot read: " + LineReader.oneLine(e));
    }
  }

  JsonToken current() {
    return p.currentToken();
  }

  Loc loc() {
    JsonLocation l = p.currentTokenLocation();
    return new Loc(Math.max(0, l.getLineNr()), Math.max(0, l.getColumnNr()));
  }

  InputException error(String problem) {
    return error(loc(), problem);
  }

  InputException error(Loc at, String problem) {
    return new InputException(source, at.line(), at.column(), problem);
  }

  /** The text of the current token (a field name, a string, or a number's literal text). */
  String text() {
    try {
      return p.getText();
    } catch (IOException e) {
      throw error("cannot read the token: " + LineReader.oneLine(e));
    }
  }

  /** Skips the value that starts at the current token (nothing for a scalar). */
  void skipChildren() {
    try {
      p.skipChildren();
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      throw new InputException(source, loc == null ? 0 : Math.max(0, loc.getLineNr()),
          loc == null ? 0 : Math.max(0, loc.getColumnNr()), "malformed JSON: "
          + LineReader.oneLine(new RuntimeException(e.getOriginalMessage())));
    } catch (IOException e) {
      throw new InputException(source, 0, 0, "cannot read: " + LineReader.oneLine(e));
    }
  }

  /** Moves to the next token, which must be of the given kind. */
  void expect(JsonToken kind, String what) {
    JsonToken t = next();
    if (t != kind) {
      throw error("expected " + what + ", found " + describe(t));
    }
  }

  /** A finite number at the current token. */
  double number(String what) {
    JsonToken t = current();
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw error("expected " + what + " (a number), found " + describe(t));
    }
    double v;
    try {
      v = p.getDoubleValue();
    } catch (IOException e) {
      throw error("cannot read " + what + ": " + LineReader.oneLine(e));
    }
    if (!Double.isFinite(v)) {
      throw error(what + " is " + text() + ", expected a finite number");
    }
    return v;
  }

  /** Reads the current token as a non-negative integer at most max. */
  long integer(String what, long max) {
    JsonToken t = current();
    if (t != JsonToken.VALUE_NUMBER_INT) {
      throw error("expected " + what + " (an integer), found " + describe(t));
    }
    String s = text();
    if (s.startsWith("-")) {
      throw error("expected " + what + " (a non-negative integer), found " + s);
    }
    long v = Tokens.digitsValue(s);
    if (v > max) {
      throw Limits.tooLarge(source, loc().line(), loc().column(), what + " is " + s
          + "; xcert reads at most " + max);
    }
    return v;
  }

  /** An unknown key in an object, naming the allowed ones. */
  InputException unknownKey(String key, String where, List<String> allowed) {
    return error("unknown key \"" + key + "\"" + where + "; allowed keys are "
        + String.join(", ", allowed));
  }

  /** After the top-level value: nothing else may follow. */
  void expectEnd(String what) {
    JsonToken t = next();
    if (t != null) {
      throw error("found " + describe(t) + " after the " + what + "; expected the end of the"
          + " file");
    }
  }

  static String describe(JsonToken t) {
    if (t == null) {
      return "the end of the file";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case END_OBJECT -> "the end of an object";
      case START_ARRAY -> "an array";
      case END_ARRAY -> "the end of an array";
      case FIELD_NAME -> "a key";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      case VALUE_NULL -> "null";
      default -> t.toString();
    };
  }

  @Override
  public void close() {
    try {
      p.close();
    } catch (IOException e) {
      // closing a parser over a reader the caller owns; nothing to report
    }
  }
}
