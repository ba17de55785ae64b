package xcert.spark.campaign;

import java.io.Serializable;
import java.io.StringReader;
import java.nio.file.Path;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.reductions.sattoap.ApInstance;
import xcert.reductions.sattoap.ApParameters;
import xcert.reductions.sattoap.Lemma36Check;
import xcert.solvers.io.DimacsFormat;
import xcert.solvers.io.TextFiles;

/**
 * One instance of a Lemma 3.6 campaign: a CNF as DIMACS text, its family and δ.
 *
 * @param family the SATLIB family (uf20-91, …), or any label
 * @param name the instance's file name
 * @param dimacs the CNF's text
 * @param delta δ of Lemma 3.6, in (0,1)
 */
public record Lemma36Item(String family, String name, String dimacs, BigFraction delta)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The instance of a DIMACS file. */
  public static Lemma36Item of(String family, Path file, BigFraction delta) {
    return new Lemma36Item(family, file.getFileName().toString(), TextFiles.readString(file),
        delta);
  }

  /** Lemma 3.6 checked on this instance, as the single-machine check does it. */
  public Lemma36Check.Result check() {
    DimacsFormat.Cnf cnf = DimacsFormat.readClauses(name, new StringReader(dimacs));
    return Lemma36Check.check(new ApInstance(cnf, ApParameters.forLemma(cnf.variables(), delta,
        null)), Lemma36Check.MODULAR);
  }
}
