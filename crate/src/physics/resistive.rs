//! The resistive transition R_s(T) of a 2D superconductor, Fig. 1b and S4
//! of the paper (physics.md §4). Temperatures in K, resistances in Ω/□.
//!
//! A homogeneous film with BKT temperature T_B conducts as
//! σ(T) = 1/R_N(T) + Δσ(T) above T_B and superconducts below it:
//!
//! - R_N(T): the metallic normal state ([`TransportParams::normal_resistance`]).
//! - Far above the mean-field T_c0, Δσ is the 2D Aslamazov–Larkin
//!   fluctuation conductance Δσ_AL = (e²/16ħ) · T_c0/(T − T_c0)
//!   ([`aslamazov_larkin_s`]).
//! - Closer in, vortex–antivortex pairs unbind at T_B and the correlation
//!   length grows as Halperin & Nelson's ξ₊ ∝ exp√(b τ_c/τ), with
//!   τ = T/T_B − 1 and τ_c = T_c0/T_B − 1. Their interpolation formula
//!   ξ₊ = ξ₀′ · sinh√(b τ_c/τ) / √(b τ_c) joins this to the Gaussian
//!   regime; with Δσ = (e²/16ħ)(ξ₊/ξ₀)² it reads
//!
//!   Δσ_HN(T) = (e²/16ħ) · (T_c0/T_B) · sinh²√(b τ_c/τ) / (b τ_c),
//!
//!   ([`fluctuation_conductance_s`]). Its high-temperature limit
//!   (sinh x ≈ x) is (e²/16ħ)·T_c0/(T − T_B), the AL law with its
//!   divergence moved from the mean-field T_c0 down to T_B, to which it
//!   converges as (T − T_c0)/(T − T_B) → 1; near T_B it gives
//!   R ∝ exp[−2√(b τ_c/τ)], the Halperin–Nelson law of Fig. S4 with the
//!   paper's b equal to 2√(b τ_c). The formula is smooth through T_c0.
//! - R = 0 below T_B.
//! - Inhomogeneity: the local T_B is Gaussian about `t_bkt` with standard
//!   deviation `t_bkt_spread` (truncated to 0 < T_B < T_c0), and the
//!   regions add in series along the Hall bar, R(T) = ⟨R(T; T_B)⟩: the
//!   regions with low T_B give the measured tail below the mean T_BKT.
//!
//! # References
//! L. G. Aslamazov and A. I. Larkin, Phys. Lett. A 26, 238 (1968);
//! B. I. Halperin and D. R. Nelson, J. Low Temp. Phys. 36, 599 (1979), the
//! interpolation formula for ξ₊ in their Sec. 4 (paper ref. 42);
//! L. Benfatto, C. Castellani and T. Giamarchi, Phys. Rev. B 80, 214506
//! (2009) (the same formula applied to R(T), and Gaussian inhomogeneity of
//! T_BKT as the origin of the resistive tail).

