//! Drawing a figure into a page's `<canvas>`, or into an SVG string, with text
//! measured by the canvas's own `measureText` (see `plot::measure`).

use super::canvas_backend::Canvas;
use super::surface::Surface;
use crate::plot::measure::{Measured, TextMeasurer};
use crate::plot::PlotError;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Below this many device pixels a side there is nothing readable to draw
/// (a hidden container measures 0): the page should wait until it is shown.
const MIN_SIDE_PX: u32 = 40;

fn context(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsError> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or_else(|| JsError::new("canvas must be a <canvas> with a 2D context available"))
}

thread_local! {
    /// A canvas of its own to measure text on (so that measuring does not
    /// change the drawing context's font) and the font it was last given.
    static SCRATCH: RefCell<Option<(CanvasRenderingContext2d, String)>> = const { RefCell::new(None) };
}

/// The width and height of `text` in `size` device pixels of `family`, as
/// the canvas will draw it ("<style> <size>px <family>").
fn measure_text(text: &str, family: &str, size: f64) -> (u32, u32) {
    let fallback = 0.55 * size * text.chars().count() as f64;
    let width = SCRATCH.with_borrow_mut(|scratch| {
        if scratch.is_none() {
            *scratch = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.create_element("canvas").ok())
                .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
                .and_then(|c| context(&c).ok())
                .map(|ctx| (ctx, String::new()));
        }
        let Some((ctx, font)) = scratch.as_mut() else {
            return fallback;
        };
        let wanted = format!("{size}px {family}");
        if *font != wanted {
            ctx.set_font(&wanted);
            *font = wanted;
        }
        ctx.measure_text(text)
            .map(|m| m.width())
            .unwrap_or(fallback)
    });
    (width.ceil().max(0.0) as u32, (1.2 * size).ceil() as u32)
}

fn plot_error(e: PlotError) -> JsError {
    JsError::new(&e.to_string())
}

/// What every figure draws on in the browser: the canvas or the SVG export,
/// one type so that each figure is compiled once (see `surface`).
pub type Area<'a> = DrawingArea<Measured<'a, Surface<'a>>, Shift>;

/// Draws with `draw` on the whole of `canvas` (its size in device pixels).
pub fn draw_on_canvas<F, T>(canvas: HtmlCanvasElement, draw: F) -> Result<T, JsError>
where
    F: FnOnce(&Area<'_>) -> Result<T, PlotError>,
{
    let (w, h) = (canvas.width(), canvas.height());
    if w < MIN_SIDE_PX || h < MIN_SIDE_PX {
        return Err(JsError::new(&format!(
            "canvas is {w}×{h} device pixels: at least {MIN_SIDE_PX}×{MIN_SIDE_PX} are needed to draw"
        )));
    }
    let measure: &TextMeasurer = &measure_text;
    let ctx = context(&canvas)?;
    let inner = Surface::Canvas(Canvas::new(canvas, ctx));
    let area = Measured { inner, measure }.into_drawing_area();
    draw(&area).map_err(plot_error)
}

/// Draws with `draw` into an SVG document of `width` × `height` pixels.
pub fn draw_svg<F, T>(width: f64, height: f64, draw: F) -> Result<String, JsError>
where
    F: FnOnce(&Area<'_>) -> Result<T, PlotError>,
{
    let side = |name: &str, v: f64| {
        if v.is_finite() && (f64::from(MIN_SIDE_PX)..=16384.0).contains(&v) {
            Ok(v.round() as u32)
        } else {
            Err(JsError::new(&format!(
                "{name} must be a size from {MIN_SIDE_PX} to 16384 pixels, got {v}"
            )))
        }
    };
    let (w, h) = (side("width", width)?, side("height", height)?);
    let measure: &TextMeasurer = &measure_text;
    let mut svg = String::new();
    {
        let inner = Surface::Svg(SVGBackend::with_string(&mut svg, (w, h)));
        let area = Measured { inner, measure }.into_drawing_area();
        draw(&area).map_err(plot_error)?;
        area.present().map_err(|e| plot_error(PlotError::from(e)))?;
    }
    Ok(svg)
}
