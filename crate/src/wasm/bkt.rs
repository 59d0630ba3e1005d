//! Exports for the I–V curves and BKT scaling, Fig. 1e–f (`physics::bkt`).

use super::canvas::{draw_on_canvas, draw_svg};
use super::convert::{f64_array, f64s, fits_to_js, options, to_js};
use super::transport::params;
use crate::input;
use crate::physics::bkt::{self as core, AlphaWindow, BktAlpha, IvCurve};
use crate::physics::transport;
use crate::plot::bkt::{draw_bkt, BktFigure};
use crate::plot::style::Style;
use crate::plot::Frame;
use js_sys::{Array, Object, Reflect};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// The synthetic I–V family for a parameter object: one `{ temperature,
/// current, voltage }` (K, A, V; `current` and `voltage` as Float64Arrays)
/// per temperature, on the given currents (A, positive and increasing).
#[wasm_bindgen(js_name = ivCurves)]
pub fn iv_curves(
    #[wasm_bindgen(unchecked_param_type = "object")] params_obj: JsValue,
    #[wasm_bindgen(js_name = temperaturesK, unchecked_param_type = "Float64Array | number[]")]
    temperatures_k: JsValue,
    #[wasm_bindgen(js_name = currentsA, unchecked_param_type = "Float64Array | number[]")]
    currents_a: JsValue,
) -> Result<JsValue, JsError> {
    let p = params(params_obj)?;
    let t = f64_array("temperaturesK", &temperatures_k, false)?;
    let i = f64_array("currentsA", &currents_a, false)?;
    // Float64Arrays: one copy per array where serde would push every
    // number across the boundary, and the fast input of `bktAlpha`.
    let list = Array::new();
    for c in core::iv_curves(&p, &t, &i)? {
        let o = Object::new();
        Reflect::set(&o, &"temperature".into(), &c.temperature.into())
            .and_then(|_| Reflect::set(&o, &"current".into(), &f64s(&c.current)))
            .and_then(|_| Reflect::set(&o, &"voltage".into(), &f64s(&c.voltage)))
            .map_err(|_| JsError::new("could not build the curves"))?;
        list.push(&o);
    }
    Ok(list.into())
}

/// An array of `{ temperature, current, voltage }` objects.
fn curves_from_js(value: &JsValue) -> Result<Vec<IvCurve>, JsError> {
    if !Array::is_array(value) {
        return Err(JsError::new(
            "curves must be an array of { temperature, current, voltage } objects",
        ));
    }
    let arr: &Array = value.unchecked_ref();
    let mut out = Vec::with_capacity(arr.length() as usize);
    for (k, c) in arr.iter().enumerate() {
        if !c.is_object() {
            return Err(JsError::new(&format!(
                "curves[{k}] must be an object {{ temperature, current, voltage }}"
            )));
        }
        // Interned keys: decoded into JS strings once per page, not per curve.
        let get = |key: &'static str| {
            Reflect::get(&c, &wasm_bindgen::intern(key).into()).unwrap_or(JsValue::UNDEFINED)
        };
        // The element's name only when it is refused (no formatting per curve).
        let array = |key: &'static str| {
            f64_array(key, &get(key), false).map_err(|_| {
                JsError::new(&format!(
                    "curves[{k}].{key} must be a Float64Array or an array of numbers"
                ))
            })
        };
        let temperature = get("temperature").as_f64().ok_or_else(|| {
            JsError::new(&format!(
                "curves[{k}].temperature must be a number in kelvin"
            ))
        })?;
        out.push(IvCurve {
            temperature,
            current: array("current")?,
            voltage: array("voltage")?,
        });
    }
    Ok(out)
}

/// α(T) from I–V curves (an array of `{ temperature, current, voltage }`,
/// K, A, V, in increasing temperature) and T_BKT where α crosses 3 →
/// `{ temperature, alpha, alphaError, nPoints, fits, tBkt, tBktError }` (one common
/// fit object per temperature, null where too few points qualified). `window` =
/// `{ vMin, iMin, iMax, lowFactor, highFraction }` (defaults 100 nV, none,
/// none, 2, 0.5: the power-law regime between the noise floor, the
/// low-current Ohmic line and half the normal-state line).
#[wasm_bindgen(js_name = bktAlpha)]
pub fn bkt_alpha(
    #[wasm_bindgen(
        unchecked_param_type = "{ temperature: number, current: Float64Array | number[], voltage: Float64Array | number[] }[]"
    )]
    curves: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object | undefined")] window: JsValue,
) -> Result<JsValue, JsError> {
    let c = curves_from_js(&curves)?;
    let w: AlphaWindow = options("window", window, &[])?;
    let a = core::bkt_alpha(&c, &w)?;
    fits_to_js(&a, a.fits.iter().flatten())
}

