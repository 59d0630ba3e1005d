//! A file's data before analysis: one column against another, each segment
//! (set point or sweep branch, from `read::segment`) its own line, and the
//! window chosen for the analysis shaded.

use super::legend::{draw_legend, Corner, Sample};
use super::style::HouseMesh;
use super::style::{okabe_ito, Style};
use super::{Frame, PlotError};
use crate::input::{self, InputError};
use plotters::coord::Shift;
use plotters::prelude::*;

/// What the preview shows.
pub struct DataPreviewFigure<'a> {
    /// x values, in the unit of `x_label`.
    pub x: &'a [f64],
    /// y values, one per x.
    pub y: &'a [f64],
    /// Axis descriptions with units: `Magnetic Field (Oe)`.
    pub x_label: &'a str,
    /// See `x_label`.
    pub y_label: &'a str,
    /// Row ranges `start..end` drawn as separate lines; empty: all rows as one.
    pub segments: &'a [(usize, usize)],
    /// The x range analysed, shaded; `None` for none.
    pub window: Option<(f64, f64)>,
}

/// Colours of successive segments (Okabe–Ito, black first); the line style
/// alternates too, so segments differ without colour.
const COLOURS: [RGBColor; 6] = [
    okabe_ito::BLACK,
    okabe_ito::VERMILLION,
    okabe_ito::BLUE,
    okabe_ito::GREEN,
    okabe_ito::ORANGE,
    okabe_ito::PURPLE,
];
/// Largest magnitude drawn: plotters' tick search does not end on axes near
/// ±f64::MAX, and no measured quantity in any unit comes near 10¹⁰⁰.
pub const MAX_DRAWN: f64 = 1e100;
/// Segments named in the legend; more would hide the data.
const LEGEND_MAX: usize = 6;

impl DataPreviewFigure<'_> {
    /// Checks what a drawing needs: paired, non-empty arrays with at least
    /// one finite point, segments inside the rows, an ordered finite window.
    pub fn check(&self) -> Result<(), InputError> {
        if self.x.is_empty() {
            return Err(InputError::Empty { name: "x" });
        }
        input::same_len("y", self.y, "x", self.x)?;
        if !self
            .x
            .iter()
            .zip(self.y)
            .any(|(a, b)| a.is_finite() && b.is_finite())
        {
            return Err(InputError::TooShort {
                name: "finite (x, y) pairs",
                len: 0,
                min: 1,
            });
        }
        for (name, values) in [("x", self.x), ("y", self.y)] {
            if let Some(index) = values
                .iter()
                .position(|v| v.abs() > MAX_DRAWN && v.is_finite())
            {
                return Err(InputError::TooLargeAt {
                    name,
                    index,
                    value: values[index],
                    limit: MAX_DRAWN,
                });
            }
        }
        let n = self.x.len();
        for &(start, end) in self.segments {
            if start >= end || end > n {
                return Err(InputError::OutOfRange {
                    name: "segments.end",
                    min: start as f64 + 1.0,
                    max: n as f64,
                    value: end as f64,
                });
            }
        }
        if let Some((a, b)) = self.window {
            input::finite("window[0]", a)?;
            input::finite("window[1]", b)?;
            if a >= b {
                return Err(InputError::OutOfRange {
                    name: "window[1]",
                    min: a,
                    max: f64::INFINITY,
                    value: b,
                });
            }
        }
        Ok(())
    }

    /// The finite points of rows `start..end`, cut where a value is missing.
    fn runs(&self, start: usize, end: usize) -> Vec<Vec<(f64, f64)>> {
        let mut runs = vec![Vec::new()];
        for i in start..end.min(self.x.len()) {
            let (a, b) = (self.x[i], self.y[i]);
            if a.is_finite() && b.is_finite() {
                if let Some(r) = runs.last_mut() {
                    r.push((a, b));
                }
            } else if runs.last().is_some_and(|r| !r.is_empty()) {
                runs.push(Vec::new());
            }
        }
        runs.retain(|r| !r.is_empty());
        runs
    }
}

/// The range of the finite values with 5 % padding (1 on each side when flat),
/// never empty or infinite.
fn span(v: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = v
        .filter(|x| x.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), x| {
            (l.min(x), h.max(x))
        });
    let pad = if hi > lo { 0.05 * (hi - lo) } else { 1.0 };
    let pad = if pad.is_finite() { pad } else { 0.0 };
    // Values near ±f64::MAX: no padding rather than an infinite axis.
    let pad = if (lo - pad).is_finite() && (hi + pad).is_finite() {
        pad
    } else {
        0.0
    };
    if hi + pad > lo - pad {
        (lo - pad, hi + pad)
    } else {
        // A flat line too large for ±1 to show: take zero into the range.
        (lo.min(0.0) - 1.0, hi.max(0.0) + 1.0)
    }
}

/// A tick label: short, without trailing zeros, in scientific notation for
/// very large or small magnitudes (moments in emu, fields in Oe).
pub fn tick(v: &f64) -> String {
    let v = *v;
    if v == 0.0 {
        "0".to_string()
    } else if v.abs() >= 1e5 || v.abs() < 1e-3 {
        format!("{v:.2e}")
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Draws the preview on `area`; returns the plot frame.
pub fn draw_data_preview<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    fig: &DataPreviewFigure,
    style: &Style,
) -> Result<Frame, PlotError>
where
    DB::ErrorType: 'static,
{
    fig.check().map_err(|e| PlotError(e.to_string()))?;
    area.fill(&WHITE)?;
    let (x0, x1) = span(fig.x.iter().copied());
    let (y0, y1) = span(fig.y.iter().copied());
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(12.0))
        .x_label_area_size(style.px(44.0))
        .y_label_area_size(style.px(72.0))
        .build_cartesian_2d(x0..x1, y0..y1)?;
    let frame = Frame::of(&chart, [x0, x1], [y0, y1]);
    chart
        .configure_mesh()
        .x_desc(fig.x_label)
        .y_desc(fig.y_label)
        .x_label_formatter(&tick)
        .y_label_formatter(&tick)
        .house(style)
        .draw()?;
    if let Some((a, b)) = fig.window {
        let (a, b) = (a.clamp(x0, x1), b.clamp(x0, x1));
        chart.draw_series(std::iter::once(Rectangle::new(
            [(a, y0), (b, y1)],
            okabe_ito::SKY_BLUE.mix(0.15).filled(),
        )))?;
    }
    let all = [(0, fig.x.len())];
    let segments = if fig.segments.is_empty() {
        &all[..]
    } else {
        fig.segments
    };
    let dash = (style.px(7.0), style.px(5.0));
    let mut legend = Vec::new();
    for (k, &(start, end)) in segments.iter().enumerate() {
        let colour = COLOURS[k % COLOURS.len()];
        let line = colour.stroke_width(style.px(1.5));
        let dashed = k % 2 == 1;
        for run in fig.runs(start, end) {
            if dashed {
                chart.draw_series(DashedLineSeries::new(run, dash.0, dash.1, line))?;
            } else {
                chart.draw_series(LineSeries::new(run, line))?;
            }
        }
        if segments.len() > 1 && k < LEGEND_MAX {
            let sample = if dashed {
                Sample::Dashed(colour)
            } else {
                Sample::Line(colour)
            };
            legend.push((format!("rows {}–{}", start + 1, end), sample));
        }
    }
    if !legend.is_empty() {
        let entries: Vec<(&str, Sample)> = legend.iter().map(|(l, s)| (l.as_str(), *s)).collect();
        draw_legend(area, &frame, Corner::UpperRight, &entries, style)?;
    }
    Ok(frame)
}
