//! Upper critical fields from a table: μ0H_c2(θ) → the 2D Tinkham and 3D
//! anisotropic GL fits and the model the data prefer ([`fit_hc2_angle`],
//! Fig. 1d); μ0H_c2⟂(T) and μ0H_c2∥(T) → ξ_GL(0), d_sc and T_c by the joint
//! GL fit, and the Pauli limit ([`fit_gl_hc2`], Fig. S3). Angles in
//! degrees from the sample normal, fields in T, temperatures in K.

use super::{enough, AnalysisError};
use crate::fit::FitReport;
use crate::input;
use crate::physics::gl_hc2::{fit_gl_hc2, hc2_par, pauli_limit, GlHc2Data};
use crate::physics::hc2_angle::{fit_hc2_angle, Hc2AngleData, Hc2AngleFits};
use serde::{Deserialize, Serialize};

/// Options of the angle analysis.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Hc2AngleOptions {
    /// The angle column's reading where the field is along the sample
    /// normal, degrees: θ = reading − offset (a rotator's zero is rarely
    /// the sample's normal).
    pub theta_offset_deg: f64,
}

/// The points and both fits.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Hc2AngleAnalysis {
    /// θ (degrees) and μ0H_c2 (T) of the rows used.
    pub data: Hc2AngleData,
    /// One standard uncertainty per point, T, when a column gives them.
    pub sigma: Option<Vec<f64>>,
    /// Tinkham and GL, and which the AIC prefers.
    pub fits: Hc2AngleFits,
}

/// The angle analysis of a table (`sigma`, optional, in T).
pub fn analyze_hc2_angle(
    theta_deg: &[f64],
    hc2_t: &[f64],
    sigma_t: Option<&[f64]>,
    opts: &Hc2AngleOptions,
) -> Result<Hc2AngleAnalysis, AnalysisError> {
    input::same_len("upper critical field", hc2_t, "angle", theta_deg)?;
    let offset = input::finite("thetaOffsetDeg", opts.theta_offset_deg)?;
    if let Some(s) = sigma_t {
        input::same_len("uncertainty", s, "angle", theta_deg)?;
    }
    let rows: Vec<usize> = (0..theta_deg.len())
        .filter(|&i| {
            theta_deg[i].is_finite()
                && hc2_t[i].is_finite()
                && sigma_t.is_none_or(|s| s[i].is_finite() && s[i] > 0.0)
        })
        .collect();
    enough("μ0H_c2(θ)", rows.len(), 3)?;
    let theta: Vec<f64> = rows.iter().map(|&i| theta_deg[i] - offset).collect();
    let hc2: Vec<f64> = rows.iter().map(|&i| hc2_t[i]).collect();
    let sigma: Option<Vec<f64>> = sigma_t.map(|s| rows.iter().map(|&i| s[i]).collect());
    let fits = fit_hc2_angle(&theta, &hc2, sigma.as_deref())?;
    Ok(Hc2AngleAnalysis {
        data: Hc2AngleData {
            theta_deg: theta,
            hc2,
        },
        sigma,
        fits,
    })
}

/// The points, the joint fit and the Pauli limit.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Hc2TemperatureAnalysis {
    /// The rows used in each direction.
    pub data: GlHc2Data,
    /// T_c (K), ξ_GL(0) and d_sc (nm).
    pub fit: FitReport,
    /// μ0H_P = 1.857 T/K × T_c, T.
    pub pauli_t: f64,
    /// μ0H_c2∥(0) / μ0H_P.
    pub pauli_ratio: f64,
}

/// (T, H) pairs where both hold a number.
fn pairs(t: &[f64], h: &[f64]) -> (Vec<f64>, Vec<f64>) {
    super::finite_pairs(t, h)
}

/// The joint GL analysis: perpendicular and parallel H_c2(T) (each in its
/// own pair of columns, or sharing the temperature column).
pub fn analyze_hc2_temperature(
    t_perp: &[f64],
    h_perp: &[f64],
    t_par: &[f64],
    h_par: &[f64],
) -> Result<Hc2TemperatureAnalysis, AnalysisError> {
    input::same_len(
        "perpendicular field",
        h_perp,
        "perpendicular temperature",
        t_perp,
    )?;
    input::same_len("parallel field", h_par, "parallel temperature", t_par)?;
    let (tp, hp) = pairs(t_perp, h_perp);
    let (tl, hl) = pairs(t_par, h_par);
    enough("μ0H_c2⟂(T)", tp.len(), 2)?;
    enough("μ0H_c2∥(T)", tl.len(), 2)?;
    let fit = fit_gl_hc2(&tp, &hp, &tl, &hl)?;
    let v = fit.values();
    let pauli_t = pauli_limit(v[0].max(1e-6))?;
    let pauli_ratio = hc2_par(0.0, v[0], v[1], v[2]) / pauli_t;
    Ok(Hc2TemperatureAnalysis {
        data: GlHc2Data {
            t_perp: tp,
            h_perp: hp,
            t_par: tl,
            h_par: hl,
        },
        fit,
        pauli_t,
        pauli_ratio,
    })
}
