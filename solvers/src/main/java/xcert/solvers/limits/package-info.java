/**
 * The one size and cost policy of xcert: the bound of every size-like option ({@link SizePolicy})
 * and the estimate of a run's work and memory ({@link CostEstimate}) checked before any work or
 * allocation. Every command refuses by these, so the caps agree across commands; the README's
 * "Size and cost policy" section is their table.
 */
package xcert.solvers.limits;
