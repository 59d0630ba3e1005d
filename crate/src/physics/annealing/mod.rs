//! Oxygen annealing, Fig. 5 (physics.md §8): annealing at a higher oxygen
//! partial pressure fills interface vacancies, which lowers the carrier
//! density, raises the sheet resistance and removes the moment.
//!
//! - Vacancy density (mass action at the anneal temperature, 400 °C for 1 h
//!   in the paper): ½ O₂ + V_O ⇌ O_O gives n_V ∝ P_O2^(−x), with x = 1/6 when
//!   each vacancy is doubly ionised (its two electrons in the conduction
//!   band): n_V(P) = min(n_V0, n_V0 (P/P*)^(−x)). The as-grown density n_V0
//!   is the cap: an anneal below the pressure P* in equilibrium with it
//!   does not create vacancies. P = 0 stands for the un-annealed sample.
//! - Carriers: n = 2 f n_V, f the itinerant fraction of the vacancy
//!   electrons; n_V0 follows from the as-grown Hall density as n0/(2f).
//! - Sheet resistance: R_s = 1/(n e μ) at a fixed mobility μ (physics.md §6).
//! - Moment: m = n_V A_cell m_V per interface unit cell (A_cell = √3 a² =
//!   27.56 Å²), m_V the moment per vacancy of the vacancy model.
//!
//! Densities are in cm⁻², pressures in mbar, R_s in Ω/□, moments in μ_B.
//! [`figure`] turns the samples into the four panels of Fig. 5.
//!
//! # References
//! F. A. Kröger and H. J. Vink, Solid State Phys. 3, 307 (1956) (defect
//! mass-action laws and their P_O2 exponents).

pub mod figure;

use crate::input::{self, InputError};
use crate::physics::constants::{E_CHARGE_C, KTAO3_LATTICE_A};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Why an annealing calculation was refused.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum AnnealingError {
    /// A parameter or pressure out of range, NaN or infinite.
    #[error(transparent)]
    Input(#[from] InputError),
}

/// Area of one interface unit cell of KTaO₃(111), √3 a², in cm².
pub fn cell_area_cm2() -> f64 {
    3f64.sqrt() * (KTAO3_LATTICE_A * 1e-8).powi(2)
}

/// Moment per vacancy of the vacancy model at its defaults, μ_B: 0.125 μ_B
/// per interface cell with one vacancy per 4 × 4 cells — both electrons
/// polarised (checked against `physics::vacancy` in the tests).
pub const MOMENT_PER_VACANCY_MU_B: f64 = 2.0;

/// The annealing model's parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct AnnealingParams {
    /// Hall carrier density of the as-grown sample, cm⁻². Default 7.28e13,
    /// the LaAlO₃/KTaO₃(111) sample at 5 K (Fig. 1c).
    pub as_grown_carrier_density: f64,
    /// Fraction f of the vacancy electrons that are itinerant (seen by
    /// Hall). Default 1: the vacancy model keeps both electrons in the
    /// conduction band (spread over the first two layers), and the as-grown
    /// density then needs 3.64e13 cm⁻² vacancies, 0.10 per interface cell.
    pub itinerant_fraction: f64,
    /// Mass-action exponent x of n_V ∝ P_O2^(−x). Default 1/6, doubly
    /// ionised vacancies (Kröger–Vink).
    pub exponent: f64,
    /// Pressure P* (mbar) in equilibrium with the as-grown vacancy density
    /// at the anneal temperature. Default 1e-7 mbar: the films are grown
    /// without added oxygen, at the base-pressure scale of a PLD chamber,
    /// and the paper's lowest anneal (2e-6 mbar) already changes R_s, so
    /// P* lies below it.
    pub onset_pressure: f64,
    /// Electron mobility μ, cm²/(V s), taken as independent of density.
    /// Default 40, an assumed value of the order of low-temperature Hall
    /// mobilities reported for KTaO₃(111) interface 2DEGs (tens of
    /// cm²/(V s)); it gives R_s ≈ 2.1 kΩ/□ for the as-grown sample. The
    /// paper's text gives no R_s value, and no check depends on it: R_s ∝ 1/n.
    pub mobility: f64,
    /// Moment per vacancy m_V, μ_B. Default [`MOMENT_PER_VACANCY_MU_B`].
    pub moment_per_vacancy: f64,
}

