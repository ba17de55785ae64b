/**
 * Reference distributions V from which the features outside S are drawn in f_S(x) (seed 004, Eq. 1):
 * products of finite supports (uniform, Bernoulli, point masses as baselines), empirical rows, and
 * finite joint distributions used conditionally (seed 004, Corollary 5.1).
 */
package xcert.solvers.dist;
