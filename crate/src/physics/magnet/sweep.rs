//! The field sweep of an ensemble: the populations of every class along the
//! loop, and the ensemble moment.
//!
//! Each class (ψ, H_K, V) carries p, the population of its "+" state. Along a
//! branch the field first favours one state, crosses zero, then favours the
//! other; the work a class needs is confined to where its populations can
//! still move:
//!
//! - where the unfavoured state's barrier is too high to cross within a point
//!   (λ < e^{−34.5}, i.e. |x| below [`active_threshold`]), nothing happens;
//! - where the favoured state is full and its equilibrium stays full
//!   (2 a ΔE/(2KV) ≥ 40), nothing happens either; along a run of falling |x|
//!   that stretch is found by bisection on the gap's monotone envelope, and
//!   along a run of growing |x| the walk stops as soon as it is reached;
//! - a class in equilibrium at every field (λ > 40 even at zero field) has
//!   p = p_eq(x), the same on both branches, computed once per field.
//!
//! Populations enter the moment through a difference array per (ψ, H_K), so
//! a class costs only the points where it changes. The barriers and the gap
//! depend on |H| only (the fields of a branch are exactly antisymmetric), so
//! the exponentials of a point ([`Relaxation`]) are computed once per class
//! and |H|, though a loop visits each |H| up to four times.
//!
//! [`active_threshold`]: super::thermal::active_threshold

use super::particle::Branch;
use super::sw_loop::Classes;
use super::thermal::{self, Relaxation, EQUILIBRIUM_LN_LAMBDA, POLARISED_Z};
use crate::fast_exp::pow;

/// Per (ψ, H_K): the "+" state's moment and energy at each field of the
/// branch, the energy gap between the states, and the gap's envelope.
struct States {
    x: Vec<f64>,
    mp: Vec<f64>,
    ep: Vec<f64>,
    de: Vec<f64>,
    de_env: Vec<f64>,
    /// (1 − |x|/h_sw)^n at each |x| (index [`States::fold`]), computed when
    /// first needed (valid where `cu_stamp` equals `pair`): the unfavoured
    /// barrier in units of KV, shared by every volume.
    cu: Vec<f64>,
    cu_stamp: Vec<u32>,
    pair: u32,
    /// Σ w p₊ of the classes in equilibrium everywhere, per field (all zero
    /// unless `eq_used`).
    eq: Vec<f64>,
    eq_used: bool,
    /// The current class's relaxation at each |x| (index [`States::fold`]),
    /// valid where `stamp` equals `class`.
    relaxation: Vec<Relaxation>,
    stamp: Vec<u32>,
    class: u32,
    h_sw: f64,
    n: f64,
}

impl States {
    fn new(nb: usize) -> Self {
        Self {
            x: vec![0.0; nb],
            mp: vec![0.0; nb],
            ep: vec![0.0; nb],
            de: vec![0.0; nb],
            de_env: vec![0.0; nb],
            cu: vec![0.0; nb],
            cu_stamp: vec![0; nb],
            pair: 0,
            eq: vec![0.0; nb],
            eq_used: false,
            relaxation: vec![Relaxation::Frozen; nb],
            stamp: vec![0; nb],
            class: 0,
            h_sw: 1.0,
            n: 2.0,
        }
    }

    /// The index of |x[j]|: j for x ≥ 0, its mirror for x < 0 (x[nb−1−j] = −x[j]).
    fn fold(&self, j: usize) -> usize {
        j.max(self.x.len() - 1 - j)
    }

    /// The number of fields with x < `t` (x ≤ `t` when `inclusive`): the
    /// partition point of the ascending x, guessed from their even spacing
    /// (every sweep's fields are evenly spaced) and corrected by walking, so
    /// it is exact for any ascending x and costs O(1) per class instead of a
    /// binary search (3 % of a Fig. 2 update natively).
    fn count_below(&self, t: f64, inclusive: bool) -> usize {
        let x = &self.x;
        let nb = x.len();
        let below = |v: f64| if inclusive { v <= t } else { v < t };
        let (Some(&first), Some(&last)) = (x.first(), x.last()) else {
            return 0;
        };
        let guess = if nb > 1 && last > first {
            ((t - first) / (last - first) * (nb - 1) as f64).ceil()
        } else {
            0.0
        };
        // A NaN or out-of-range guess saturates into 0..=nb.
        let mut k = (guess.max(0.0) as usize).min(nb);
        while k < nb && below(x[k]) {
            k += 1;
        }
        while k > 0 && !below(x[k - 1]) {
            k -= 1;
        }
        k
    }

