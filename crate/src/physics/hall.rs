//! Single-band Hall effect, Fig. 1c of the paper (physics.md §6). Field μ0H
//! in tesla, resistances in Ω, densities in cm⁻², mobilities in cm²/(V·s).
//!
//! R_xy = R_xy(0) + s·B with s = −1/(n e) for electrons and +1/(p e) for
//! holes; n = 1/(e|s|), the sign of s gives the carrier. The intercept
//! R_xy(0) is the misalignment offset every real Hall bar has (the Hall
//! contacts pick up a little of R_xx), so the straight line is fitted with
//! it. Mobility μ = 1/(n e R_s) from the sheet resistance at the same
//! temperature.
//!
//! # References
//! N. W. Ashcroft and N. D. Mermin, *Solid State Physics* (1976), ch. 1.

use super::transport::TransportParams;
use crate::fit::{self, FitError, FitReport};
use crate::input::{self, InputError};
use crate::physics::constants::E_CHARGE_C;
use rand::{rngs::StdRng, SeedableRng};
use rand_distr::{Distribution, Normal};
use serde::Serialize;
use thiserror::Error;

/// Why a Hall computation or analysis was refused.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum HallError {
    /// Bad fields, resistances or parameters.
    #[error(transparent)]
    Input(#[from] InputError),
    /// The straight-line fit could not be made.
    #[error(transparent)]
    Fit(#[from] FitError),
    /// R_xy does not measurably depend on the field: no carrier density.
    #[error("the Hall slope {slope} ± {error} Ω/T is not distinguishable from zero: no carrier density follows")]
    NoSlope { slope: f64, error: f64 },
}

/// The sign of the charge carriers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Carrier {
    /// Negative Hall slope.
    #[serde(rename = "electrons")]
    Electrons,
    /// Positive Hall slope.
    #[serde(rename = "holes")]
    Holes,
}

/// What a Hall measurement gives.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HallDensity {
    /// Sheet carrier density, cm⁻².
    pub n_cm2: f64,
    /// Its standard error, cm⁻².
    pub n_error: f64,
    /// Electrons (negative slope) or holes.
    pub carrier: Carrier,
    /// dR_xy/dB, Ω/T.
    pub slope_ohm_per_t: f64,
    /// Its standard error, Ω/T.
    pub slope_error: f64,
    /// R_xy at zero field (misalignment offset), Ω.
    pub offset_ohm: f64,
    /// Hall mobility, cm²/(V·s), when a sheet resistance was given.
    pub mobility_cm2_vs: Option<f64>,
    /// The straight-line fit (params `offset` in Ω, `slope` in Ω/T).
    pub fit: FitReport,
}

/// Sheet density in cm⁻² for a Hall slope in Ω/T: 1/(e|s|), m⁻² → cm⁻².
pub fn density_from_slope(slope_ohm_per_t: f64) -> f64 {
    1.0 / (E_CHARGE_C * slope_ohm_per_t.abs()) * 1e-4
}

/// |Hall slope| in Ω/T for a density in cm⁻².
pub fn slope_from_density(n_cm2: f64) -> f64 {
    1.0 / (E_CHARGE_C * n_cm2 * 1e4)
}

/// Hall mobility 1/(n e R_s) in cm²/(V·s) for n in cm⁻² and R_s in Ω/□.
pub fn mobility(n_cm2: f64, sheet_resistance_ohm: f64) -> f64 {
    1.0 / (n_cm2 * 1e4 * E_CHARGE_C * sheet_resistance_ohm) * 1e4
}

/// The carrier density (and mobility, given R_s in Ω/□) from R_xy(B):
/// `field_t` in tesla, `rxy_ohm` in Ω.
pub fn hall_density(
    field_t: &[f64],
    rxy_ohm: &[f64],
    sheet_resistance_ohm: Option<f64>,
) -> Result<HallDensity, HallError> {
    input::finite_slice("fieldT", field_t)?;
    input::same_len("rxyOhm", rxy_ohm, "fieldT", field_t)?;
    input::finite_slice("rxyOhm", rxy_ohm)?;
    if let Some(r) = sheet_resistance_ohm {
        input::positive("sheetResistanceOhm", r, "resistance in ohm")?;
    }
    let fit =
        fit::straight_line(["offset", "slope"], field_t, rxy_ohm, None).map_err(|e| match e {
            FitError::NoSpread { value, .. } => FitError::NoSpread {
                name: "fieldT",
                value,
            },
            FitError::TooFewPoints { n, p } => FitError::TooFewPoints { n, p },
            other => other,
        })?;
    let (offset, slope) = (fit.params[0].1, fit.params[1].1);
    let slope_error = fit.errors[1].1;
    if slope.abs() <= slope_error || slope == 0.0 {
        return Err(HallError::NoSlope {
            slope,
            error: slope_error,
        });
    }
    let n_cm2 = density_from_slope(slope);
    Ok(HallDensity {
        n_cm2,
        n_error: n_cm2 * slope_error / slope.abs(),
        carrier: if slope < 0.0 {
            Carrier::Electrons
        } else {
            Carrier::Holes
        },
        slope_ohm_per_t: slope,
        slope_error,
        offset_ohm: offset,
        mobility_cm2_vs: sheet_resistance_ohm.map(|r| mobility(n_cm2, r)),
        fit,
    })
}

/// R_xy(B) in Ω of the sample `p` at 5 K: electrons of density `n_cm2`,
/// the misalignment offset and seeded Gaussian noise.
pub fn hall_curve(p: &TransportParams, field_t: &[f64]) -> Result<Vec<f64>, HallError> {
    p.validate()?;
    input::finite_slice("fieldT", field_t)?;
    let s = -slope_from_density(p.n_cm2);
    // A stream of its own, so that the Hall noise differs from the I–V noise.
    let mut rng = StdRng::seed_from_u64(p.seed_u64() ^ 0x4841_4c4c);
    let normal = Normal::new(0.0, 1.0).map_err(|_| InputError::NotFinite {
        name: "params.hallNoiseOhm",
        value: p.hall_noise_ohm,
    })?;
    Ok(field_t
        .iter()
        .map(|&b| {
            let z: f64 = normal.sample(&mut rng);
            p.hall_offset_ohm + s * b + p.hall_noise_ohm * z
        })
        .collect())
}

/// Fields of the Fig. 1c sweep, T: −9 to 9 T in 0.25 T steps, the range of
/// a 9 T PPMS.
pub fn fig1c_fields() -> Vec<f64> {
    (0..=72).map(|k| -9.0 + 0.25 * f64::from(k)).collect()
}
