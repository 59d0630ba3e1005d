//! Exports for the ferromagnet model (`physics::magnet`): loops, ZFC/FC, the
//! two samples, and the Fig. 2 and Fig. S5 figures.

use super::canvas::{draw_on_canvas, draw_svg};
use super::convert::{f64s, options as read_options, set, to_js, Kind};
use super::loop_processing::report_js;
use crate::physics::magnet::figures::{
    magnet_loops, zfc_fc_figure, LoopPanel, MagnetLoops, MagnetLoopsState, ZfcFcFigure, ZfcFcState,
};
use crate::physics::magnet::{self as core, MagnetOptions};
use crate::plot::magnet_loops::draw_magnet_loops;
use crate::plot::style::Style;
use crate::plot::zfc_fc::draw_zfc_fc;
use crate::plot::Frame;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// A loop as `{ h, m, mFerro }` of `Float64Array`s.
fn loop_js(l: &core::SwLoop) -> Result<JsValue, JsError> {
    let o: JsValue = js_sys::Object::new().into();
    set(&o, "h", f64s(&l.h))?;
    set(&o, "m", f64s(&l.m))?;
    set(&o, "mFerro", f64s(&l.m_ferro))?;
    Ok(o)
}

/// ZFC/FC curves with their arrays as `Float64Array`s.
fn zfc_js(mut z: core::ZfcFc) -> Result<JsValue, JsError> {
    let arrays = [
        ("temperature", std::mem::take(&mut z.temperature)),
        ("zfc", std::mem::take(&mut z.zfc)),
        ("fc", std::mem::take(&mut z.fc)),
        ("zfcFerro", std::mem::take(&mut z.zfc_ferro)),
        ("fcFerro", std::mem::take(&mut z.fc_ferro)),
    ];
    let o = to_js(&z)?;
    for (k, v) in arrays {
        set(&o, k, f64s(&v))?;
    }
    Ok(o)
}

fn options(value: JsValue) -> Result<MagnetOptions, JsError> {
    read_options("opts", value, &[("ensemble", Kind::Text)])
}

/// A full m–H loop (descending, then ascending) of a Stoner–Wohlfarth
/// ensemble with thermal activation, as a SQUID measures it → `{ h, m,
/// mFerro }` (Oe, emu, emu). `opts`: `{ ensemble, psiDeg, spreadDeg, hkOe,
/// hkSpread, msEmu, magnetizationEmuCm3, volumeNm3, volumeSpread,
/// temperatureK, tcK, measureTimeS, hMaxOe, points, chiEmuPerOe,
/// paraEmuPerOe, offsetEmu, noiseEmu, seed }`, every key optional.
#[wasm_bindgen(js_name = swLoop)]
pub fn sw_loop(
    #[wasm_bindgen(unchecked_param_type = "object | undefined")] opts: JsValue,
) -> Result<JsValue, JsError> {
    loop_js(&core::sw_loop(&options(opts)?)?)
}

/// ZFC (warming) and FC (cooling) moments at `fieldOe` from `tMinK` to
/// `tMaxK` → `{ temperature, zfc, fc, zfcFerro, fcFerro, fieldOe,
/// bifurcationK, zfcPeakK }` (K, emu). Takes the same options as `swLoop`
/// plus `fieldOe`, `tMinK`, `tMaxK`, `temperaturePoints`.
#[wasm_bindgen(js_name = zfcFc)]
pub fn zfc_fc(
    #[wasm_bindgen(unchecked_param_type = "object | undefined")] opts: JsValue,
) -> Result<JsValue, JsError> {
    zfc_js(core::zfc_fc(&options(opts)?)?)
}

/// The option object of a sample of the paper, "LAO/KTO" or "YAO/KTO", for
/// `swLoop` and `zfcFc`.
#[wasm_bindgen(js_name = magnetPreset)]
pub fn magnet_preset(name: &str) -> Result<JsValue, JsError> {
    to_js(&core::magnet_preset(name)?)
}

fn loops_state(value: JsValue) -> Result<MagnetLoopsState, JsError> {
    read_options(
        "state",
        value,
        &[
            ("sample", Kind::Text),
            ("ensemble", Kind::Text),
            ("corrected", Kind::Flag),
            ("temperaturesK", Kind::List),
        ],
    )
}

