//! Exports for the Halperin–Nelson analysis, Fig. S4 (`physics::halperin_nelson`).

use super::canvas::{draw_on_canvas, draw_svg};
use super::convert::{
    bools, f64_array, f64s, fit_to_js, fits_to_js, from_js, number_options, to_js,
};
use super::object;
use crate::fit::FitReport;
use crate::physics::halperin_nelson::{self as core, HnLinearized, HnWindow};
use crate::physics::resistive;
use crate::physics::transport;
use crate::plot::halperin_nelson::{draw_halperin_nelson, fitted_curve, HnFigure};
use crate::plot::style::Style;
use crate::plot::Frame;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// The window `{ tMin, tMax }` (K; each may be left out or null), read
/// directly: the two exports below are a few microseconds each, and serde's
/// reading was a tenth of that. Unknown keys and non-numbers are refused.
fn window(options: &JsValue) -> Result<HnWindow, JsError> {
    let [t_min, t_max] = number_options("options", options, ["tMin", "tMax"])?;
    Ok(HnWindow { t_min, t_max })
}

/// Fits R = R0 exp[−b (T/T_BKT − 1)^(−½)] to R(T) (`t` in K, strictly
/// increasing; `r` in Ω/□) over `options` = `{ tMin, tMax }` (K; default:
/// where R = 30 % and 90 % of its value at 5 K) → the common fit object with
/// params `r0` (Ω), `b`, `tBkt` (K).
#[wasm_bindgen(js_name = fitHalperinNelson)]
pub fn fit_halperin_nelson(
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] t: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] r: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let t = f64_array("t", &t, false)?;
    let r = f64_array("r", &r, false)?;
    let fit = core::fit_halperin_nelson(&t, &r, &window(&options)?)?;
    Ok(fit_to_js(&fit))
}

/// The linearised law: `{ t, y, inWindow, fit, tBkt, tBktError, b, tMin,
/// tMax }` with y = (d ln R/dT)^(−2/3) (`t` and `y` as Float64Arrays,
/// `inWindow` an array of booleans) and the straight line whose zero is
/// T_BKT; `options` as for `fitHalperinNelson`.
#[wasm_bindgen(js_name = hnLinearized)]
pub fn hn_linearized(
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] t: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] r: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let t = f64_array("t", &t, false)?;
    let r = f64_array("r", &r, false)?;
    let lin = core::hn_linearized(&t, &r, &window(&options)?)?;
    // Built key by key, in the struct's order, with keys made once: the
    // computation takes under two microseconds in wasm, and serde's object
    // (one call into JavaScript per element of inWindow) took three more.
    let (t, y) = (f64s(&lin.t), f64s(&lin.y));
    let (in_window, fit) = (bools(&lin.in_window), fit_to_js(&lin.fit));
    let out = LINEARIZED_KEYS.with(|k| {
        let out = object::object();
        object::put_value_at(&out, &k.t, &t);
        object::put_value_at(&out, &k.y, &y);
        object::put_value_at(&out, &k.in_window, &in_window);
        object::put_value_at(&out, &k.fit, &fit);
        for (key, v) in [
            (&k.t_bkt, lin.t_bkt),
            (&k.t_bkt_error, lin.t_bkt_error),
            (&k.b, lin.b),
            (&k.t_min, lin.t_min),
            (&k.t_max, lin.t_max),
        ] {
            object::put_at(&out, key, v);
        }
        out
    });
    Ok(out)
}

object::key_set!(
    /// The keys of `hnLinearized`'s result, in the struct's order.
    LinearizedKeys {
        t: "t",
        y: "y",
        in_window: "inWindow",
        fit: "fit",
        t_bkt: "tBkt",
        t_bkt_error: "tBktError",
        b: "b",
        t_min: "tMin",
        t_max: "tMax",
    }
);

thread_local! {
    static LINEARIZED_KEYS: LinearizedKeys = LinearizedKeys::new();
}

/// (T in K, R_s in Ω/□) of a curve.
type Curve = (Vec<f64>, Vec<f64>);

