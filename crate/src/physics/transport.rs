//! The transport parameters of one sample — one object that the resistive
//! transition ([`super::resistive`]), the I–V generator ([`super::bkt`]) and
//! the Hall model ([`super::hall`]) all take — and the two presets of the
//! paper, LaAlO₃/KTaO₃(111) and YAlO₃/KTaO₃(111) (Fig. 1b, 1c, 1e–f, S4).
//!
//! # Why the presets are what they are
//! The paper prints characteristic temperatures, not model parameters. The
//! presets were tuned (`cargo run --release --example tune_presets`) so that
//! the paper's numbers come out of the same pipelines a reader applies to
//! measured data:
//! - R_s(T) through [`super::resistive::transition_temperatures`]: T_c onset
//!   and zero (2.32/1.66 K for LaAlO₃, 2.39/1.70 K for YAlO₃);
//! - R_s(T) through [`super::halperin_nelson::fit_halperin_nelson`]:
//!   T_BKT = 1.878 K (LaAlO₃, Fig. S4);
//! - the I–V family through [`super::bkt::bkt_alpha`]: T_BKT = 1.793 K, and
//!   through [`super::bkt::critical_current`]: I_c(1.4 K) = 79 μA (Fig. 1e–f);
//! - R_xy(B) through [`super::hall::hall_density`]: n = 7.28e13 and
//!   1.45e14 cm⁻² (Fig. 1c).
//!
//! Tuned: `r_n`, `tc0`, `t_bkt`, `t_bkt_spread`, `b_hn` and `i0` of
//! LaAlO₃ (six numbers for six targets: the five above and a midpoint of
//! 2.0 K, the T_c the Fig. 1d and S3 fields are derived with), `tc0` and `t_bkt` of YAlO₃. Set by
//! hand: the normal state above 5 K (`r300`, `normal_exponent`), noise, the
//! Hall offsets, and YAlO₃'s `r_n`, spread, `b_hn` and `i0` (the LaAlO₃
//! values: the paper gives no YAlO₃ I–V or Halperin–Nelson data).
//!
//! ## Why two BKT temperatures
//! `t_bkt` is the *mean* local BKT temperature of an inhomogeneous film whose
//! local T_BKT scatters with a Gaussian of width `t_bkt_spread`. The two
//! analyses of the paper read different parts of that distribution:
//! the Halperin–Nelson fit of R(T) follows the resistive bulk of the
//! transition (30–90 % of R_N), set by the typical regions, and lands half
//! a standard deviation below the mean (1.878 K for a mean of 1.9455 K and
//! σ = 0.1416 K); the I–V exponent reaches α = 3 only when the Ohmic
//! voltage of the regions already above their local T_BKT (free vortices)
//! no longer masks the V ∝ I³ pair unbinding of the rest — about one
//! standard deviation below the mean (1.793 K). Zero resistance (1 % of
//! R_N) needs nearly every region in series to be superconducting: two
//! standard deviations below the mean (1.66 K).

use crate::input::{self, InputError};
use serde::{Deserialize, Serialize};

/// Everything the transport models need about one sample.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TransportParams {
    /// The preset's name ("LAO/KTO", "YAO/KTO", or anything for a custom set).
    pub name: String,
    /// Residual normal-state sheet resistance R_N(0), Ω/□.
    pub r_n: f64,
    /// Sheet resistance at 300 K, Ω/□ (≥ `r_n`: the interface is metallic).
    pub r300: f64,
    /// Exponent p of the metallic normal state R_N(T) = R_N(0) + (R_300 − R_N(0))·(T/300 K)^p.
    pub normal_exponent: f64,
    /// Mean-field (BCS) transition temperature T_c0, K.
    pub tc0: f64,
    /// Mean local BKT temperature, K (< `tc0`).
    pub t_bkt: f64,
    /// Standard deviation of the local BKT temperature, K (0: homogeneous).
    pub t_bkt_spread: f64,
    /// Non-universal constant b of the Halperin–Nelson correlation length
    /// ξ₊ ∝ exp√(b·(T_c0 − T_BKT)/(T − T_BKT)) (of order one).
    pub b_hn: f64,
    /// Current scale of the I–V curves at T = 0, A; it falls as
    /// (1 − T/T_c0)^(3/2) like the Ginzburg–Landau depairing current.
    pub i0: f64,
    /// RMS voltage noise of the I–V curves, V.
    pub iv_noise_v: f64,
    /// Hall carrier density at 5 K, cm⁻² (electrons).
    pub n_cm2: f64,
    /// Misalignment offset of R_xy, Ω: the longitudinal voltage picked up by
    /// Hall contacts a few μm out of line.
    pub hall_offset_ohm: f64,
    /// RMS noise of R_xy, Ω.
    pub hall_noise_ohm: f64,
    /// Seed of every noise of this sample (a whole number below 2⁵³).
    pub seed: f64,
}

impl Default for TransportParams {
    /// The LaAlO₃/KTaO₃(111) preset.
    fn default() -> Self {
        lao_kto()
    }
}

