//! Exports for the transport presets and the resistive transition, Fig. 1b
//! (`physics::transport`, `physics::resistive`).

use super::canvas::{draw_on_canvas, draw_svg};
use super::convert::{f64_array, options as read_options, to_js, Kind};
use crate::input;
use crate::physics::resistive::{self as core, TransitionOptions, TransitionTemperatures};
use crate::physics::transport::{self, TransportParams};
use crate::plot::resistive::{draw_rt, RtCurve, RtFigure, INSET_K};
use crate::plot::style::Style;
use crate::plot::Frame;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// The parameters of `params`, refused with a message naming the bad key.
pub(super) fn params(value: JsValue) -> Result<TransportParams, JsError> {
    let p: TransportParams = read_options("params", value, &[("name", Kind::Text)])?;
    p.validate()?;
    Ok(p)
}

/// The parameter object of a sample, `name` = "LAO/KTO" or "YAO/KTO":
/// `{ name, rN, r300, normalExponent, tc0, tBkt, tBktSpread, bHn, i0,
/// ivNoiseV, nCm2, hallOffsetOhm, hallNoiseOhm, seed }` (Ω, K, A, V, cm⁻²),
/// taken by `rtModel`, `ivCurves` and `hallCurve`.
#[wasm_bindgen(js_name = transportPreset)]
pub fn transport_preset(name: &str) -> Result<JsValue, JsError> {
    to_js(&transport::preset(name)?)
}

/// R_s(T) in Ω/□ at each temperature (K) for a parameter object.
#[wasm_bindgen(js_name = rtModel)]
pub fn rt_model(
    #[wasm_bindgen(unchecked_param_type = "object")] params_obj: JsValue,
    #[wasm_bindgen(js_name = temperatureK, unchecked_param_type = "Float64Array | number[] | number")]
    temperature_k: JsValue,
) -> Result<Vec<f64>, JsError> {
    let p = params(params_obj)?;
    let t = f64_array("temperatureK", &temperature_k, true)?;
    Ok(core::rt_model(&p, &t)?)
}

/// T_c onset, midpoint and zero (K) of an R(T) curve (`t` in K, strictly
/// increasing; `r` in Ω/□); `options` = `{ onset, mid, zero, rNormal,
/// tNormal }` (defaults 0.9, 0.5, 0.01 of R at 5 K) → `{ onset, mid, zero,
/// rNormal }` (`mid`/`zero` null where the curve never gets there).
#[wasm_bindgen(js_name = transitionTemperatures)]
pub fn transition_temperatures(
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] t: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] r: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let t = f64_array("t", &t, false)?;
    let r = f64_array("r", &r, false)?;
    let o: TransitionOptions = read_options("options", options, &[])?;
    to_js(&core::transition_temperatures(&t, &r, &o)?)
}

/// The state of the Fig. 1b page: the sliders edit the sample `preset`
/// (the other keeps its preset values); K and Ω/□.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Fig1bState {
    preset: String,
    tc0: f64,
    t_bkt: f64,
    r_n: f64,
    spread: f64,
    log_t: bool,
}

impl Default for Fig1bState {
    fn default() -> Self {
        let p = transport::lao_kto();
        Self {
            preset: p.name,
            tc0: p.tc0,
            t_bkt: p.t_bkt,
            r_n: p.r_n,
            spread: p.t_bkt_spread,
            log_t: false,
        }
    }
}

