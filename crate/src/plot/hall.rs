//! Fig. 1c: R_xy(B) at 5 K of both samples, the measured points and the
//! fitted straight lines, with the density and mobility in the legend.

use super::legend::{draw_legend, Corner, Sample};
use super::style::HouseMesh;
use super::style::{okabe_ito, Style};
use super::{decimals, times_ten, Frame, PlotError};
use crate::physics::hall::HallDensity;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

/// One sample's Hall sweep and its analysis.
pub struct HallSample<'a> {
    /// Legend name.
    pub name: &'a str,
    /// Fields, T.
    pub field_t: &'a [f64],
    /// R_xy, Ω.
    pub rxy_ohm: &'a [f64],
    /// The straight-line analysis.
    pub fit: &'a HallDensity,
}

/// What Fig. 1c shows.
pub struct HallFigure<'a> {
    /// The samples (vermillion circles + solid line, blue squares + dashed line, …).
    pub samples: &'a [HallSample<'a>],
}

const COLOURS: [RGBColor; 2] = [okabe_ito::VERMILLION, okabe_ito::BLUE];

/// The legend text of one sample's fit: n and μ.
pub fn label(s: &HallSample) -> String {
    let mu = s
        .fit
        .mobility_cm2_vs
        .map_or(String::new(), |m| format!(", μ = {m:.0} cm²/Vs"));
    format!("{} fit: n = {} cm⁻²{mu}", s.name, times_ten(s.fit.n_cm2))
}

/// Draws Fig. 1c on `area`; returns the plot's frame.
pub fn draw_hall<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    fig: &HallFigure,
    style: &Style,
) -> Result<Frame, PlotError>
where
    DB::ErrorType: 'static,
{
    area.fill(&WHITE)?;
    let b_max = fig
        .samples
        .iter()
        .flat_map(|s| s.field_t.iter().map(|b| b.abs()))
        .fold(1.0, f64::max);
    let all = || fig.samples.iter().flat_map(|s| s.rxy_ohm.iter().copied());
    let (lo, hi) = all().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), r| {
        (a.min(r), b.max(r))
    });
    // Symmetric about zero when the data change sign (the paper's samples);
    // around the data when a large offset keeps them on one side.
    let flat = hi.is_nan() || lo.is_nan() || hi <= lo;
    let (r0, r1) = if (lo < 0.0 && hi > 0.0) || flat {
        let r_max = all().map(f64::abs).fold(1.0, f64::max) * 1.1;
        (-r_max, r_max)
    } else {
        let pad = 0.15 * (hi - lo);
        (lo - pad, hi + pad)
    };
    let (db, dr) = (decimals(2.0 * b_max, 10), decimals(r1 - r0, 10));
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(12.0))
        .x_label_area_size(style.px(44.0))
        .y_label_area_size(style.px(60.0))
        .build_cartesian_2d(-b_max..b_max, r0..r1)?;
    let frame = Frame::of(&chart, [-b_max, b_max], [r0, r1]);
    chart
        .configure_mesh()
        .x_desc("μ₀H⟂ (T)")
        .y_desc("R_xy (Ω)")
        .x_label_formatter(&|v| format!("{v:.db$}"))
        .y_label_formatter(&|v| format!("{v:.dr$}"))
        .house(style)
        .draw()?;
    let r = style.px(3.0);
    let dash = (style.px(7.0), style.px(5.0));
    let mut labels = Vec::new();
    for (i, s) in fig.samples.iter().enumerate() {
        let c = COLOURS[i % 2];
        let mark = c.stroke_width(style.px(1.5));
        let line = c.stroke_width(style.px(2.0));
        let pts = s.field_t.iter().copied().zip(s.rxy_ohm.iter().copied());
        let (a, k) = (s.fit.offset_ohm, s.fit.slope_ohm_per_t);
        let ends = vec![(-b_max, a - k * b_max), (b_max, a + k * b_max)];
        if i % 2 == 0 {
            chart.draw_series(pts.map(|p| Circle::new(p, r, mark)))?;
            chart.draw_series(LineSeries::new(ends, line))?;
            labels.push((format!("{} data", s.name), Sample::Marker(c)));
            labels.push((label(s), Sample::Line(c)));
        } else {
            let d = r as i32;
            chart.draw_series(
                pts.map(|p| EmptyElement::at(p) + Rectangle::new([(-d, -d), (d, d)], mark)),
            )?;
            chart.draw_series(std::iter::once(DashedPathElement::new(
                ends, dash.0, dash.1, line,
            )))?;
            labels.push((format!("{} data", s.name), Sample::Square(c)));
            labels.push((label(s), Sample::Dashed(c)));
        }
    }
    let entries: Vec<(&str, Sample)> = labels.iter().map(|(l, s)| (l.as_str(), *s)).collect();
    draw_legend(area, &frame, Corner::UpperRight, &entries, style)?;
    area.present()?;
    Ok(frame)
}
