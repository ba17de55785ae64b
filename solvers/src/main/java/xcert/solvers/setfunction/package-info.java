/**
 * Set functions over all 2^d subsets, exact or float64: the tables of f_S(x), Δsuf, Δnec and Δuni
 * (seed 004, Definitions 2.1–2.2 and Section 4), the distance ρ, up- and down-closures for
 * ε-super-sufficiency, and the memory checks made before a table is allocated.
 */
package xcert.solvers.setfunction;
