//! What the Fig. 2 and Fig. S5 pages show, computed from their state: both
//! samples side by side, as in the paper, each a panel. The page's controls
//! set one sample (`sample` says which) on top of its option object (see
//! [`magnet_preset`]); the other keeps its preset. Measurement settings (the
//! temperatures of the loops, the ZFC/FC field, raw or corrected) apply to
//! both.
//!
//! A panel whose inputs did not change is not computed again: a page
//! recomputes its figure whenever a control moves, and a control moves one
//! sample at most.

use super::memo::{remember, Memo};
use super::options::{magnet_preset, MagnetOptions};
use super::sw_loop::{sw_loops, SwLoop};
use super::zfc_fc::{zfc_fc, ZfcFc};
use super::MagnetError;
use crate::input::{self, InputError};
use crate::physics::loop_processing::{process_loop, LoopError, LoopOptions, LoopReport};
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::rc::Rc;
use thiserror::Error;

/// The samples of Figs. 2 and S5, in the paper's order (panels a and b).
pub const SAMPLES: [&str; 2] = ["LAO/KTO", "YAO/KTO"];

/// Panels kept per figure: both samples' current panels and the last few
/// states before (a slider dragged back and forth).
const PANEL_MEMO: usize = 6;

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
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum TemperatureSet {
    List(Vec<f64>),
    Text(String),
}

/// Reads either form by what it is, where `#[serde(untagged)]` would try the
/// array first and build (in wasm, a JS `Error` with its stack) a failure for
/// every string: a quarter of a millisecond on each Fig. 2 update.
impl<'de> Deserialize<'de> for TemperatureSet {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Either;
        impl<'de> Visitor<'de> for Either {
            type Value = TemperatureSet;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array of temperatures in K or a comma-separated string")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<TemperatureSet, E> {
                Ok(TemperatureSet::Text(s.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<TemperatureSet, A::Error> {
                let mut v = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(t) = seq.next_element()? {
                    v.push(t);
                }
                Ok(TemperatureSet::List(v))
            }
        }
        d.deserialize_any(Either)
    }
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
    /// The sample the values below set, "LAO/KTO" or "YAO/KTO"; every value
    /// not set here is that sample's, and the other sample keeps its preset.
    pub sample: String,
    /// Easy-axis ensemble (see [`MagnetOptions::ensemble`]).
    pub ensemble: String,
    /// Spread of the easy axes, degrees ("spread" ensemble).
    pub spread_deg: f64,
    /// Median anisotropy field, Oe.
    pub hk_oe: f64,
    /// Saturated ferromagnetic moment at T → 0, emu.
    pub ms_emu: f64,
    /// The loops' temperatures, K (both samples).
    pub temperatures_k: TemperatureSet,
    /// Diamagnetic susceptibility of the substrate, emu/Oe.
    pub chi_emu_per_oe: f64,
    /// Noise of one point, emu.
    pub noise_emu: f64,
    /// Show the processed loops (true) or the raw signal (false), both samples.
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

