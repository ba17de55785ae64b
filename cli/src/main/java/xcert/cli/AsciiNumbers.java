package xcert.cli;

import java.math.BigInteger;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import xcert.solvers.errors.Excerpt;

/**
 * The converters of numeric options: decimal numbers in ASCII digits only. Java's own parsers read any
 * Unicode digit ({@code Integer.parseInt("٥٠")} is 50, {@code "５"} is 5), so without these an option
 * such as {@code --samples ٥٠} would be read as 50 (picocli's own converters call
 * {@code Integer.valueOf}, which does). Otherwise they read what picocli's did: an optional sign and
 * decimal digits for integers, {@link Double#valueOf} for numbers.
 */
final class AsciiNumbers {
  private AsciiNumbers() {}

  /** Registers the converters on a command line and its subcommands. */
  static void register(CommandLine cl) {
    ITypeConverter<Integer> ints = integer(Integer::valueOf, Integer.MIN_VALUE, Integer.MAX_VALUE);
    ITypeConverter<Long> longs = integer(Long::valueOf, Long.MIN_VALUE, Long.MAX_VALUE);
    ITypeConverter<Double> doubles = text -> {
      ascii(text, "a number");
      try {
        return Double.valueOf(text);
      } catch (NumberFormatException e) {
        throw new TypeConversionException(Excerpt.quote(text) + " is not a number; expected e.g."
            + " 0.5 or 1e-3");
      }
    };
    cl.registerConverter(Integer.class, ints);
    cl.registerConverter(Integer.TYPE, ints);
    cl.registerConverter(Long.class, longs);
    cl.registerConverter(Long.TYPE, longs);
    cl.registerConverter(Double.class, doubles);
    cl.registerConverter(Double.TYPE, doubles);
    cl.registerConverter(BigInteger.class, text -> {
      decimal(text);
      return new BigInteger(text);
    });
  }

  private static <T> ITypeConverter<T> integer(Function<String, T> parse, long min, long max) {
    return text -> {
      decimal(text);
      try {
        return parse.apply(text);
      } catch (NumberFormatException e) {
        throw new TypeConversionException(Excerpt.quote(text) + " is out of range; expected an"
            + " integer in " + min + ".." + max);
      }
    };
  }

  /** An optional sign and ASCII decimal digits. */
  private static void decimal(String text) {
    ascii(text, "an integer");
    if (!text.matches("[-+]?[0-9]+")) {
      throw new TypeConversionException(Excerpt.quote(text) + " is not an integer; expected"
          + " decimal digits 0-9");
    }
  }

  private static void ascii(String text, String what) {
    int bad = Excerpt.firstNonAscii(text);
    if (bad >= 0) {
      throw new TypeConversionException(Excerpt.quote(text) + " is not " + what + ": "
          + String.format("U+%04X", (int) text.charAt(bad)) + " is not an ASCII digit; expected"
          + " the digits 0-9");
    }
  }
}
