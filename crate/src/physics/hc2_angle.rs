//! Angular dependence of the upper critical field, Fig. 1d of the paper.
//!
//! θ is the polar angle of the field from the sample normal, in degrees
//! (θ = 0° field ⟂ plane, θ = 90° field ∥ plane); fields are μ0H in tesla.
//!
//! - 2D Tinkham: |h cos θ|/H⟂ + (h sin θ/H∥)² = 1, a cusp at 90°.
//!   Solved as a quadratic in h with a = |cos θ|/H⟂, b = sin²θ/H∥²:
//!   h = 2/(a + √(a² + 4b)), the root that stays exact as b → 0 (θ → 0°).
//! - 3D anisotropic Ginzburg–Landau: (h cos θ/H⟂)² + (h sin θ/H∥)² = 1,
//!   h = 1/√(cos²θ/H⟂² + sin²θ/H∥²), smooth at 90°.
//!
//! # References
//! M. Tinkham, Phys. Rev. 129, 2413 (1963) (thin-film formula);
//! the anisotropic GL form as used in the paper's ref. 37
//! (L. Wang *et al.*, ACS Nano 16, 16150 (2022)).

use crate::fit::{self, FitError, FitReport};
use crate::input::{self, InputError};
use rand::{rngs::StdRng, SeedableRng};
use rand_distr::{Distribution, Normal};
use serde::Serialize;
use std::str::FromStr;
use thiserror::Error;

/// Why an H_c2(θ) computation or fit was refused.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum Hc2AngleError {
    /// Bad angles, fields, uncertainties or model name.
    #[error(transparent)]
    Input(#[from] InputError),
    /// The fit could not be attempted.
    #[error(transparent)]
    Fit(#[from] FitError),
}

/// The two models of Fig. 1d.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Hc2AngleModel {
    /// 2D Tinkham thin-film formula (cusp at 90°).
    #[serde(rename = "tinkham")]
    Tinkham,
    /// 3D anisotropic Ginzburg–Landau (smooth at 90°).
    #[serde(rename = "gl3d")]
    Gl3d,
}

impl FromStr for Hc2AngleModel {
    type Err = InputError;
    fn from_str(s: &str) -> Result<Self, InputError> {
        match s {
            "tinkham" => Ok(Self::Tinkham),
            "gl3d" => Ok(Self::Gl3d),
            other => Err(InputError::Unknown {
                name: "model",
                allowed: "\"tinkham\" or \"gl3d\"",
                value: other.to_string(),
            }),
        }
    }
}

/// (|cos θ|, sin²θ) for θ in degrees, exact where θ is a multiple of 90°
/// so that h(0°) = H⟂ and h(90°) = H∥ hold to the last bit.
fn abs_cos_sin2(theta_deg: f64) -> (f64, f64) {
    let r = theta_deg.rem_euclid(180.0);
    if r == 0.0 {
        (1.0, 0.0)
    } else if r == 90.0 {
        (0.0, 1.0)
    } else {
        let (s, c) = r.to_radians().sin_cos();
        (c.abs(), s * s)
    }
}

/// Both models give exactly H⟂ at θ = 0° and H∥ at θ = 90°.
fn exact_limit(abs_cos: f64, sin2: f64, h_perp_t: f64, h_par_t: f64) -> Option<f64> {
    if sin2 == 0.0 {
        Some(h_perp_t)
    } else if abs_cos == 0.0 {
        Some(h_par_t)
    } else {
        None
    }
}

/// 2D Tinkham μ0H_c2(θ) in tesla for H⟂ = `h_perp_t`, H∥ = `h_par_t` (tesla).
pub fn tinkham(theta_deg: f64, h_perp_t: f64, h_par_t: f64) -> f64 {
    let (c, s2) = abs_cos_sin2(theta_deg);
    tinkham_cs(c, s2, h_perp_t, h_par_t)
}

/// 3D anisotropic GL μ0H_c2(θ) in tesla for H⟂ = `h_perp_t`, H∥ = `h_par_t` (tesla).
pub fn gl3d(theta_deg: f64, h_perp_t: f64, h_par_t: f64) -> f64 {
    let (c, s2) = abs_cos_sin2(theta_deg);
    gl3d_cs(c, s2, h_perp_t, h_par_t)
}

