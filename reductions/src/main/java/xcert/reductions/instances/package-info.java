/**
 * The instances the reductions of seed 003 Section 3 are checked on: the SATLIB benchmark files
 * shipped in data/satlib ({@link xcert.reductions.instances.Satlib}) and seeded generated CNFs,
 * circuits and E-MAJSAT formulas ({@link xcert.reductions.instances.Generated}).
 */
package xcert.reductions.instances;