    /// The options of `sample`: with this state's values if it is the one
    /// they set, its preset otherwise.
    pub fn options(&self, sample: &str) -> Result<MagnetOptions, MagnetError> {
        let preset = magnet_preset(sample)?;
        if sample != self.sample {
            return Ok(preset);
        }
        Ok(MagnetOptions {
            ensemble: self.ensemble.clone(),
            spread_deg: self.spread_deg,
            hk_oe: self.hk_oe,
            ms_emu: self.ms_emu,
            chi_emu_per_oe: self.chi_emu_per_oe,
            noise_emu: self.noise_emu,
            seed: self.seed,
            ..preset
        })
    }
}

impl Default for MagnetLoopsState {
    fn default() -> Self {
        // The first sample exists, so this cannot fail; an empty state is the fallback.
        Self::for_sample(SAMPLES[0]).unwrap_or_else(|_| Self {
            sample: SAMPLES[0].into(),
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

/// One sample's loops in Fig. 2.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LoopPanel {
    /// "LAO/KTO" or "YAO/KTO".
    pub sample: String,
    pub loops: Vec<LoopAtTemperature>,
}

/// Everything Fig. 2 shows.
#[derive(Debug, Clone)]
pub struct MagnetLoops {
    /// The sample the page's controls set.
    pub sample: String,
    pub corrected: bool,
    /// Sample area for the μ_B-per-cell axis, mm².
    pub area_mm2: f64,
    /// One panel per sample, in the order of [`SAMPLES`].
    pub panels: Vec<Rc<LoopPanel>>,
}

thread_local! {
    static LOOP_PANELS: Memo<(MagnetOptions, Vec<f64>), LoopPanel> = const { Memo::new(Vec::new()) };
}

/// Fig. 2 for `state`: both samples' loops at each temperature, each processed.
pub fn magnet_loops(state: &MagnetLoopsState) -> Result<MagnetLoops, FigureError> {
    let temps = state.temperatures_k.values()?;
    magnet_preset(&state.sample)?;
    let panels = SAMPLES
        .iter()
        .map(|&sample| {
            let base = state.options(sample)?;
            remember(
                &LOOP_PANELS,
                PANEL_MEMO,
                (base.clone(), temps.clone()),
                || loop_panel(sample, &base, &temps),
            )
        })
        .collect::<Result<Vec<_>, FigureError>>()?;
    Ok(MagnetLoops {
        sample: state.sample.clone(),
        corrected: state.corrected,
        area_mm2: LoopOptions::default().area_mm2,
        panels,
    })
}

/// One sample's loops at `temps`, each processed.
fn loop_panel(sample: &str, base: &MagnetOptions, temps: &[f64]) -> Result<LoopPanel, FigureError> {
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
        .zip(temps)
        .map(|(sweep, &t)| {
            let report = process_loop(&sweep.h, &sweep.m, &lopts)?;
            Ok(LoopAtTemperature {
                temperature_k: t,
                sweep,
                report,
            })
        })
        .collect::<Result<Vec<_>, FigureError>>()?;
    Ok(LoopPanel {
        sample: sample.to_string(),
        loops,
    })
}

/// The state of the Fig. S5 page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ZfcFcState {
    /// The sample the volumes and H_K set, "LAO/KTO" or "YAO/KTO"; the other
    /// keeps its preset.
    pub sample: String,
    /// Measuring field, Oe (both samples).
    pub field_oe: f64,
    /// Median particle volume, nm³.
    pub volume_nm3: f64,
    /// Log-normal width of the volumes.
    pub volume_spread: f64,
    /// Median anisotropy field, Oe.
    pub hk_oe: f64,
    /// Subtract the substrate's χH (as measured on a bare substrate, the
    /// paper's Figs. S6–S7) from both curves of both samples.
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

    /// The options of `sample` at this state's field: with this state's
    /// volumes and H_K if it is the sample they set, its preset's otherwise.
    pub fn options(&self, sample: &str) -> Result<MagnetOptions, MagnetError> {
        let preset = MagnetOptions {
            field_oe: self.field_oe,
            ..magnet_preset(sample)?
        };
        if sample != self.sample {
            return Ok(preset);
        }
        Ok(MagnetOptions {
            volume_nm3: self.volume_nm3,
            volume_spread: self.volume_spread,
            hk_oe: self.hk_oe,
            ..preset
        })
    }
}

impl Default for ZfcFcState {
    fn default() -> Self {
        Self::for_sample(SAMPLES[0]).unwrap_or_else(|_| Self {
            sample: SAMPLES[0].into(),
            field_oe: 50.0,
            volume_nm3: 8e5,
            volume_spread: 0.8,
            hk_oe: 300.0,
            corrected: true,
        })
    }
}

/// One sample's ZFC/FC curves in Fig. S5.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ZfcPanel {
    /// "LAO/KTO" or "YAO/KTO".
    pub sample: String,
    /// The substrate's χH removed from `zfc` and `fc` (0 when not corrected), emu.
    pub subtracted_emu: f64,
    /// The curves as shown (corrected or raw).
    pub curves: ZfcFc,
}

/// Everything Fig. S5 shows.
#[derive(Debug, Clone)]
pub struct ZfcFcFigure {
    /// The sample the page's volume and H_K controls set.
    pub sample: String,
    pub corrected: bool,
    /// Sample area for the μ_B-per-cell axis, mm².
    pub area_mm2: f64,
    /// One panel per sample, in the order of [`SAMPLES`].
    pub panels: Vec<ZfcPanel>,
}

thread_local! {
    static ZFC_CURVES: Memo<MagnetOptions, ZfcFc> = const { Memo::new(Vec::new()) };
}

/// Fig. S5 for `state`.
pub fn zfc_fc_figure(state: &ZfcFcState) -> Result<ZfcFcFigure, FigureError> {
    magnet_preset(&state.sample)?;
    let panels = SAMPLES
        .iter()
        .map(|&sample| {
            let o = state.options(sample)?;
            let raw = remember(&ZFC_CURVES, PANEL_MEMO, o.clone(), || zfc_fc(&o))?;
            let mut curves = ZfcFc::clone(&raw);
            let subtracted = if state.corrected {
                o.chi_emu_per_oe * o.field_oe
            } else {
                0.0
            };
            for v in curves.zfc.iter_mut().chain(curves.fc.iter_mut()) {
                *v -= subtracted;
            }
            Ok(ZfcPanel {
                sample: sample.to_string(),
                subtracted_emu: subtracted,
                curves,
            })
        })
        .collect::<Result<Vec<_>, FigureError>>()?;
    Ok(ZfcFcFigure {
        sample: state.sample.clone(),
        corrected: state.corrected,
        area_mm2: LoopOptions::default().area_mm2,
        panels,
    })
}
