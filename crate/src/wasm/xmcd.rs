//! Exports for the Fig. 4 XMCD sketch (`physics::xmcd`).

use super::canvas::{draw_on_canvas, draw_svg};
use super::convert::{options, to_js};
use crate::physics::xmcd as core;
use crate::plot::style::Style;
use crate::plot::xmcd::draw_xmcd;
use crate::plot::Frame;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// The Fig. 4 page state: polarisation as a fraction, incidence in degrees.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct XmcdState {
    polarisation: f64,
    incidence_deg: f64,
}

impl Default for XmcdState {
    fn default() -> Self {
        Self {
            polarisation: core::DEFAULT_POLARISATION,
            incidence_deg: core::DEFAULT_INCIDENCE_DEG,
        }
    }
}

#[derive(Serialize)]
struct XmcdResult {
    spectra: core::XmcdSpectra,
    frame: Frame,
}

/// The defaults of the Fig. 4 sketch: `{ polarisation, incidenceDeg }`.
#[wasm_bindgen(js_name = xmcdDefaults)]
pub fn xmcd_defaults() -> Result<JsValue, JsError> {
    to_js(&XmcdState::default())
}

fn spectra(state: JsValue) -> Result<core::XmcdSpectra, JsError> {
    let s: XmcdState = options("state", state, &[])?;
    Ok(core::xmcd_schematic(s.polarisation, s.incidence_deg)?)
}

/// Draws the XMCD sketch into `canvas` → `{ spectra, frame }`.
#[wasm_bindgen(js_name = drawXmcd)]
pub fn draw_xmcd_canvas(
    canvas: HtmlCanvasElement,
    state: JsValue,
    scale: f64,
) -> Result<JsValue, JsError> {
    let spectra = spectra(state)?;
    let style = Style::with_scale(scale);
    let frame = draw_on_canvas(canvas, |area| draw_xmcd(area, &spectra, &style))?;
    to_js(&XmcdResult { spectra, frame })
}

/// The XMCD sketch as an SVG document of `width` × `height` pixels.
#[wasm_bindgen(js_name = svgXmcd)]
pub fn svg_xmcd(state: JsValue, width: f64, height: f64) -> Result<String, JsError> {
    let spectra = spectra(state)?;
    draw_svg(width, height, |area| {
        draw_xmcd(area, &spectra, &Style::default())
    })
}
