//! Exports for H_c2(θ), Fig. 1d (`physics::hc2_angle`).

use super::canvas::{draw_on_canvas, draw_svg};
use super::convert::{f64_array, fits_to_js, optional_f64_array, options, seed, to_js};
use crate::physics::hc2_angle as core;
use crate::plot::hc2_angle::{draw_hc2_angle, Hc2AngleFigure, CURVE_POINTS};
use crate::plot::style::Style;
use crate::plot::Frame;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// μ0H_c2(θ) in tesla at each angle (degrees) for `model` = "tinkham" or "gl3d".
#[wasm_bindgen(js_name = hc2Angle)]
pub fn hc2_angle(
    model: &str,
    #[wasm_bindgen(js_name = thetaDeg, unchecked_param_type = "Float64Array | number[] | number")]
    theta_deg: JsValue,
    #[wasm_bindgen(js_name = hPerp)] h_perp: f64,
    #[wasm_bindgen(js_name = hPar)] h_par: f64,
) -> Result<Vec<f64>, JsError> {
    let theta = f64_array("thetaDeg", &theta_deg, true)?;
    Ok(core::hc2_angle(model, &theta, h_perp, h_par)?)
}

/// Fits 2D Tinkham and 3D GL to (θ in degrees, μ0H_c2 in tesla), optionally
/// with one standard uncertainty per point → `{ tinkham, gl3d, preferred, deltaAic }`.
#[wasm_bindgen(js_name = fitHc2Angle)]
pub fn fit_hc2_angle(
    #[wasm_bindgen(js_name = thetaDeg, unchecked_param_type = "Float64Array | number[]")]
    theta_deg: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] hc2: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[] | undefined")] sigma: JsValue,
) -> Result<JsValue, JsError> {
    let theta = f64_array("thetaDeg", &theta_deg, false)?;
    let hc2 = f64_array("hc2", &hc2, false)?;
    let sigma = optional_f64_array("sigma", &sigma)?;
    let fits = core::fit_hc2_angle(&theta, &hc2, sigma.as_deref())?;
    fits_to_js(&fits, [&fits.tinkham, &fits.gl3d])
}

/// The state of the Fig. 1d page: fields in tesla, noise as a fraction.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Fig1dState {
    h_perp: f64,
    h_par: f64,
    noise: f64,
    seed: f64,
}

impl Default for Fig1dState {
    fn default() -> Self {
        Self {
            h_perp: core::FIG1D_H_PERP_T,
            h_par: core::FIG1D_H_PAR_T,
            noise: core::FIG1D_NOISE_REL,
            seed: core::FIG1D_SEED as f64,
        }
    }
}

/// The paper's values for the Fig. 1d page: `{ hPerp, hPar, noise, seed }`.
#[wasm_bindgen(js_name = hc2AngleDefaults)]
pub fn hc2_angle_defaults() -> Result<JsValue, JsError> {
    to_js(&Fig1dState::default())
}

/// Seeded synthetic Fig. 1d data → `{ thetaDeg, hc2 }`.
#[wasm_bindgen(js_name = hc2AngleData)]
pub fn hc2_angle_data(
    #[wasm_bindgen(js_name = hPerp)] h_perp: f64,
    #[wasm_bindgen(js_name = hPar)] h_par: f64,
    noise: f64,
    #[wasm_bindgen(js_name = seed)] seed_value: f64,
) -> Result<JsValue, JsError> {
    to_js(&core::fig1d_data(
        h_perp,
        h_par,
        noise,
        seed("seed", seed_value)?,
    )?)
}

/// What the page shows beside the figure and exports as CSV.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fig1dResult {
    data: core::Hc2AngleData,
    fits: core::Hc2AngleFits,
    curves: Curves,
    frame: Frame,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Curves {
    theta_deg: Vec<f64>,
    tinkham: Vec<f64>,
    gl3d: Vec<f64>,
}

fn compute(state: JsValue) -> Result<(core::Hc2AngleData, core::Hc2AngleFits), JsError> {
    let s: Fig1dState = options("state", state, &[])?;
    let data = core::fig1d_data(s.h_perp, s.h_par, s.noise, seed("state.seed", s.seed)?)?;
    let fits = core::fit_hc2_angle(&data.theta_deg, &data.hc2, None)?;
    Ok((data, fits))
}

/// Draws Fig. 1d into `canvas` for `state` (`{ hPerp, hPar, noise, seed }`;
/// missing keys take the paper's values) at `scale` device pixels per CSS
/// pixel → `{ data, fits, curves }`.
#[wasm_bindgen(js_name = drawHc2Angle)]
pub fn draw_hc2_angle_canvas(
    canvas: HtmlCanvasElement,
    state: JsValue,
    scale: f64,
) -> Result<JsValue, JsError> {
    let (data, fits) = compute(state)?;
    let fig = Hc2AngleFigure {
        data: &data,
        fits: &fits,
    };
    let style = Style::with_scale(scale);
    let frame = draw_on_canvas(canvas, |area| draw_hc2_angle(area, &fig, &style))?;
    let t = fig.curve(core::Hc2AngleModel::Tinkham);
    let g = fig.curve(core::Hc2AngleModel::Gl3d);
    let mut curves = Curves {
        theta_deg: Vec::with_capacity(CURVE_POINTS),
        tinkham: Vec::with_capacity(CURVE_POINTS),
        gl3d: g.iter().map(|p| p.1).collect(),
    };
    for (theta, h) in t {
        curves.theta_deg.push(theta);
        curves.tinkham.push(h);
    }
    let res = Fig1dResult {
        data,
        fits,
        curves,
        frame,
    };
    fits_to_js(&res, [&res.fits.tinkham, &res.fits.gl3d])
}

/// Fig. 1d for `state` as an SVG document of `width` × `height` pixels.
#[wasm_bindgen(js_name = svgHc2Angle)]
pub fn svg_hc2_angle(state: JsValue, width: f64, height: f64) -> Result<String, JsError> {
    let (data, fits) = compute(state)?;
    let fig = Hc2AngleFigure {
        data: &data,
        fits: &fits,
    };
    draw_svg(width, height, |area| {
        draw_hc2_angle(area, &fig, &Style::default())
    })
}
