//! The option object of `swLoop` and `zfcFc` (its names are public API: the
//! site's URL state uses them), its defaults, its checks, and the two samples.

use super::ensemble::Ensemble;
use super::MagnetError;
use crate::input::{self, InputError};
use serde::{Deserialize, Serialize};

/// Every option of the ferromagnet model and of the measured signal. Missing
/// keys take the defaults below; unknown keys are refused (a typo must not
/// pass silently). `swLoop` ignores the four ZFC/FC options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct MagnetOptions {
    /// Easy-axis distribution: "aligned", "inplane", "random3d" or "spread".
    /// Default "inplane": the paper's films are in-plane magnets measured
    /// with the field in the plane (Fig. 2), and nothing fixes an in-plane axis.
    pub ensemble: String,
    /// Angle of the (mean) easy axis from the field, degrees ("aligned",
    /// "spread"). Default 0°: field along the axis.
    pub psi_deg: f64,
    /// Standard deviation of the in-plane easy axes about `psiDeg`, degrees
    /// ("spread"), 0–90. Default 15°: a moderate texture.
    pub spread_deg: f64,
    /// Median anisotropy field H_K, Oe. Default 300 Oe, so that the in-plane
    /// ensemble's H_c ≈ 0.51 H_K ≈ 150 Oe at 1.8 K and the loop saturates
    /// well inside ±1.5 kOe, as in Fig. 2.
    pub hk_oe: f64,
    /// Log-normal width σ of H_K (relative width), 0–2. Default 0.3: the
    /// switching is spread over a few hundred Oe, not a sharp step.
    pub hk_spread: f64,
    /// Saturated ferromagnetic moment of the whole sample at T → 0, emu.
    /// Default 1.683e-7 emu: 0.2 μ_B per interface unit cell on 5 mm × 5 mm.
    pub ms_emu: f64,
    /// Saturation magnetization of the magnetic material at T → 0, emu/cm³
    /// (= kA/m); with `hkOe` it sets K = M_s H_K/2 and the particle moment
    /// M_s V. Default 29.2 emu/cm³: 0.2 μ_B per interface cell (27.56 Å²)
    /// in one (111) Ta layer (a/√3 = 2.303 Å thick).
    pub magnetization_emu_cm3: f64,
    /// Median particle (switching) volume, nm³. Default 8e5 nm³: a magnetic
    /// patch a few hundred nm across (in a layer 0.23 nm thick) that stays
    /// blocked at 300 K — KV/k_BT ≈ 70 there with the default M_s(T) and H_K,
    /// three times ln(f0 t) ≈ 23 — so the loop is still open at 300 K.
    pub volume_nm3: f64,
    /// Log-normal width σ of the volumes, 0–3. Default 0.8: broad, so ZFC and
    /// FC split over the whole range 1.8–300 K (Fig. S5).
    pub volume_spread: f64,
    /// Temperature of the loop, K (0 switches thermal activation off).
    /// Default 1.8 K, the lowest temperature of Fig. 2.
    pub temperature_k: f64,
    /// Curie temperature for M_s(T), K. Default 500 K: the paper sees loops
    /// above 300 K (Fig. S15) but no T_c; 500 K is an assumption.
    pub tc_k: f64,
    /// Time per measured point (field or temperature), s. Default 10 s:
    /// settling plus averaging of one MPMS point.
    pub measure_time_s: f64,
    /// Top field of the loop, Oe. Default 1500 Oe, the range of Fig. 2.
    pub h_max_oe: f64,
    /// Field points per loop (both branches), even, 8–20000. Default 400.
    pub points: f64,
    /// Diamagnetic (substrate) susceptibility χ, emu/Oe (negative). Default 0.
    pub chi_emu_per_oe: f64,
    /// Paramagnetic (spin-½ Curie) susceptibility at 1.8 K, emu/Oe, ≥ 0;
    /// it scales as 1.8 K/T and saturates as tanh(μ_B H/k_B T). Default 0.
    pub para_emu_per_oe: f64,
    /// Constant moment offset (sample holder), emu. Default 0.
    pub offset_emu: f64,
    /// Standard deviation of the Gaussian measurement noise, emu. Default 0.
    pub noise_emu: f64,
    /// Seed of the noise (a whole number). Default 1.
    pub seed: f64,
    /// ZFC/FC: the measuring field, Oe. Default 50 Oe, as in Fig. S5.
    pub field_oe: f64,
    /// ZFC/FC: lowest temperature, K. Default 1.8 K (Fig. S5).
    pub t_min_k: f64,
    /// ZFC/FC: highest temperature, K. Default 300 K (Fig. S5).
    pub t_max_k: f64,
    /// ZFC/FC: temperature points, 2–5000. Default 150 (2 K steps).
    pub temperature_points: f64,
}

