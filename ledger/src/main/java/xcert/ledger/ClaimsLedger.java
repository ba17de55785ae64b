package xcert.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs every claim check and assembles the ledger: one entry per claim of {@code claims.tsv}, with
 * the finding of the check that covers it, or {@link Verdict#NO_CHECK} where none does. A check that
 * throws gives {@link Verdict#ERROR} entries with the message (never a verdict on the claim); a
 * check that returns findings for ids it did not declare, or two checks that declare one id, are
 * defects and stop the run.
 */
public final class ClaimsLedger {

  private ClaimsLedger() {}

  /** The claims, in the order of the resource {@code claims.tsv}. */
  public static List<Claim> claims() {
    List<Claim> out = new ArrayList<>();
    try (InputStream in = ClaimsLedger.class.getResourceAsStream("claims.tsv")) {
      if (in == null) {
        throw new IllegalStateException("claims.tsv is missing from the ledger's resources");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      Set<String> seen = new HashSet<>();
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        if (tab < 0) {
          throw new IllegalStateException("claims.tsv: no tab in '" + line + "'");
        }
        Claim c = new Claim(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
        if (!seen.add(c.id())) {
          throw new IllegalStateException("claims.tsv: id " + c.id() + " twice");
        }
        out.add(c);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }

  /** Every check, seed by seed. */
  public static List<ClaimCheck> checks() {
    List<ClaimCheck> all = new ArrayList<>();
    all.addAll(Seed000Checks.all());
    all.addAll(Seed001Checks.all());
    all.addAll(Seed002Checks.all());
    all.addAll(Seed003Checks.all());
    all.addAll(Seed004Checks.all());
    return all;
  }

  /**
   * Runs the ledger.
   *
   * @param full the larger grids of {@code reproduce --full}
   * @param seed the seed of the sampled checks
   * @param plots the folder for plots, or null for none
   * @param progress progress lines (stderr in the command-line tool)
   */
  public static Ledger run(boolean full, long seed, Path plots, Consumer<String> progress) {
    return run(checks(), full, seed, plots, progress);
  }

  /** As {@link #run(boolean, long, Path, Consumer)}, with the given checks (for tests). */
  public static Ledger run(List<ClaimCheck> checks, boolean full, long seed, Path plots,
      Consumer<String> progress) {
    long t0 = System.nanoTime();
    List<Claim> claims = claims();
    Map<String, Claim> byId = new LinkedHashMap<>();
    claims.forEach(c -> byId.put(c.id(), c));
    Map<String, ClaimCheck> owner = new HashMap<>();
    for (ClaimCheck k : checks) {
      for (String id : k.ids()) {
        if (!byId.containsKey(id)) {
          throw new IllegalStateException(k.getClass().getName() + " declares unknown claim " + id);
        }
        ClaimCheck before = owner.put(id, k);
        if (before != null) {
          throw new IllegalStateException("claim " + id + " is declared by both "
              + before.getClass().getName() + " and " + k.getClass().getName());
        }
      }
    }
    CheckContext ctx = new CheckContext(full, seed, progress, plots);
    Map<String, LedgerEntry> found = new HashMap<>();
    int n = 0;
    for (ClaimCheck k : checks) {
      n++;
      String where = k.getClass().getName();
      if (progress != null) {
        progress.accept("claims " + n + "/" + checks.size() + ": " + String.join(", ", k.ids()));
      }
      long c0 = System.nanoTime();
      List<Finding> fs;
      try {
        fs = k.run(ctx);
      } catch (RuntimeException | AssertionError e) {
        double s = (System.nanoTime() - c0) / 1e9;
        for (String id : k.ids()) {
          found.put(id, new LedgerEntry(byId.get(id), new Finding(id, Verdict.ERROR, where,
              String.valueOf(e), "", ""), where, s));
        }
        continue;
      }
      double s = (System.nanoTime() - c0) / 1e9;
      Set<String> declared = new HashSet<>(k.ids());
      for (Finding f : fs) {
        if (!declared.remove(f.id())) {
          throw new IllegalStateException(where + " returned a finding for " + f.id()
              + ", which it did not declare or returned twice");
        }
        found.put(f.id(), new LedgerEntry(byId.get(f.id()), f, where, s));
      }
      if (!declared.isEmpty()) {
        throw new IllegalStateException(where + " returned no finding for " + declared);
      }
    }
    List<LedgerEntry> entries = new ArrayList<>();
    for (Claim c : claims) {
      LedgerEntry e = found.get(c.id());
      entries.add(e != null ? e : new LedgerEntry(c, new Finding(c.id(), Verdict.NO_CHECK, "none",
          "", "", ""), "", 0));
    }
    return new Ledger(entries, full, seed, (System.nanoTime() - t0) / 1e9);
  }
}
