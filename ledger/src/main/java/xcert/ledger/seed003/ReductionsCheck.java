package xcert.ledger.seed003;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;
import xcert.reductions.emajsat.EmajsatInstance;
import xcert.reductions.emajsat.Theorem33Check;
import xcert.reductions.instances.Generated;
import xcert.reductions.instances.Satlib;
import xcert.reductions.relu.CircuitToRelu;
import xcert.reductions.relu.ReluCompilation;
import xcert.reductions.relu.ReluEquivalence;
import xcert.reductions.sattoap.ApInstance;
import xcert.reductions.sattoap.ApParameters;
import xcert.reductions.sattoap.DecisionProcedure;
import xcert.reductions.sattoap.ExhaustiveAp;
import xcert.reductions.sattoap.Lemma36Check;
import xcert.reductions.sattoap.Theorem34;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.exact.Relevance;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.io.DimacsFormat;
import xcert.solvers.model.Circuit;
import xcert.solvers.num.Rationals;
import xcert.solvers.setfunction.SetFunction;

/**
 * Seed 003 Section 3: Definition 3.5 (AP), Lemma 3.6 (SAT ≤p AP) and the two bounds of its proof,
 * Theorem 3.4 (the choice of m' and the decision procedure), Theorem 3.3 (cited without proof:
 * membership by guess-and-count and hardness by xcert's E-MAJSAT reduction, checked on instances),
 * and footnote 1 (circuits as ReLU networks). Runs the reductions library on small instances.
 */
public final class ReductionsCheck implements ClaimCheck {

  private static final BigFraction HALF = BigFraction.of(1, 2);