    /// Starts a new class: every kept relaxation is stale.
    fn next_class(&mut self) {
        self.class = self.class.wrapping_add(1);
        if self.class == 0 {
            self.stamp.fill(0);
            self.class = 1;
        }
    }

    /// Clears the equilibrium populations (a no-op when none were added).
    fn clear_eq(&mut self) {
        if self.eq_used {
            self.eq.fill(0.0);
            self.eq_used = false;
        }
    }

    /// The relaxation of the current class (barrier ratio `a`) at point `j`.
    fn relaxation(&mut self, j: usize, a: f64, ln_f0t: f64) -> Relaxation {
        let k = self.fold(j);
        if self.stamp[k] != self.class {
            let cu = self.cu(k);
            self.relaxation[k] = Relaxation::new(a * cu, 2.0 * a * self.de[k], ln_f0t);
            self.stamp[k] = self.class;
        }
        self.relaxation[k]
    }

    /// Fills the arrays for `branch` at the ascending, antisymmetric `fields`.
    fn fill(&mut self, branch: &Branch, fields: &[f64], hk: f64) {
        let nb = fields.len();
        self.h_sw = branch.h_sw;
        self.n = branch.n;
        for (x, f) in self.x.iter_mut().zip(fields) {
            *x = f / hk;
        }
        branch.eval_sorted(&self.x, &mut self.mp, &mut self.ep);
        // E_unfav − E_fav at j, with the mirror point's "+" energy the "−"
        // state's: for x > 0 the "+" state is favoured.
        for (((de, &x), &e), &e_mirror) in self
            .de
            .iter_mut()
            .zip(&self.x)
            .zip(&self.ep)
            .zip(self.ep.iter().rev())
        {
            let gap = if x > 0.0 { e_mirror - e } else { e - e_mirror };
            *de = gap.max(0.0);
        }
        // Smallest gap at this |x| or beyond, where both states exist.
        let mut env = f64::INFINITY;
        for j in (nb / 2..nb).rev() {
            if self.x[j] < branch.h_sw {
                env = env.min(self.de[j]);
            }
            self.de_env[j] = env;
            self.de_env[nb - 1 - j] = env;
        }
        self.pair = self.pair.wrapping_add(1);
        if self.pair == 0 {
            self.cu_stamp.fill(0);
            self.pair = 1;
        }
        self.clear_eq();
    }

    /// (1 − |x|/h_sw)^n at point `j`, computed once per (ψ, H_K) and |x|.
    fn cu(&mut self, j: usize) -> f64 {
        let k = self.fold(j);
        if self.cu_stamp[k] != self.pair {
            self.cu[k] = pow((1.0 - self.x[k].abs() / self.h_sw).max(0.0), self.n);
            self.cu_stamp[k] = self.pair;
        }
        self.cu[k]
    }

    /// Adds a class in equilibrium at every field (weight `w`, ratio `a`).
    fn add_equilibrium(&mut self, w: f64, a: f64) {
        self.eq_used = true;
        let nb = self.x.len();
        let limit = POLARISED_Z / (2.0 * a);
        for j in nb / 2..nb {
            let x = self.x[j];
            let p = if x >= self.h_sw || self.de_env[j] >= limit {
                1.0
            } else if x == 0.0 {
                0.5
            } else {
                1.0 / (1.0 + (-2.0 * a * self.de[j]).exp())
            };
            // p₊(x) = p and p₊(−x) = 1 − p.
            self.eq[j] += w * p;
            if nb - 1 - j != j {
                self.eq[nb - 1 - j] += w * (1.0 - p);
            }
        }
    }
}

