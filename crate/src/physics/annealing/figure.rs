//! What the Fig. 5 page shows, composed from the annealing model and the
//! resistive-transition, Hall and hysteresis models: for the paper's four
//! samples (as grown, 2e-6, 1e-2 and 1 mbar) and a fifth at a pressure the
//! reader chooses, R_s(T), R_xy(B) at 5 K, and in-plane loops at 1.8 K and
//! 300 K with the substrate's diamagnetism subtracted (Fig. 5a–d).
//!
//! Each sample's carrier density n, sheet resistance R_s and moment per
//! interface cell m come from [`super::annealing`]; the curves are the
//! LaAlO₃/KTaO₃(111) models of Figs. 1b, 1c and 2 with these three numbers
//! put in:
//! - R_s(T): the transport preset of Fig. 1b with the residual normal-state
//!   resistance R_N(0) = R_s and the same residual-resistance ratio
//!   (R_300 = 5 R_N). The superconducting parameters (T_c0, T_BKT, its
//!   spread) stay the as-grown ones: the paper gives no T_c for the annealed
//!   samples, so the model does not invent a dependence (an assumption: a
//!   real film with R_s above h/4e² ≈ 6.45 kΩ/□ may not superconduct).
//! - R_xy(B) at 5 K: the Hall model at density n with the preset's
//!   misalignment offset (0.2 % of R_N) and noise, fitted again by
//!   [`hall_density`] as a reader fits measured data.
//! - Loops: the noise-free ferromagnetic moment of the LaAlO₃/KTaO₃ magnet
//!   preset (Fig. 2) as a fraction of its M_s(T → 0), times the sample's
//!   moment per cell: m(H, T) = m_cell · m_ferro(H, T)/M_s. Annealing changes
//!   how many moments there are, not their anisotropy or volumes.
//!
//! The parts shared by every sample are computed once per page: the excess
//! (fluctuation) conductance of every region of the film at every
//! temperature, which does not depend on R_N ([`ExcessTable`]), and the two
//! loop shapes. A sample then costs one sum per temperature.

use super::{annealing, AnnealedSample, AnnealingError, AnnealingParams, PAPER_PRESSURES_MBAR};
use crate::input::{self, InputError};
use crate::physics::hall::{fig1c_fields, hall_curve, hall_density, HallDensity, HallError};
use crate::physics::magnet::sw_loop::sw_loops;
use crate::physics::magnet::{magnet_preset, MagnetError, MagnetOptions};
use crate::physics::resistive::{regions, ResistiveError};
use crate::physics::transport::{lao_kto, TransportParams};
use crate::plot::power_of_ten;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;
use thiserror::Error;