/// 0.2 μ_B per interface unit cell on a 5 mm × 5 mm sample, in emu
/// (`momentPerCell` inverted; physics.md §9 quotes 1.68e-7 emu).
pub const PAPER_MS_EMU: f64 = 1.683e-7;

impl Default for MagnetOptions {
    fn default() -> Self {
        Self {
            ensemble: "inplane".to_string(),
            psi_deg: 0.0,
            spread_deg: 15.0,
            hk_oe: 300.0,
            hk_spread: 0.3,
            ms_emu: PAPER_MS_EMU,
            magnetization_emu_cm3: 29.2,
            volume_nm3: 8e5,
            volume_spread: 0.8,
            temperature_k: 1.8,
            tc_k: 500.0,
            measure_time_s: 10.0,
            h_max_oe: 1500.0,
            points: 400.0,
            chi_emu_per_oe: 0.0,
            para_emu_per_oe: 0.0,
            offset_emu: 0.0,
            noise_emu: 0.0,
            seed: 1.0,
            field_oe: 50.0,
            t_min_k: 1.8,
            t_max_k: 300.0,
            temperature_points: 150.0,
        }
    }
}

/// The options after their checks, in the types the model uses.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The easy-axis distribution.
    pub ensemble: Ensemble,
    /// Field points of the loop (even).
    pub points: usize,
    /// Temperatures of ZFC/FC.
    pub temperature_points: usize,
    /// The noise seed.
    pub seed: u64,
}

fn whole(name: &'static str, value: f64, min: f64, max: f64) -> Result<f64, InputError> {
    input::in_range(name, value, min, max)?;
    if value.fract() == 0.0 {
        Ok(value)
    } else {
        Err(InputError::NotWhole { name, value })
    }
}

impl MagnetOptions {
    /// Checks every option once; the model trusts them afterwards.
    pub fn check(&self) -> Result<Checked, MagnetError> {
        let ensemble: Ensemble = self.ensemble.parse()?;
        input::finite("psiDeg", self.psi_deg)?;
        input::in_range("spreadDeg", self.spread_deg, 0.0, 90.0)?;
        input::positive("hkOe", self.hk_oe, "field in Oe")?;
        input::in_range("hkOe", self.hk_oe, 0.0, 1e7)?;
        input::in_range("hkSpread", self.hk_spread, 0.0, 2.0)?;
        input::positive("msEmu", self.ms_emu, "moment in emu")?;
        input::positive(
            "magnetizationEmuCm3",
            self.magnetization_emu_cm3,
            "magnetization in emu/cm³",
        )?;
        input::positive("volumeNm3", self.volume_nm3, "volume in nm³")?;
        input::in_range("volumeSpread", self.volume_spread, 0.0, 3.0)?;
        input::in_range("temperatureK", self.temperature_k, 0.0, 1e4)?;
        input::positive("tcK", self.tc_k, "temperature in K")?;
        input::positive("measureTimeS", self.measure_time_s, "time in s")?;
        input::positive("hMaxOe", self.h_max_oe, "field in Oe")?;
        let points = whole("points", self.points, 8.0, 20_000.0)?;
        if points % 2.0 != 0.0 {
            return Err(MagnetError::OddPoints { points });
        }
        input::finite("chiEmuPerOe", self.chi_emu_per_oe)?;
        input::in_range("paraEmuPerOe", self.para_emu_per_oe, 0.0, f64::MAX)?;
        input::finite("offsetEmu", self.offset_emu)?;
        input::in_range("noiseEmu", self.noise_emu, 0.0, f64::MAX)?;
        let seed = whole("seed", self.seed, 0.0, 9_007_199_254_740_992.0)?;
        input::finite("fieldOe", self.field_oe)?;
        input::in_range("tMinK", self.t_min_k, 0.0, 1e4)?;
        input::in_range("tMaxK", self.t_max_k, 0.0, 1e4)?;
        if self.t_max_k <= self.t_min_k {
            return Err(MagnetError::TemperatureOrder {
                t_min: self.t_min_k,
                t_max: self.t_max_k,
            });
        }
        let temperature_points = whole("temperaturePoints", self.temperature_points, 2.0, 5000.0)?;
        Ok(Checked {
            ensemble,
            points: points as usize,
            temperature_points: temperature_points as usize,
            seed: seed as u64,
        })
    }
}

