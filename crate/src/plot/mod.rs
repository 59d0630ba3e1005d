//! Figures, one file each, drawn on any `plotters` backend: the browser's
//! canvas and the SVG export call the same function, so they cannot disagree.

pub mod annealing;
pub mod bkt;
pub mod data_preview;
pub mod gl_hc2;
pub mod hall;
pub mod halperin_nelson;
pub mod hc2_angle;
pub mod legend;
pub mod loop_analysis;
pub mod magnet_loops;
pub mod magnet_panels;
pub mod measure;
pub mod resistive;
pub mod style;
pub mod u_scan;
pub mod vacancy;
pub mod xmcd;
pub mod zfc_fc;
pub mod zfc_fc_branches;

use plotters::coord::Shift;
use plotters::drawing::DrawingAreaErrorKind;
use plotters::prelude::{DrawingArea, DrawingBackend, IntoDrawingArea, SVGBackend};

/// A drawing failed on its backend (the message is the backend's).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("drawing failed: {0}")]
pub struct PlotError(pub String);

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for PlotError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        PlotError(format!("{e:?}"))
    }
}

/// Where a chart's plotting area sits on the surface and what it spans, so the
/// page can map a pointer to data coordinates (hover and focus readouts).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Frame {
    /// Left and right edges of the plotting area, in device pixels.
    pub px: [i32; 2],
    /// Top and bottom edges of the plotting area, in device pixels.
    pub py: [i32; 2],
    /// x-axis range (left, right), in the axis unit.
    pub x: [f64; 2],
    /// y-axis range (bottom, top), in the axis unit.
    pub y: [f64; 2],
}

impl Frame {
    /// The frame of a Cartesian chart whose axes span `x` and `y`.
    pub fn of<
        DB: DrawingBackend,
        X: plotters::coord::ranged1d::Ranged,
        Y: plotters::coord::ranged1d::Ranged,
    >(
        chart: &plotters::chart::ChartContext<
            '_,
            DB,
            plotters::coord::cartesian::Cartesian2d<X, Y>,
        >,
        x: [f64; 2],
        y: [f64; 2],
    ) -> Self {
        let (xr, yr) = chart.plotting_area().get_pixel_range();
        Self {
            px: [xr.start, xr.end],
            py: [yr.start, yr.end],
            x,
            y,
        }
    }
}

/// The power of ten that puts `max_abs` between 1 and 10 (0 for zero): the
/// unit of a moment axis, "m (10⁻⁷ emu)".
pub fn decade(max_abs: f64) -> i32 {
    if max_abs > 0.0 && max_abs.is_finite() {
        max_abs.log10().floor() as i32
    } else {
        0
    }
}

/// Decimals that tell apart tick labels about `span / labels` apart: 0 for
/// steps of 1 and more, so that the paper's axes keep their whole numbers
/// while the same figure on a researcher's data (0.5 Ω, 20 mK) still reads.
pub fn decimals(span: f64, labels: usize) -> usize {
    let step = span.abs() / labels.max(1) as f64;
    if step.is_finite() && step > 0.0 {
        (-step.log10()).ceil().clamp(0.0, 6.0) as usize
    } else {
        0
    }
}

/// `e` in superscript digits: "⁻⁷" for −7.
pub fn superscript(e: i32) -> String {
    const SUP: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let digits = e.unsigned_abs().to_string();
    let digits = digits
        .chars()
        .map(|c| SUP[c.to_digit(10).unwrap_or(0) as usize]);
    (e < 0).then_some('⁻').into_iter().chain(digits).collect()
}

/// "10⁻⁷" for −7.
pub fn power_of_ten(e: i32) -> String {
    format!("10{}", superscript(e))
}

/// `v` as "7.28 × 10¹³" (three significant digits; plain below 10⁴ and
/// down to 10⁻³).
pub fn times_ten(v: f64) -> String {
    if !v.is_finite() || v == 0.0 || (1e-3..1e4).contains(&v.abs()) {
        return format!("{v:.3}");
    }
    let exp = decade(v.abs());
    format!("{:.2} × {}", v / 10f64.powi(exp), power_of_ten(exp))
}

/// `n` evenly spaced values from `a` to `b` inclusive.
pub fn linspace(a: f64, b: f64, n: usize) -> impl Iterator<Item = f64> + Clone {
    let step = if n > 1 { (b - a) / (n - 1) as f64 } else { 0.0 };
    (0..n).map(move |i| a + step * i as f64)
}

/// Renders a figure to an SVG document of `width` × `height` pixels.
pub fn render_svg<F, T>(
    width: u32,
    height: u32,
    measure: &measure::TextMeasurer,
    draw: F,
) -> Result<String, PlotError>
where
    F: FnOnce(&DrawingArea<measure::Measured<'_, SVGBackend<'_>>, Shift>) -> Result<T, PlotError>,
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