/// Tinkham from (|cos θ|, sin²θ); fits precompute these once per point.
fn tinkham_cs(c: f64, s2: f64, h_perp_t: f64, h_par_t: f64) -> f64 {
    if let Some(h) = exact_limit(c, s2, h_perp_t, h_par_t) {
        return h;
    }
    let a = c / h_perp_t;
    let b = s2 / (h_par_t * h_par_t);
    2.0 / (a + (a * a + 4.0 * b).sqrt())
}

/// GL from (|cos θ|, sin²θ).
fn gl3d_cs(c: f64, s2: f64, h_perp_t: f64, h_par_t: f64) -> f64 {
    if let Some(h) = exact_limit(c, s2, h_perp_t, h_par_t) {
        return h;
    }
    1.0 / (c * c / (h_perp_t * h_perp_t) + s2 / (h_par_t * h_par_t)).sqrt()
}

impl Hc2AngleModel {
    /// μ0H_c2 in tesla at `theta_deg`.
    pub fn eval(self, theta_deg: f64, h_perp_t: f64, h_par_t: f64) -> f64 {
        let (c, s2) = abs_cos_sin2(theta_deg);
        self.eval_cs(c, s2, h_perp_t, h_par_t)
    }

    /// (h, ∂h/∂H⟂, ∂h/∂H∥) from (|cos θ|, sin²θ), for the fit, with
    /// `ip` = 1/H⟂ and `il` = 1/H∥ computed once per evaluation: two
    /// divisions and a root per point where the value and gradient apart
    /// take eight. The value equals [`Self::eval_cs`]'s to an ulp or two.
    fn value_gradient_cs(
        self,
        c: f64,
        s2: f64,
        hp: f64,
        hl: f64,
        ip: f64,
        il: f64,
    ) -> (f64, f64, f64) {
        match self {
            Self::Tinkham => {
                // h = 2/(a + R), R = √(a² + 4b), a = c/H⟂, b = s²/H∥²;
                // ∂h/∂a = −(h²/2)(1 + a/R), ∂h/∂b = −h²/R.
                let (a, b) = (c * ip, s2 * il * il);
                let r = (a * a + 4.0 * b).sqrt();
                let h = exact_limit(c, s2, hp, hl).unwrap_or(2.0 / (a + r));
                let g = -0.5 * h * h;
                let (dh_da, dh_db) = if r > 0.0 {
                    let ir = 1.0 / r;
                    (g * (1.0 + a * ir), 2.0 * g * ir)
                } else {
                    (0.0, 0.0)
                };
                (
                    h,
                    dh_da * (-c * ip * ip),
                    dh_db * (-2.0 * s2 * il * il * il),
                )
            }
            Self::Gl3d => {
                // h = Q^(-1/2), Q = c²/H⟂² + s²/H∥².
                let h = exact_limit(c, s2, hp, hl)
                    .unwrap_or_else(|| 1.0 / (c * c * ip * ip + s2 * il * il).sqrt());
                let h3 = h * h * h;
                (h, h3 * c * c * ip * ip * ip, h3 * s2 * il * il * il)
            }
        }
    }

    /// The least-squares solution of the law written as a linear equation in
    /// (u, v), which is exact for noise-free data and a close start otherwise:
    /// Tinkham u·h|cos θ| + v·h² sin²θ = 1 with u = 1/H⟂, v = 1/H∥²;
    /// GL u·h² cos²θ + v·h² sin²θ = 1 with u = 1/H⟂², v = 1/H∥².
    fn linearised(self, geometry: &[(f64, f64)], h: &[f64]) -> Option<(f64, f64)> {
        let (mut saa, mut sab, mut sbb, mut sa, mut sb) = (0.0, 0.0, 0.0, 0.0, 0.0);
        for (&(c, s2), &h) in geometry.iter().zip(h) {
            let a = match self {
                Self::Tinkham => h * c,
                Self::Gl3d => h * h * c * c,
            };
            let b = h * h * s2;
            saa += a * a;
            sab += a * b;
            sbb += b * b;
            sa += a;
            sb += b;
        }
        let det = saa * sbb - sab * sab;
        let u = (sa * sbb - sb * sab) / det;
        let v = (saa * sb - sab * sa) / det;
        let (hp, hl) = match self {
            Self::Tinkham => (1.0 / u, 1.0 / v.sqrt()),
            Self::Gl3d => (1.0 / u.sqrt(), 1.0 / v.sqrt()),
        };
        (hp.is_finite() && hl.is_finite() && hp > 0.0 && hl > 0.0).then_some((hp, hl))
    }

