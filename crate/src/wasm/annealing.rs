//! Exports for oxygen annealing and its figure, Fig. 5 (`physics::annealing`).

use super::canvas::{draw_on_canvas, draw_svg};
use super::convert::{f64_array, f64s, options, set, to_js};
use crate::physics::annealing::figure::{
    figure_samples, with_fifth, AnnealingFigure, AnnealingFigureSample, AnnealingFigureState,
};
use crate::physics::annealing::{self as core, AnnealedSample, AnnealingParams};
use crate::physics::hall::HallDensity;
use crate::plot::annealing::draw_annealing;
use crate::plot::style::Style;
use crate::plot::Frame;
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

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

/// The state of the Fig. 5 page, every value a number.
fn figure_state(value: JsValue) -> Result<AnnealingFigureState, JsError> {
    options("state", value, &[])
}

thread_local! {
    /// The paper's four samples with their curves, for the last exponent: the
    /// page's main control moves only the fifth sample.
    static PAPER: RefCell<Option<(f64, Vec<AnnealingFigureSample>)>> = const { RefCell::new(None) };
}

/// Fig. 5 for `state`, the paper's samples computed once per exponent.
fn figure(state: JsValue) -> Result<AnnealingFigure, JsError> {
    let s = figure_state(state)?;
    let cached = PAPER.with_borrow(|c| {
        c.as_ref()
            .filter(|(x, _)| x.to_bits() == s.exponent.to_bits())
            .map(|(_, v)| v.clone())
    });
    let paper = match cached {
        Some(v) => v,
        None => {
            let v = figure_samples(s.exponent, &core::PAPER_PRESSURES_MBAR)?;
            PAPER.set(Some((s.exponent, v.clone())));
            v
        }
    };
    Ok(with_fifth(paper, &s)?)
}

/// The paper's values for the Fig. 5 page: `{ pO2Mbar, exponent }` (the
/// fifth sample's anneal pressure in mbar, and the mass-action exponent).
#[wasm_bindgen(js_name = annealingFigureDefaults)]
pub fn annealing_figure_defaults() -> Result<JsValue, JsError> {
    to_js(&AnnealingFigureState::default())
}

/// The scalar part of one sample of the Fig. 5 result (its curves follow
/// as `Float64Array`s).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SampleHead<'a> {
    label: &'a str,
    fifth: bool,
    #[serde(flatten)]
    sample: &'a AnnealedSample,
    hall: &'a HallDensity,
}

/// The Fig. 5 result as JavaScript sees it; `frame` is panel (a)'s.
fn figure_js(fig: &AnnealingFigure, frame: Option<Frame>) -> Result<JsValue, JsError> {
    let out: JsValue = js_sys::Object::new().into();
    set(&out, "temperatureK", f64s(&fig.temperature_k))?;
    set(&out, "fieldT", f64s(&fig.field_t))?;
    set(&out, "fieldOe", f64s(&fig.field_oe))?;
    set(&out, "loopTemperaturesK", to_js(&fig.loop_temperatures_k)?)?;
    set(&out, "frame", to_js(&frame)?)?;
    let list = js_sys::Array::new();
    for s in &fig.samples {
        let item = to_js(&SampleHead {
            label: &s.label,
            fifth: s.fifth,
            sample: &s.sample,
            hall: &s.hall,
        })?;
        set(&item, "rs", f64s(&s.sheet_resistance))?;
        set(&item, "rxyOhm", f64s(&s.rxy_ohm))?;
        set(&item, "momentLow", f64s(&s.moment_low))?;
        set(&item, "momentHigh", f64s(&s.moment_high))?;
        list.push(&item);
    }
    set(&out, "samples", list.into())?;
    Ok(out)
}

/// Draws Fig. 5 into `canvas` for `state` (see `annealingFigureDefaults`;
/// missing keys take the paper's values) at `scale` device pixels per CSS
/// pixel → `{ temperatureK, fieldT, fieldOe, loopTemperaturesK, frame,
/// samples: [{ label, fifth, pO2Mbar, vacancyDensity, carrierDensityCm2,
/// sheetResistance, momentPerCell, hall, rs, rxyOhm, momentLow, momentHigh
/// }] }` (K, T, Oe; cm⁻², Ω/□, μ_B per interface cell; `hall` the
/// straight-line fit of `rxyOhm` as from `hallDensity`). The frame is
/// panel (a)'s, in log₁₀ T and log₁₀ R_s.
#[wasm_bindgen(js_name = drawAnnealing)]
pub fn draw_annealing_canvas(
    canvas: HtmlCanvasElement,
    #[wasm_bindgen(unchecked_param_type = "object | undefined")] state: JsValue,
    scale: f64,
) -> Result<JsValue, JsError> {
    let fig = figure(state)?;
    let style = Style::with_scale(scale);
    let frame = draw_on_canvas(canvas, |area| draw_annealing(area, &fig, &style))?;
    figure_js(&fig, Some(frame))
}

/// Fig. 5 for `state` as an SVG document of `width` × `height` pixels.
#[wasm_bindgen(js_name = svgAnnealing)]
pub fn svg_annealing(
    #[wasm_bindgen(unchecked_param_type = "object | undefined")] state: JsValue,
    width: f64,
    height: f64,
) -> Result<String, JsError> {
    let fig = figure(state)?;
    draw_svg(width, height, |area| {
        draw_annealing(area, &fig, &Style::default())
    })
}
