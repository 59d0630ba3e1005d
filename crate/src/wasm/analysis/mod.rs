//! Exports for the analyses of a researcher's own file (`analysis`, the
//! page analyze.html): for each `kind` of analysis, its defaults, the
//! computation alone, and the computation drawn into a canvas or an SVG by
//! the figure pages' own drawings.
//!
//! `data` holds the columns the analysis uses as `Float64Array`s (or arrays)
//! of one length each, already in the analysis's units; `options` its
//! numbers (and a `view` or `label` where it has one). A key that is not
//! one of the kind's is refused by name.

mod compute;
mod output;

use super::canvas::{draw_on_canvas, draw_svg};
use super::convert::{f64_array, to_js};
use crate::analysis::hc2::Hc2AngleOptions;
use crate::analysis::iv::IvOptions;
use crate::analysis::zfc_fc::branches;
use crate::plot::style::Style;
use compute::{compute, HallOpts, LoopOpts, NoOptions, RtOpts};
use output::{draw_with, result_js};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// The kinds, as the page names them.
pub(crate) const KINDS: [&str; 7] = [
    "loop",
    "zfc-fc",
    "rt",
    "iv",
    "hall",
    "hc2-angle",
    "hc2-temperature",
];

/// The default options of analysis `kind` (numbers in the units their
/// names state; null where the analysis chooses from the data).
#[wasm_bindgen(js_name = analysisDefaults)]
pub fn analysis_defaults(kind: &str) -> Result<JsValue, JsError> {
    match kind {
        "loop" => to_js(&LoopOpts::default()),
        "rt" => to_js(&RtOpts::default()),
        "iv" => to_js(&IvOptions::default()),
        "hall" => to_js(&HallOpts::default()),
        "hc2-angle" => to_js(&Hc2AngleOptions::default()),
        "zfc-fc" | "hc2-temperature" => to_js(&NoOptions::default()),
        other => Err(JsError::new(&format!(
            "kind must be one of \"{}\", got \"{other}\"",
            KINDS.join("\", \"")
        ))),
    }
}

/// Runs analysis `kind` on `data` (columns) with `options`, without drawing.
/// `loop`: data { field (Oe), moment (emu) }, options { hSatOe, areaMm2,
/// thicknessNm, view }. `zfc-fc`: { zfcTemperature (K), zfcMoment (emu),
/// fcTemperature, fcMoment }. `rt`: { temperature (K), resistance (Ω) },
/// options { tNormalK, rNormalOhm, tMinK, tMaxK, view, label }. `iv`: {
/// temperature (K), current (A), voltage (V) }, options { toleranceK, vMin,
/// iMin, iMax, thresholdV }. `hall`: { field (T), hall (Ω), resistance (Ω) },
/// options { bMaxT, sheetResistanceOhm, label }. `hc2-angle`: { angle
/// (degrees), field (T), sigma (T) }, options { thetaOffsetDeg }.
/// `hc2-temperature`: { tPerp, hPerp, tPar, hPar } (K, T).
#[wasm_bindgen(js_name = analyze)]
pub fn analyze(
    kind: &str,
    #[wasm_bindgen(unchecked_param_type = "object")] data: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    result_js(kind, compute(kind, data, options)?, None)
}

/// Runs analysis `kind` (see `analyze`) and draws it into `canvas` at
/// `scale` device pixels per CSS pixel → the result with its `frame`.
#[wasm_bindgen(js_name = drawAnalysis)]
pub fn draw_analysis(
    canvas: HtmlCanvasElement,
    kind: &str,
    #[wasm_bindgen(unchecked_param_type = "object")] data: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object | undefined")] options: JsValue,
    scale: f64,
) -> Result<JsValue, JsError> {
    let c = compute(kind, data, options)?;
    let style = Style::with_scale(scale);
    let frame = draw_on_canvas(canvas, |area| draw_with(&c, area, &style))?;
    result_js(kind, c, Some(frame))
}

/// Analysis `kind` (see `analyze`) as an SVG document of `width` × `height` pixels.
#[wasm_bindgen(js_name = svgAnalysis)]
pub fn svg_analysis(
    kind: &str,
    #[wasm_bindgen(unchecked_param_type = "object")] data: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object | undefined")] options: JsValue,
    width: f64,
    height: f64,
) -> Result<String, JsError> {
    let c = compute(kind, data, options)?;
    draw_svg(width, height, |area| draw_with(&c, area, &Style::default()))
}

/// A run of rows `start..end` (end exclusive).
#[derive(Serialize)]
struct Rows {
    start: usize,
    end: usize,
}

/// The temperature runs of a ZFC/FC file that can be its branches (monotonic
/// sweeps of at least 5 rows, in file order: the ZFC run first, the FC run
/// second) → `[{ start, end }]`.
#[wasm_bindgen(js_name = zfcFcBranches)]
pub fn zfc_fc_branches(
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] temperature: JsValue,
) -> Result<JsValue, JsError> {
    let t = f64_array("temperature", &temperature, false)?;
    let runs: Vec<Rows> = branches(&t)?
        .into_iter()
        .map(|(start, end)| Rows { start, end })
        .collect();
    to_js(&runs)
}
