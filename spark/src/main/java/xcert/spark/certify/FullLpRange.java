package xcert.spark.certify;

import java.io.StringReader;
import xcert.certificates.CertificateCheck;
import xcert.certificates.check.Certificate;
import xcert.certificates.check.Verifier;
import xcert.certificates.io.CertificateFile;
import xcert.certificates.orbit.Lifting;
import xcert.spark.ExecutorCache;
import xcert.spark.SparkJobs;

/**
 * One task of a full-LP check: the exact sums over a range of the sets, from the certificate file's
 * text (rebuilt and lifted once per executor JVM).
 *
 * @param source the file's name, for messages
 * @param text the certificate file's text
 */
record FullLpRange(String source, String text) implements SparkJobs.RangeTask<Verifier.Sums> {

  private static final long serialVersionUID = 1L;

  /** The rebuilt file and its certificate lifted onto the full LP. */
  record Prepared(CertificateCheck.Rebuilt rebuilt, Certificate lifted) {}

  @Override
  public Verifier.Sums apply(long from, long to) {
    Prepared p = prepared();
    return Verifier.verifyRange(p.rebuilt().problem(), p.lifted(), from, to);
  }

  Prepared prepared() {
    return ExecutorCache.get(ExecutorCache.key("certificate", source, text), () -> prepare(source,
        text));
  }

  static Prepared prepare(String source, String text) {
    CertificateCheck.Rebuilt r = CertificateCheck.rebuild(source,
        CertificateFile.read(source, new StringReader(text)));
    return new Prepared(r, Lifting.lift(r.structure(), r.certificate()));
  }
}
