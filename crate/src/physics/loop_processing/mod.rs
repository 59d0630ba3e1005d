//! Processing an m–H loop as a SQUID user does it (physics.md §9), for the
//! corrected loops of Fig. 2 and Fig. 5c–d:
//!
//! 1. split the sweep into its descending and ascending branches (by the sign
//!    of dH between the field extremes), average repeated fields, drop
//!    points that step back;
//! 2. centre by symmetry: the field and moment offsets (H0, M0) that best
//!    superpose the descending branch on the inverted ascending one,
//!    m_d(H0 + u) + m_a(H0 − u) = 2 M0 for all u, fitted by least squares
//!    (a scan for the start, then Levenberg–Marquardt); this also absorbs the
//!    remanent field of a superconducting magnet;
//! 3. the high-field slope (substrate diamagnetism plus any paramagnetism):
//!    m − M0 = χ u + a_± + ½ b δ + D τ on both branches above the saturation
//!    field (default: the top 30 % of |H|), with a_± the saturated moments at
//!    positive and negative field, b = ±1 on the descending and ascending
//!    branch (δ, the opening, > 0 while the loop is not saturated) and D the
//!    drift over the sweep (τ the point's place in the sweep); linearity is
//!    tested by adding a term c·sign(u)(|u| − ū)² and comparing c with its
//!    error (|c/σ_c| < 3 is linear); a warning when it is not, or when δ is
//!    significant;
//! 4. subtract the slope: M_s = (a₊ − a₋)/2,
//!    M_r = mean |m| at u = 0 of both branches (a local quadratic through the
//!    8 nearest points), H_c = mean |u| of both zero crossings (a local line
//!    through the 4 nearest points), squareness M_r/M_s;
//! 5. quality: closure error (the drift D, which leaves the loop's first
//!    and last points apart), noise = RMS of m_d(H0+u) + m_a(H0−u) − 2M0 (the
//!    mismatch of the descending and the inverted ascending branch), and
//!    Q = log10(s/n) with s the mean square of the corrected loop and n that
//!    of the mismatch (Jackson & Solheid's Q of the ferromagnetic part);
//! 6. errors: from the fits (slope, offsets, M_s), from the point noise
//!    (taken from the scatter of the high-field fit) or the local misfit,
//!    whichever is larger (M_r, H_c), propagated to the squareness; M_s also in
//!    μ_B per interface unit cell for the sample area and in A/m for a thickness.
//!
//! Fields in Oe, moments in emu.
//!
//! # References
//! M. Jackson and P. Solheid, *On the quantitative analysis and evaluation of
//! magnetic hysteresis data*, Geochem. Geophys. Geosyst. 11, Q04Z15 (2010).
//! G. A. Paterson, X. Zhao, M. Jackson and D. Heslop, *Measuring, processing,
//! and analyzing hysteresis data*, Geochem. Geophys. Geosyst. 19, 1925 (2018)
//! (HystLab).

pub mod branches;
mod centre;
mod local;
mod report;

pub use report::{moment_per_cell, process_loop, LoopOptions, LoopReport};

use crate::fit::FitError;
use crate::input::InputError;
use thiserror::Error;

/// Why a loop could not be processed.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum LoopError {
    /// Bad fields, moments or options.
    #[error(transparent)]
    Input(#[from] InputError),
    /// A fit could not be attempted.
    #[error(transparent)]
    Fit(#[from] FitError),
    /// The sweep does not go down and back up (or up and back down).
    #[error(
        "hOe must sweep a full loop, a descending and an ascending branch of at least {min} \
         distinct fields each: found {down} descending and {up} ascending among {n} points"
    )]
    SingleBranch {
        down: usize,
        up: usize,
        min: usize,
        n: usize,
    },
    /// The saturation field leaves too few points in the high-field window.
    #[error(
        "hSatOe = {h_sat} Oe leaves {found} points of the {which} above it: at least 2 are \
         needed on each branch and side (the fields reach {h_max} Oe)"
    )]
    EmptyWindow {
        h_sat: f64,
        which: &'static str,
        found: usize,
        h_max: f64,
    },
}