    fn eval_cs(self, c: f64, s2: f64, h_perp_t: f64, h_par_t: f64) -> f64 {
        match self {
            Self::Tinkham => tinkham_cs(c, s2, h_perp_t, h_par_t),
            Self::Gl3d => gl3d_cs(c, s2, h_perp_t, h_par_t),
        }
    }
}

/// μ0H_c2(θ) in tesla at every angle of `theta_deg`, after checking the input.
pub fn hc2_angle(
    model: &str,
    theta_deg: &[f64],
    h_perp_t: f64,
    h_par_t: f64,
) -> Result<Vec<f64>, Hc2AngleError> {
    let model: Hc2AngleModel = model.parse()?;
    input::finite_slice("thetaDeg", theta_deg)?;
    input::positive("hPerp", h_perp_t, "field in tesla")?;
    input::positive("hPar", h_par_t, "field in tesla")?;
    Ok(theta_deg
        .iter()
        .map(|&t| model.eval(t, h_perp_t, h_par_t))
        .collect())
}

/// Both fits of Fig. 1d and the model the data prefer.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Hc2AngleFits {
    /// The 2D Tinkham fit; parameters `hPerp`, `hPar` in tesla.
    pub tinkham: FitReport,
    /// The 3D anisotropic GL fit; parameters `hPerp`, `hPar` in tesla.
    pub gl3d: FitReport,
    /// The model with the lower AIC.
    pub preferred: Hc2AngleModel,
    /// AIC(other) − AIC(preferred) ≥ 0; above ~10 the evidence is decisive.
    pub delta_aic: f64,
}

/// Names of the fitted parameters, in order.
pub const PARAM_NAMES: [&str; 2] = ["hPerp", "hPar"];

/// Fits both models to (θ, μ0H_c2) data by least squares in (H⟂, H∥).
///
/// Starting values come from the data: the exact solution of each law
/// written linearly in (1/H⟂, 1/H∥²) — or, where the data do not determine
/// it (all angles alike), H⟂ from the smallest and H∥ from the largest
/// measured field, which bound h(θ) for both models.
pub fn fit_hc2_angle(
    theta_deg: &[f64],
    hc2_t: &[f64],
    sigma_t: Option<&[f64]>,
) -> Result<Hc2AngleFits, Hc2AngleError> {
    input::finite_slice("thetaDeg", theta_deg)?;
    input::same_len("hc2", hc2_t, "thetaDeg", theta_deg)?;
    input::positive_slice("hc2", hc2_t)?;
    if let Some(s) = sigma_t {
        input::same_len("sigma", s, "thetaDeg", theta_deg)?;
        input::positive_slice("sigma", s)?;
    }
    let lo = hc2_t.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = hc2_t.iter().copied().fold(0.0, f64::max);
    // The angles do not change during a fit: their trigonometry is done once.
    let geometry: Vec<(f64, f64)> = theta_deg.iter().map(|&t| abs_cos_sin2(t)).collect();
    let fit_one = |model: Hc2AngleModel| {
        let p0 = model.linearised(&geometry, hc2_t).unwrap_or((lo, hi));
        let n = geometry.len();
        // |p| keeps trial steps of the minimiser inside the physical domain.
        let mut report = fit::least_squares_fused(
            |p, out, jac| {
                let (hp, hl) = (p[0].abs(), p[1].abs());
                let Some(jac) = jac else {
                    for (o, &(c, s2)) in out.iter_mut().zip(&geometry) {
                        *o = model.eval_cs(c, s2, hp, hl);
                    }
                    return;
                };
                let (sp, sl) = (p[0].signum(), p[1].signum());
                let (d_hp, d_hl) = jac.split_at_mut(n);
                let (ip, il) = (1.0 / hp, 1.0 / hl);
                for (i, &(c, s2)) in geometry.iter().enumerate() {
                    let (h, dp, dl) = model.value_gradient_cs(c, s2, hp, hl, ip, il);
                    out[i] = h;
                    d_hp[i] = dp * sp;
                    d_hl[i] = dl * sl;
                }
            },
            &PARAM_NAMES,
            hc2_t,
            sigma_t,
            &[p0.0, p0.1],
        )?;
        for (_, v) in report.params.iter_mut() {
            *v = v.abs();
        }
        Ok::<_, Hc2AngleError>(report)
    };
    let tinkham = fit_one(Hc2AngleModel::Tinkham)?;
    let gl3d = fit_one(Hc2AngleModel::Gl3d)?;
    let (preferred, delta_aic) = if tinkham.aic <= gl3d.aic {
        (Hc2AngleModel::Tinkham, gl3d.aic - tinkham.aic)
    } else {
        (Hc2AngleModel::Gl3d, tinkham.aic - gl3d.aic)
    };
    Ok(Hc2AngleFits {
        tinkham,
        gl3d,
        preferred,
        delta_aic,
    })
}

