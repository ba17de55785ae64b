package xcert.certificates.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.certificates.orbit.OrbitCertificate;
import xcert.solvers.errors.Excerpt;
import xcert.solvers.errors.InputException;
import xcert.solvers.io.TextFiles;
import xcert.solvers.num.Rationals;

/**
 * A certificate as a small text file that {@code xcert certify --check FILE} re-checks from scratch.
 * Line-based, UTF-8, {@code #} starts a comment:
 *
 * <pre>
 * xcert-certificate 1
 * family binomial-insertion          # monomial-deletion | monomial-insertion | binomial-insertion
 * d 20
 * partition 6,8,6                    # binomial only: |S1|,|S2|,|S3|
 * structure symmetric-binomial       # monomial | symmetric-binomial | binomial-product
 * alpha 0 0                          # one exact rational per feature orbit
 * z 137 1                            # class id and exact rational, one line per class with z ≠ 0
 * z 145 -3/64
 * optimum 128                        # the value the certificate claims
 * </pre>
 *
 * <p>The header names the problem and the orbit structure, which the checker rebuilds itself; the
 * numbers are exact rationals ("3/64", "-1", "0.25"). Class ids are those of the named structure
 * (see its class documentation). A byte-order mark may start the file; any other line than the ones
 * above, or a header key, {@code alpha} or {@code optimum} given twice, is refused with its line.
 * Nothing in the file is trusted: the checker verifies the
 * certificate on the orbits and, for d ≤ 26, lifted onto the full LP.
 */
public final class CertificateFile {

  /** The first line of every certificate file. */
  public static final String MAGIC = "xcert-certificate 1";

  /**
   * What a file says.
   *
   * @param header key/value lines before the numbers (family, d, partition, structure, …)
   * @param certificate alpha and z
   * @param claimedOptimum the optimum the file claims
   */
  public record Contents(Map<String, String> header, OrbitCertificate certificate,
      BigFraction claimedOptimum) {}

  private CertificateFile() {}

