//! R(T) → T_c onset, midpoint and zero ([`transition_temperatures`], Fig.
//! 1b), the Halperin–Nelson fit and its linearised form
//! ([`fit_halperin_nelson`], [`hn_linearized`], Fig. S4). Temperatures in
//! K, resistances in Ω (or Ω/□).

use super::{enough, sorted_unique, AnalysisError};
use crate::fit::FitReport;
use crate::input;
use crate::physics::halperin_nelson::{
    fit_halperin_nelson, hn_linearized, HnLinearized, HnWindow, DEFAULT_WINDOW,
};
use crate::physics::resistive::{
    crossing, transition_temperatures, TransitionOptions, TransitionTemperatures,
};
use serde::{Deserialize, Serialize};

/// Where the normal state is read by default, K: the 5 K of the paper
/// ([`TransitionOptions`]), or the warmest point of a curve that stops
/// below it.
pub const T_NORMAL_K: f64 = 5.0;

/// Options of the R(T) analysis.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RtOptions {
    /// Where R_N is read, K (default [`T_NORMAL_K`], or the warmest point).
    pub t_normal_k: Option<f64>,
    /// R_N itself, Ω; wins over `tNormalK`.
    pub r_normal_ohm: Option<f64>,
    /// Lowest temperature of the Halperin–Nelson fit, K (default: where R = 0.3 R_N).
    pub t_min_k: Option<f64>,
    /// Highest temperature of the fit, K (default: where R = 0.9 R_N).
    pub t_max_k: Option<f64>,
}

/// The curve, its transition and the Halperin–Nelson analysis.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RtAnalysis {
    /// Temperatures, K, increasing (repeats averaged).
    pub t: Vec<f64>,
    /// R at each, Ω.
    pub r: Vec<f64>,
    /// Where R_N was read, K (null when R_N was given).
    pub t_normal_k: Option<f64>,
    /// T_c onset (0.9 R_N), midpoint (0.5 R_N), zero (0.01 R_N) and R_N.
    pub transitions: TransitionTemperatures,
    /// The Halperin–Nelson window, K (null when it could not be placed).
    pub window: Option<(f64, f64)>,
    /// The fit of R0 exp[−b (T/T_BKT − 1)^(−½)] (params `r0` Ω, `b`, `tBkt` K).
    pub hn: Option<FitReport>,
    /// The linearised plot and its straight line.
    pub linear: Option<HnLinearized>,
    /// Why there is no Halperin–Nelson analysis, in words.
    pub hn_message: Option<String>,
}

/// The R(T) analysis of one segment (a cooling or warming run, or both).
pub fn analyze_rt(
    t_k: &[f64],
    r_ohm: &[f64],
    opts: &RtOptions,
) -> Result<RtAnalysis, AnalysisError> {
    input::same_len("resistance", r_ohm, "temperature", t_k)?;
    let (t, r): (Vec<f64>, Vec<f64>) = {
        let (t, r) = sorted_unique(t_k, r_ohm);
        t.into_iter().zip(r).filter(|p| p.0 > 0.0).unzip()
    };
    enough("R(T)", t.len(), 4)?;
    let (lo, hi) = (t[0], t[t.len() - 1]);
    let t_normal = match (opts.r_normal_ohm, opts.t_normal_k) {
        (Some(_), _) => None,
        (None, Some(tn)) => Some(input::in_range("tNormalK", tn, lo, hi)?),
        (None, None) => Some(if (lo..=hi).contains(&T_NORMAL_K) {
            T_NORMAL_K
        } else {
            hi
        }),
    };
    let topts = TransitionOptions {
        r_normal: opts.r_normal_ohm,
        t_normal: t_normal.unwrap_or(T_NORMAL_K),
        ..TransitionOptions::default()
    };
    let transitions = transition_temperatures(&t, &r, &topts)?;
    let rn = transitions.r_normal;
    let edge = |given: Option<f64>, name: &'static str, fraction: f64| match given {
        Some(v) => input::positive(name, v, "temperature in kelvin").map(Some),
        None => Ok(crossing(&t, &r, fraction * rn)),
    };
    let w0 = edge(opts.t_min_k, "tMinK", DEFAULT_WINDOW.0)?;
    let w1 = edge(opts.t_max_k, "tMaxK", DEFAULT_WINDOW.1)?;
    let (mut hn, mut linear, mut hn_message, mut window) = (None, None, None, None);
    match (w0, w1) {
        (Some(a), Some(b)) if b > a => {
            window = Some((a, b));
            let w = HnWindow {
                t_min: Some(a),
                t_max: Some(b),
            };
            match (fit_halperin_nelson(&t, &r, &w), hn_linearized(&t, &r, &w)) {
                (Ok(f), Ok(l)) => (hn, linear) = (Some(f), Some(l)),
                (Err(e), _) | (_, Err(e)) => hn_message = Some(e.to_string()),
            }
        }
        (Some(a), Some(b)) => {
            hn_message = Some(format!(
                "the fit window must run upwards: tMaxK = {b} K is not above tMinK = {a} K"
            ))
        }
        _ => {
            hn_message = Some(format!(
                "R never falls through {} × R_N: no window for the Halperin–Nelson fit",
                DEFAULT_WINDOW.0
            ))
        }
    }
    Ok(RtAnalysis {
        t,
        r,
        t_normal_k: t_normal,
        transitions,
        window,
        hn,
        linear,
        hn_message,
    })
}
