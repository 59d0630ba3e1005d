//! What the Fig. 2 and Fig. S5 pages show, computed from their state: a
//! sample's option object (see [`magnet_preset`]) with the controls of the
//! page applied on top.

use super::options::{magnet_preset, MagnetOptions};
use super::sw_loop::{sw_loops, SwLoop};
use super::zfc_fc::{zfc_fc, ZfcFc};
use super::MagnetError;
use crate::input::{self, InputError};
use crate::physics::loop_processing::{process_loop, LoopError, LoopOptions, LoopReport};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Why a figure could not be computed.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum FigureError {
    /// A bad control value.
    #[error(transparent)]
    Input(#[from] InputError),
    /// The model refused its options.
    #[error(transparent)]
    Magnet(#[from] MagnetError),
    /// A loop could not be processed.
    #[error(transparent)]
    Loop(#[from] LoopError),
}

/// A set of temperatures, K: an array, or a comma-separated string (as a
/// URL carries it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum TemperatureSet {
    List(Vec<f64>),
    Text(String),
}

impl TemperatureSet {
    /// The temperatures, checked: finite, 0–1000 K, strictly increasing, 1–8 of them.
    pub fn values(&self) -> Result<Vec<f64>, InputError> {
        let v: Vec<f64> = match self {
            Self::List(v) => v.clone(),
            Self::Text(s) => s
                .split(',')
                .filter(|t| !t.trim().is_empty())
                .map(|t| t.trim().parse::<f64>().unwrap_or(f64::NAN))
                .collect(),
        };
        input::increasing("temperaturesK", &v)?;
        for &t in &v {
            input::in_range("temperaturesK", t, 0.0, 1000.0)?;
        }
        if v.len() > MAX_TEMPERATURES {
            return Err(InputError::OutOfRange {
                name: "temperaturesK (count)",
                min: 1.0,
                max: MAX_TEMPERATURES as f64,
                value: v.len() as f64,
            });
        }
        Ok(v)
    }
}

/// At most this many loops in one figure: each is a full ensemble sweep,
/// and eight stay legible and within the page's time budget.
pub const MAX_TEMPERATURES: usize = 8;

/// The temperatures of Fig. 2: from the lowest of the paper (1.8 K, below
/// the superconducting T_c) to room temperature.
pub const FIG2_TEMPERATURES_K: [f64; 5] = [1.8, 50.0, 100.0, 200.0, 300.0];

/// The state of the Fig. 2 page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct MagnetLoopsState {
    /// "LAO/KTO" or "YAO/KTO"; every value not set below is that sample's.
    pub sample: String,
    /// Easy-axis ensemble (see [`MagnetOptions::ensemble`]).
    pub ensemble: String,
    /// Spread of the easy axes, degrees ("spread" ensemble).
    pub spread_deg: f64,
    /// Median anisotropy field, Oe.
    pub hk_oe: f64,
    /// Saturated ferromagnetic moment at T → 0, emu.
    pub ms_emu: f64,
    /// The loops' temperatures, K.
    pub temperatures_k: TemperatureSet,
    /// Diamagnetic susceptibility of the substrate, emu/Oe.
    pub chi_emu_per_oe: f64,
    /// Noise of one point, emu.
    pub noise_emu: f64,
    /// Show the processed loops (true) or the raw signal (false).
    pub corrected: bool,
    /// Seed of the noise; the loop at the i-th temperature uses seed + i.
    pub seed: f64,
}

impl MagnetLoopsState {
    /// The paper's values for `sample`.
    pub fn for_sample(sample: &str) -> Result<Self, MagnetError> {
        let p = magnet_preset(sample)?;
        Ok(Self {
            sample: sample.to_string(),
            ensemble: p.ensemble,
            spread_deg: p.spread_deg,
            hk_oe: p.hk_oe,
            ms_emu: p.ms_emu,
            temperatures_k: TemperatureSet::List(FIG2_TEMPERATURES_K.to_vec()),
            chi_emu_per_oe: p.chi_emu_per_oe,
            noise_emu: p.noise_emu,
            corrected: true,
            seed: p.seed,
        })
    }

    /// The sample's options with this state's controls applied.
    pub fn options(&self) -> Result<MagnetOptions, MagnetError> {
        Ok(MagnetOptions {
            ensemble: self.ensemble.clone(),
            spread_deg: self.spread_deg,
            hk_oe: self.hk_oe,
            ms_emu: self.ms_emu,
            chi_emu_per_oe: self.chi_emu_per_oe,
            noise_emu: self.noise_emu,
            seed: self.seed,
            ..magnet_preset(&self.sample)?
        })
    }
}

impl Default for MagnetLoopsState {
    fn default() -> Self {
        // The first sample exists, so this cannot fail; an empty state is the fallback.
        Self::for_sample("LAO/KTO").unwrap_or_else(|_| Self {
            sample: "LAO/KTO".into(),
            ensemble: "inplane".into(),
            spread_deg: 0.0,
            hk_oe: 300.0,
            ms_emu: 1.683e-7,
            temperatures_k: TemperatureSet::List(FIG2_TEMPERATURES_K.to_vec()),
            chi_emu_per_oe: 0.0,
            noise_emu: 0.0,
            corrected: true,
            seed: 1.0,
        })
    }
}

/// One temperature of Fig. 2: the measured loop and what processing found.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LoopAtTemperature {
    pub temperature_k: f64,
    /// The measured (raw) loop.
    #[serde(rename = "loop")]
    pub sweep: SwLoop,
    /// processLoop's result (with the corrected loop).
    pub report: LoopReport,
}