/// The loop in units of M_s(T) on the sweep down the ascending,
/// antisymmetric `fields` and back up, at several temperatures at once:
/// `a[t](hk, v)` is KV/k_BT of a class at the t-th. The states of each
/// (ψ, H_K) along the sweep — the table walk, the energy gaps, the barriers'
/// field factors — do not depend on temperature and are computed once.
pub(crate) fn reduced_loops(
    classes: &Classes,
    fields: &[f64],
    ln_f0t: f64,
    a: &[&dyn Fn(f64, f64) -> f64],
) -> Vec<Vec<f64>> {
    let nb = fields.len();
    let n_seq = 2 * nb;
    let mut totals = vec![vec![0.0; n_seq]; a.len()];
    let mut st = States::new(nb);
    let mut diff = vec![0.0; n_seq];
    // With m₋(x) = −m₊(−x), a class's moment is m₋ + p₊ (m₊ − m₋): the m₋
    // part does not depend on temperature (summed once into `base`), and
    // m₊ − m₋ at x is g(x) = m₊(x) + m₊(−x), even in x.
    let mut base = vec![0.0; n_seq];
    let mut g = vec![0.0; nb];
    for (branch, &w_psi) in classes.branches.iter().zip(&classes.angles.weight) {
        for &(hk, w_hk) in &classes.hk {
            st.fill(branch, fields, hk);
            let w = w_psi * w_hk;
            let mp = &st.mp;
            for (j, gj) in g.iter_mut().enumerate() {
                *gj = mp[j] + mp[nb - 1 - j];
            }
            // Descending (s = 0 … nb−1 at x[nb−1−s] = −x[s]): m₋ = −m₊(x[nb−1−s]) = −mp[s];
            // ascending (s = nb + j at x[j]): m₋ = −mp[nb−1−j].
            let (b_down, b_up) = base.split_at_mut(nb);
            for ((bd, bu), (&m_s, &m_mirror)) in b_down
                .iter_mut()
                .zip(b_up.iter_mut())
                .zip(mp.iter().zip(mp.iter().rev()))
            {
                *bd -= w * m_s;
                *bu -= w * m_mirror;
            }
            for (a, total) in a.iter().zip(totals.iter_mut()) {
                st.clear_eq();
                for &(v, w_v) in &classes.volume {
                    let a = a(hk, v);
                    if a < ln_f0t - EQUILIBRIUM_LN_LAMBDA {
                        st.add_equilibrium(w_v, a);
                        continue;
                    }
                    Sim {
                        st: &mut st,
                        diff: &mut diff,
                        w: w_v,
                        a,
                        ln_f0t,
                        p_plus: 1.0,
                    }
                    .run();
                }
                // The "+" population along the sweep is the running sum of its
                // changes (cleared as they are read, for the next class), plus
                // that of the classes in equilibrium. g is even, so the
                // descending half reads it as the ascending does.
                let mut p = 0.0;
                let (d_down, d_up) = diff.split_at_mut(nb);
                let (t_down, t_up) = total.split_at_mut(nb);
                if st.eq_used {
                    let eq = &st.eq;
                    for (((t, d), &gs), &e) in
                        t_down.iter_mut().zip(d_down).zip(&g).zip(eq.iter().rev())
                    {
                        p += std::mem::take(d);
                        *t += w * (p + e) * gs;
                    }
                    for (((t, d), &gj), &e) in t_up.iter_mut().zip(d_up).zip(&g).zip(eq) {
                        p += std::mem::take(d);
                        *t += w * (p + e) * gj;
                    }
                } else {
                    for ((t, d), &gs) in t_down.iter_mut().zip(d_down).zip(&g) {
                        p += std::mem::take(d);
                        *t += w * p * gs;
                    }
                    for ((t, d), &gj) in t_up.iter_mut().zip(d_up).zip(&g) {
                        p += std::mem::take(d);
                        *t += w * p * gj;
                    }
                }
            }
        }
    }
    for total in &mut totals {
        for (t, b) in total.iter_mut().zip(&base) {
            *t += b;
        }
    }
    totals
}

/// The populations of one class along the sweep, written as changes of its
/// weighted "+" population into `diff` (indexed by position in the sweep).
struct Sim<'a> {
    st: &'a mut States,
    diff: &'a mut [f64],
    w: f64,
    a: f64,
    ln_f0t: f64,
    p_plus: f64,
}

