//! Exports for loop processing (`physics::loop_processing`).

use super::convert::{f64_array, f64s, options, set, to_js};
use crate::physics::constants::KTAO3_LATTICE_A;
use crate::physics::loop_processing as core;
use wasm_bindgen::prelude::*;

/// Processes a measured m–H loop (fields in Oe, moments in emu; a full
/// sweep, down then up or up then down) as physics.md §9 describes →
/// `{ slope, slopeError, offsetH, offsetHError, offsetM, offsetMError, ms,
/// msError, mr, mrError, hc, hcError, squareness, squarenessError,
/// closureError, closureErrorError, opening, openingError, noise,
/// pointNoise, q, linear, curvatureT, hSatOe, msMuBPerCell,
/// msMuBPerCellError, msAPerM, msAPerMError, warnings, hCentered,
/// mCorrected }`. `opts`: `{ hSatOe, areaMm2, thicknessNm }`, each optional.
#[wasm_bindgen(js_name = processLoop)]
pub fn process_loop(
    #[wasm_bindgen(js_name = hOe, unchecked_param_type = "Float64Array | number[]")] h_oe: JsValue,
    #[wasm_bindgen(js_name = mEmu, unchecked_param_type = "Float64Array | number[]")]
    m_emu: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object | undefined")] opts: JsValue,
) -> Result<JsValue, JsError> {
    let h = f64_array("hOe", &h_oe, false)?;
    let m = f64_array("mEmu", &m_emu, false)?;
    let o: core::LoopOptions = options("opts", opts, &[])?;
    report_js(&core::process_loop(&h, &m, &o)?)
}

/// A report as a JS object with `hCentered` and `mCorrected` as `Float64Array`s.
pub(crate) fn report_js(r: &core::LoopReport) -> Result<JsValue, JsError> {
    let o = to_js(r)?;
    set(&o, "hCentered", f64s(&r.h_centered))?;
    set(&o, "mCorrected", f64s(&r.m_corrected))?;
    Ok(o)
}

/// A moment `mEmu` (emu) as μ_B per interface unit cell of KTaO₃(111) on a
/// sample of `areaMm2` (mm²); `latticeA` defaults to 3.989 Å.
#[wasm_bindgen(js_name = momentPerCell)]
pub fn moment_per_cell(
    #[wasm_bindgen(js_name = mEmu)] m_emu: f64,
    #[wasm_bindgen(js_name = areaMm2)] area_mm2: f64,
    #[wasm_bindgen(js_name = latticeA)] lattice_a: Option<f64>,
) -> Result<f64, JsError> {
    Ok(core::moment_per_cell(
        m_emu,
        area_mm2,
        lattice_a.unwrap_or(KTAO3_LATTICE_A),
    )?)
}