use super::transport::TransportParams;
use crate::input::{self, InputError};
use crate::physics::constants::{E_CHARGE_C, HBAR_JS};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Why an R(T) computation or analysis was refused.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ResistiveError {
    /// Bad temperatures, resistances, parameters or options.
    #[error(transparent)]
    Input(#[from] InputError),
    /// The curve never falls below the onset threshold.
    #[error("r never falls below {fraction} × the normal-state value {r_normal} Ω: there is no transition in the data")]
    NoTransition { fraction: f64, r_normal: f64 },
}

/// The AL conductance quantum e²/16ħ, in siemens (1.52e-5 S, 1/65.7 kΩ).
pub const AL_CONDUCTANCE_S: f64 = E_CHARGE_C * E_CHARGE_C / (16.0 * HBAR_JS);

/// 2D Aslamazov–Larkin Δσ = (e²/16ħ)·T_c0/(T − T_c0) in siemens, for T > T_c0 (else +∞).
pub fn aslamazov_larkin_s(t_k: f64, tc0_k: f64) -> f64 {
    if t_k > tc0_k {
        AL_CONDUCTANCE_S * tc0_k / (t_k - tc0_k)
    } else {
        f64::INFINITY
    }
}

/// √(b τ_c/τ) beyond which sinh² overflows; R is then 0 to every digit.
const Z_MAX: f64 = 300.0;

/// Halperin–Nelson fluctuation conductance Δσ in siemens of a homogeneous
/// film with BKT temperature `t_b_k` (see the module documentation); +∞ at
/// and below T_B.
pub fn fluctuation_conductance_s(t_k: f64, tc0_k: f64, t_b_k: f64, b_hn: f64) -> f64 {
    Region::new(t_b_k, 1.0, tc0_k, b_hn).excess_conductance_s(t_k)
}

/// R_s(T) in Ω/□ of a homogeneous film with BKT temperature `t_b_k`.
pub fn homogeneous_resistance(p: &TransportParams, t_k: f64, t_b_k: f64) -> f64 {
    Region::new(t_b_k, 1.0, p.tc0, p.b_hn).resistance(t_k, 1.0 / p.normal_resistance(t_k))
}

/// One region of the film: its BKT temperature, its weight in the series
/// sum, and the constants of its Δσ(T), computed once.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Region {
    /// Local BKT temperature, K.
    pub t_b: f64,
    /// Weight in the series average (the weights sum to 1).
    pub weight: f64,
    inv_tb: f64,
    /// b·τ_c.
    bt: f64,
    /// (e²/16ħ)·(T_c0/T_B)/(b τ_c), S.
    amp: f64,
}

impl Region {
    /// A region with BKT temperature `t_b` in a film of mean-field `tc0`.
    pub fn new(t_b: f64, weight: f64, tc0: f64, b_hn: f64) -> Self {
        let bt = b_hn * (tc0 / t_b - 1.0);
        Self {
            t_b,
            weight,
            inv_tb: 1.0 / t_b,
            bt,
            amp: AL_CONDUCTANCE_S * (tc0 / t_b) / bt,
        }
    }

    /// Δσ(T) in S, +∞ at and below T_B (sinh through one exponential).
    pub fn excess_conductance_s(&self, t_k: f64) -> f64 {
        let tau = t_k * self.inv_tb - 1.0;
        if tau <= 0.0 {
            return f64::INFINITY;
        }
        let z2 = self.bt / tau;
        if z2 < 0.25 {
            // sinh²z = z²(1 + z²/3 + 2z⁴/45 + z⁶/315 + 2z⁸/14175 + …): the
            // next term is below 1e-9 relative here, and no exp or sqrt is
            // needed (most of every curve lies here).
            let poly = 1.0
                + z2 * (1.0 / 3.0 + z2 * (2.0 / 45.0 + z2 * (1.0 / 315.0 + z2 * (2.0 / 14175.0))));
            return self.amp * z2 * poly;
        }
        let z = z2.sqrt();
        if z > Z_MAX {
            return f64::INFINITY;
        }
        let e = z.exp();
        let s = 0.5 * (e - 1.0 / e);
        self.amp * s * s
    }

    /// R(T) in Ω/□ given the normal-state conductance σ_N(T) = 1/R_N(T).
    pub fn resistance(&self, t_k: f64, sigma_n: f64) -> f64 {
        let ds = self.excess_conductance_s(t_k);
        if ds.is_infinite() {
            0.0
        } else {
            1.0 / (sigma_n + ds)
        }
    }
}

/// Nodes of the T_B distribution: midpoints of this many equal intervals
/// over ±4σ (truncated at 0 and T_c0). 256 nodes put the curve within 1e-4
/// relative of the 4096-node value at the presets (`tests/transport.rs`);
/// 64 would leave 1e-3 where a region's resistance rises within a node.
pub const SPREAD_NODES: usize = 256;