impl Sim<'_> {
    fn set(&mut self, s: usize, p_plus: f64) {
        if p_plus != self.p_plus {
            self.diff[s] += self.w * (p_plus - self.p_plus);
            self.p_plus = p_plus;
        }
    }

    fn run(&mut self) {
        self.st.next_class();
        let nb = self.st.x.len();
        // Every class starts in its "+" state at +H_max.
        self.diff[0] += self.w;
        let h_sw = self.st.h_sw;
        if !self.a.is_finite() {
            // No thermal activation: a state is left only where it ends.
            let first_below = self.st.count_below(-h_sw, true);
            if first_below > 0 {
                self.set(nb - first_below, 0.0);
            }
            let first_above = self.st.count_below(h_sw, false);
            if first_above < nb {
                self.set(nb + first_above, 1.0);
            }
            return;
        }
        let thr = thermal::active_threshold(self.a, h_sw, self.st.n, self.ln_f0t);
        // Index ranges (into the ascending fields) of the active runs. A class
        // active everywhere (thr < 0) splits its branches at x = 0 instead.
        let (above, below_down, below_up, above_up) = if thr < 0.0 {
            let neg = self.st.count_below(0.0, false);
            let non_pos = self.st.count_below(0.0, true);
            (non_pos, non_pos, neg, neg)
        } else {
            let above = self.st.count_below(thr, true);
            let below = self.st.count_below(-thr, false);
            (above, below, below, above)
        };
        // Descending: inward over j = nb−1 … above ("+" favoured), then
        // outward over j = below_down−1 … 0 ("−" favoured).
        self.inward(above..nb, true, true);
        self.outward((0..below_down).rev().map(|j| (nb - 1 - j, j)), false);
        // Ascending: inward over j = 0 … below_up−1, outward over j = above_up … nb−1.
        self.inward(0..below_up, false, false);
        self.outward((above_up..nb).map(|j| (nb + j, j)), true);
    }

    /// A run where |x| falls (`js`, walked downwards when `descending`):
    /// skip its start while the favoured state is full and stays full (by
    /// bisection: the gap envelope falls along the run), then relax point by point.
    fn inward(&mut self, js: std::ops::Range<usize>, descending: bool, plus_favoured: bool) {
        let nb = self.st.x.len();
        let full = if plus_favoured {
            self.p_plus == 1.0
        } else {
            self.p_plus == 0.0
        };
        let env = &self.st.de_env[js.clone()];
        let limit = POLARISED_Z / (2.0 * self.a);
        let skip = if !full {
            0
        } else if descending {
            env.len() - env.partition_point(|&v| v < limit)
        } else {
            env.partition_point(|&v| v >= limit)
        };
        for k in skip..js.len() {
            let j = if descending {
                js.end - 1 - k
            } else {
                js.start + k
            };
            let s = if descending { nb - 1 - j } else { nb + j };
            self.step(s, j, plus_favoured);
        }
    }

    /// A run where |x| grows: relax until the favoured state is full for good.
    fn outward(&mut self, run: impl Iterator<Item = (usize, usize)>, plus_favoured: bool) {
        let limit = POLARISED_Z / (2.0 * self.a);
        for (s, j) in run {
            let forced = self.step(s, j, plus_favoured);
            let full = if plus_favoured {
                self.p_plus == 1.0
            } else {
                self.p_plus == 0.0
            };
            if forced || (full && self.st.de_env[j] >= limit) {
                break;
            }
        }
    }

    /// One point; returns whether the unfavoured state had ceased to exist.
    fn step(&mut self, s: usize, j: usize, plus_favoured: bool) -> bool {
        let p_fav = if plus_favoured {
            self.p_plus
        } else {
            1.0 - self.p_plus
        };
        let forced = self.st.x[j].abs() >= self.st.h_sw;
        let p_fav = if forced {
            1.0
        } else {
            self.st.relaxation(j, self.a, self.ln_f0t).apply(p_fav)
        };
        self.set(s, if plus_favoured { p_fav } else { 1.0 - p_fav });
        forced
    }
}

#[cfg(test)]
mod tests {
    use super::States;

    /// `count_below` is the partition point of any ascending x, evenly
    /// spaced (its fast path) or not, at thresholds on, between and beyond
    /// the points, and NaN.
    #[test]
    fn count_below_is_the_partition_point() {
        let even: Vec<f64> = (0..41).map(|j| -2.0 + 0.1 * j as f64).collect();
        let uneven: Vec<f64> = (0..41).map(|j| ((j as f64 - 20.0) / 7.0).powi(3)).collect();
        for x in [even, uneven, vec![0.5], Vec::new()] {
            let mut st = States::new(x.len());
            st.x.clone_from(&x);
            let mut ts: Vec<f64> = x
                .iter()
                .flat_map(|&v| [v, v - 1e-12, v + 1e-12, v + 0.05])
                .collect();
            ts.extend([-1e9, 1e9, f64::INFINITY, f64::NEG_INFINITY, f64::NAN, 0.0]);
            for t in ts {
                assert_eq!(
                    st.count_below(t, false),
                    x.partition_point(|&v| v < t),
                    "x < {t}"
                );
                assert_eq!(
                    st.count_below(t, true),
                    x.partition_point(|&v| v <= t),
                    "x ≤ {t}"
                );
            }
        }
    }
}