  @Override
  public List<String> ids() {
    return List.of("003-Def3.5", "003-Lem3.6", "003-Lem3.6-b", "003-Thm3.4", "003-Thm3.3",
        "003-fn1");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    boolean full = ctx.full();
    List<Finding> out = new ArrayList<>();
    // Lemma 3.6 by SAT4J and exact counting, and its proof's bounds
    List<DimacsFormat.Cnf> cnfs = new ArrayList<>();
    List<BigFraction> deltas = new ArrayList<>();
    int generated = full ? 100 : 16;
    for (int k = 0; k < generated; k++) {
      SplittableRandom r = new SplittableRandom(ctx.seed() + 3600 + k);
      int d = 1 + r.nextInt(8);
      cnfs.add(Generated.cnf(ctx.seed() + 3600 + k, d, 1 + r.nextInt(6 * d)));
      deltas.add(BigFraction.of(1 + r.nextInt(7), 8));
    }
    cnfs.add(DimacsFormat.readClauses(Satlib.family("uf20-91").get(0)));
    deltas.add(HALF);
    cnfs.add(DimacsFormat.readClauses(Satlib.family("uuf50-218").get(0)));
    deltas.add(HALF);
    int sat = 0;
    int held = 0;
    int boundsHeld = 0;
    int paramsHeld = 0;
    String firstBad = "";
    String firstBoundBad = "";
    BigFraction tightest = null;
    for (int i = 0; i < cnfs.size(); i++) {
      DimacsFormat.Cnf cnf = cnfs.get(i);
      BigFraction delta = deltas.get(i);
      ApInstance inst = new ApInstance(cnf, ApParameters.forLemma(cnf.variables(), delta, null));
      ApParameters a = inst.parameters();
      paramsHeld += printedQ(cnf.variables(), delta) == a.q() && printedP(delta) == a.p()
          && a.kPrime() == (long) cnf.variables() * a.q() ? 1 : 0;
      Lemma36Check.Result r = Lemma36Check.check(inst);
      sat += r.satisfiable() ? 1 : 0;
      held += r.claimHolds() ? 1 : 0;
      if (!r.claimHolds() && firstBad.isEmpty()) {
        firstBad = "d=" + cnf.variables() + " δ=" + delta + ": " + r;
      }
      boolean bounds;
      if (r.satisfiable()) {
        bounds = r.witnessRelevance().compareTo(r.unionBound()) >= 0
            && r.unionBound().compareTo(delta) >= 0;
        BigFraction slack = r.unionBound().subtract(delta);
        tightest = tightest == null || slack.compareTo(tightest) < 0 ? slack : tightest;
      } else {
        BigFraction twoP = BigFraction.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(a.p()));
        bounds = r.equivalent() && r.bestRelevance().compareTo(twoP) <= 0
            && twoP.compareTo(delta) < 0;
      }
      boundsHeld += bounds ? 1 : 0;
      if (!bounds && firstBoundBad.isEmpty()) {
        firstBoundBad = "d=" + cnf.variables() + " δ=" + delta + ": " + r;
      }
    }
    // over every S' of small Φ': the least δ-relevant size, and the No-case bound set by set
    int exhaustive = full ? 40 : 10;
    int exHeld = 0;
    int gapInstances = 0;
    long setsBounded = 0;
    String exBad = "";
    BigFraction[] exDeltas = {BigFraction.of(1, 4), HALF, BigFraction.of(3, 4)};
    for (int k = 0; k < exhaustive; k++) {
      SplittableRandom r = new SplittableRandom(ctx.seed() + 3700 + k);
      BigFraction delta = exDeltas[k % 3];
      int d = 1 + r.nextInt(delta.compareTo(HALF) > 0 ? 2 : 3);
      DimacsFormat.Cnf cnf = Generated.cnf(ctx.seed() + 3700 + k, d, 1 + r.nextInt(5 * d));
      ApInstance inst = new ApInstance(cnf, ApParameters.forLemma(d, delta, null));
      if (inst.inputs() > ExhaustiveAp.MAX_INPUTS) {
        continue;
      }
      ExhaustiveAp.Result e = ExhaustiveAp.check(inst);
      exHeld += e.claimHolds() ? 1 : 0;
      if (!e.claimHolds() && exBad.isEmpty()) {
        exBad = "d=" + d + " δ=" + delta + ": " + e;
      }
      if (!e.satisfiable()) {
        int n = inst.inputs();
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        SetFunction prob = Relevance.of(RestrictedPredictions.table(inst.phiPrime(), ones,
            ProductDistribution.uniform(n))).probability();
        long m = inst.parameters().mPrime().longValueExact();
        int p = inst.parameters().p();
        for (int s = 0; s < 1 << n; s++) {
          int size = Integer.bitCount(s);
          if (size > m) {
            continue;
          }
          setsBounded++;
          BigFraction bound = BigFraction.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(
              (int) (m + p - size)));
          if (prob.compareTo(s, bound) > 0 && exBad.isEmpty()) {
            exBad = "No-case bound fails at S'=" + s + " d=" + d + " δ=" + delta;
          }
        }
      }
    }
    // AP's gap on random circuits: instances that are neither yes nor no exist off the reduction
    SplittableRandom gr = new SplittableRandom(ctx.seed() ^ 0xA9L);
    for (int t = 0; t < 30; t++) {
      int d = 4 + gr.nextInt(3);
      Circuit c = RandomInstances.circuit(gr, d, 2 * d);
      double[] x = RandomInstances.input(gr, d, true);
      int kStar = Relevance.of(RestrictedPredictions.table(c, x, ProductDistribution.uniform(d)))
          .minRelevantInput(BigFraction.of(9, 10)).size();
      gapInstances += kStar == 2 || kStar == 3 ? 1 : 0; // (k, m) = (1, 3): neither Yes nor No
    }
    String lemmaCheck = "Lemma36Check (SAT4J for Φ, exact conditional counts on Φ') on "
        + generated + " seeded generated CNFs (d ≤ 8, δ ∈ {1/8..7/8}) and uf20-01, uuf50-01 (δ = 1/2)"
        + "; ExhaustiveAp over every S' of " + exhaustive + " small Φ' (d' ≤ 22)";
    out.add(Finding.of("003-Def3.5", exBad.isEmpty() && exHeld > 0, "ExhaustiveAp on the "
        + "reduction's instances; Relevance.minRelevantInput at δ = 9/10 on 30 seeded random "
        + "circuits (d = 4..6) read as AP with k = 1, m = 3", "on the reduction's instances the promise holds "
        + "(k* ≤ k' or k* > m', never between) on " + exHeld + " instances; off it " + gapInstances
        + " of 30 random circuits have k* ∈ {2, 3}, neither Yes nor No for (k, m) = (1, 3), where any "
        + "answer is acceptable; with k = m AP is RELEVANT-INPUT (003-Def3.1)"));
    out.add(Finding.of("003-Lem3.6", held == cnfs.size() && paramsHeld == cnfs.size()
        && exBad.isEmpty(), lemmaCheck, held + " of " + cnfs.size() + " instances (" + sat
        + " satisfiable) hold in the direction that applies; q, p, k' equal the printed formulas "
        + "on " + paramsHeld + "; every S' of the small Φ': k* ≤ k' iff satisfiable, > m' iff not ("
        + exHeld + " instances)" + (firstBad.isEmpty() ? "" : "; first failure " + firstBad)));
    out.add(Finding.of("003-Lem3.6-b", boundsHeld == cnfs.size() && exBad.isEmpty(), lemmaCheck,
        "satisfiable: exact P(Φ' | S × [q]) ≥ 1 − |S^c|·2^−q ≥ δ on every one (least slack of "
        + "the union bound over δ: " + (tightest == null ? "—" : Rationals.format(tightest))
        + "); unsatisfiable: Φ' ≡ ∧v and the best relevance over |S'| ≤ m' is ≤ 2^−p < δ; on the "
        + "small unsatisfiable Φ' every S' with |S'| ≤ m' has P ≤ 2^−(m'+p−|S'|) (" + setsBounded
        + " sets)" + (firstBoundBad.isEmpty() ? "" : "; fails: " + firstBoundBad)));
    // Theorem 3.4
    int[] ds = {1, 2, 3, 5, 10, 20, 100};
    BigFraction[] alphas = {BigFraction.of(1, 10), BigFraction.of(1, 3), HALF,
        BigFraction.of(9, 10)};
    BigFraction[] tdeltas = {BigFraction.of(1, 100), HALF, BigFraction.of(3, 4),
        BigFraction.of(99, 100)};
    int sets = 0;
    int ineqHeld = 0;
    String ineqBad = "";
    for (int d : ds) {
      for (BigFraction a : alphas) {
        for (BigFraction delta : tdeltas) {
          sets++;
          boolean ok = true;
          for (Theorem34.Inequality i : Theorem34.check(ApParameters.forTheorem34(d, delta, a))) {
            if (!(i.decided() && i.holds())) {
              ok = false;
              if (ineqBad.isEmpty()) {
                ineqBad = "d=" + d + " α=" + a + " δ=" + delta + ": " + i.name();
              }
            }
          }
          ineqHeld += ok ? 1 : 0;
        }
      }
    }
    int procedures = full ? 40 : 8;
    int procHeld = 0;
    for (int k = 0; k < procedures; k++) {
      SplittableRandom r = new SplittableRandom(ctx.seed() + 3400 + k);
      int d = 1 + r.nextInt(6);
      DimacsFormat.Cnf cnf = Generated.cnf(ctx.seed() + 3400 + k, d, 1 + r.nextInt(6 * d));
      ApInstance inst = new ApInstance(cnf, ApParameters.forTheorem34(d, BigFraction.of(
          1 + r.nextInt(7), 8), BigFraction.of(5 + r.nextInt(5), 10)));
      Lemma36Check.Result lemma = Lemma36Check.check(inst);
      procHeld += lemma.claimHolds() && DecisionProcedure.run(inst, lemma, 7).allCorrect() ? 1 : 0;
    }
    boolean t34 = ineqHeld == sets && procHeld == procedures;
    String t34Check = "Theorem34.check (inequalities (1)–(8) in exact interval arithmetic) on "
        + sets + " (d, α, δ), d ∈ {1..100}; DecisionProcedure against adversarial d'^(1−α)-"
        + "approximations on " + procedures + " seeded CNFs";
    String t34Ev = ineqHeld + " of " + sets + " parameter sets satisfy all eight inequalities, so "
        + "k'·d'^(1−α) < m'; the rule 'satisfiable iff k < m'' is right on " + procHeld + " of "
        + procedures + (ineqBad.isEmpty() ? "" : "; first failure " + ineqBad);
    out.add(t34 ? Finding.underReading("003-Thm3.4", "the proof's finite content: m' as chosen "
        + "satisfies every inequality the proof uses and the gap decides AP by the approximation's "
        + "answer; 'no polynomial-time algorithm unless P = NP' follows from Lemma 3.6 and is not "
        + "itself computed", t34Check, t34Ev) : Finding.fails("003-Thm3.4", t34Check, t34Ev));
    // Theorem 3.3
    int per = full ? 3 : 1;
    int n33 = 0;
    int red = 0;
    int mem = 0;
    String bad33 = "";
    BigFraction[] d33 = {HALF, BigFraction.of(3, 4), BigFraction.of(9, 10)};
    for (int n = 0; n <= 2; n++) {
      for (int r = 0; r <= 2; r++) {
        for (BigFraction delta : d33) {
          for (int t = 0; t < per; t++) {
            SplittableRandom rnd = new SplittableRandom(ctx.seed() + 3300 + n33);
            Theorem33Check.Result res = Theorem33Check.check(new EmajsatInstance(
                Generated.emajsat(rnd, n, r), n), delta);
            n33++;
            red += res.reductionHolds() ? 1 : 0;
            mem += res.membershipHolds() ? 1 : 0;
            if ((!res.reductionHolds() || !res.membershipHolds()) && bad33.isEmpty()) {
              bad33 = "n=" + n + " r=" + r + " δ=" + delta + ": " + res;
            }
          }
        }
      }
    }
    String t33Check = "Theorem33Check on " + n33 + " seeded E-MAJSAT instances, every n, r ≤ 2, "
        + "δ ∈ {1/2, 3/4, 9/10}: EmajsatToRelevant (xcert's reduction, padded) and GuessAndCount";
    String t33Ev = "hardness: the reduced RELEVANT-INPUT instance answers as E-MAJSAT (an NP^PP-"
        + "complete problem) on " + red + " of " + n33 + "; membership: guess a set, one PP counting"
        + " query, agrees with the exhaustive survey on " + mem + " of " + n33
        + (bad33.isEmpty() ? "" : "; first failure " + bad33);
    out.add(red == n33 && mem == n33 ? Finding.underReading("003-Thm3.3", "finite content of a "
        + "completeness claim: the membership algorithm (NP machine with a PP oracle) and a "
        + "polynomial reduction from E-MAJSAT are correct on every instance checked; the seed cites"
        + " [26] without proof and the reduction is xcert's; asymptotic completeness is not "
        + "computed", t33Check, t33Ev) : Finding.fails("003-Thm3.3", t33Check, t33Ev));
    // footnote 1
    int circuits = full ? 120 : 30;
    int agree = 0;
    double worstRatio = 0;
    List<Integer> cnfDepths = new ArrayList<>();
    for (int k = 0; k < circuits; k++) {
      SplittableRandom r = new SplittableRandom(ctx.seed() + 3500 + k);
      int d = 1 + r.nextInt(10);
      Circuit c = RandomInstances.circuit(r, d, 1 + r.nextInt(4 * d));
      ReluCompilation comp = CircuitToRelu.compile(c, 0, k % 2 == 0);
      agree += ReluEquivalence.exhaustive(c, 0, comp.network()).agrees() ? 1 : 0;
      worstRatio = Math.max(worstRatio, comp.size() / (double) Math.max(1, comp.coneNodes()));
    }
    int cnfAgree = 0;
    int cnfRuns = 0;
    for (int d : new int[] {3, 6, 10, 14, 20, 50}) {
      DimacsFormat.Cnf cnf = Generated.cnf(ctx.seed() + 3900 + d, d, 4 * d);
      Circuit c = DimacsFormat.toCircuit(cnf);
      ReluCompilation comp = CircuitToRelu.compile(c, 0);
      cnfDepths.add(comp.hiddenLayers());
      if (d <= 14) {
        cnfRuns++;
        cnfAgree += ReluEquivalence.exhaustive(c, 0, comp.network()).agrees() ? 1 : 0;
      }
    }
    boolean constantCnf = cnfDepths.stream().allMatch(h -> h == 2);
    String fnCheck = "CircuitToRelu.compile + ReluEquivalence.exhaustive on " + circuits
        + " seeded random circuits (d ≤ 10) and seeded 3-CNFs with d ∈ {3, 6, 10, 14, 20, 50}";
    String fnEv = String.format(java.util.Locale.ROOT, "network = circuit on all of {0,1}^d for "
        + "%d of %d circuits and %d of %d CNFs; hidden units ≤ %.2f × the circuit's nodes "
        + "(linear size); hidden layers of the CNFs: %s", agree, circuits, cnfAgree, cnfRuns,
        worstRatio, cnfDepths);
    boolean fnOk = agree == circuits && cnfAgree == cnfRuns && constantCnf;
    out.add(fnOk ? Finding.underReading("003-fn1", "constant depth for the circuits the hardness "
        + "proofs use (CNFs, 2 hidden layers whatever d), polynomial (linear) size for every "
        + "circuit; a circuit of unbounded depth compiles to depth proportional to its own",
        fnCheck, fnEv) : Finding.fails("003-fn1", fnCheck, fnEv));
    return out;
  }

  /** ⌈log2 d − log2(1−δ)⌉ as printed, by exact comparison with powers of two. */
  static int printedQ(int d, BigFraction delta) {
    double v = Math.log(d) / Math.log(2) - Math.log(1 - delta.doubleValue()) / Math.log(2);
    int q = (int) Math.ceil(v - 1e-9);
    // exact: 2^q ≥ d/(1−δ) > 2^(q−1)
    BigFraction target = BigFraction.of(d).divide(BigFraction.ONE.subtract(delta));
    while (BigFraction.of(BigInteger.ONE.shiftLeft(Math.max(q, 0))).compareTo(target) < 0) {
      q++;
    }
    return Math.max(q, 0);
  }

  /** ⌊−log2 δ⌋ + 1 as printed. */
  static int printedP(BigFraction delta) {
    int f = (int) Math.floor(-Math.log(delta.doubleValue()) / Math.log(2) + 1e-12);
    return f + 1;
  }
}