/// Why Fig. 5 could not be computed.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum FigureError {
    /// A bad control value.
    #[error(transparent)]
    Input(#[from] InputError),
    /// The annealing model refused its parameters.
    #[error(transparent)]
    Annealing(#[from] AnnealingError),
    /// The resistive model refused a sample.
    #[error(transparent)]
    Resistive(#[from] ResistiveError),
    /// The Hall model or its fit failed for a sample.
    #[error(transparent)]
    Hall(#[from] HallError),
    /// The magnet model refused its options.
    #[error(transparent)]
    Magnet(#[from] MagnetError),
}

/// The state of the Fig. 5 page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct AnnealingFigureState {
    /// Anneal pressure of the fifth sample, mbar (0 = as grown).
    #[serde(rename = "pO2Mbar")]
    pub p_o2_mbar: f64,
    /// Mass-action exponent x of n_V ∝ P_O2^(−x) (see [`AnnealingParams::exponent`]).
    pub exponent: f64,
}

/// Default pressure of the fifth sample, mbar: 1e-4, between the paper's
/// 2e-6 and 1e-2 mbar anneals, so that it falls between their curves.
pub const FIFTH_DEFAULT_MBAR: f64 = 1e-4;

impl Default for AnnealingFigureState {
    fn default() -> Self {
        Self {
            p_o2_mbar: FIFTH_DEFAULT_MBAR,
            exponent: AnnealingParams::default().exponent,
        }
    }
}

/// The temperatures of the loops of Fig. 5c and 5d, K.
pub const LOOP_TEMPERATURES_K: [f64; 2] = [1.8, 300.0];

/// One sample of Fig. 5 and its curves.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AnnealingFigureSample {
    /// Legend label: "as grown", "2 × 10⁻⁶ mbar", …
    pub label: String,
    /// Whether this is the reader's fifth sample.
    pub fifth: bool,
    /// n, R_s and m from the annealing model.
    pub sample: AnnealedSample,
    /// R_s(T), Ω/□, on [`AnnealingFigure::temperature_k`].
    pub sheet_resistance: Vec<f64>,
    /// R_xy at 5 K, Ω, on [`AnnealingFigure::field_t`].
    pub rxy_ohm: Vec<f64>,
    /// The straight-line Hall analysis of `rxy_ohm`, with the mobility at R_s.
    pub hall: HallDensity,
    /// The loop at 1.8 K, μ_B per interface cell, on [`AnnealingFigure::field_oe`].
    pub moment_low: Vec<f64>,
    /// The loop at 300 K, μ_B per interface cell.
    pub moment_high: Vec<f64>,
}

/// Everything Fig. 5 shows.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AnnealingFigure {
    /// Temperatures of Fig. 5a, K.
    pub temperature_k: Vec<f64>,
    /// Fields of Fig. 5b, T.
    pub field_t: Vec<f64>,
    /// Fields of the loops (descending, then ascending), Oe.
    pub field_oe: Vec<f64>,
    /// Temperatures of the two loop panels, K.
    pub loop_temperatures_k: [f64; 2],
    /// The paper's four samples, then the fifth.
    pub samples: Vec<AnnealingFigureSample>,
}

/// The temperatures of Fig. 5a, K: 1.5–3 K every 10 mK (the transition),
/// then 100 points evenly spaced in log T up to 300 K.
pub fn fig5_temperatures() -> Vec<f64> {
    let mut t: Vec<f64> = (0..150).map(|k| 1.5 + 0.01 * f64::from(k)).collect();
    let (a, b) = (3f64.ln(), 300f64.ln());
    t.extend((0..100).map(|k| (a + (b - a) * f64::from(k) / 99.0).exp()));
    t
}

/// The excess conductance Δσ of every region of the as-grown film at every
/// temperature of [`fig5_temperatures`]: the part of R_s(T) that does not
/// depend on R_N. Regions below their local T_BKT (Δσ = ∞, R = 0) are left out.
#[derive(Debug, Clone)]
pub struct ExcessTable {
    /// Temperatures, K.
    pub temperature_k: Vec<f64>,
    /// At each temperature: (weight, Δσ in S) of the regions still resistive.
    pub regions: Vec<Vec<(f64, f64)>>,
}

impl ExcessTable {
    /// The table for the transport parameters `p` (only its
    /// superconducting parameters enter).
    pub fn new(p: &TransportParams, temperature_k: Vec<f64>) -> Self {
        let film = regions(p);
        let table = temperature_k
            .iter()
            .map(|&t| {
                film.iter()
                    .map(|g| (g.weight, g.excess_conductance_s(t)))
                    .filter(|(_, ds)| ds.is_finite())
                    .collect()
            })
            .collect();
        Self {
            temperature_k,
            regions: table,
        }
    }

    /// R_s(T) in Ω/□ of a film with these regions and the normal state of
    /// `p`: Σ_g w_g / (1/R_N(T) + Δσ_g(T)), as [`crate::physics::resistive::film_resistance`].
    pub fn resistance(&self, p: &TransportParams) -> Vec<f64> {
        self.temperature_k
            .iter()
            .zip(&self.regions)
            .map(|(&t, regions)| {
                let sigma_n = 1.0 / p.normal_resistance(t);
                regions.iter().map(|&(w, ds)| w / (sigma_n + ds)).sum()
            })
            .collect()
    }
}

/// The as-grown film's excess-conductance table, computed once.
fn excess_table() -> &'static ExcessTable {
    static TABLE: OnceLock<ExcessTable> = OnceLock::new();
    TABLE.get_or_init(|| ExcessTable::new(&lao_kto(), fig5_temperatures()))
}

/// The two loop shapes: fields (Oe) and m_ferro/M_s at 1.8 K and 300 K.
type LoopShapes = (Vec<f64>, [Vec<f64>; 2]);

/// The loop shapes of the LaAlO₃/KTaO₃ magnet preset, computed once.
fn loop_shapes() -> Result<&'static LoopShapes, FigureError> {
    static SHAPES: OnceLock<Result<LoopShapes, MagnetError>> = OnceLock::new();
    SHAPES
        .get_or_init(|| {
            let base = magnet_preset("LAO/KTO")?;
            let options: Vec<MagnetOptions> = LOOP_TEMPERATURES_K
                .iter()
                .map(|&t| MagnetOptions {
                    temperature_k: t,
                    noise_emu: 0.0,
                    ..base.clone()
                })
                .collect();
            let loops = sw_loops(&options)?;
            let shape = |i: usize| -> Vec<f64> {
                loops
                    .get(i)
                    .map(|l| l.m_ferro.iter().map(|m| m / base.ms_emu).collect())
                    .unwrap_or_default()
            };
            let (low, high) = (shape(0), shape(1));
            let field = loops.first().map(|l| l.h.clone()).unwrap_or_default();
            Ok((field, [low, high]))
        })
        .as_ref()
        .map_err(|e| e.clone().into())
}