impl Default for AnnealingParams {
    fn default() -> Self {
        Self {
            as_grown_carrier_density: 7.28e13,
            itinerant_fraction: 1.0,
            exponent: 1.0 / 6.0,
            onset_pressure: 1e-7,
            mobility: 40.0,
            moment_per_vacancy: MOMENT_PER_VACANCY_MU_B,
        }
    }
}

impl AnnealingParams {
    /// Checks every parameter; names are the JavaScript option names.
    pub fn validate(&self) -> Result<(), AnnealingError> {
        input::positive(
            "asGrownCarrierDensity",
            self.as_grown_carrier_density,
            "density in cm⁻²",
        )?;
        input::in_range(
            "asGrownCarrierDensity",
            self.as_grown_carrier_density,
            1e10,
            1e16,
        )?;
        input::positive("itinerantFraction", self.itinerant_fraction, "fraction")?;
        input::in_range("itinerantFraction", self.itinerant_fraction, 0.0, 1.0)?;
        input::positive("exponent", self.exponent, "exponent")?;
        input::in_range("exponent", self.exponent, 0.0, 2.0)?;
        input::positive("onsetPressure", self.onset_pressure, "pressure in mbar")?;
        input::in_range("onsetPressure", self.onset_pressure, 1e-15, 1e4)?;
        input::positive("mobility", self.mobility, "mobility in cm²/(V s)")?;
        input::in_range("mobility", self.mobility, 1e-3, 1e6)?;
        input::in_range("momentPerVacancy", self.moment_per_vacancy, 0.0, 10.0)?;
        Ok(())
    }
}

/// One annealed sample.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AnnealedSample {
    /// Anneal pressure P_O2, mbar (0 = as grown).
    pub p_o2_mbar: f64,
    /// Vacancy density, cm⁻².
    pub vacancy_density: f64,
    /// Carrier density, cm⁻².
    pub carrier_density_cm2: f64,
    /// Sheet resistance, Ω/□.
    pub sheet_resistance: f64,
    /// Moment per interface unit cell, μ_B.
    pub moment_per_cell: f64,
}

/// Highest anneal pressure accepted, mbar (a 10 bar anneal is far outside
/// anything the model describes).
pub const MAX_PRESSURE_MBAR: f64 = 1e4;

/// The samples annealed at each pressure of `p_o2_mbar` (mbar, ≥ 0; 0 is
/// the as-grown sample).
pub fn annealing(
    params: &AnnealingParams,
    p_o2_mbar: &[f64],
) -> Result<Vec<AnnealedSample>, AnnealingError> {
    params.validate()?;
    input::finite_slice("pO2Mbar", p_o2_mbar)?;
    if let Some(index) = p_o2_mbar
        .iter()
        .position(|p| !(0.0..=MAX_PRESSURE_MBAR).contains(p))
    {
        return Err(InputError::OutOfRangeAt {
            name: "pO2Mbar",
            index,
            min: 0.0,
            max: MAX_PRESSURE_MBAR,
            value: p_o2_mbar[index],
        }
        .into());
    }
    let f = params.itinerant_fraction;
    let cap = params.as_grown_carrier_density / (2.0 * f);
    Ok(p_o2_mbar
        .iter()
        .map(|&p| {
            let ratio = (p / params.onset_pressure).powf(-params.exponent);
            // p = 0 gives an infinite ratio, capped at the as-grown density.
            let n_v = cap * ratio.min(1.0);
            let n = 2.0 * f * n_v;
            // cm⁻² → m⁻², cm²/(V s) → m²/(V s).
            let sheet_resistance = 1.0 / (n * 1e4 * E_CHARGE_C * params.mobility * 1e-4);
            AnnealedSample {
                p_o2_mbar: p,
                vacancy_density: n_v,
                carrier_density_cm2: n,
                sheet_resistance,
                moment_per_cell: n_v * cell_area_cm2() * params.moment_per_vacancy,
            }
        })
        .collect())
}

/// The paper's four samples: as grown (0) and annealed at 2e-6, 1e-2 and
/// 1 mbar (400 °C, 1 h), in mbar.
pub const PAPER_PRESSURES_MBAR: [f64; 4] = [0.0, 2e-6, 1e-2, 1.0];
