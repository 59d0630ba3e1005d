//! An m–H loop → [`process_loop`] (physics.md §9): the loop centred, the
//! high-field slope (the substrate's diamagnetism) subtracted, and M_s,
//! M_r, H_c with their errors, M_s also in μ_B per interface unit cell for
//! the sample's area. Fields in Oe, moments in emu.

use super::{enough, finite_pairs, AnalysisError};
use crate::physics::loop_processing::{process_loop, LoopOptions, LoopReport};
use serde::Serialize;

/// The loop as measured and as processed.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LoopAnalysis {
    /// The rows used (both values finite), Oe, in file order.
    pub h_oe: Vec<f64>,
    /// Their moments, emu.
    pub m_emu: Vec<f64>,
    /// What `processLoop` finds.
    pub report: LoopReport,
}

/// Processes the loop of one segment (a full sweep, down and up or up and
/// down; a virgin branch before it is allowed).
pub fn analyze_loop(
    h_oe: &[f64],
    m_emu: &[f64],
    opts: &LoopOptions,
) -> Result<LoopAnalysis, AnalysisError> {
    crate::input::same_len("moment", m_emu, "field", h_oe)?;
    let (h, m) = finite_pairs(h_oe, m_emu);
    enough("an m–H loop", h.len(), 8)?;
    let report = process_loop(&h, &m, opts)?;
    Ok(LoopAnalysis {
        h_oe: h,
        m_emu: m,
        report,
    })
}
