package xcert.reductions.reduce;

import xcert.solvers.result.Provenance;

/**
 * One statement a reduction checked on its instance.
 *
 * @param claim the statement, citing seed 003
 * @param holds whether it held
 * @param provenance how it was decided: exact, or sampled with n and seed
 */
public record Check(String claim, boolean holds, Provenance provenance) {}