/// The critical current in A: where V (V) first exceeds `threshold` (V;
/// default 1 μV) as the current (A, increasing) rises, interpolated in logs.
#[wasm_bindgen(js_name = criticalCurrent)]
pub fn critical_current(
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] current: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] voltage: JsValue,
    threshold: Option<f64>,
) -> Result<f64, JsError> {
    let i = f64_array("current", &current, false)?;
    let v = f64_array("voltage", &voltage, false)?;
    Ok(core::critical_current(
        &i,
        &v,
        threshold.unwrap_or(core::IC_THRESHOLD_V),
    )?)
}

/// The state of the Fig. 1e–f page: LaAlO₃/KTaO₃ with T_BKT and T_c0 in K,
/// and the temperatures tMin, tMin + tStep, … ≤ tMax (K).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Fig1eState {
    t_bkt: f64,
    tc0: f64,
    t_min: f64,
    t_max: f64,
    t_step: f64,
}

impl Default for Fig1eState {
    fn default() -> Self {
        let p = transport::lao_kto();
        let t = core::fig1e_temperatures();
        Self {
            t_bkt: p.t_bkt,
            tc0: p.tc0,
            t_min: t[0],
            t_max: t[t.len() - 1],
            t_step: t[1] - t[0],
        }
    }
}

/// The paper's values for the Fig. 1e–f page: `{ tBkt, tc0, tMin, tMax, tStep }`.
#[wasm_bindgen(js_name = bktDefaults)]
pub fn bkt_defaults() -> Result<JsValue, JsError> {
    to_js(&Fig1eState::default())
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fig1eResult {
    curves: Vec<IvCurve>,
    /// α(T); `tBkt` and `tBktError` are NaN (null in JS) where α does not cross 3.
    alpha: BktAlpha,
    /// Why α gave no T_BKT, when it did not.
    alpha_message: Option<String>,
    critical_current: Option<f64>,
    critical_temperature: f64,
    threshold_v: f64,
    frame: Option<Frame>,
}

fn compute(state: JsValue) -> Result<Fig1eResult, JsError> {
    let s: Fig1eState = options("state", state, &[])?;
    input::in_range("state.tStep", s.t_step, 0.005, 5.0)?;
    input::in_range("state.tMin", s.t_min, 0.01, 100.0)?;
    input::in_range("state.tMax", s.t_max, s.t_min, 100.0)?;
    let count = ((s.t_max - s.t_min) / s.t_step + 1e-9).floor() as usize + 1;
    input::in_range("number of temperatures", count as f64, 2.0, 60.0)?;
    let temps: Vec<f64> = (0..count).map(|k| s.t_min + s.t_step * k as f64).collect();
    let mut p = transport::lao_kto();
    input::in_range("state.tc0", s.tc0, 0.01, 100.0)?;
    input::in_range("state.tBkt", s.t_bkt, 0.005, s.tc0 * (1.0 - 1e-6))?;
    p.tc0 = s.tc0;
    p.t_bkt = s.t_bkt;
    let curves = core::iv_curves(&p, &temps, &core::fig1e_currents())?;
    // α is shown also where it does not cross 3; T_BKT only where it does.
    let mut alpha = core::alpha_exponents(&curves, &AlphaWindow::default())?;
    let alpha_message = match core::alpha_crossing(&alpha) {
        Ok((t, e)) => {
            (alpha.t_bkt, alpha.t_bkt_error) = (t, e);
            None
        }
        Err(e) => Some(e.to_string()),
    };
    let first = curves
        .first()
        .ok_or_else(|| JsError::new("no temperatures to draw"))?;
    let ic = core::critical_current(&first.current, &first.voltage, core::IC_THRESHOLD_V).ok();
    let critical_temperature = first.temperature;
    Ok(Fig1eResult {
        critical_temperature,
        curves,
        alpha,
        alpha_message,
        critical_current: ic,
        threshold_v: core::IC_THRESHOLD_V,
        frame: None,
    })
}

/// Draws Fig. 1e–f into `canvas` for `state` (see `bktDefaults`) → `{ curves,
/// alpha, alphaMessage, criticalCurrent, criticalTemperature, thresholdV,
/// frame }` (the frame of the log–log panel, in log₁₀ A and log₁₀ V).
#[wasm_bindgen(js_name = drawBkt)]
pub fn draw_bkt_canvas(
    canvas: HtmlCanvasElement,
    state: JsValue,
    scale: f64,
) -> Result<JsValue, JsError> {
    let mut res = compute(state)?;
    let fig = BktFigure {
        curves: &res.curves,
        alpha: &res.alpha,
    };
    let style = Style::with_scale(scale);
    let frame = draw_on_canvas(canvas, |area| draw_bkt(area, &fig, &style))?;
    res.frame = Some(frame);
    fits_to_js(&res, res.alpha.fits.iter().flatten())
}

/// Fig. 1e–f for `state` as an SVG document of `width` × `height` pixels.
#[wasm_bindgen(js_name = svgBkt)]
pub fn svg_bkt(state: JsValue, width: f64, height: f64) -> Result<String, JsError> {
    let res = compute(state)?;
    let fig = BktFigure {
        curves: &res.curves,
        alpha: &res.alpha,
    };
    draw_svg(width, height, |area| {
        draw_bkt(area, &fig, &Style::default())
    })
}