fn zfc_state(value: JsValue) -> Result<ZfcFcState, JsError> {
    read_options(
        "state",
        value,
        &[("sample", Kind::Text), ("corrected", Kind::Flag)],
    )
}

/// The head of a two-panel figure's result: which sample the controls set,
/// raw or corrected, the area of the μ_B axis, and the first panel's frame
/// (each panel carries its own).
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct FigureHead<'a> {
    sample: &'a str,
    corrected: bool,
    area_mm2: f64,
    /// The unit of the frames' moment axis, emu (a power of ten).
    unit_emu: f64,
    frame: Option<Frame>,
}

/// `{ sample, frame }` of a panel, with the rest set by the caller.
fn panel_js(sample: &str, frame: Option<Frame>) -> Result<JsValue, JsError> {
    let o: JsValue = js_sys::Object::new().into();
    set(&o, "sample", sample.into())?;
    set(&o, "frame", to_js(&frame)?)?;
    Ok(o)
}

/// The Fig. 2 page's result as a JS object (see `drawMagnetLoops`).
fn loops_js(fig: &MagnetLoops, frames: &[Frame]) -> Result<JsValue, JsError> {
    let out = to_js(&FigureHead {
        sample: &fig.sample,
        corrected: fig.corrected,
        area_mm2: fig.area_mm2,
        unit_emu: 10f64.powi(fig.moment_axis().exponent),
        frame: frames.first().copied(),
    })?;
    let panels = js_sys::Array::new();
    for (i, p) in fig.panels.iter().enumerate() {
        let panel = panel_js(&p.sample, frames.get(i).copied())?;
        set(&panel, "loops", panel_loops_js(p)?)?;
        panels.push(&panel);
    }
    set(&out, "panels", panels.into())?;
    Ok(out)
}

/// Panels whose loops were last handed to the page, most recent last.
const PANELS_KEPT: usize = 4;

