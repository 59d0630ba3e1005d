//! Exports for H_c2(T) and the Pauli limit, Fig. S3 (`physics::gl_hc2`).

use super::canvas::{draw_on_canvas, draw_svg};
use super::convert::{f64_array, fits_to_js, options, seed, to_js};
use crate::fit::FitReport;
use crate::physics::gl_hc2 as core;
use crate::plot::gl_hc2::{draw_gl_hc2, GlHc2Figure};
use crate::plot::style::Style;
use crate::plot::Frame;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// Jointly fits μ0H_c2⟂(T) and μ0H_c2∥(T) (K, T) with one T_c → the common
/// fit object with params `tc` (K), `xiNm`, `dNm` (nm).
#[wasm_bindgen(js_name = fitGlHc2)]
pub fn fit_gl_hc2(
    #[wasm_bindgen(js_name = tPerp, unchecked_param_type = "Float64Array | number[]")]
    t_perp: JsValue,
    #[wasm_bindgen(js_name = hPerp, unchecked_param_type = "Float64Array | number[]")]
    h_perp: JsValue,
    #[wasm_bindgen(js_name = tPar, unchecked_param_type = "Float64Array | number[]")]
    t_par: JsValue,
    #[wasm_bindgen(js_name = hPar, unchecked_param_type = "Float64Array | number[]")]
    h_par: JsValue,
) -> Result<JsValue, JsError> {
    let tp = f64_array("tPerp", &t_perp, false)?;
    let hp = f64_array("hPerp", &h_perp, false)?;
    let tl = f64_array("tPar", &t_par, false)?;
    let hl = f64_array("hPar", &h_par, false)?;
    let fit = core::fit_gl_hc2(&tp, &hp, &tl, &hl)?;
    fits_to_js(&fit, [&fit])
}

/// The Pauli (Clogston–Chandrasekhar) limit μ0H_P in tesla for T_c in K
/// (1.857 T per kelvin).
#[wasm_bindgen(js_name = pauliLimit)]
pub fn pauli_limit(#[wasm_bindgen(js_name = tcK)] tc_k: f64) -> Result<f64, JsError> {
    Ok(core::pauli_limit(tc_k)?)
}

/// The state of the Fig. S3 page: T_c in K, ξ and d in nm, noise as a fraction.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct FigS3State {
    tc: f64,
    xi_nm: f64,
    d_nm: f64,
    noise: f64,
    seed: f64,
}

impl Default for FigS3State {
    fn default() -> Self {
        Self {
            tc: core::FIGS3_TC_K,
            xi_nm: core::FIGS3_XI_NM,
            d_nm: core::FIGS3_D_NM,
            noise: core::FIGS3_NOISE_REL,
            seed: core::FIGS3_SEED as f64,
        }
    }
}

/// The paper's values for the Fig. S3 page: `{ tc, xiNm, dNm, noise, seed }`.
#[wasm_bindgen(js_name = glHc2Defaults)]
pub fn gl_hc2_defaults() -> Result<JsValue, JsError> {
    to_js(&FigS3State::default())
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FigS3Result {
    data: core::GlHc2Data,
    fit: FitReport,
    pauli_t: f64,
    pauli_ratio: f64,
    curves: Curves,
    frame: Option<Frame>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Curves {
    t: Vec<f64>,
    h_perp: Vec<f64>,
    h_par: Vec<f64>,
}

fn compute(state: JsValue) -> Result<FigS3Result, JsError> {
    let s: FigS3State = options("state", state, &[])?;
    let data = core::figs3_data(s.tc, s.xi_nm, s.d_nm, s.noise, seed("state.seed", s.seed)?)?;
    let fit = core::fit_gl_hc2(&data.t_perp, &data.h_perp, &data.t_par, &data.h_par)?;
    let pauli_t = core::pauli_limit(fit.value("tc").unwrap_or(s.tc).max(1e-6))?;
    let fig = GlHc2Figure {
        data: &data,
        fit: &fit,
        pauli_t,
    };
    let pauli_ratio = fig.pauli_ratio();
    let c = fig.curves();
    let curves = Curves {
        t: c.iter().map(|p| p.0).collect(),
        h_perp: c.iter().map(|p| p.1).collect(),
        h_par: c.iter().map(|p| p.2).collect(),
    };
    Ok(FigS3Result {
        data,
        fit,
        pauli_t,
        pauli_ratio,
        curves,
        frame: None,
    })
}

/// Draws Fig. S3 into `canvas` for `state` (see `glHc2Defaults`) → `{ data,
/// fit, pauliT, pauliRatio, curves, frame }` (pauliRatio = H_c2∥(0)/H_P).
#[wasm_bindgen(js_name = drawGlHc2)]
pub fn draw_gl_hc2_canvas(
    canvas: HtmlCanvasElement,
    state: JsValue,
    scale: f64,
) -> Result<JsValue, JsError> {
    let mut res = compute(state)?;
    let fig = GlHc2Figure {
        data: &res.data,
        fit: &res.fit,
        pauli_t: res.pauli_t,
    };
    let style = Style::with_scale(scale);
    let frame = draw_on_canvas(canvas, |area| draw_gl_hc2(area, &fig, &style))?;
    res.frame = Some(frame);
    fits_to_js(&res, [&res.fit])
}

/// Fig. S3 for `state` as an SVG document of `width` × `height` pixels.
#[wasm_bindgen(js_name = svgGlHc2)]
pub fn svg_gl_hc2(state: JsValue, width: f64, height: f64) -> Result<String, JsError> {
    let res = compute(state)?;
    let fig = GlHc2Figure {
        data: &res.data,
        fit: &res.fit,
        pauli_t: res.pauli_t,
    };
    draw_svg(width, height, |area| {
        draw_gl_hc2(area, &fig, &Style::default())
    })
}