  public static void write(Path file, Map<String, String> header, OrbitCertificate c,
      BigFraction optimum) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(w, header, c, optimum);
    }
  }

  public static void write(Writer w, Map<String, String> header, OrbitCertificate c,
      BigFraction optimum) throws IOException {
    w.write(MAGIC + "\n");
    w.write("# " + c.method().replace('\n', ' ') + "\n");
    for (Map.Entry<String, String> e : header.entrySet()) {
      w.write(e.getKey() + " " + e.getValue() + "\n");
    }
    StringBuilder a = new StringBuilder("alpha");
    for (BigFraction v : c.alpha()) {
      a.append(' ').append(Rationals.format(v));
    }
    w.write(a + "\n");
    long[] support = c.support();
    BigFraction[] z = c.z();
    for (int q = 0; q < support.length; q++) {
      w.write("z " + support[q] + " " + Rationals.format(z[q]) + "\n");
    }
    w.write("optimum " + Rationals.format(optimum) + "\n");
  }

  /** The header keys a certificate may have (which ones a family needs, its checker says). */
  public static final List<String> HEADER_KEYS = List.of("family", "d", "partition", "structure",
      "kind", "poly", "x", "sets");

  /**
   * Reads a certificate file (UTF-8, an optional byte-order mark).
   *
   * @throws InputException naming the file and line when it cannot be read or is malformed
   */
  public static Contents read(Path file) {
    return TextFiles.read(file, CertificateFile::read);
  }

  public static Contents read(String source, Reader in) {
    BufferedReader br = new BufferedReader(in);
    Map<String, String> header = new LinkedHashMap<>();
    BigFraction[] alpha = null;
    List<Long> support = new ArrayList<>();
    List<BigFraction> z = new ArrayList<>();
    BigFraction optimum = null;
    int lineNo = 0;
    boolean magic = false;
    try {
      for (String raw = br.readLine(); raw != null; raw = br.readLine()) {
        lineNo++;
        if (lineNo == 1 && raw.startsWith("\uFEFF")) {
          raw = raw.substring(1);
        }
        int hash = raw.indexOf('#');
        String line = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
        if (line.isEmpty()) {
          continue;
        }
        if (!magic) {
          if (!line.equals(MAGIC)) {
            throw new InputException(source, lineNo, 1, "expected the first line '" + MAGIC
                + "', found " + Excerpt.quote(line));
          }
          magic = true;
          continue;
        }
        String[] t = line.split("\\s+");
        switch (t[0]) {
          case "alpha" -> {
            if (alpha != null) {
              throw new InputException(source, lineNo, 1, "a second 'alpha' line; expected one");
            }
            alpha = new BigFraction[t.length - 1];
            for (int i = 1; i < t.length; i++) {
              alpha[i - 1] = number(source, lineNo, t[i]);
            }
          }
          case "z" -> {
            if (t.length != 3) {
              throw new InputException(source, lineNo, 1, "expected 'z CLASS VALUE'");
            }
            long o;
            if (!t[1].matches("[0-9]{1,18}")) {
              throw new InputException(source, lineNo, 3, Excerpt.quote(t[1]) + " is not a class"
                  + " id; expected a non-negative integer");
            }
            o = Long.parseLong(t[1]);
            if (!support.isEmpty() && o <= support.get(support.size() - 1)) {
              throw new InputException(source, lineNo, 3, "class ids must increase; " + o
                  + " follows " + support.get(support.size() - 1));
            }
            support.add(o);
            z.add(number(source, lineNo, t[2]));
          }
          case "optimum" -> {
            if (t.length != 2) {
              throw new InputException(source, lineNo, 1, "expected 'optimum VALUE'");
            }
            if (optimum != null) {
              throw new InputException(source, lineNo, 1, "a second 'optimum' line; expected one");
            }
            optimum = number(source, lineNo, t[1]);
          }
          default -> {
            if (!HEADER_KEYS.contains(t[0])) {
              throw new InputException(source, lineNo, 1, "unknown line " + Excerpt.quote(line)
                  + "; expected a header line (" + String.join(", ", HEADER_KEYS)
                  + "), 'alpha', 'z' or 'optimum'");
            }
            if (t.length < 2) {
              throw new InputException(source, lineNo, 1, "expected '" + t[0] + " VALUE', found "
                  + Excerpt.quote(line));
            }
            if (header.containsKey(t[0])) {
              throw new InputException(source, lineNo, 1, "a second '" + t[0] + "' line; expected"
                  + " each header key once");
            }
            header.put(t[0], line.substring(t[0].length()).trim());
          }
        }
      }
    } catch (IOException e) {
      throw new InputException(source, lineNo + 1, 0, "cannot read: " + e.getMessage());
    }
    if (!magic) {
      throw InputException.of(source, "empty file; expected '" + MAGIC + "'");
    }
    if (alpha == null) {
      throw InputException.of(source, "no 'alpha' line");
    }
    if (optimum == null) {
      throw InputException.of(source, "no 'optimum' line");
    }
    OrbitCertificate c = new OrbitCertificate(alpha,
        support.stream().mapToLong(Long::longValue).toArray(), z.toArray(new BigFraction[0]),
        "read from " + source);
    return new Contents(header, c, optimum);
  }

  private static BigFraction number(String source, int line, String text) {
    try {
      return Rationals.parse(text);
    } catch (NumberFormatException e) {
      throw new InputException(source, line, 1, e.getMessage());
    }
  }

  /** A required header value. */
  public static String require(Contents c, String source, String key) {
    String v = c.header().get(key);
    if (v == null) {
      throw InputException.of(source, "the header lacks '" + key + "'");
    }
    return v;
  }

  /** A required integer header value. */
  public static int requireInt(Contents c, String source, String key) {
    String v = require(c, source, key);
    try {
      if (Excerpt.firstNonAscii(v) >= 0) {
        throw new NumberFormatException(v);
      }
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw InputException.of(source, Excerpt.quote(key + " " + v) + " is not a whole number");
    }
  }

}
