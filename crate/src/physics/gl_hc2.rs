//! Temperature dependence of the upper critical field, Fig. S3 of the paper
//! (physics.md §3), and the Pauli limit it exceeds.
//!
//! Temperatures are in kelvin, fields are μ0H in tesla, lengths in nm.
//!
//! - Field ⟂ film (orbital, GL): μ0H_c2⟂(T) = Φ0 / (2π ξ_GL(0)²) · (1 − T/T_c).
//! - Field ∥ film of thickness d_sc < ξ (Tinkham's thin film):
//!   μ0H_c2∥(T) = Φ0 √12 / (2π ξ_GL(0) d_sc) · (1 − T/T_c)^½.
//! - Both are zero at and above T_c.
//! - Pauli (Clogston–Chandrasekhar) limit: μ0H_P = Δ0/(√2 μ_B) with the BCS
//!   weak-coupling gap Δ0 = 1.764 k_B T_c, i.e. 1.857 T per kelvin of T_c.
//!
//! One joint least-squares fit of both directions gives T_c, ξ_GL(0) and
//! d_sc: T_c is shared, ξ is set by H⟂ and the product ξ·d by H∥.
//!
//! # References
//! M. Tinkham, *Introduction to Superconductivity*, 2nd ed. (McGraw–Hill,
//! 1996), §4.9 (H_c2⟂) and §4.8.3 (thin film in a parallel field);
//! A. M. Clogston, Phys. Rev. Lett. 9, 266 (1962);
//! B. S. Chandrasekhar, Appl. Phys. Lett. 1, 7 (1962).

use crate::fit::{self, FitError, FitReport};
use crate::input::{self, InputError};
use crate::physics::constants::{K_B_J_PER_K, MU_B_J_PER_T, PHI0_WB};
use rand::{rngs::StdRng, SeedableRng};
use rand_distr::{Distribution, Normal};
use serde::Serialize;
use std::f64::consts::PI;
use thiserror::Error;

/// Why an H_c2(T) computation or fit was refused.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum GlHc2Error {
    /// Bad temperatures, fields or parameters.
    #[error(transparent)]
    Input(#[from] InputError),
    /// The fit could not be attempted.
    #[error(transparent)]
    Fit(#[from] FitError),
}

/// BCS weak-coupling ratio Δ0/(k_B T_c) = π e^(−γ) = 1.764.
pub const BCS_GAP_RATIO: f64 = 1.764;

/// Φ0/(2π) in T·nm² (ξ in nm): μ0H_c2⟂(0) = this / ξ².
const PERP_T_NM2: f64 = PHI0_WB / (2.0 * PI) * 1e18;

/// (1 − T/T_c), clamped at 0 above T_c.
fn reduced(t_k: f64, tc_k: f64) -> f64 {
    (1.0 - t_k / tc_k).max(0.0)
}

/// μ0H_c2⟂(T) in tesla for T_c in K and ξ_GL(0) in nm.
pub fn hc2_perp(t_k: f64, tc_k: f64, xi_nm: f64) -> f64 {
    PERP_T_NM2 / (xi_nm * xi_nm) * reduced(t_k, tc_k)
}

/// μ0H_c2∥(T) in tesla for T_c in K, ξ_GL(0) and d_sc in nm.
pub fn hc2_par(t_k: f64, tc_k: f64, xi_nm: f64, d_nm: f64) -> f64 {
    PERP_T_NM2 * 12f64.sqrt() / (xi_nm * d_nm) * reduced(t_k, tc_k).sqrt()
}

/// The Pauli limit μ0H_P = 1.764 k_B T_c/(√2 μ_B) in tesla for T_c in K.
pub fn pauli_limit(tc_k: f64) -> Result<f64, GlHc2Error> {
    input::positive("tcK", tc_k, "temperature in kelvin")?;
    Ok(BCS_GAP_RATIO * K_B_J_PER_K * tc_k / (2f64.sqrt() * MU_B_J_PER_T))
}

/// ξ_GL(0) and d_sc, in nm.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GlLengths {
    /// GL coherence length at zero temperature, nm.
    pub xi_nm: f64,
    /// Superconducting thickness, nm.
    pub d_nm: f64,
}

/// ξ_GL(0) and d_sc from one pair of fields (⟂ and ∥, tesla) measured at
/// `t_k` for a known T_c — the closed-form inversion of the two laws.
pub fn lengths_from_fields(
    t_k: f64,
    h_perp_t: f64,
    h_par_t: f64,
    tc_k: f64,
) -> Result<GlLengths, GlHc2Error> {
    input::positive("t", t_k, "temperature in kelvin")?;
    input::positive("hPerp", h_perp_t, "field in tesla")?;
    input::positive("hPar", h_par_t, "field in tesla")?;
    input::positive("tc", tc_k, "temperature in kelvin")?;
    let u = reduced(t_k, tc_k);
    if u <= 0.0 {
        return Err(InputError::OutOfRange {
            name: "t",
            min: 0.0,
            max: tc_k,
            value: t_k,
        }
        .into());
    }
    let xi_nm = (PERP_T_NM2 * u / h_perp_t).sqrt();
    let d_nm = PERP_T_NM2 * 12f64.sqrt() * u.sqrt() / (xi_nm * h_par_t);
    Ok(GlLengths { xi_nm, d_nm })
}

