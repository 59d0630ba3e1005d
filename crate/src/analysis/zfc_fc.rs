//! M(T) after zero-field cooling and field cooling → both branches and
//! their bifurcation (irreversibility) temperature
//! ([`crate::physics::irreversibility`]), as in Fig. S5. Temperatures in K,
//! moments in emu.

use super::{enough, AnalysisError};
use crate::physics::irreversibility::{bifurcation, sorted_branch, Bifurcation};
use crate::read::segment::{split_by_sweep, Direction};
use serde::Serialize;

/// Fewest rows of a temperature sweep that count as a branch: a jump
/// between the end of one run and the start of the next is two.
pub const MIN_BRANCH_ROWS: usize = 5;

/// The temperature sweeps of a file that can be ZFC or FC branches, as row
/// ranges `start..end` in file order: the monotonic runs of at least
/// [`MIN_BRANCH_ROWS`] rows that warm or cool. A ZFC/FC file holds the ZFC
/// run first and the FC run (warming or cooling) second.
pub fn branches(temperature_k: &[f64]) -> Result<Vec<(usize, usize)>, AnalysisError> {
    Ok(split_by_sweep(temperature_k, None)?
        .into_iter()
        .filter(|b| b.direction != Direction::Flat && b.end - b.start >= MIN_BRANCH_ROWS)
        .map(|b| (b.start, b.end))
        .collect())
}

/// The branches, sorted by temperature, and what they show.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ZfcFcAnalysis {
    /// ZFC temperatures, K, increasing (repeats averaged).
    pub zfc_t: Vec<f64>,
    /// ZFC moments, emu.
    pub zfc_m: Vec<f64>,
    /// FC temperatures, K (empty when the file holds one branch).
    pub fc_t: Vec<f64>,
    /// FC moments, emu.
    pub fc_m: Vec<f64>,
    /// T_irr and the split, when there is an FC branch.
    pub bifurcation: Option<Bifurcation>,
    /// Temperature of the largest ZFC moment (along the field), K.
    pub zfc_peak_k: f64,
    /// Why there is no T_irr, in words.
    pub message: Option<String>,
}

/// The analysis of a ZFC branch and, if the file has one, an FC branch.
pub fn analyze_zfc_fc(
    zfc_t: &[f64],
    zfc_m: &[f64],
    fc: Option<(&[f64], &[f64])>,
) -> Result<ZfcFcAnalysis, AnalysisError> {
    crate::input::same_len("zfc moment", zfc_m, "zfc temperature", zfc_t)?;
    let (zt, zm) = sorted_branch(zfc_t, zfc_m);
    enough("the ZFC branch", zt.len(), 3)?;
    let (ft, fm) = match fc {
        Some((t, m)) => {
            crate::input::same_len("fc moment", m, "fc temperature", t)?;
            sorted_branch(t, m)
        }
        None => (Vec::new(), Vec::new()),
    };
    let (bif, message) = if ft.is_empty() {
        (
            None,
            Some("the file holds one branch: no FC branch to compare with".to_string()),
        )
    } else {
        let b = bifurcation(&zt, &zm, &ft, &fm)?;
        let message = if !b.separated {
            Some(format!(
                "the branches agree within the noise ({:.3e} emu): no bifurcation",
                b.noise
            ))
        } else if b.persists {
            Some("the branches are still apart at the highest common temperature: T_irr lies above the data".to_string())
        } else {
            None
        };
        (Some(b), message)
    };
    // Along the field: the sign of the largest moment of the branch.
    let sign = zm
        .iter()
        .copied()
        .fold(0.0f64, |a, v| if v.abs() > a.abs() { v } else { a })
        .signum();
    let zfc_peak_k = bif.as_ref().map_or_else(
        || {
            zt.iter()
                .zip(&zm)
                .fold((zt[0], f64::NEG_INFINITY), |b, (&t, &m)| {
                    if sign * m > b.1 {
                        (t, sign * m)
                    } else {
                        b
                    }
                })
                .0
        },
        |b| b.zfc_peak_k,
    );
    Ok(ZfcFcAnalysis {
        zfc_t: zt,
        zfc_m: zm,
        fc_t: ft,
        fc_m: fm,
        bifurcation: bif,
        zfc_peak_k,
        message,
    })
}
