/**
 * Campaigns that map one exact check over many instances, as Spark jobs (issue 19 point 3): seed
 * 003 Lemma 3.6 (SAT ≤p AP, both directions, decided exactly) on the SATLIB instances shipped in
 * {@code data/satlib}, one instance per item, each result the single-machine {@link
 * xcert.reductions.sattoap.Lemma36Check}'s. The instances travel as their DIMACS text, so executors
 * need no shared file system.
 */
package xcert.spark.campaign;