thread_local! {
    /// The page's data, which no control changes: computed once.
    static PRESET_CURVE: RefCell<Option<Curve>> = const { RefCell::new(None) };
}

/// The LaAlO₃/KTaO₃ preset curve on the Fig. 1b temperatures.
fn preset_curve() -> Result<Curve, JsError> {
    if let Some(c) = PRESET_CURVE.with_borrow(Clone::clone) {
        return Ok(c);
    }
    let t = resistive::fig1b_temperatures();
    let r = resistive::rt_model(&transport::lao_kto(), &t)?;
    PRESET_CURVE.with_borrow_mut(|c| *c = Some((t.clone(), r.clone())));
    Ok((t, r))
}

/// The state of the Fig. S4 page: the fit window in K (null: the default).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct FigS4State {
    t_min: Option<f64>,
    t_max: Option<f64>,
}

/// The Fig. S4 page's starting state: `{ tMin, tMax }` = the default window
/// on the LaAlO₃/KTaO₃ preset curve, K.
#[wasm_bindgen(js_name = halperinNelsonDefaults)]
pub fn halperin_nelson_defaults() -> Result<JsValue, JsError> {
    let (t, r) = preset_curve()?;
    let (lo, hi) = core::resolve_window(&t, &r, &HnWindow::default())?;
    to_js(&FigS4State {
        t_min: Some(lo),
        t_max: Some(hi),
    })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FigS4Result {
    t: Vec<f64>,
    r: Vec<f64>,
    fit: FitReport,
    linear: HnLinearized,
    t_min: f64,
    t_max: f64,
    /// The fitted law over the drawn range.
    curve: FittedCurve,
    frame: Option<Frame>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FittedCurve {
    /// K.
    t: Vec<f64>,
    /// Ω/□.
    r: Vec<f64>,
}

fn compute(state: JsValue) -> Result<FigS4Result, JsError> {
    let s: FigS4State = from_js("state", state)?;
    let (t, r) = preset_curve()?;
    let w = HnWindow {
        t_min: s.t_min,
        t_max: s.t_max,
    };
    let (t_min, t_max) = core::resolve_window(&t, &r, &w)?;
    let fit = core::fit_halperin_nelson(&t, &r, &w)?;
    let linear = core::hn_linearized(&t, &r, &w)?;
    let mut res = FigS4Result {
        t,
        r,
        fit,
        linear,
        t_min,
        t_max,
        curve: FittedCurve {
            t: Vec::new(),
            r: Vec::new(),
        },
        frame: None,
    };
    (res.curve.t, res.curve.r) = fitted_curve(&figure(&res)).into_iter().unzip();
    Ok(res)
}

fn figure(res: &FigS4Result) -> HnFigure<'_> {
    HnFigure {
        t: &res.t,
        r: &res.r,
        fit: &res.fit,
        window: (res.t_min, res.t_max),
        linear: &res.linear,
    }
}

/// Draws Fig. S4 (the LaAlO₃/KTaO₃ preset curve) for `state` = `{ tMin,
/// tMax }` → `{ t, r, fit, linear, tMin, tMax, curve: { t, r }, frame }`
/// (`curve` is the fitted law; the frame is that of the R(T) panel).
#[wasm_bindgen(js_name = drawHalperinNelson)]
pub fn draw_halperin_nelson_canvas(
    canvas: HtmlCanvasElement,
    state: JsValue,
    scale: f64,
) -> Result<JsValue, JsError> {
    let mut res = compute(state)?;
    let style = Style::with_scale(scale);
    let frame = draw_on_canvas(canvas, |area| {
        draw_halperin_nelson(area, &figure(&res), &style)
    })?;
    res.frame = Some(frame);
    fits_to_js(&res, [&res.fit, &res.linear.fit])
}

/// Fig. S4 for `state` as an SVG document of `width` × `height` pixels.
#[wasm_bindgen(js_name = svgHalperinNelson)]
pub fn svg_halperin_nelson(state: JsValue, width: f64, height: f64) -> Result<String, JsError> {
    let res = compute(state)?;
    draw_svg(width, height, |area| {
        draw_halperin_nelson(area, &figure(&res), &Style::default())
    })
}
