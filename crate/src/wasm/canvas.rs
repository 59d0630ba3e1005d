//! Drawing a figure into a page's `<canvas>`, or into an SVG string, with text
//! measured by the canvas's own `measureText` (see `plot::measure`).

use super::surface::Surface;
use crate::plot::measure::{Measured, TextMeasurer};
use crate::plot::PlotError;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
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

/// Text measured as the canvas backend will draw it ("<style> <size>px <family>").
fn measurer(ctx: CanvasRenderingContext2d) -> impl Fn(&str, &str, f64) -> (u32, u32) {
    move |text, family, size| {
        ctx.set_font(&format!("{size}px {family}"));
        let width = ctx
            .measure_text(text)
            .map(|m| m.width())
            .unwrap_or(0.55 * size * text.len() as f64);
        (width.ceil().max(0.0) as u32, (1.2 * size).ceil() as u32)
    }
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
    let measure = measurer(context(&canvas)?);
    let measure: &TextMeasurer = &measure;
    let inner = CanvasBackend::with_canvas_object(canvas)
        .ok_or_else(|| JsError::new("canvas has no 2D context"))?;
    let inner = Surface::Canvas(inner);
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
    let scratch = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
        .ok_or_else(|| JsError::new("SVG export needs a document to measure text"))?;
    let measure = measurer(context(&scratch)?);
    let measure: &TextMeasurer = &measure;
    let mut svg = String::new();
    {
        let inner = Surface::Svg(SVGBackend::with_string(&mut svg, (w, h)));
        let area = Measured { inner, measure }.into_drawing_area();
        draw(&area).map_err(plot_error)?;
        area.present().map_err(|e| plot_error(PlotError::from(e)))?;
    }
    Ok(svg)
}
