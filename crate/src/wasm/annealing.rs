//! Exports for oxygen annealing, Fig. 5 (`physics::annealing`).

use super::convert::{f64_array, options, to_js};
use crate::physics::annealing::{self as core, AnnealingParams};
use wasm_bindgen::prelude::*;

/// The samples annealed at each pressure of `pO2Mbar` (mbar, ≥ 0; 0 is the
/// as-grown sample) → `[{ pO2Mbar, vacancyDensity, carrierDensityCm2,
/// sheetResistance, momentPerCell }]` (cm⁻², cm⁻², Ω/□, μ_B per interface
/// cell). `opts`: `{ asGrownCarrierDensity, itinerantFraction, exponent,
/// onsetPressure, mobility, momentPerVacancy }`, missing keys at their defaults.
#[wasm_bindgen(js_name = annealing)]
pub fn annealing(
    #[wasm_bindgen(unchecked_param_type = "object | undefined")] opts: JsValue,
    #[wasm_bindgen(js_name = pO2Mbar, unchecked_param_type = "Float64Array | number[] | number")]
    p_o2_mbar: JsValue,
) -> Result<JsValue, JsError> {
    let p: AnnealingParams = options("opts", opts, &[])?;
    let pressures = f64_array("pO2Mbar", &p_o2_mbar, true)?;
    to_js(&core::annealing(&p, &pressures)?)
}

/// The annealing model's defaults as the options object of `annealing`.
#[wasm_bindgen(js_name = annealingDefaults)]
pub fn annealing_defaults() -> Result<JsValue, JsError> {
    to_js(&AnnealingParams::default())
}

/// The paper's four samples, mbar: as grown (0), 2e-6, 1e-2 and 1.
#[wasm_bindgen(js_name = annealingPaperPressures)]
pub fn annealing_paper_pressures() -> Vec<f64> {
    core::PAPER_PRESSURES_MBAR.to_vec()
}