/// Names of the fitted parameters, in order: T_c (K), ξ_GL(0) (nm), d_sc (nm).
pub const PARAM_NAMES: [&str; 3] = ["tc", "xiNm", "dNm"];

fn check_direction(
    t_name: &'static str,
    t: &[f64],
    h_name: &'static str,
    h: &[f64],
) -> Result<(), InputError> {
    input::positive_slice(t_name, t)?;
    input::same_len(h_name, h, t_name, t)?;
    input::positive_slice(h_name, h)?;
    if t.len() < 2 {
        return Err(InputError::TooShort {
            name: t_name,
            len: t.len(),
            min: 2,
        });
    }
    Ok(())
}

/// The starting point of [`fit_gl_hc2`]: both laws written as straight
/// lines in T — H⟂ = a(1 − T/T_c) and H∥² = c(1 − T/T_c) — fitted in closed
/// form; T_c is the mean of the two lines' zeros, ξ comes from a, d from c.
/// Where a line is not determined (all temperatures alike, or rising
/// fields), T_c = 1.2 × the highest temperature and ξ, d follow from the
/// lowest-temperature points.
pub fn gl_hc2_start(
    t_perp: &[f64],
    h_perp: &[f64],
    t_par: &[f64],
    h_par: &[f64],
) -> Result<[f64; 3], GlHc2Error> {
    check_direction("tPerp", t_perp, "hPerp", h_perp)?;
    check_direction("tPar", t_par, "hPar", h_par)?;
    let h2: Vec<f64> = h_par.iter().map(|h| h * h).collect();
    let line = |t: &[f64], h: &[f64]| -> Option<(f64, f64)> {
        let r = fit::straight_line(["a", "b"], t, h, None).ok()?;
        let (a, b) = (r.params[0].1, r.params[1].1);
        let tc = -a / b;
        (b < 0.0 && a > 0.0 && tc.is_finite()).then_some((tc, a))
    };
    let (lp, ll) = (line(t_perp, h_perp), line(t_par, &h2));
    if let (Some((tc1, a)), Some((tc2, c))) = (lp, ll) {
        let tc = 0.5 * (tc1 + tc2);
        let xi = (PERP_T_NM2 / a).sqrt();
        let d = PERP_T_NM2 * 12f64.sqrt() / (xi * c.sqrt());
        if tc > 0.0 && xi.is_finite() && d.is_finite() {
            return Ok([tc, xi, d]);
        }
    }
    let t_max = t_perp.iter().chain(t_par).copied().fold(0.0, f64::max);
    let tc = 1.2 * t_max;
    let lowest = |t: &[f64], h: &[f64]| {
        t.iter()
            .zip(h)
            .min_by(|a, b| a.0.total_cmp(b.0))
            .map_or((0.0, 1.0), |(&t, &h)| (t, h))
    };
    let (tp, hp) = lowest(t_perp, h_perp);
    let (tl, hl) = lowest(t_par, h_par);
    let xi = (PERP_T_NM2 * reduced(tp, tc) / hp).sqrt();
    let d = PERP_T_NM2 * 12f64.sqrt() * reduced(tl, tc).sqrt() / (xi * hl);
    Ok([tc, xi, d])
}

