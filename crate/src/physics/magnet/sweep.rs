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
            self.cu[k] = (1.0 - self.x[k].abs() / self.h_sw).max(0.0).powf(self.n);
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
    for (branch, &w_psi) in classes.branches.iter().zip(&classes.angles.weight) {
        for &(hk, w_hk) in &classes.hk {
            st.fill(branch, fields, hk);
            for (a, total) in a.iter().zip(totals.iter_mut()) {
                st.clear_eq();
                diff.fill(0.0);
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
                let w = w_psi * w_hk;
                // The "+" populations along the sweep: the running sum of the changes.
                let mut p = 0.0;
                for d in diff.iter_mut() {
                    p += *d;
                    *d = p;
                }
                // m = m₋ + p₊ (m₊ − m₋) with m₋(x) = −m₊(−x); descending
                // first (s = 0 … nb−1 at j = nb−1−s), then ascending (j).
                let (down, up) = total.split_at_mut(nb);
                let (p_down, p_up) = diff.split_at(nb);
                let mp = &st.mp;
                for ((((t, &p), &m_s), &m_j), &eq) in down
                    .iter_mut()
                    .zip(p_down)
                    .zip(mp)
                    .zip(mp.iter().rev())
                    .zip(st.eq.iter().rev())
                {
                    let m_minus = -m_s;
                    *t += w * (m_minus + (p + eq) * (m_j - m_minus));
                }
                for ((((t, &p), &m_mirror), &m_j), &eq) in up
                    .iter_mut()
                    .zip(p_up)
                    .zip(mp.iter().rev())
                    .zip(mp)
                    .zip(&st.eq)
                {
                    let m_minus = -m_mirror;
                    *t += w * (m_minus + (p + eq) * (m_j - m_minus));
                }
            }
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
            let first_below = self.st.x.partition_point(|&v| v <= -h_sw);
            if first_below > 0 {
                self.set(nb - first_below, 0.0);
            }
            let first_above = self.st.x.partition_point(|&v| v < h_sw);
            if first_above < nb {
                self.set(nb + first_above, 1.0);
            }
            return;
        }
        let thr = thermal::active_threshold(self.a, h_sw, self.st.n, self.ln_f0t);
        let x = &self.st.x;
        // Index ranges (into the ascending fields) of the active runs. A class
        // active everywhere (thr < 0) splits its branches at x = 0 instead.
        let (above, below_down, below_up, above_up) = if thr < 0.0 {
            let neg = x.partition_point(|&v| v < 0.0);
            let non_pos = x.partition_point(|&v| v <= 0.0);
            (non_pos, non_pos, neg, neg)
        } else {
            let above = x.partition_point(|&v| v <= thr);
            let below = x.partition_point(|&v| v < -thr);
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
