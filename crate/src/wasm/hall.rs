//! Exports for the Hall effect, Fig. 1c (`physics::hall`).

use super::canvas::{draw_on_canvas, draw_svg};
use super::convert::{f64_array, fits_to_js, options, to_js};
use super::transport::params;
use crate::input;
use crate::physics::hall::{self as core, HallDensity};
use crate::physics::resistive;
use crate::physics::transport;
use crate::plot::hall::{draw_hall, HallFigure, HallSample};
use crate::plot::style::Style;
use crate::plot::Frame;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// Carrier density from R_xy(B) (T, Ω) by a straight line with intercept →
/// `{ nCm2, nError, carrier, slopeOhmPerT, slopeError, offsetOhm,
/// mobilityCm2Vs, fit }`; the mobility needs the sheet resistance (Ω/□).
#[wasm_bindgen(js_name = hallDensity)]
pub fn hall_density(
    #[wasm_bindgen(js_name = fieldT, unchecked_param_type = "Float64Array | number[]")]
    field_t: JsValue,
    #[wasm_bindgen(js_name = rxyOhm, unchecked_param_type = "Float64Array | number[]")]
    rxy_ohm: JsValue,
    #[wasm_bindgen(js_name = sheetResistanceOhm)] sheet_resistance_ohm: Option<f64>,
) -> Result<JsValue, JsError> {
    let b = f64_array("fieldT", &field_t, false)?;
    let r = f64_array("rxyOhm", &rxy_ohm, false)?;
    let h = core::hall_density(&b, &r, sheet_resistance_ohm)?;
    fits_to_js(&h, [&h.fit])
}

/// R_xy(B) in Ω at 5 K for a parameter object (its density, misalignment
/// offset and seeded noise) at each field (T).
#[wasm_bindgen(js_name = hallCurve)]
pub fn hall_curve(
    #[wasm_bindgen(unchecked_param_type = "object")] params_obj: JsValue,
    #[wasm_bindgen(js_name = fieldT, unchecked_param_type = "Float64Array | number[] | number")]
    field_t: JsValue,
) -> Result<Vec<f64>, JsError> {
    let p = params(params_obj)?;
    let b = f64_array("fieldT", &field_t, true)?;
    Ok(core::hall_curve(&p, &b)?)
}

/// The state of the Fig. 1c page: densities in cm⁻², sheet resistances at
/// 5 K in Ω/□.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Fig1cState {
    n_lao: f64,
    n_yao: f64,
    rs_lao: f64,
    rs_yao: f64,
}

impl Default for Fig1cState {
    fn default() -> Self {
        let (l, y) = (transport::lao_kto(), transport::yao_kto());
        let at5 =
            |p: &transport::TransportParams| resistive::rt_model(p, &[5.0]).map_or(p.r_n, |r| r[0]);
        Self {
            n_lao: l.n_cm2,
            n_yao: y.n_cm2,
            rs_lao: at5(&l),
            rs_yao: at5(&y),
        }
    }
}

/// The paper's values for the Fig. 1c page: `{ nLao, nYao, rsLao, rsYao }`.
#[wasm_bindgen(js_name = hallDefaults)]
pub fn hall_defaults() -> Result<JsValue, JsError> {
    to_js(&Fig1cState::default())
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fig1cSample {
    name: String,
    field_t: Vec<f64>,
    rxy_ohm: Vec<f64>,
    fit: HallDensity,
}

fn compute(state: JsValue) -> Result<Vec<Fig1cSample>, JsError> {
    let s: Fig1cState = options("state", state, &[])?;
    let b = core::fig1c_fields();
    let mut out = Vec::new();
    for (mut p, n, rs, n_name, rs_name) in [
        (
            transport::lao_kto(),
            s.n_lao,
            s.rs_lao,
            "state.nLao",
            "state.rsLao",
        ),
        (
            transport::yao_kto(),
            s.n_yao,
            s.rs_yao,
            "state.nYao",
            "state.rsYao",
        ),
    ] {
        p.n_cm2 = input::in_range(n_name, n, 1e11, 1e16)?;
        input::positive(rs_name, rs, "resistance in ohm")?;
        let rxy = core::hall_curve(&p, &b)?;
        let fit = core::hall_density(&b, &rxy, Some(rs))?;
        out.push(Fig1cSample {
            name: p.name,
            field_t: b.clone(),
            rxy_ohm: rxy,
            fit,
        });
    }
    Ok(out)
}

fn draw_with<DB: plotters::prelude::DrawingBackend>(
    res: &[Fig1cSample],
    area: &plotters::prelude::DrawingArea<DB, plotters::coord::Shift>,
    style: &Style,
) -> Result<Frame, crate::plot::PlotError>
where
    DB::ErrorType: 'static,
{
    let samples: Vec<HallSample> = res
        .iter()
        .map(|s| HallSample {
            name: &s.name,
            field_t: &s.field_t,
            rxy_ohm: &s.rxy_ohm,
            fit: &s.fit,
        })
        .collect();
    draw_hall(area, &HallFigure { samples: &samples }, style)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fig1cResult {
    samples: Vec<Fig1cSample>,
    frame: Frame,
}

/// Draws Fig. 1c into `canvas` for `state` (see `hallDefaults`) → `{
/// samples: [{ name, fieldT, rxyOhm, fit }], frame }`.
#[wasm_bindgen(js_name = drawHall)]
pub fn draw_hall_canvas(
    canvas: HtmlCanvasElement,
    state: JsValue,
    scale: f64,
) -> Result<JsValue, JsError> {
    let samples = compute(state)?;
    let style = Style::with_scale(scale);
    let frame = draw_on_canvas(canvas, |area| draw_with(&samples, area, &style))?;
    let res = Fig1cResult { samples, frame };
    fits_to_js(&res, res.samples.iter().map(|s| &s.fit.fit))
}

/// Fig. 1c for `state` as an SVG document of `width` × `height` pixels.
#[wasm_bindgen(js_name = svgHall)]
pub fn svg_hall(state: JsValue, width: f64, height: f64) -> Result<String, JsError> {
    let res = compute(state)?;
    draw_svg(width, height, |area| {
        draw_with(&res, area, &Style::default())
    })
}