/// Jointly fits μ0H_c2⟂(T) (`t_perp` in K, `h_perp` in T) and μ0H_c2∥(T)
/// (`t_par`, `h_par`) with one T_c → the fit report with params `tc` (K),
/// `xiNm` and `dNm` (nm). At least two points per direction.
pub fn fit_gl_hc2(
    t_perp: &[f64],
    h_perp: &[f64],
    t_par: &[f64],
    h_par: &[f64],
) -> Result<FitReport, GlHc2Error> {
    let p0 = gl_hc2_start(t_perp, h_perp, t_par, h_par)?;
    let np = t_perp.len();
    let y: Vec<f64> = h_perp.iter().chain(h_par).copied().collect();
    let n = y.len();
    // Values and derivatives share (1 − T/T_c) and its root: one pass per trial.
    let mut report = fit::least_squares_fused(
        |p, out, jac| {
            let (tc, xi, d) = (p[0], p[1].abs(), p[2].abs());
            let Some(jac) = jac else {
                for (o, &t) in out[..np].iter_mut().zip(t_perp) {
                    *o = hc2_perp(t, tc, xi);
                }
                for (o, &t) in out[np..].iter_mut().zip(t_par) {
                    *o = hc2_par(t, tc, xi, d);
                }
                return;
            };
            let (sx, sd) = (p[1].signum(), p[2].signum());
            let (d_tc, rest) = jac.split_at_mut(n);
            let (d_xi, d_d) = rest.split_at_mut(n);
            let a = PERP_T_NM2 / (xi * xi);
            for (i, &t) in t_perp.iter().enumerate() {
                let u = reduced(t, tc);
                out[i] = a * u;
                (d_tc[i], d_xi[i]) = if u > 0.0 {
                    (a * t / (tc * tc), -2.0 * a * u / xi * sx)
                } else {
                    (0.0, 0.0)
                };
                d_d[i] = 0.0;
            }
            for (k, &t) in t_par.iter().enumerate() {
                let i = np + k;
                let u = reduced(t, tc);
                let h = hc2_par(t, tc, xi, d);
                out[i] = h;
                (d_tc[i], d_xi[i], d_d[i]) = if u > 0.0 {
                    (h * 0.5 / u * t / (tc * tc), -h / xi * sx, -h / d * sd)
                } else {
                    (0.0, 0.0, 0.0)
                };
            }
        },
        &PARAM_NAMES,
        &y,
        None,
        &p0,
    )?;
    for (_, v) in report.params.iter_mut().skip(1) {
        *v = v.abs();
    }
    Ok(report)
}

/// T_c of the Fig. S3 data, in K: the midpoint of the resistive transition
/// (physics.md §3; the same 2.0 K the Fig. 1d fields are derived with).
pub const FIGS3_TC_K: f64 = 2.0;
/// ξ_GL(0) of the Fig. S3 data, in nm: what the paper's 0.6 K fields (0.45 T
/// ⟂, 5 T ∥) give with T_c = 2.0 K through the GL laws (22.6 nm).
pub const FIGS3_XI_NM: f64 = 22.626_149_322_941_33;
/// d_sc of the Fig. S3 data, in nm: from the same inversion (8.43 nm).
pub const FIGS3_D_NM: f64 = 8.431_304_249_681_535;
/// Relative Gaussian noise of the synthetic fields: 2 %, the scatter of a
/// midpoint criterion on R(H) sweeps (as for Fig. 1d).
pub const FIGS3_NOISE_REL: f64 = 0.02;
/// Seed of the synthetic Fig. S3 data.
pub const FIGS3_SEED: u64 = 603;
/// Temperatures of the synthetic sweeps, K: 0.6 K (the paper's quoted
/// point) to 1.8 K in 0.15 K steps, both directions alike.
pub fn figs3_temperatures() -> Vec<f64> {
    (0..9).map(|i| 0.6 + 0.15 * f64::from(i)).collect()
}

/// (T, μ0H_c2) points in both directions.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GlHc2Data {
    /// Temperatures of the ⟂ points, K.
    pub t_perp: Vec<f64>,
    /// μ0H_c2⟂, T.
    pub h_perp: Vec<f64>,
    /// Temperatures of the ∥ points, K.
    pub t_par: Vec<f64>,
    /// μ0H_c2∥, T.
    pub h_par: Vec<f64>,
}

/// Seeded synthetic Fig. S3 data: both GL laws at (`tc_k`, `xi_nm`, `d_nm`)
/// on [`figs3_temperatures`] below T_c, with relative Gaussian noise `noise_rel`.
pub fn figs3_data(
    tc_k: f64,
    xi_nm: f64,
    d_nm: f64,
    noise_rel: f64,
    seed: u64,
) -> Result<GlHc2Data, GlHc2Error> {
    input::in_range("tc", tc_k, 0.05, 100.0)?;
    input::in_range("xiNm", xi_nm, 0.1, 10_000.0)?;
    input::in_range("dNm", d_nm, 0.01, 10_000.0)?;
    input::in_range("noise", noise_rel, 0.0, 0.3)?;
    let normal = Normal::new(0.0, 1.0).map_err(|_| InputError::NotFinite {
        name: "noise",
        value: noise_rel,
    })?;
    let mut rng = StdRng::seed_from_u64(seed);
    // Keep the sweep inside the superconducting range whatever T_c is.
    let t: Vec<f64> = figs3_temperatures()
        .into_iter()
        .map(|t| t * tc_k / FIGS3_TC_K)
        .collect();
    let mut noisy = |h: f64| {
        let z: f64 = normal.sample(&mut rng);
        h * (1.0 + noise_rel * z.clamp(-3.0, 3.0))
    };
    let h_perp = t.iter().map(|&t| noisy(hc2_perp(t, tc_k, xi_nm))).collect();
    let h_par = t
        .iter()
        .map(|&t| noisy(hc2_par(t, tc_k, xi_nm, d_nm)))
        .collect();
    Ok(GlHc2Data {
        t_perp: t.clone(),
        h_perp,
        t_par: t,
        h_par,
    })
}