/// μ0H_c2⟂ at 1.6 K used for the synthetic Fig. 1d data, in tesla.
///
/// From Fig. S3 through the GL temperature laws of physics.md §3 with
/// T_c = 2.0 K (the midpoint of the resistive transition): H⟂ is linear in
/// (1 − T/T_c), so 0.45 T at 0.6 K gives 0.45 · 0.2/0.7 = 0.1286 T at 1.6 K.
pub const FIG1D_H_PERP_T: f64 = 0.45 * 0.2 / 0.7;
/// μ0H_c2∥ at 1.6 K, in tesla: H∥ ∝ (1 − T/T_c)^½, so 5 T at 0.6 K gives
/// 5 · √(0.2/0.7) = 2.673 T at 1.6 K (same T_c = 2.0 K as [`FIG1D_H_PERP_T`]).
pub const FIG1D_H_PAR_T: f64 = 2.672_612_419_124_244;
/// Relative Gaussian noise of the synthetic points: 2 %, the scatter of a
/// midpoint criterion read off R(H) sweeps of a ~1 Ω/□ film.
pub const FIG1D_NOISE_REL: f64 = 0.02;
/// Seed of the synthetic data, fixed so page and tests show the same points.
pub const FIG1D_SEED: u64 = 1_600;

/// A set of (θ, μ0H_c2) points.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Hc2AngleData {
    /// Polar angles in degrees.
    pub theta_deg: Vec<f64>,
    /// μ0H_c2 in tesla.
    pub hc2: Vec<f64>,
}

/// The angles of the synthetic Fig. 1d sweep: every 6° over 0–180°, and every
/// 1° within ±10° of the in-plane direction where the cusp is decided.
pub fn fig1d_angles() -> Vec<f64> {
    let mut t: Vec<f64> = (0..=30).map(|i| 6.0 * i as f64).collect();
    t.extend((80..=100).map(f64::from));
    t.sort_by(f64::total_cmp);
    t.dedup();
    t
}

/// Seeded synthetic Fig. 1d data: the 2D Tinkham law at (`h_perp_t`,
/// `h_par_t`) with relative Gaussian noise `noise_rel` (0.02 = 2 %).
pub fn fig1d_data(
    h_perp_t: f64,
    h_par_t: f64,
    noise_rel: f64,
    seed: u64,
) -> Result<Hc2AngleData, Hc2AngleError> {
    input::positive("hPerp", h_perp_t, "field in tesla")?;
    input::positive("hPar", h_par_t, "field in tesla")?;
    input::in_range("noise", noise_rel, 0.0, 0.3)?;
    let mut rng = StdRng::seed_from_u64(seed);
    let normal = Normal::new(0.0, 1.0).map_err(|_| InputError::NotFinite {
        name: "noise",
        value: noise_rel,
    })?;
    let theta_deg = fig1d_angles();
    let hc2 = theta_deg
        .iter()
        .map(|&t| {
            let z: f64 = normal.sample(&mut rng);
            // Clamp at 3σ so noise never makes a field non-positive.
            tinkham(t, h_perp_t, h_par_t) * (1.0 + noise_rel * z.clamp(-3.0, 3.0))
        })
        .collect();
    Ok(Hc2AngleData { theta_deg, hc2 })
}