/// Everything Fig. 2 shows.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MagnetLoops {
    pub sample: String,
    pub corrected: bool,
    /// Sample area for the μ_B-per-cell axis, mm².
    pub area_mm2: f64,
    pub loops: Vec<LoopAtTemperature>,
}

/// Fig. 2 for `state`: a loop at each temperature, each processed.
pub fn magnet_loops(state: &MagnetLoopsState) -> Result<MagnetLoops, FigureError> {
    let temps = state.temperatures_k.values()?;
    let base = state.options()?;
    let seed = base.check()?.seed;
    let lopts = LoopOptions::default();
    let options: Vec<MagnetOptions> = temps
        .iter()
        .enumerate()
        .map(|(i, &t)| MagnetOptions {
            temperature_k: t,
            seed: seed.saturating_add(i as u64) as f64,
            ..base.clone()
        })
        .collect();
    let loops = sw_loops(&options)?
        .into_iter()
        .zip(&temps)
        .map(|(sweep, &t)| {
            let report = process_loop(&sweep.h, &sweep.m, &lopts)?;
            Ok(LoopAtTemperature {
                temperature_k: t,
                sweep,
                report,
            })
        })
        .collect::<Result<Vec<_>, FigureError>>()?;
    Ok(MagnetLoops {
        sample: state.sample.clone(),
        corrected: state.corrected,
        area_mm2: lopts.area_mm2,
        loops,
    })
}

/// The state of the Fig. S5 page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ZfcFcState {
    /// "LAO/KTO" or "YAO/KTO"; every value not set below is that sample's.
    pub sample: String,
    /// Measuring field, Oe.
    pub field_oe: f64,
    /// Median particle volume, nm³.
    pub volume_nm3: f64,
    /// Log-normal width of the volumes.
    pub volume_spread: f64,
    /// Median anisotropy field, Oe.
    pub hk_oe: f64,
    /// Subtract the substrate's χH (as measured on a bare substrate, the
    /// paper's Figs. S6–S7) from both curves.
    pub corrected: bool,
}

impl ZfcFcState {
    /// The paper's values for `sample`.
    pub fn for_sample(sample: &str) -> Result<Self, MagnetError> {
        let p = magnet_preset(sample)?;
        Ok(Self {
            sample: sample.to_string(),
            field_oe: p.field_oe,
            volume_nm3: p.volume_nm3,
            volume_spread: p.volume_spread,
            hk_oe: p.hk_oe,
            corrected: true,
        })
    }

    /// The sample's options with this state's controls applied.
    pub fn options(&self) -> Result<MagnetOptions, MagnetError> {
        Ok(MagnetOptions {
            field_oe: self.field_oe,
            volume_nm3: self.volume_nm3,
            volume_spread: self.volume_spread,
            hk_oe: self.hk_oe,
            ..magnet_preset(&self.sample)?
        })
    }
}

impl Default for ZfcFcState {
    fn default() -> Self {
        Self::for_sample("LAO/KTO").unwrap_or_else(|_| Self {
            sample: "LAO/KTO".into(),
            field_oe: 50.0,
            volume_nm3: 8e5,
            volume_spread: 0.8,
            hk_oe: 300.0,
            corrected: true,
        })
    }
}

/// Everything Fig. S5 shows.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ZfcFcFigure {
    pub sample: String,
    pub corrected: bool,
    /// The substrate's χH removed from `zfc` and `fc` (0 when not corrected), emu.
    pub subtracted_emu: f64,
    /// Sample area for the μ_B-per-cell axis, mm².
    pub area_mm2: f64,
    /// The curves as shown (corrected or raw).
    pub curves: ZfcFc,
}

/// Fig. S5 for `state`.
pub fn zfc_fc_figure(state: &ZfcFcState) -> Result<ZfcFcFigure, FigureError> {
    let o = state.options()?;
    let mut curves = zfc_fc(&o)?;
    let subtracted = if state.corrected {
        o.chi_emu_per_oe * o.field_oe
    } else {
        0.0
    };
    for v in curves.zfc.iter_mut().chain(curves.fc.iter_mut()) {
        *v -= subtracted;
    }
    Ok(ZfcFcFigure {
        sample: state.sample.clone(),
        corrected: state.corrected,
        subtracted_emu: subtracted,
        area_mm2: LoopOptions::default().area_mm2,
        curves,
    })
}
