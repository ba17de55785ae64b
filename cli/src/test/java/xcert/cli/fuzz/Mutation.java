package xcert.cli.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The ways a valid file is corrupted. Each is a pure function of the file's bytes and a seed, so a
 * case is reproduced from its reader, its mutation and its seed ({@link FileCase}).
 */
enum Mutation {
  /** The file cut at a random byte (possibly to nothing). */
  TRUNCATE(false),
  /** One to eight bytes replaced by random bytes. */
  FLIP_BYTES(false),
  /** A run of random bytes inserted at a random place. */
  GARBAGE(false),
  /** Every number replaced by a huge one (declared sizes, counts, indices, weights). */
  HUGE_NUMBERS(false),
  /** One number replaced by NaN: no reader takes it. */
  NAN(true),
  /** One number replaced by 1e400 (overflows a double). */
  OVERFLOW(false),
  /** One number replaced by 1e-400 (underflows a double to 0). */
  UNDERFLOW(false),
  /** Bytes that are not UTF-8 inserted: text readers refuse them. */
  NON_UTF8(true),
  /** Brackets and parentheses nested 100,000 deep at a random place. */
  DEEP_NESTING(false),
  /** Line ends as CRLF and a UTF-8 byte order mark in front. */
  CRLF_BOM(false),
  /** One token repeated to 200,000 characters. */
  LONG_TOKEN(false),
  /** The file emptied. */
  EMPTY(false);

  /** Whether no text reader may accept the result. */
  final boolean mustRefuseText;

  Mutation(boolean mustRefuseText) {
    this.mustRefuseText = mustRefuseText;
  }

  /** The corrupted bytes. */
  byte[] apply(byte[] file, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    return switch (this) {
      case TRUNCATE -> java.util.Arrays.copyOf(file, r.nextInt(Math.max(1, file.length)));
      case FLIP_BYTES -> {
        byte[] b = file.clone();
        int k = 1 + r.nextInt(8);
        for (int i = 0; i < k && b.length > 0; i++) {
          b[r.nextInt(b.length)] = (byte) r.nextInt(256);
        }
        yield b;
      }
      case GARBAGE -> {
        byte[] g = new byte[1 + r.nextInt(64)];
        for (int i = 0; i < g.length; i++) {
          g[i] = (byte) r.nextInt(256);
        }
        yield insert(file, r.nextInt(file.length + 1), g);
      }
      case HUGE_NUMBERS -> replaceNumbers(file, r, -1, List.of("4294967297",
          "9223372036854775808", "1000000000", "2147483647", "99999999999999999999999"));
      case NAN -> replaceNumbers(file, r, 1, List.of("NaN"));
      case OVERFLOW -> replaceNumbers(file, r, 1, List.of("1e400"));
      case UNDERFLOW -> replaceNumbers(file, r, 1, List.of("1e-400"));
      case NON_UTF8 -> insert(file, r.nextInt(file.length + 1), new byte[] {(byte) 0xC3, 0x28,
          (byte) 0xFF, (byte) 0xFE});
      case DEEP_NESTING -> {
        int depth = 100_000;
        String open = r.nextBoolean() ? "[" : "(";
        String close = open.equals("[") ? "]" : ")";
        byte[] nest = (open.repeat(depth) + close.repeat(depth)).getBytes(StandardCharsets.US_ASCII);
        yield insert(file, r.nextInt(file.length + 1), nest);
      }
      case CRLF_BOM -> {
        String s = new String(file, StandardCharsets.ISO_8859_1).replace("\r\n", "\n")
            .replace("\n", "\r\n");
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        yield insert(b, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      }
      case LONG_TOKEN -> {
        List<int[]> tokens = tokens(file);
        if (tokens.isEmpty()) {
          yield insert(file, 0, "x".repeat(200_000).getBytes(StandardCharsets.US_ASCII));
        }
        int[] t = tokens.get(r.nextInt(tokens.size()));
        byte[] tok = java.util.Arrays.copyOfRange(file, t[0], t[1]);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (b.size() < 200_000) {
          b.write(tok, 0, tok.length);
        }
        yield splice(file, t[0], t[1], b.toByteArray());
      }
      case EMPTY -> new byte[0];
    };
  }

  /** Runs of letters, digits, '.', '-', '+', '/', '_' (the tokens of every text format here). */
  private static List<int[]> tokens(byte[] f) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    while (i < f.length) {
      if (tokenByte(f[i])) {
        int j = i;
        while (j < f.length && tokenByte(f[j])) {
          j++;
        }
        out.add(new int[] {i, j});
        i = j;
      } else {
        i++;
      }
    }
    return out;
  }

  private static boolean tokenByte(byte b) {
    return Character.isLetterOrDigit(b) || b == '.' || b == '-' || b == '+' || b == '/' || b == '_';
  }

  /** Numbers: runs of digits with a sign, point or exponent around them. */
  private static List<int[]> numbers(byte[] f) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    while (i < f.length) {
      // a digit run not inside a word, or a variable's index (x12)
      boolean startsNumber = Character.isDigit(f[i])
          && (i == 0 || !Character.isLetter(f[i - 1]) || f[i - 1] == 'x');
      if (startsNumber) {
        int j = i;
        while (j < f.length && (Character.isDigit(f[j]) || f[j] == '.'
            || (f[j] == 'e' || f[j] == 'E') && j + 1 < f.length
            && (Character.isDigit(f[j + 1]) || f[j + 1] == '-'))) {
          j += (f[j] == 'e' || f[j] == 'E') && f[j + 1] == '-' ? 2 : 1;
        }
        out.add(new int[] {i, j});
        i = j;
      } else {
        i++;
      }
    }
    return out;
  }

  /** Replaces {@code count} numbers (every number when -1) by values drawn from {@code by}. */
  private static byte[] replaceNumbers(byte[] f, SplittableRandom r, int count, List<String> by) {
    List<int[]> nums = numbers(f);
    if (nums.isEmpty()) {
      return insert(f, r.nextInt(f.length + 1), by.get(0).getBytes(StandardCharsets.US_ASCII));
    }
    List<int[]> chosen = new ArrayList<>();
    if (count < 0) {
      chosen.addAll(nums);
    } else {
      chosen.add(nums.get(r.nextInt(nums.size())));
    }
    byte[] out = f;
    for (int k = chosen.size() - 1; k >= 0; k--) { // from the back, so offsets stay valid
      int[] n = chosen.get(k);
      out = splice(out, n[0], n[1],
          by.get(r.nextInt(by.size())).getBytes(StandardCharsets.US_ASCII));
    }
    return out;
  }

  private static byte[] insert(byte[] f, int at, byte[] what) {
    return splice(f, at, at, what);
  }

  private static byte[] splice(byte[] f, int from, int to, byte[] what) {
    byte[] b = new byte[f.length - (to - from) + what.length];
    System.arraycopy(f, 0, b, 0, from);
    System.arraycopy(what, 0, b, from, what.length);
    System.arraycopy(f, to, b, from + what.length, f.length - to);
    return b;
  }
}
