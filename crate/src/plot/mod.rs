//! Figures, one file each, drawn on any `plotters` backend: the browser's
//! canvas and the SVG export call the same function, so they cannot disagree.

pub mod hc2_angle;
pub mod magnet_loops;
pub mod measure;
pub mod series;
pub mod style;
pub mod zfc_fc;

use plotters::coord::Shift;
use plotters::drawing::DrawingAreaErrorKind;
use plotters::prelude::{DrawingArea, IntoDrawingArea, SVGBackend};

/// A drawing failed on its backend (the message is the backend's).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("drawing failed: {0}")]
pub struct PlotError(pub String);

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for PlotError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        PlotError(format!("{e:?}"))
    }
}

/// `n` evenly spaced values from `a` to `b` inclusive.
pub fn linspace(a: f64, b: f64, n: usize) -> impl Iterator<Item = f64> + Clone {
    let step = if n > 1 { (b - a) / (n - 1) as f64 } else { 0.0 };
    (0..n).map(move |i| a + step * i as f64)
}

/// Renders a figure to an SVG document of `width` × `height` pixels.
pub fn render_svg<F>(
    width: u32,
    height: u32,
    measure: &measure::TextMeasurer,
    draw: F,
) -> Result<String, PlotError>
where
    F: FnOnce(&DrawingArea<measure::Measured<'_, SVGBackend<'_>>, Shift>) -> Result<(), PlotError>,
{
    let mut svg = String::new();
    {
        let backend = measure::Measured {
            inner: SVGBackend::with_string(&mut svg, (width, height)),
            measure,
        };
        let area = backend.into_drawing_area();
        draw(&area)?;
        area.present()?;
    }
    Ok(svg)
}