/// (local T_B, weight) pairs of the inhomogeneous film; one node when homogeneous.
pub fn bkt_distribution(p: &TransportParams) -> Vec<(f64, f64)> {
    let s = p.t_bkt_spread;
    if s <= 0.0 {
        return vec![(p.t_bkt, 1.0)];
    }
    let lo = (p.t_bkt - 4.0 * s).max(1e-6 * p.tc0);
    let hi = (p.t_bkt + 4.0 * s).min(p.tc0 * (1.0 - 1e-9));
    let h = (hi - lo) / SPREAD_NODES as f64;
    let mut nodes: Vec<(f64, f64)> = (0..SPREAD_NODES)
        .map(|k| {
            let x = lo + h * (k as f64 + 0.5);
            let u = (x - p.t_bkt) / s;
            (x, (-0.5 * u * u).exp())
        })
        .collect();
    let total: f64 = nodes.iter().map(|n| n.1).sum();
    for n in nodes.iter_mut() {
        n.1 /= total;
    }
    nodes
}

/// The regions of the film (the nodes of [`bkt_distribution`]).
pub fn regions(p: &TransportParams) -> Vec<Region> {
    bkt_distribution(p)
        .into_iter()
        .map(|(t_b, w)| Region::new(t_b, w, p.tc0, p.b_hn))
        .collect()
}

/// R_s(T) in Ω/□ of the film made of `regions`, at one temperature.
pub fn film_resistance(p: &TransportParams, regions: &[Region], t_k: f64) -> f64 {
    let sigma_n = 1.0 / p.normal_resistance(t_k);
    regions
        .iter()
        .map(|g| g.weight * g.resistance(t_k, sigma_n))
        .sum()
}

/// R_s(T) in Ω/□ at every temperature of `t_k` (K), after checking the input.
pub fn rt_model(p: &TransportParams, t_k: &[f64]) -> Result<Vec<f64>, ResistiveError> {
    p.validate()?;
    input::positive_slice("temperatureK", t_k)?;
    let regions = regions(p);
    Ok(t_k
        .iter()
        .map(|&t| film_resistance(p, &regions, t))
        .collect())
}

/// Thresholds of [`transition_temperatures`], as fractions of the normal-state value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TransitionOptions {
    /// Onset: R = 0.9 R_N, where the drop is clear of the normal state's noise.
    pub onset: f64,
    /// Midpoint: R = 0.5 R_N.
    pub mid: f64,
    /// Zero: R = 0.01 R_N, the usual "zero within the resolution" criterion.
    pub zero: f64,
    /// The normal-state value, Ω/□; when absent it is read off the curve at `tNormal`.
    pub r_normal: Option<f64>,
    /// Where the normal-state value is read, K. 5 K: where the paper
    /// characterises the normal state (Hall, Fig. 1c), well above the
    /// fluctuation region of a 2 K superconductor and below the phonon rise.
    pub t_normal: f64,
}

impl Default for TransitionOptions {
    fn default() -> Self {
        Self {
            onset: 0.9,
            mid: 0.5,
            zero: 0.01,
            r_normal: None,
            t_normal: 5.0,
        }
    }
}

/// T_c onset, midpoint and zero in K; `zero` is None when the data never get there.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TransitionTemperatures {
    /// Where R falls through `onset` × R_N, K.
    pub onset: f64,
    /// Where R falls through `mid` × R_N, K (None if it never does).
    pub mid: Option<f64>,
    /// Where R falls through `zero` × R_N, K (None if it never does).
    pub zero: Option<f64>,
    /// The normal-state value the thresholds refer to, Ω/□.
    pub r_normal: f64,
}

