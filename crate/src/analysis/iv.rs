//! I–V curves at several temperatures → the exponent α(T) of V ∝ I^α and
//! T_BKT where it crosses 3 ([`alpha_exponents`], [`alpha_crossing`], Fig.
//! 1e–f), and the critical current of the coldest curve. The rows are split
//! into curves at the temperature set points ([`split_by_set_point`]).
//! Temperatures in K, currents in A, voltages in V.

use super::{sorted_unique, AnalysisError};
use crate::input;
use crate::physics::bkt::{
    alpha_crossing, alpha_exponents, critical_current, AlphaWindow, BktAlpha, IvCurve,
    IC_THRESHOLD_V,
};
use crate::read::segment::{split_by_set_point, MIN_POINTS};
use serde::{Deserialize, Serialize};

/// Temperature tolerance of an I–V set point, K: 10 mK, ten times what a
/// PPMS holds at 2 K (≈ 1 mK) and a fifth of the 50 mK steps of the
/// paper's series (Fig. 1e–f), which the readers' general 0.05 K would merge.
pub const IV_TOLERANCE_K: f64 = 0.01;

/// Options of the I–V analysis: the set points and the power-law window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct IvOptions {
    /// Temperature tolerance of a set point, K.
    pub tolerance_k: f64,
    /// Noise floor, V (see [`AlphaWindow`]).
    pub v_min: f64,
    /// Lowest current used, A.
    pub i_min: Option<f64>,
    /// Highest current used, A.
    pub i_max: Option<f64>,
    /// Critical-current criterion, V.
    pub threshold_v: f64,
}

impl Default for IvOptions {
    fn default() -> Self {
        Self {
            tolerance_k: IV_TOLERANCE_K,
            v_min: AlphaWindow::default().v_min,
            i_min: None,
            i_max: None,
            threshold_v: IC_THRESHOLD_V,
        }
    }
}

/// The curves and what they give (the shape of the Fig. 1e–f result).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IvAnalysis {
    /// One curve per set point, increasing temperature; positive currents
    /// (a curve measured only at negative currents is mirrored).
    pub curves: Vec<IvCurve>,
    /// α(T); `tBkt` and `tBktError` are NaN (null in JS) where α does not cross 3.
    pub alpha: BktAlpha,
    /// Why α gave no T_BKT, when it did not.
    pub alpha_message: Option<String>,
    /// I_c of the coldest curve, A (null where it has none).
    pub critical_current: Option<f64>,
    /// The coldest curve's temperature, K.
    pub critical_temperature: f64,
    /// The criterion used, V.
    pub threshold_v: f64,
}

/// The positive-current half of a set point's rows, sorted by current.
fn curve(current: &[f64], voltage: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let pick = |sign: f64| -> (Vec<f64>, Vec<f64>) {
        current
            .iter()
            .zip(voltage)
            .filter(|(i, v)| i.is_finite() && v.is_finite() && sign * **i > 0.0)
            .map(|(&i, &v)| (sign * i, sign * v))
            .unzip()
    };
    let (i, v) = pick(1.0);
    let (i, v) = if i.len() >= 3 { (i, v) } else { pick(-1.0) };
    sorted_unique(&i, &v)
}

/// The α(T) analysis of a file's I–V rows.
pub fn analyze_iv(
    temperature_k: &[f64],
    current_a: &[f64],
    voltage_v: &[f64],
    opts: &IvOptions,
) -> Result<IvAnalysis, AnalysisError> {
    input::same_len("current", current_a, "temperature", temperature_k)?;
    input::same_len("voltage", voltage_v, "temperature", temperature_k)?;
    input::positive("toleranceK", opts.tolerance_k, "temperature in kelvin")?;
    input::positive("thresholdV", opts.threshold_v, "voltage in volts")?;
    let mut sets = split_by_set_point(temperature_k, opts.tolerance_k, MIN_POINTS)?;
    sets.sort_by(|a, b| a.mean.total_cmp(&b.mean));
    // Set points at the same temperature (a sweep repeated later) are one curve.
    let mut groups: Vec<(f64, usize, Vec<f64>, Vec<f64>)> = Vec::new();
    for s in &sets {
        let (i, v) = (&current_a[s.start..s.end], &voltage_v[s.start..s.end]);
        let n = (s.end - s.start) as f64;
        match groups.last_mut() {
            Some(g) if (s.mean - g.0 / g.1 as f64).abs() <= opts.tolerance_k => {
                g.0 += s.mean * n;
                g.1 += s.end - s.start;
                g.2.extend_from_slice(i);
                g.3.extend_from_slice(v);
            }
            _ => groups.push((s.mean * n, s.end - s.start, i.to_vec(), v.to_vec())),
        }
    }
    let curves: Vec<IvCurve> = groups
        .into_iter()
        .filter_map(|(sum, n, i, v)| {
            let (current, voltage) = curve(&i, &v);
            (current.len() >= 3).then(|| IvCurve {
                temperature: sum / n as f64,
                current,
                voltage,
            })
        })
        .collect();
    if curves.is_empty() {
        return Err(AnalysisError::TooFewRows {
            what: "I–V curves (set points of at least 3 rows with 3 currents of one sign)",
            n: 0,
            min: 1,
        });
    }
    let window = AlphaWindow {
        v_min: opts.v_min,
        i_min: opts.i_min,
        i_max: opts.i_max,
        ..AlphaWindow::default()
    };
    let mut alpha = alpha_exponents(&curves, &window)?;
    let alpha_message = match alpha_crossing(&alpha) {
        Ok((t, e)) => {
            (alpha.t_bkt, alpha.t_bkt_error) = (t, e);
            None
        }
        Err(e) => Some(e.to_string()),
    };
    let first = &curves[0];
    let critical = critical_current(&first.current, &first.voltage, opts.threshold_v).ok();
    Ok(IvAnalysis {
        critical_temperature: first.temperature,
        critical_current: critical,
        threshold_v: opts.threshold_v,
        curves,
        alpha,
        alpha_message,
    })
}