/// The legend label of a sample annealed at `p` mbar (0: as grown), to two
/// significant digits: "as grown", "2 × 10⁻⁶ mbar", "10⁻² mbar", "1 mbar".
pub fn pressure_label(p: f64) -> String {
    if p <= 0.0 || !p.is_finite() {
        return "as grown".to_string();
    }
    let mut e = p.log10().floor() as i32;
    let mut m = (p / 10f64.powi(e) * 10.0).round() / 10.0;
    if m >= 10.0 {
        m /= 10.0;
        e += 1;
    }
    let mantissa = if m.fract() == 0.0 {
        format!("{m:.0}")
    } else {
        format!("{m:.1}")
    };
    match (mantissa.as_str(), e) {
        ("1", 0) => "1 mbar".to_string(),
        (_, 0) => format!("{mantissa} mbar"),
        ("1", _) => format!("{} mbar", power_of_ten(e)),
        _ => format!("{mantissa} × {} mbar", power_of_ten(e)),
    }
}

/// The transport parameters of a sample: the LaAlO₃/KTaO₃ preset with its
/// normal state and carrier density (see the module documentation).
pub fn transport_of(s: &AnnealedSample) -> TransportParams {
    let base = lao_kto();
    let r_n = s.sheet_resistance;
    TransportParams {
        name: pressure_label(s.p_o2_mbar),
        r_n,
        r300: base.r300 / base.r_n * r_n,
        n_cm2: s.carrier_density_cm2,
        hall_offset_ohm: base.hall_offset_ohm / base.r_n * r_n,
        ..base
    }
}

/// Each sample of Fig. 5 annealed at `pressures` (mbar) with the mass-action
/// exponent `exponent`, with its curves (none marked as the fifth).
pub fn figure_samples(
    exponent: f64,
    pressures: &[f64],
) -> Result<Vec<AnnealingFigureSample>, FigureError> {
    let params = AnnealingParams {
        exponent,
        ..AnnealingParams::default()
    };
    let annealed = annealing(&params, pressures)?;
    let table = excess_table();
    let (_, shapes) = loop_shapes()?;
    let field_t = fig1c_fields();
    annealed
        .into_iter()
        .map(|sample| {
            let p = transport_of(&sample);
            p.validate()?;
            let rxy = hall_curve(&p, &field_t)?;
            let hall = hall_density(&field_t, &rxy, Some(sample.sheet_resistance))?;
            let m = sample.moment_per_cell;
            Ok(AnnealingFigureSample {
                label: p.name.clone(),
                fifth: false,
                sheet_resistance: table.resistance(&p),
                rxy_ohm: rxy,
                hall,
                moment_low: shapes[0].iter().map(|f| m * f).collect(),
                moment_high: shapes[1].iter().map(|f| m * f).collect(),
                sample,
            })
        })
        .collect()
}

/// Fig. 5 from the paper's four samples (as [`figure_samples`] gives them
/// for `state.exponent` at [`PAPER_PRESSURES_MBAR`]; a page computes them
/// once per exponent) and the fifth of `state`.
pub fn with_fifth(
    paper: Vec<AnnealingFigureSample>,
    state: &AnnealingFigureState,
) -> Result<AnnealingFigure, FigureError> {
    input::in_range(
        "state.pO2Mbar",
        state.p_o2_mbar,
        0.0,
        super::MAX_PRESSURE_MBAR,
    )?;
    let mut fifth = figure_samples(state.exponent, &[state.p_o2_mbar])?;
    let mut samples = paper;
    for s in fifth.iter_mut() {
        s.fifth = true;
    }
    samples.append(&mut fifth);
    let (field_oe, _) = loop_shapes()?;
    Ok(AnnealingFigure {
        temperature_k: excess_table().temperature_k.clone(),
        field_t: fig1c_fields(),
        field_oe: field_oe.clone(),
        loop_temperatures_k: LOOP_TEMPERATURES_K,
        samples,
    })
}

/// Fig. 5 for `state`: the paper's four samples and the fifth.
pub fn annealing_figure(state: &AnnealingFigureState) -> Result<AnnealingFigure, FigureError> {
    input::in_range(
        "state.pO2Mbar",
        state.p_o2_mbar,
        0.0,
        super::MAX_PRESSURE_MBAR,
    )?;
    with_fifth(
        figure_samples(state.exponent, &PAPER_PRESSURES_MBAR)?,
        state,
    )
}
