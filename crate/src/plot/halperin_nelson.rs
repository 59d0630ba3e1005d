//! Fig. S4: the Halperin–Nelson fit of R(T) (left) and the linearised plot
//! (d ln R/dT)^(−2/3) against T with its straight line (right).

use super::legend::{draw_legend, Corner, Sample};
use super::style::HouseMesh;
use super::style::{okabe_ito, Style};
use super::{decimals, linspace, Frame, PlotError};
use crate::fit::FitReport;
use crate::physics::halperin_nelson::{hn_law, HnLinearized};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

/// What Fig. S4 shows.
pub struct HnFigure<'a> {
    /// Temperatures of the R(T) curve, K.
    pub t: &'a [f64],
    /// R_s, Ω/□.
    pub r: &'a [f64],
    /// The Halperin–Nelson fit (params `r0`, `b`, `tBkt`).
    pub fit: &'a FitReport,
    /// The fit window, K.
    pub window: (f64, f64),
    /// The linearised analysis.
    pub linear: &'a HnLinearized,
}

/// Temperature range drawn, K: a little below T_BKT to a little above the window.
fn range(fig: &HnFigure) -> (f64, f64) {
    let tb = fig.fit.value("tBkt").unwrap_or(fig.window.0);
    let lo = tb.min(fig.window.0) - 0.1;
    (lo.max(0.0), fig.window.1 + 0.15)
}

/// The fitted law over the drawn range: (T, R).
pub fn fitted_curve(fig: &HnFigure) -> Vec<(f64, f64)> {
    let p = fig.fit.values();
    let (lo, hi) = range(fig);
    linspace(lo, hi, 301)
        .map(|t| (t, hn_law(t, p[0], p[1], p[2])))
        .collect()
}

/// Draws Fig. S4 on `area`; returns the frame of the R(T) panel (left).
pub fn draw_halperin_nelson<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    fig: &HnFigure,
    style: &Style,
) -> Result<Frame, PlotError>
where
    DB::ErrorType: 'static,
{
    area.fill(&WHITE)?;
    let (left, right) = area.split_horizontally(area.dim_in_pixel().0 / 2);
    let line = |c: RGBColor| c.stroke_width(style.px(2.0));
    let dash = (style.px(7.0), style.px(5.0));
    let r = style.px(3.0);
    let (lo, hi) = range(fig);
    let tb = fig.fit.value("tBkt").unwrap_or(f64::NAN);
    let pts: Vec<(f64, f64)> = fig
        .t
        .iter()
        .copied()
        .zip(fig.r.iter().copied())
        .filter(|p| p.0 >= lo && p.0 <= hi)
        .collect();
    let r_top = pts.iter().map(|p| p.1).fold(0.0, f64::max) * 1.1;
    let r_top = if r_top > 0.0 { r_top } else { 1.0 };
    let dt = decimals(hi - lo, 5).max(1);
    let dr = decimals(r_top, 10);
    let ticks = |v: &f64| format!("{v:.dt$}");
    let mut chart = ChartBuilder::on(&left)
        .margin(style.px(12.0))
        .x_label_area_size(style.px(44.0))
        .y_label_area_size(style.px(60.0))
        .build_cartesian_2d(lo..hi, 0.0..r_top)?;
    let frame = Frame::of(&chart, [lo, hi], [0.0, r_top]);
    chart
        .configure_mesh()
        .x_desc("T (K)")
        .y_desc("R_s (Ω/□)")
        .x_labels(5)
        .x_label_formatter(&ticks)
        .y_label_formatter(&|v| format!("{v:.dr$}"))
        .house(style)
        .draw()?;
    let (w0, w1) = fig.window;
    let mark = okabe_ito::BLACK.stroke_width(style.px(1.0));
    let inside = okabe_ito::BLACK.filled();
    chart.draw_series(pts.iter().map(|&p| {
        let s = if p.0 >= w0 && p.0 <= w1 { inside } else { mark };
        Circle::new(p, r, s)
    }))?;
    chart.draw_series(LineSeries::new(
        fitted_curve(fig),
        line(okabe_ito::VERMILLION),
    ))?;
    let fit_label = format!("HN fit: T_BKT = {tb:.3} K");
    draw_legend(
        area,
        &frame,
        Corner::LowerRight,
        &[
            ("R_s; filled: fitted", Sample::Marker(okabe_ito::BLACK)),
            (fit_label.as_str(), Sample::Line(okabe_ito::VERMILLION)),
        ],
        style,
    )?;

    // The linearised plot.
    let lin = fig.linear;
    let lp: Vec<(f64, f64, bool)> = lin
        .t
        .iter()
        .zip(&lin.y)
        .zip(&lin.in_window)
        .filter(|((&t, _), _)| t >= lo && t <= hi)
        .map(|((&t, &y), &w)| (t, y, w))
        .collect();
    // Head-room above the points for the legend.
    let y_top = lp.iter().map(|p| p.1).fold(1e-3, f64::max) * 1.3;
    let mut chart = ChartBuilder::on(&right)
        .margin(style.px(12.0))
        .x_label_area_size(style.px(44.0))
        .y_label_area_size(style.px(60.0))
        .build_cartesian_2d(lo..hi, 0.0..y_top)?;
    let right_frame = Frame::of(&chart, [lo, hi], [0.0, y_top]);
    chart
        .configure_mesh()
        .x_desc("T (K)")
        .y_desc("(d ln R/dT)^(−2/3) (K^(2/3))")
        .x_labels(5)
        .x_label_formatter(&ticks)
        .house(style)
        .draw()?;
    chart.draw_series(lp.iter().map(|&(t, y, w)| {
        let s = if w { inside } else { mark };
        Circle::new((t, y), r, s)
    }))?;
    let (a, k) = (lin.fit.params[0].1, lin.fit.params[1].1);
    let t0 = lin.t_bkt.max(lo);
    chart.draw_series(std::iter::once(DashedPathElement::new(
        vec![(t0, a + k * t0), (hi, a + k * hi)],
        dash.0,
        dash.1,
        line(okabe_ito::BLUE),
    )))?;
    let line_label = format!("line: zero at {:.3} K", lin.t_bkt);
    draw_legend(
        area,
        &right_frame,
        Corner::UpperLeft,
        &[
            ("filled: fitted", Sample::Marker(okabe_ito::BLACK)),
            (line_label.as_str(), Sample::Dashed(okabe_ito::BLUE)),
        ],
        style,
    )?;
    area.present()?;
    Ok(frame)
}
