/**
 * Exact Shapley and Banzhaf values (seed 004, Section 5.2) of the game v(S) = f_S(x) (seed 004, Eq. 1)
 * in one streaming pass over the inputs, with no table of the 2^d values f_S(x).
 *
 * <h2>The identity</h2>
 *
 * Let every feature j take one of two values, x_j or an alternative y_j, and let V draw feature j
 * independently, equal to x_j with probability q_j (the uniform distribution on {0,1}^d has
 * y_j = 1 − x_j and q_j = 1/2; a point mass at r has y_j = r_j and q_j = 0; features with q_j = 1
 * never move and are null players, so they are left out and get the value 0). For an input z of the
 * grid Π_j {x_j, y_j} write A(z) = {j : z_j = x_j}. Then
 *
 * <pre>
 *   f_S(x) = Σ_z f(z) [S ⊆ A(z)] Π_{j ∉ S} p_j(z_j),   p_j(x_j) = q_j,  p_j(y_j) = 1 − q_j,
 * </pre>
 *
 * and for i ∉ S the marginal contribution is
 *
 * <pre>
 *   f_{S∪i}(x) − f_S(x) = Σ_z f(z) [S ⊆ A(z)\{i}] Π_{j ∉ S∪i} p_j(z_j) · ([i ∈ A(z)] − p_i(z_i)),
 * </pre>
 *
 * since f_S(x) splits the factor of feature i off the product and f_{S∪i}(x) forces z_i = x_i. The
 * last factor is (1 − q_i) when i ∈ A(z) and −(1 − q_i) when not. Group the features into classes
 * c = 1..K of equal q (n_c features each) and let a_c(z) be the number of class-c features in A(z).
 * Summing a semivalue with weight ω(|S|) (Shapley: ω(s) = s!(m−s−1)!/m!; Banzhaf: ω(s) = 2^{−(m−1)},
 * m the number of players) over S ⊆ A(z)\{i} gives
 *
 * <pre>
 *   φ_i = Σ_z f(z) · ( [i ∈ A(z)] W⁺_{c(i)}(a(z)) − [i ∉ A(z)] W⁻(a(z)) ),
 *   R(a)      = Σ_{t ≤ a} ω(|t|) Π_c C(a_c, t_c) q_c^{a_c − t_c},
 *   D(a)      = Π_c (1 − q_c)^{n_c − a_c},
 *   W⁺_c(a)   = R(a − e_c) · D(a) · (1 − q_c),      W⁻(a) = R(a) · D(a),
 * </pre>
 *
 * because the product over j ∉ S∪i is Π_{j ∈ A\S\i} q_j · Π_{j ∉ A, j ≠ i} (1 − q_j), and the number
 * of sets S ⊆ A\{i} with t_c members in class c is Π_c C(a_c − [c = c(i)], t_c). The weight of z
 * depends only on its agreement counts a(z) and on whether i agrees, so
 *
 * <pre>
 *   φ_i = Σ_a G_i(a) (W⁺_{c(i)}(a) + W⁻(a)) − T(a) W⁻(a),
 *   T(a) = Σ_{z : a(z) = a} f(z),   G_i(a) = Σ_{z : a(z) = a, i ∈ A(z)} f(z),
 * </pre>
 *
 * and likewise f_∅(x) = Σ_a T(a) Π_c q_c^{a_c} (1 − q_c)^{n_c − a_c} and f(x) = T(n). The counts T and
 * G take Π_c (n_c + 1) · (d + 1) numbers: O(d²) for the uniform distribution. They are sums over z, so
 * any partition of the inputs into blocks gives partial counts that add up ({@link StreamCounts#plus}),
 * computed independently, in any order, on any machine. With K = 1 and q = 1/2 this is the classical
 * fact that the Shapley value of a Boolean function under the uniform distribution is a function of
 * its counts by Hamming level.
 *
 * <h2>Backgrounds</h2>
 *
 * For the empirical distribution of rows r_1..r_n, f_S(x) = (1/n) Σ_r f(x_S, r_{S^c}) is an average of
 * point-mass games, one per row, whose players are the features D_r where r differs from x (the others
 * are null players of that game). Shapley and Banzhaf values are linear in the game and ignore null
 * players, so φ = (1/n) Σ_r φ^{(r)}, each over 2^{|D_r|} inputs; rows with equal |D_r| share their
 * weights, so their counts are kept together.
 *
 * <h2>Exactness</h2>
 *
 * Circuits give f(z) ∈ {0,1} and the counts are integers; ReLU networks give exact numerators over one
 * common denominator ({@link xcert.solvers.exact.NetworkGrid}); all counts are 128-bit integers and
 * the weights are rationals, so every value is exact.
 */
package xcert.solvers.stream;