thread_local! {
    /// The JS loops of the panels last handed over: a control moves one
    /// sample at most, and the other sample's panel (the same `Rc` from the
    /// figure's memo) is not converted again.
    static PANEL_LOOPS: RefCell<Vec<(Rc<LoopPanel>, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// `[{ temperatureK, loop: { h, m }, report }]` of a panel.
fn panel_loops_js(p: &Rc<LoopPanel>) -> Result<JsValue, JsError> {
    let kept = PANEL_LOOPS.with_borrow(|k| {
        k.iter()
            .find(|(q, _)| Rc::ptr_eq(q, p))
            .map(|(_, js)| js.clone())
    });
    if let Some(js) = kept {
        return Ok(js);
    }
    let loops = js_sys::Array::new();
    for l in &p.loops {
        let item: JsValue = js_sys::Object::new().into();
        set(&item, "temperatureK", l.temperature_k.into())?;
        // The measured loop; its noise-free ferromagnetic part is swLoop's.
        let sweep: JsValue = js_sys::Object::new().into();
        set(&sweep, "h", f64s(&l.sweep.h))?;
        set(&sweep, "m", f64s(&l.sweep.m))?;
        set(&item, "loop", sweep)?;
        set(&item, "report", report_js(&l.report)?)?;
        loops.push(&item);
    }
    let js: JsValue = loops.into();
    PANEL_LOOPS.with_borrow_mut(|k| {
        if k.len() >= PANELS_KEPT {
            k.remove(0);
        }
        k.push((Rc::clone(p), js.clone()));
    });
    Ok(js)
}

/// The paper's values for the Fig. 2 page with `sample` (default "LAO/KTO")
/// the one its controls set: `{ sample, ensemble, spreadDeg, hkOe, msEmu,
/// temperaturesK, chiEmuPerOe, noiseEmu, corrected, seed }`.
#[wasm_bindgen(js_name = magnetLoopsDefaults)]
pub fn magnet_loops_defaults(sample: Option<String>) -> Result<JsValue, JsError> {
    let s = sample.as_deref().unwrap_or("LAO/KTO");
    to_js(&MagnetLoopsState::for_sample(s)?)
}

/// Draws Fig. 2 into `canvas` for `state` (missing keys take the paper's
/// values of `state.sample`; the other sample keeps its preset) at `scale`
/// device pixels per CSS pixel → `{ sample, corrected, areaMm2, unitEmu,
/// frame, panels: [{ sample, frame, loops: [{ temperatureK, loop: { h, m },
/// report }] }] }`, one panel per sample (LAO/KTO, YAO/KTO), `report` being
/// `processLoop`'s result for that loop and `frame` the panel's axes (H in
/// Oe, m in units of `unitEmu`; the head's `frame` is the first panel's).
#[wasm_bindgen(js_name = drawMagnetLoops)]
pub fn draw_magnet_loops_canvas(
    canvas: HtmlCanvasElement,
    #[wasm_bindgen(unchecked_param_type = "object | undefined")] state: JsValue,
    scale: f64,
) -> Result<JsValue, JsError> {
    let fig = magnet_loops(&loops_state(state)?)?;
    let style = Style::with_scale(scale);
    let frames = draw_on_canvas(canvas, |area| draw_magnet_loops(area, &fig, &style))?;
    loops_js(&fig, &frames)
}

/// Fig. 2 for `state` as an SVG document of `width` × `height` pixels.
#[wasm_bindgen(js_name = svgMagnetLoops)]
pub fn svg_magnet_loops(
    #[wasm_bindgen(unchecked_param_type = "object | undefined")] state: JsValue,
    width: f64,
    height: f64,
) -> Result<String, JsError> {
    let fig = magnet_loops(&loops_state(state)?)?;
    draw_svg(width, height, |area| {
        draw_magnet_loops(area, &fig, &Style::default())
    })
}

/// The paper's values for the Fig. S5 page with `sample` (default
/// "LAO/KTO") the one its volume and H_K controls set: `{ sample, fieldOe,
/// volumeNm3, volumeSpread, hkOe, corrected }`.
#[wasm_bindgen(js_name = zfcFcDefaults)]
pub fn zfc_fc_defaults(sample: Option<String>) -> Result<JsValue, JsError> {
    let s = sample.as_deref().unwrap_or("LAO/KTO");
    to_js(&ZfcFcState::for_sample(s)?)
}

/// The Fig. S5 page's result as a JS object (see `drawZfcFc`).
fn zfc_figure_js(fig: ZfcFcFigure, frames: &[Frame]) -> Result<JsValue, JsError> {
    let out = to_js(&FigureHead {
        sample: &fig.sample,
        corrected: fig.corrected,
        area_mm2: fig.area_mm2,
        unit_emu: 10f64.powi(fig.moment_axis().exponent),
        frame: frames.first().copied(),
    })?;
    let panels = js_sys::Array::new();
    for (i, p) in fig.panels.into_iter().enumerate() {
        let panel = panel_js(&p.sample, frames.get(i).copied())?;
        set(&panel, "subtractedEmu", p.subtracted_emu.into())?;
        set(&panel, "curves", zfc_js(p.curves)?)?;
        panels.push(&panel);
    }
    set(&out, "panels", panels.into())?;
    Ok(out)
}

/// Draws Fig. S5 into `canvas` for `state` at `scale` → `{ sample,
/// corrected, areaMm2, unitEmu, frame, panels: [{ sample, frame,
/// subtractedEmu, curves }] }`, one panel per sample (frames: T in K, m in
/// units of `unitEmu`), `curves` as from `zfcFc` (with the
/// substrate's χH, `subtractedEmu`, removed when corrected).
#[wasm_bindgen(js_name = drawZfcFc)]
pub fn draw_zfc_fc_canvas(
    canvas: HtmlCanvasElement,
    #[wasm_bindgen(unchecked_param_type = "object | undefined")] state: JsValue,
    scale: f64,
) -> Result<JsValue, JsError> {
    let fig = zfc_fc_figure(&zfc_state(state)?)?;
    let style = Style::with_scale(scale);
    let frames = draw_on_canvas(canvas, |area| draw_zfc_fc(area, &fig, &style))?;
    zfc_figure_js(fig, &frames)
}

/// Fig. S5 for `state` as an SVG document of `width` × `height` pixels.
#[wasm_bindgen(js_name = svgZfcFc)]
pub fn svg_zfc_fc(
    #[wasm_bindgen(unchecked_param_type = "object | undefined")] state: JsValue,
    width: f64,
    height: f64,
) -> Result<String, JsError> {
    let fig = zfc_fc_figure(&zfc_state(state)?)?;
    draw_svg(width, height, |area| {
        draw_zfc_fc(area, &fig, &Style::default())
    })
}