/// Linear interpolation of r(t) at `t0` inside the data (`t` strictly
/// increasing): in the first interval with t[i] ≤ t0 ≤ t[i+1], found by
/// bisection (a fit window's R_N is read at 5 K, near the end of a
/// 430-point curve).
fn interpolate(t: &[f64], r: &[f64], t0: f64) -> Option<f64> {
    // The first t[k] ≥ t0; the interval ends there unless t0 = t[0].
    let k = t.partition_point(|&v| v < t0);
    let i = k.saturating_sub(1);
    if k >= t.len() || i + 1 >= t.len() || !(t[i] <= t0 && t0 <= t[i + 1]) {
        return None;
    }
    let f = (t0 - t[i]) / (t[i + 1] - t[i]);
    Some(r[i] + f * (r[i + 1] - r[i]))
}

/// The highest temperature at which r rises through `level` (linear interpolation).
pub fn crossing(t: &[f64], r: &[f64], level: f64) -> Option<f64> {
    let i = (0..t.len().saturating_sub(1))
        .rev()
        .find(|&i| r[i] < level && r[i + 1] >= level)?;
    Some(t[i] + (t[i + 1] - t[i]) * (level - r[i]) / (r[i + 1] - r[i]))
}

/// Checks an R(T) curve: strictly increasing temperatures, paired finite resistances.
pub fn check_curve(t: &[f64], r: &[f64]) -> Result<(), InputError> {
    input::positive_slice("t", t)?;
    input::increasing("t", t)?;
    input::same_len("r", r, "t", t)?;
    input::finite_slice("r", r)?;
    if t.len() < 2 {
        return Err(InputError::TooShort {
            name: "t",
            len: t.len(),
            min: 2,
        });
    }
    Ok(())
}

/// The normal-state reference of `opts` for the curve (t, r), `t` strictly
/// increasing ([`check_curve`]).
pub fn normal_value(t: &[f64], r: &[f64], opts: &TransitionOptions) -> Result<f64, InputError> {
    match opts.r_normal {
        Some(v) => input::positive("options.rNormal", v, "resistance in ohm"),
        None => {
            input::positive("options.tNormal", opts.t_normal, "temperature in kelvin")?;
            let v = interpolate(t, r, opts.t_normal).ok_or(InputError::OutOfRange {
                name: "options.tNormal",
                min: t[0],
                max: t[t.len() - 1],
                value: opts.t_normal,
            })?;
            input::positive("r at options.tNormal", v, "resistance in ohm")
        }
    }
}

/// T_c onset, midpoint and zero of the curve (`t` in K, strictly
/// increasing; `r` in Ω/□): the highest temperature at which R falls through
/// each threshold times the normal-state value.
pub fn transition_temperatures(
    t: &[f64],
    r: &[f64],
    opts: &TransitionOptions,
) -> Result<TransitionTemperatures, ResistiveError> {
    check_curve(t, r)?;
    for (name, v) in [
        ("options.onset", opts.onset),
        ("options.mid", opts.mid),
        ("options.zero", opts.zero),
    ] {
        input::in_range(name, v, 1e-9, 1.0)?;
    }
    let r_normal = normal_value(t, r, opts)?;
    let onset = crossing(t, r, opts.onset * r_normal).ok_or(ResistiveError::NoTransition {
        fraction: opts.onset,
        r_normal,
    })?;
    Ok(TransitionTemperatures {
        onset,
        mid: crossing(t, r, opts.mid * r_normal),
        zero: crossing(t, r, opts.zero * r_normal),
        r_normal,
    })
}

/// Temperatures of the Fig. 1b curve, K: every 5 mK over 1.5–3.25 K (the
/// transition, finely enough that interpolated T_c's move by < 1 mK), every
/// 0.25 K to 18.25 K, every 15 K to 300 K.
pub fn fig1b_temperatures() -> Vec<f64> {
    let mut t: Vec<f64> = (0..=350).map(|k| 1.5 + 0.005 * f64::from(k)).collect();
    t.extend((1..=60).map(|k| 3.25 + 0.25 * f64::from(k)));
    t.extend((1..=19).map(|k| 15.0 + 15.0 * f64::from(k)));
    t
}
