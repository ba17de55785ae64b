package xcert.solvers.io;

import xcert.solvers.errors.Excerpt;
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
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's streaming parser with every failure turned into an {@link InputException} at the line and
 * column of the offending token, in this format's words (what was found, what was expected) rather
 * than Jackson's. A number whose text is not zero but whose double is 0 is refused like one that
 * overflows. A leading byte-order mark is skipped. NaN and ±Infinity tokens are let through the tokenizer so that the
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
      JsonLocation loc = e.getLocation() != null ? e.getLocation() : p.currentLocation();
      int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
      int col = loc == null ? 0 : Math.max(0, loc.getColumnNr());
      Matcher word = e.getOriginalMessage() == null ? null
          : UNRECOGNIZED.matcher(e.getOriginalMessage());
      if (word != null && word.lookingAt()) {
        // Jackson places the error after the word, of which it keeps 256 characters and "..."
        int read = word.group(1).length() - (word.group(1).endsWith("...") ? 3 : 0);
        col = col > read ? col - read : col;
      }
      throw new InputException(source, line, col, "malformed JSON: "
          + explain(e.getOriginalMessage()));
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
      JsonLocation loc = e.getLocation() != null ? e.getLocation() : p.currentLocation();
      throw new InputException(source, loc == null ? 0 : Math.max(0, loc.getLineNr()),
          loc == null ? 0 : Math.max(0, loc.getColumnNr()), "malformed JSON: "
          + explain(e.getOriginalMessage()));
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
      throw error(what + " is " + Excerpt.show(text()) + ", expected a finite number");
    }
    if (v == 0 && !Sources.isZero(text())) {
      throw error(what + " is " + Excerpt.show(text()) + ", which underflows a double to 0;"
          + " expected 0 or a number at least 4.9e-324 in magnitude");
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
      throw error("expected " + what + " (a non-negative integer), found " + Excerpt.show(s));
    }
    long v = Tokens.digitsValue(s);
    if (v > max) {
      throw Limits.tooLarge(source, loc().line(), loc().column(), what + " is " + Excerpt.show(s)
          + "; xcert reads at most " + max);
    }
    return v;
  }

  /** An unknown key in an object, naming the allowed ones. */
  InputException unknownKey(String key, String where, List<String> allowed) {
    return error("unknown key " + Excerpt.quoteJson(key) + where + "; allowed keys are "
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

  private static final Pattern UNRECOGNIZED =
      Pattern.compile("Unrecognized token '(.*)': was expecting", Pattern.DOTALL);
  private static final Pattern UNEXPECTED =
      Pattern.compile("Unexpected character \\('(.)' \\(code (\\d+)\\)\\)(.*)", Pattern.DOTALL);
  private static final Pattern CLOSE =
      Pattern.compile("Unexpected close marker '(.)': expected '(.)' \\(for (\\w+)", Pattern.DOTALL);
  private static final Pattern LENGTH = Pattern.compile(
      "(Number value|String value|Name|Document nesting) (?:length|depth) \\((\\d+)\\) exceeds the"
      + " maximum (?:allowed|length) \\((\\d+)", Pattern.DOTALL);
  private static final Pattern ESCAPE =
      Pattern.compile("Unrecognized character escape '(.)'", Pattern.DOTALL);
  private static final Pattern CONTROL =
      Pattern.compile("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
  private static final String VALUE =
      "a JSON value (a string, a number, an array, an object, true, false or null)";

  /**
   * Jackson's message in the words of this format: what was found and what was expected, without
   * the parser's internals (its source descriptions, feature names and character codes).
   */
  static String explain(String m) {
    if (m == null) {
      return "unreadable JSON; expected " + VALUE;
    }
    Matcher x = UNRECOGNIZED.matcher(m);
    if (x.lookingAt()) {
      String word = x.group(1); // Jackson cuts a long word itself, ending it with "..."
      boolean cut = word.endsWith("...") || word.length() > Excerpt.MAX_SHOWN;
      String shown = Excerpt.cut(word.substring(0, Math.min(word.length(), Excerpt.MAX_SHOWN)));
      return "unrecognized word '" + shown + (cut ? "...'" : "'") + "; expected " + VALUE;
    }
    x = UNEXPECTED.matcher(m);
    if (x.lookingAt()) {
      String c = character(Integer.parseInt(x.group(2)));
      String rest = x.group(3);
      if (rest.contains("double-quote to start field name")) {
        return "unexpected " + c + "; expected a key in double quotes (and no comma before '}')";
      }
      if (rest.contains("colon to separate")) {
        return "unexpected " + c + "; expected ':' between a key and its value";
      }
      if (rest.contains("Object entries")) {
        return "unexpected " + c + "; expected ',' or '}'";
      }
      if (rest.contains("Array entries")) {
        return "unexpected " + c + "; expected ',' or ']'";
      }
      if (rest.contains("plus sign")) {
        return "a number with a '+' sign; JSON numbers have none (write 1, not +1)";
      }
      if (rest.contains("in numeric value")) {
        return "malformed number before " + c + "; expected digits after a '-', a '.' or an"
            + " exponent 'e'";
      }
      return "unexpected " + c + "; expected " + VALUE;
    }
    x = CLOSE.matcher(m);
    if (x.lookingAt()) {
      String kind = x.group(3);
      return "unexpected '" + x.group(1) + "'" + (kind.equals("root")
          ? "; expected nothing after the end of the value"
          : "; expected '" + x.group(2) + "' to close the " + kind.toLowerCase(Locale.ROOT));
    }
    if (m.startsWith("Unexpected end-of-input")) {
      if (m.contains("for Object") || m.contains("Object entries")) {
        return "the file ends inside an object; expected '}'";
      }
      if (m.contains("for Array") || m.contains("Array entries")) {
        return "the file ends inside an array; expected ']'";
      }
      if (m.contains("quote") || m.contains("field name")) {
        return "the file ends inside a string; expected its closing '\"'";
      }
      return "the file ends inside a value; expected the rest of " + VALUE;
    }
    if (m.startsWith("Invalid numeric value: Leading zeroes")) {
      return "a number with a leading zero; JSON numbers have none (write 7, not 07)";
    }
    x = CONTROL.matcher(m);
    if (x.lookingAt()) {
      return "a control character " + character(Integer.parseInt(x.group(1))) + " inside a string;"
          + " expected it escaped (\\n, \\t, \\u0000)";
    }
    x = ESCAPE.matcher(m);
    if (x.lookingAt()) {
      return "unknown escape '\\" + Excerpt.cut(x.group(1)) + "' in a string; expected one of"
          + " \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX";
    }
    x = LENGTH.matcher(m);
    if (x.lookingAt()) {
      return switch (x.group(1)) {
        case "Number value" -> "a number of " + x.group(2) + " characters; xcert reads numbers of at"
            + " most " + x.group(3);
        case "String value" -> "a string of " + x.group(2) + " characters; xcert reads strings of at"
            + " most " + x.group(3);
        case "Name" -> "a key of " + x.group(2) + " characters; xcert reads keys of at most "
            + x.group(3);
        default -> "arrays and objects nested " + x.group(2) + " deep; xcert reads at most "
            + x.group(3) + " levels";
      };
    }
    // anything else: Jackson's words without its source descriptions and feature names
    String t = LineReader.oneLine(new RuntimeException(m))
        .replaceAll("`[^`]*`", "")
        .replaceAll("\\s*\\((?:for|start marker|from)[^)]*\\)+", "")
        .replaceAll("\\[Source:[^\\]]*\\]", "")
        .replaceAll(" \\(code \\d+\\)", "");
    return (t.isEmpty() ? "unreadable JSON" : Character.toLowerCase(t.charAt(0)) + t.substring(1))
        + "; expected " + VALUE;
  }

  /** A character for a message: 'c' when printable, else its code point U+XXXX. */
  private static String character(int code) {
    return code > 32 && code < 127 ? "'" + (char) code + "'" : String.format("U+%04X", code);
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
