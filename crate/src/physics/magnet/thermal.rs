//! Temperature: the saturation magnetization M_s(T) and thermally activated
//! switching between a particle's two states (Néel–Arrhenius).
//!
//! - M_s(T)/M_s(0) = (1 − τ^{3/2})^{1/3}, τ = T/T_c: Kuz'min's form with
//!   shape parameter s = 1, which is Bloch's T^{3/2} law at low temperature
//!   and vanishes at T_c with the exponent β = ⅓ of a 3D magnet.
//! - The anisotropy field H_K is taken as temperature independent, so the
//!   anisotropy constant K = M_s(T) H_K / 2 (CGS: erg/cm³ from emu/cm³ and Oe)
//!   follows M_s(T). With the particle volume V the barrier at zero field is
//!   KV, and a = KV/(k_B T) is the one number of a class that temperature sets.
//! - Two states, "favoured" (lower energy at the present field) and
//!   "unfavoured". Escaping the unfavoured one costs E_u = KV (1 − |H|/H_sw)^n
//!   (Pfeiffer's form; exact for n = 2 along the easy axis); escaping the
//!   favoured one costs E_u + (E_unfav − E_fav), the exact Stoner–Wohlfarth
//!   energy difference of the two minima, so that detailed balance holds and
//!   the equilibrium populations are the Boltzmann ones. Rates are
//!   f0 exp(−E/k_B T) with f0 = 1/τ0.
//! - Each field (or temperature) point is held for the measuring time t; the
//!   master equation then relaxes the favoured population p exactly:
//!   p ← p_eq + (p − p_eq) e^{−λ}, λ = t (r_u + r_f).
//!   Half of an aligned ensemble has switched when E_u = k_B T ln(f0 t/ln 2),
//!   which is Sharrock's law H_c(T) = H_K [1 − ((k_B T/KV) ln(f0 t/ln 2))^{1/2}].
//!
//! # References
//! L. Néel, Ann. Géophys. 5, 99–136 (1949).
//! M. P. Sharrock, *Time dependence of switching fields in magnetic recording
//! media*, J. Appl. Phys. 76, 6413–6418 (1994).
//! M. D. Kuz'min, *Shape of temperature dependence of spontaneous
//! magnetization of ferromagnets: quantitative analysis*, Phys. Rev. Lett.
//! 94, 107204 (2005).

use crate::fast_exp::{exp, pow};
use crate::physics::constants::K_B_J_PER_K;

/// Attempt time τ0 in seconds: 1e-9 s, the usual Néel–Brown value for
/// single-domain particles (physics.md §9).
pub const TAU0_S: f64 = 1e-9;

/// k_B in erg/K, for energies from emu/cm³ × Oe × cm³.
const K_B_ERG_PER_K: f64 = K_B_J_PER_K * 1e7;

/// 1 nm³ in cm³.
const NM3_IN_CM3: f64 = 1e-21;

/// Below this λ a point changes a population by less than 1e-15: frozen.
pub const LAMBDA_FROZEN_LN: f64 = 34.5;

/// Above this 2aΔe the equilibrium population of the favoured state is 1 to
/// the last bit of an f64 (e^{−40} ≈ 4e-18).
pub const POLARISED_Z: f64 = 40.0;

/// M_s(T)/M_s(0) = (1 − (T/T_c)^{3/2})^{1/3}; zero at and above T_c.
pub fn ms_ratio(temperature_k: f64, tc_k: f64) -> f64 {
    if temperature_k >= tc_k {
        return 0.0;
    }
    let tau = temperature_k / tc_k;
    (1.0 - tau * tau.sqrt()).cbrt()
}

/// a = KV/(k_B T) with K = M_s(T) H_K/2: `ms_emu_cm3` the magnetization at T
/// (emu/cm³), `hk_oe` the anisotropy field (Oe), `volume_nm3` the volume (nm³).
/// Infinite at T = 0 (no thermal activation).
pub fn barrier_over_kt(ms_emu_cm3: f64, hk_oe: f64, volume_nm3: f64, temperature_k: f64) -> f64 {
    if temperature_k <= 0.0 {
        return f64::INFINITY;
    }
    0.5 * ms_emu_cm3 * hk_oe * volume_nm3 * NM3_IN_CM3 / (K_B_ERG_PER_K * temperature_k)
}

/// ln(f0 t) for a measuring time `measure_time_s`.
pub fn ln_attempts(measure_time_s: f64) -> f64 {
    (measure_time_s / TAU0_S).ln()
}

/// The reduced field above which a class with barrier ratio `a`, switching
/// field `h_sw` and exponent `n` can change its populations within one point
/// (λ > e^{−34.5}); negative when it can change anywhere.
pub fn active_threshold(a: f64, h_sw: f64, n: f64, ln_f0t: f64) -> f64 {
    let need = ln_f0t + LAMBDA_FROZEN_LN;
    if !a.is_finite() {
        h_sw
    } else if a <= need {
        -1.0
    } else {
        h_sw * (1.0 - pow(need / a, 1.0 / n))
    }
}

/// λ above which a point reaches equilibrium to the last bit (e^{−40}).
pub const EQUILIBRIUM_LN_LAMBDA: f64 = 3.69; // ln 40

/// One point of the master equation: the favoured population after the
/// measuring time, from `p_fav` before it; `a_u` is the unfavoured barrier
/// E_u/k_BT and `z` the gap (E_unfav − E_fav)/k_BT ≥ 0. The exponentials a
/// frozen (λ < e^{−34.5}) or fully relaxing (λ > 40) point does not need are skipped.
pub fn relax(p_fav: f64, a_u: f64, z: f64, ln_f0t: f64) -> f64 {
    Relaxation::new(a_u, z, ln_f0t).apply(p_fav)
}

/// What one point does to a population, whatever it was before: the
/// part of [`relax`] that costs exponentials, so that a class visiting the
/// same |H| several times along a loop (the barriers and the gap depend on
/// |H| only) computes it once.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Relaxation {
    /// λ < e^{−34.5}: nothing moves.
    Frozen,
    /// λ > 40: the equilibrium population p_eq, whatever came before.
    Equilibrium(f64),
    /// p_eq + (p − p_eq) e^{−λ}: (p_eq, e^{−λ}).
    Towards(f64, f64),
}

impl Relaxation {
    /// The relaxation over a barrier `a_u` = E_u/k_BT with gap `z` ≥ 0 (see [`relax`]).
    pub fn new(a_u: f64, z: f64, ln_f0t: f64) -> Self {
        let ln_rate = ln_f0t - a_u;
        if ln_rate < -LAMBDA_FROZEN_LN {
            return Self::Frozen;
        }
        // crate::fast_exp: the loop's exponentials are most of a Fig. 2
        // update in wasm, where f64::exp is software and slower.
        let back = if z >= POLARISED_Z { 0.0 } else { exp(-z) };
        let p_eq = 1.0 / (1.0 + back);
        if ln_rate > EQUILIBRIUM_LN_LAMBDA {
            return Self::Equilibrium(p_eq);
        }
        let lambda = exp(ln_rate) * (1.0 + back);
        Self::Towards(p_eq, exp(-lambda))
    }

    /// The favoured population after the point, from `p_fav` before it.
    pub fn apply(self, p_fav: f64) -> f64 {
        match self {
            Self::Frozen => p_fav,
            Self::Equilibrium(p_eq) => p_eq,
            Self::Towards(p_eq, decay) => p_eq + (p_fav - p_eq) * decay,
        }
    }
}