/// The paper's values for the Fig. 1b page:
/// `{ preset, tc0, tBkt, rN, spread, logT }` (LaAlO₃/KTaO₃; the YAlO₃ values
/// are `transportPreset("YAO/KTO")`).
#[wasm_bindgen(js_name = rtDefaults)]
pub fn rt_defaults() -> Result<JsValue, JsError> {
    to_js(&Fig1bState::default())
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct Sample {
    name: String,
    /// The legend label: the name, and whether the sliders or the preset set it.
    label: String,
    /// Whether the page's sliders set this sample.
    edited: bool,
    params: TransportParams,
    r: Vec<f64>,
    transitions: Option<TransitionTemperatures>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fig1bResult {
    t: Vec<f64>,
    samples: Vec<Sample>,
    log_t: bool,
    frame: Option<Frame>,
}

/// A curve with its characteristic temperatures.
type Curve = (Vec<f64>, Option<TransitionTemperatures>);

thread_local! {
    /// The last curves computed, by their parameters: a slider moves one
    /// sample, so the other (and both, when only the axis changes) is reused.
    static CURVES: RefCell<Vec<(TransportParams, Curve)>> = const { RefCell::new(Vec::new()) };
}

/// How many curves [`CURVES`] keeps: both samples and the one being edited.
const CACHED_CURVES: usize = 3;

/// R_s(T) on `t` and its transition temperatures, reused when `p` was just computed.
fn curve(p: &TransportParams, t: &[f64]) -> Result<Curve, JsError> {
    if let Some(hit) = CURVES.with_borrow(|c| c.iter().find(|e| e.0 == *p).map(|e| e.1.clone())) {
        return Ok(hit);
    }
    let r = core::rt_model(p, t)?;
    let transitions = core::transition_temperatures(t, &r, &TransitionOptions::default()).ok();
    let out = (r, transitions);
    CURVES.with_borrow_mut(|c| {
        c.push((p.clone(), out.clone()));
        if c.len() > CACHED_CURVES {
            c.remove(0);
        }
    });
    Ok(out)
}

fn compute(state: JsValue) -> Result<Fig1bResult, JsError> {
    let s: Fig1bState = read_options(
        "state",
        state,
        &[("preset", Kind::Text), ("logT", Kind::Flag)],
    )?;
    let mut edited = transport::preset(&s.preset).map_err(|_| {
        JsError::new(&format!(
            "state.preset must be one of {}, got \"{}\"",
            transport::PRESET_NAMES,
            s.preset
        ))
    })?;
    input::in_range("state.tc0", s.tc0, 0.01, 100.0)?;
    input::in_range("state.tBkt", s.t_bkt, 0.005, s.tc0 * (1.0 - 1e-6))?;
    input::in_range("state.rN", s.r_n, 1e-3, 1e9)?;
    input::in_range("state.spread", s.spread, 0.0, s.tc0)?;
    edited.tc0 = s.tc0;
    edited.t_bkt = s.t_bkt;
    edited.r_n = s.r_n;
    // The metallic rise to 300 K keeps its ratio.
    edited.r300 = 5.0 * s.r_n;
    edited.t_bkt_spread = s.spread;
    edited.validate()?;
    let other = if s.preset == "LAO/KTO" {
        "YAO/KTO"
    } else {
        "LAO/KTO"
    };
    let mut list = vec![(edited, true), (transport::preset(other)?, false)];
    list.sort_by(|a, b| a.0.name.cmp(&b.0.name));
    let t = core::fig1b_temperatures();
    let mut samples = Vec::new();
    for (p, edited) in list {
        let (r, transitions) = curve(&p, &t)?;
        let how = if edited { "sliders" } else { "preset" };
        samples.push(Sample {
            name: p.name.clone(),
            label: format!("{} ({how})", p.name),
            edited,
            params: p,
            r,
            transitions,
        });
    }
    Ok(Fig1bResult {
        t,
        samples,
        log_t: s.log_t,
        frame: None,
    })
}

fn draw_with<DB: plotters::prelude::DrawingBackend>(
    res: &Fig1bResult,
    area: &plotters::prelude::DrawingArea<DB, plotters::coord::Shift>,
    style: &Style,
) -> Result<Frame, crate::plot::PlotError>
where
    DB::ErrorType: 'static,
{
    let curves: Vec<RtCurve> = res
        .samples
        .iter()
        .map(|s| RtCurve {
            name: &s.label,
            t: &res.t,
            r: &s.r,
            transitions: s.transitions.as_ref(),
        })
        .collect();
    draw_rt(
        area,
        &RtFigure {
            curves: &curves,
            log_t: res.log_t,
            inset_k: Some(INSET_K),
        },
        style,
    )
}

/// Draws Fig. 1b into `canvas` for `state` (see `rtDefaults`) at `scale`
/// device pixels per CSS pixel → `{ t, samples: [{ name, label, edited,
/// params, r, transitions }], logT, frame }` (on the logarithmic axis the
/// frame's x range is log₁₀ T).
#[wasm_bindgen(js_name = drawRt)]
pub fn draw_rt_canvas(
    canvas: HtmlCanvasElement,
    state: JsValue,
    scale: f64,
) -> Result<JsValue, JsError> {
    let mut res = compute(state)?;
    let style = Style::with_scale(scale);
    res.frame = Some(draw_on_canvas(canvas, |area| {
        draw_with(&res, area, &style)
    })?);
    to_js(&res)
}

/// Fig. 1b for `state` as an SVG document of `width` × `height` pixels.
#[wasm_bindgen(js_name = svgRt)]
pub fn svg_rt(state: JsValue, width: f64, height: f64) -> Result<String, JsError> {
    let res = compute(state)?;
    draw_svg(width, height, |area| {
        draw_with(&res, area, &Style::default())
    })
}
