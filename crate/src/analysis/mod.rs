//! The paper's analyses run on a researcher's own measured columns (the
//! page `analyze.html`): the same models, fits and drawings as the figure
//! pages, on data that no model made.
//!
//! Each analysis takes the columns it needs already in its units (the page
//! converts them with [`crate::read::units::factor`] from the units the
//! file states), the rows of one segment when the file holds several, and
//! its options; it prepares the points the model needs (rows with a missing
//! value left out; sorted, with repeated abscissae averaged, where a model
//! wants a strictly increasing one), calls the model, and returns what the
//! page shows and exports. Nothing here is new physics: see the model each
//! file names.

pub mod hall;
pub mod hc2;
pub mod iv;
pub mod loops;
pub mod rt;
pub mod zfc_fc;

use crate::input::InputError;
use crate::physics::bkt::BktError;
use crate::physics::gl_hc2::GlHc2Error;
use crate::physics::hall::HallError;
use crate::physics::halperin_nelson::HalperinNelsonError;
use crate::physics::hc2_angle::Hc2AngleError;
use crate::physics::loop_processing::LoopError;
use crate::physics::resistive::ResistiveError;
use crate::read::ReadError;
use thiserror::Error;

/// Why an analysis could not be made; the message is the model's.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum AnalysisError {
    /// Bad columns or options.
    #[error(transparent)]
    Input(#[from] InputError),
    /// A segment split was refused.
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error(transparent)]
    Loop(#[from] LoopError),
    #[error(transparent)]
    Resistive(#[from] ResistiveError),
    #[error(transparent)]
    HalperinNelson(#[from] HalperinNelsonError),
    #[error(transparent)]
    Bkt(#[from] BktError),
    #[error(transparent)]
    Hall(#[from] HallError),
    #[error(transparent)]
    Hc2Angle(#[from] Hc2AngleError),
    #[error(transparent)]
    GlHc2(#[from] GlHc2Error),
    /// Too few rows where every column used holds a number.
    #[error(
        "{what}: {n} rows hold a number in every column used, at least {min} are needed \
         (are the right columns chosen?)"
    )]
    TooFewRows {
        what: &'static str,
        n: usize,
        min: usize,
    },
}

/// The rows where both `x` and `y` hold a finite number, in row order.
pub fn finite_pairs(x: &[f64], y: &[f64]) -> (Vec<f64>, Vec<f64>) {
    x.iter()
        .zip(y)
        .filter(|(a, b)| a.is_finite() && b.is_finite())
        .map(|(&a, &b)| (a, b))
        .unzip()
}

/// The pairs sorted by `x`, those with equal `x` averaged: a strictly
/// increasing abscissa, as the R(T) and I–V models require (a sweep up and
/// down, or a set point read twice, gives repeated values).
pub fn sorted_unique(x: &[f64], y: &[f64]) -> (Vec<f64>, Vec<f64>) {
    crate::physics::irreversibility::sorted_branch(x, y)
}

/// `n` of at least `min` rows, else [`AnalysisError::TooFewRows`].
pub fn enough(what: &'static str, n: usize, min: usize) -> Result<(), AnalysisError> {
    if n < min {
        Err(AnalysisError::TooFewRows { what, n, min })
    } else {
        Ok(())
    }
}
