/**
 * The written forms of what a user states: an input x and a reference distribution V (seed 004,
 * Section 2 and Eq. 1), parsed with errors that name where they were written.
 */
package xcert.solvers.notation;
