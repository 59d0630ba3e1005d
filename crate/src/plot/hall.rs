//! Fig. 1c: R_xy(B) at 5 K of both samples, the measured points and the
//! fitted straight lines, with the density and mobility in the legend.

use super::style::{okabe_ito, Style, GRID};
use super::PlotError;
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

/// The legend text of one sample: n and μ.
pub fn label(s: &HallSample) -> String {
    let mu = s
        .fit
        .mobility_cm2_vs
        .map_or(String::new(), |m| format!(", μ = {m:.0} cm²/Vs"));
    format!("{}: n = {:.3e} cm⁻²{mu}", s.name, s.fit.n_cm2)
}

/// Draws Fig. 1c on `area`.
pub fn draw_hall<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    fig: &HallFigure,
    style: &Style,
) -> Result<(), PlotError>
where
    DB::ErrorType: 'static,
{
    area.fill(&WHITE)?;
    let font = |px: f64| (style.font.as_str(), style.font_px(px));
    let b_max = fig
        .samples
        .iter()
        .flat_map(|s| s.field_t.iter().map(|b| b.abs()))
        .fold(1.0, f64::max);
    let r_max = fig
        .samples
        .iter()
        .flat_map(|s| s.rxy_ohm.iter().map(|r| r.abs()))
        .fold(1.0, f64::max)
        * 1.1;
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(12.0))
        .x_label_area_size(style.px(44.0))
        .y_label_area_size(style.px(60.0))
        .build_cartesian_2d(-b_max..b_max, -r_max..r_max)?;
    chart
        .configure_mesh()
        .x_desc("μ₀H⟂ (T)")
        .y_desc("R_xy (Ω)")
        .label_style(font(13.0))
        .axis_desc_style(font(14.0))
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID.stroke_width(style.px(1.0)))
        .axis_style(BLACK.stroke_width(style.px(1.0)))
        .draw()?;
    let r = style.px(3.0);
    let dash = (style.px(7.0), style.px(5.0));
    for (i, s) in fig.samples.iter().enumerate() {
        let c = COLOURS[i % 2];
        let mark = c.stroke_width(style.px(1.5));
        let line = c.stroke_width(style.px(2.0));
        let pts = s.field_t.iter().copied().zip(s.rxy_ohm.iter().copied());
        if i % 2 == 0 {
            chart
                .draw_series(pts.map(|p| Circle::new(p, r, mark)))?
                .label(label(s))
                .legend(move |(x, y)| Circle::new((x + 12, y), r, mark));
        } else {
            chart
                .draw_series(pts.map(|p| {
                    let d = r as i32;
                    EmptyElement::at(p) + Rectangle::new([(-d, -d), (d, d)], mark)
                }))?
                .label(label(s))
                .legend(move |(x, y)| {
                    let d = r as i32;
                    Rectangle::new([(x + 12 - d, y - d), (x + 12 + d, y + d)], mark)
                });
        }
        let (a, k) = (s.fit.offset_ohm, s.fit.slope_ohm_per_t);
        let ends = vec![(-b_max, a - k * b_max), (b_max, a + k * b_max)];
        if i % 2 == 0 {
            chart.draw_series(LineSeries::new(ends, line))?;
        } else {
            chart.draw_series(std::iter::once(DashedPathElement::new(
                ends, dash.0, dash.1, line,
            )))?;
        }
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .label_font(font(13.0))
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK.stroke_width(style.px(1.0)))
        .draw()?;
    area.present()?;
    Ok(())
}
