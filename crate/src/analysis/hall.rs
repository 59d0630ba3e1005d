//! R_xy(B) → the carrier density and, with the sheet resistance, the Hall
//! mobility ([`hall_density`], Fig. 1c). Fields in T, resistances in Ω.

use super::{enough, finite_pairs, AnalysisError};
use crate::input;
use crate::physics::hall::{hall_density, HallDensity};
use serde::{Deserialize, Serialize};

/// Options of the Hall analysis.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct HallOptions {
    /// Fit only |B| ≤ this, T (default: every field).
    pub b_max_t: Option<f64>,
    /// The sheet resistance for the mobility, Ω/□; it wins over a
    /// resistance column.
    pub sheet_resistance_ohm: Option<f64>,
}

/// Fraction of the largest |B| below which a resistance column is read as
/// the zero-field sheet resistance: 10 %, where the magnetoresistance of a
/// 2D electron gas is a fraction of a per cent.
pub const ZERO_FIELD_FRACTION: f64 = 0.1;

/// The fit and the points it used.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HallAnalysis {
    /// Fields fitted, T.
    pub field_t: Vec<f64>,
    /// R_xy at each, Ω.
    pub rxy_ohm: Vec<f64>,
    /// The straight line, n and μ.
    pub fit: HallDensity,
    /// The sheet resistance used, Ω/□, and where it came from.
    pub sheet_resistance_ohm: Option<f64>,
    /// "option", "column" or null.
    pub sheet_resistance_from: Option<&'static str>,
    /// Standard error of the mobility, cm²/(V·s): μ ∝ 1/n, so its relative
    /// error is that of n (R_s is taken as exact).
    pub mobility_error: Option<f64>,
}

/// The median of the finite values where |B| ≤ 10 % of the largest |B|.
fn zero_field_value(field_t: &[f64], r: &[f64]) -> Option<f64> {
    let b_max = field_t
        .iter()
        .filter(|b| b.is_finite())
        .fold(0.0f64, |a, b| a.max(b.abs()));
    let mut near: Vec<f64> = field_t
        .iter()
        .zip(r)
        .filter(|(b, v)| b.is_finite() && v.is_finite() && b.abs() <= ZERO_FIELD_FRACTION * b_max)
        .map(|(_, &v)| v)
        .collect();
    if near.is_empty() {
        return None;
    }
    near.sort_by(f64::total_cmp);
    let k = near.len() / 2;
    Some(if near.len() % 2 == 1 {
        near[k]
    } else {
        0.5 * (near[k - 1] + near[k])
    })
}

/// The Hall analysis of one segment; `rs_column` (Ω/□, one per row) gives
/// the sheet resistance near zero field when no value is given.
pub fn analyze_hall(
    field_t: &[f64],
    rxy_ohm: &[f64],
    rs_column: Option<&[f64]>,
    opts: &HallOptions,
) -> Result<HallAnalysis, AnalysisError> {
    input::same_len("Hall resistance", rxy_ohm, "field", field_t)?;
    if let Some(b) = opts.b_max_t {
        input::positive("bMaxT", b, "field in tesla")?;
    }
    let (b, r) = finite_pairs(field_t, rxy_ohm);
    let (b, r): (Vec<f64>, Vec<f64>) = b
        .into_iter()
        .zip(r)
        .filter(|(b, _)| opts.b_max_t.is_none_or(|m| b.abs() <= m))
        .unzip();
    enough("R_xy(B)", b.len(), 3)?;
    let (rs, from) = match (opts.sheet_resistance_ohm, rs_column) {
        (Some(v), _) => (
            Some(input::positive(
                "sheetResistanceOhm",
                v,
                "resistance in ohm",
            )?),
            Some("option"),
        ),
        (None, Some(col)) => {
            input::same_len("sheet resistance", col, "field", field_t)?;
            match zero_field_value(field_t, col).filter(|v| *v > 0.0) {
                Some(v) => (Some(v), Some("column")),
                None => (None, None),
            }
        }
        (None, None) => (None, None),
    };
    let fit = hall_density(&b, &r, rs)?;
    let mobility_error = fit.mobility_cm2_vs.map(|mu| mu * fit.n_error / fit.n_cm2);
    Ok(HallAnalysis {
        field_t: b,
        rxy_ohm: r,
        fit,
        sheet_resistance_ohm: rs,
        sheet_resistance_from: from,
        mobility_error,
    })
}