/// Names [`preset`] accepts.
pub const PRESET_NAMES: &str = "\"LAO/KTO\" or \"YAO/KTO\"";

/// LaAlO₃/KTaO₃(111) (see the module documentation for how it was tuned).
pub fn lao_kto() -> TransportParams {
    TransportParams {
        name: "LAO/KTO".to_string(),
        r_n: LAO_R_N,
        // R(300 K)/R(5 K) ≈ 5, a typical residual-resistance ratio of
        // KTaO₃(111) interface gases; with p = 2 the drop is phonon-like.
        r300: 5.0 * LAO_R_N,
        normal_exponent: 2.0,
        tc0: LAO_TC0,
        t_bkt: LAO_T_BKT,
        t_bkt_spread: LAO_SPREAD,
        b_hn: LAO_B_HN,
        i0: LAO_I0,
        // 5 nV: a nanovoltmeter's floor, 20× below the α window's floor.
        iv_noise_v: 5e-9,
        n_cm2: 7.28e13,
        // 0.2 % of R_xx at 5 K: a Hall-bar misalignment of a few μm.
        hall_offset_ohm: 0.002 * LAO_R_N,
        // 0.05 Ω: a lock-in at 1 μA on a ~1 kΩ device.
        hall_noise_ohm: 0.05,
        seed: 2024.0,
    }
}

/// YAlO₃/KTaO₃(111) (see the module documentation).
pub fn yao_kto() -> TransportParams {
    TransportParams {
        name: "YAO/KTO".to_string(),
        r_n: YAO_R_N,
        r300: 5.0 * YAO_R_N,
        normal_exponent: 2.0,
        tc0: YAO_TC0,
        t_bkt: YAO_T_BKT,
        t_bkt_spread: LAO_SPREAD,
        b_hn: LAO_B_HN,
        i0: LAO_I0,
        iv_noise_v: 5e-9,
        n_cm2: 1.45e14,
        hall_offset_ohm: -0.002 * YAO_R_N,
        hall_noise_ohm: 0.05,
        seed: 2025.0,
    }
}

const LAO_R_N: f64 = 1568.0;
const LAO_TC0: f64 = 2.0844;
const LAO_T_BKT: f64 = 1.9455;
const LAO_SPREAD: f64 = 0.1416;
const LAO_B_HN: f64 = 0.0537;
const LAO_I0: f64 = 6.48e-3;
/// The paper prints no normal-state resistance: YAlO₃ takes LaAlO₃'s, so its
/// Hall mobility is half (twice the density).
const YAO_R_N: f64 = LAO_R_N;
const YAO_TC0: f64 = 2.1746;
const YAO_T_BKT: f64 = 1.9788;

/// The preset called `name`.
pub fn preset(name: &str) -> Result<TransportParams, InputError> {
    match name {
        "LAO/KTO" => Ok(lao_kto()),
        "YAO/KTO" => Ok(yao_kto()),
        other => Err(InputError::Unknown {
            name: "name",
            allowed: PRESET_NAMES,
            value: other.to_string(),
        }),
    }
}

impl TransportParams {
    /// Refuses parameters no model can use; messages name `params.<key>`.
    pub fn validate(&self) -> Result<(), InputError> {
        input::in_range("params.rN", self.r_n, 1e-3, 1e9)?;
        input::in_range("params.r300", self.r300, self.r_n, 1e10)?;
        input::in_range("params.normalExponent", self.normal_exponent, 0.0, 6.0)?;
        input::in_range("params.tc0", self.tc0, 1e-3, 1000.0)?;
        input::in_range("params.tBkt", self.t_bkt, 1e-3, self.tc0 * (1.0 - 1e-6))?;
        input::in_range("params.tBktSpread", self.t_bkt_spread, 0.0, self.tc0)?;
        input::in_range("params.bHn", self.b_hn, 1e-4, 1e3)?;
        input::in_range("params.i0", self.i0, 1e-12, 1e3)?;
        input::in_range("params.ivNoiseV", self.iv_noise_v, 0.0, 1.0)?;
        input::in_range("params.nCm2", self.n_cm2, 1e8, 1e18)?;
        input::finite("params.hallOffsetOhm", self.hall_offset_ohm)?;
        input::in_range("params.hallNoiseOhm", self.hall_noise_ohm, 0.0, 1e6)?;
        input::in_range("params.seed", self.seed, 0.0, 9_007_199_254_740_992.0)?;
        if self.seed.fract() != 0.0 {
            return Err(InputError::OutOfRange {
                name: "params.seed",
                min: 0.0,
                max: 9_007_199_254_740_992.0,
                value: self.seed,
            });
        }
        Ok(())
    }

    /// The metallic normal-state sheet resistance R_N(T) in Ω/□ at `t_k` kelvin.
    pub fn normal_resistance(&self, t_k: f64) -> f64 {
        self.r_n + (self.r300 - self.r_n) * (t_k / 300.0).powf(self.normal_exponent)
    }

    /// The seed as an integer.
    pub fn seed_u64(&self) -> u64 {
        self.seed as u64
    }
}
