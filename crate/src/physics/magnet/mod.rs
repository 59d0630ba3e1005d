//! Ferromagnetic hysteresis of the KTaO₃ interfaces, Fig. 2 and Fig. S5:
//! an ensemble of Stoner–Wohlfarth particles with thermally activated
//! switching, its m–H loops and its ZFC/FC curves, and the signal a SQUID
//! magnetometer records (physics.md §9).
//!
//! Units are the instrument's (Quantum Design MPMS): field H in Oe, moment in
//! emu, magnetization in emu/cm³, temperature in K, angles in degrees at the
//! API. The pieces:
//!
//! - [`particle`]: one particle, E = K sin²(φ − ψ) − M_s H cos φ (per volume),
//!   H_K = 2K/M_s, its two states and the astroid h_sw(ψ);
//! - [`ensemble`]: the quadratures over easy axes, H_K and volumes;
//! - [`thermal`]: M_s(T), Néel–Arrhenius switching over KV(1 − H/H_sw)^n
//!   with τ0 = 1e-9 s and a measuring time per point;
//! - [`sw_loop`]: loops (the sweep itself in `sweep`), [`zfc_fc`]: ZFC/FC,
//!   [`options`]: the option object, its defaults and the two samples,
//!   [`figures`]: what the Fig. 2 and Fig. S5 pages show.
//!
//! # Quadrature
//! An ensemble average over easy axes has a discontinuous integrand (each
//! particle jumps at its own switching field), so it uses equal cells rather
//! than Gauss nodes, and H_K and volumes equal-probability classes. Loops:
//! 16 angles × 5 H_K × 5 volumes (400 classes) for the default ensemble, 80
//! angles with one distribution, 256 with none; the default loop lies within
//! 2 px of a 150 times finer quadrature on a 600 × 400 px plot. ZFC/FC at
//! small fields has a smooth ψ integrand: 6 angles × 3 H_K × 21 volumes.
//! See [`sw_loop::LOOP_RESOLUTION`] and [`zfc_fc::ZFC_RESOLUTION`].
//!
//! # References
//! E. C. Stoner and E. P. Wohlfarth, Phil. Trans. R. Soc. A 240, 599 (1948);
//! L. Néel, Ann. Géophys. 5, 99 (1949); M. P. Sharrock, J. Appl. Phys. 76,
//! 6413 (1994); H. Pfeiffer, phys. stat. sol. (a) 118, 295 (1990).

pub mod ensemble;
pub mod figures;
mod memo;
pub mod options;
pub mod particle;
pub mod sw_loop;
mod sweep;
pub mod thermal;
pub mod zfc_fc;

pub use options::{magnet_preset, MagnetOptions};
pub use sw_loop::{sw_loop, SwLoop};
pub use zfc_fc::{zfc_fc, ZfcFc};

use crate::input::InputError;
use thiserror::Error;

/// Why a magnet computation was refused.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum MagnetError {
    /// A bad option or name.
    #[error(transparent)]
    Input(#[from] InputError),
    /// A loop needs as many points up as down.
    #[error("points must be even (half per branch), got {points}")]
    OddPoints { points: f64 },
    /// ZFC/FC needs a temperature range.
    #[error("tMaxK must be above tMinK, got tMinK = {t_min} and tMaxK = {t_max}")]
    TemperatureOrder { t_min: f64, t_max: f64 },
}