/// Diamagnetic susceptibility of a 5 mm × 5 mm × 0.5 mm KTaO₃ substrate,
/// emu/Oe: Pascal's ionic constants (K⁺ −14.9, Ta⁵⁺ ≈ −14, 3 O²⁻ −36, in
/// 1e-6 cm³/mol) give χ_mol ≈ −65e-6 cm³/mol, i.e. −2.4e-7 emu/(g·Oe) for
/// 268 g/mol, times 87.5 mg (density 7.0 g/cm³). At 1.5 kOe this is about
/// 190 times the ferromagnetic moment, which is why Fig. 2 needs the
/// correction. (G. A. Bain & J. F. Berry, J. Chem. Educ. 85, 532 (2008).)
pub const KTO_SUBSTRATE_CHI_EMU_PER_OE: f64 = -2.1e-8;

/// Noise of one point of the loops, emu: 2e-9 emu, about 1 % of the
/// ferromagnetic moment, as the scatter of Fig. 2's 1.8 K loops suggests on
/// top of a SQUID's ~1e-9 emu floor with a large diamagnetic background.
pub const LOOP_NOISE_EMU: f64 = 2e-9;

/// The paper's samples as option objects for `swLoop` and `zfcFc`: the
/// measured signal (ferromagnet + KTaO₃ substrate + noise) of
/// LaAlO₃/KTaO₃(111) ("LAO/KTO") and YAlO₃/KTaO₃(111) ("YAO/KTO").
///
/// The paper reports ≈ 0.2 μ_B per interface unit cell for both, loops from
/// 1.8 K to above 300 K with coercivity falling on warming, and ZFC/FC split
/// up to 300 K at 50 Oe; it gives no anisotropy fields or volumes. The values
/// here are chosen to reproduce those features (checked in
/// `tests/magnet_presets.rs`), not fitted to the paper's data. YAO/KTO
/// differs only within that freedom: a slightly larger moment (its carrier
/// density is twice LAO/KTO's) and a softer, more spread anisotropy.
pub fn magnet_preset(name: &str) -> Result<MagnetOptions, MagnetError> {
    let base = MagnetOptions {
        chi_emu_per_oe: KTO_SUBSTRATE_CHI_EMU_PER_OE,
        noise_emu: LOOP_NOISE_EMU,
        ..MagnetOptions::default()
    };
    match name {
        "LAO/KTO" => Ok(base),
        "YAO/KTO" => Ok(MagnetOptions {
            ms_emu: 1.85e-7,
            hk_oe: 260.0,
            hk_spread: 0.35,
            volume_nm3: 7e5,
            seed: 2.0,
            ..base
        }),
        other => Err(InputError::Unknown {
            name: "sample",
            allowed: "\"LAO/KTO\" or \"YAO/KTO\"",
            value: other.to_string(),
        }
        .into()),
    }
}
