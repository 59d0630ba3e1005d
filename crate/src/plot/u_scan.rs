//! Fig. S18: the largest Ta moment and the moment per interface cell of the
//! vacancy model against U_eff, with the paper's DFT value at 1 eV.

use super::style::{okabe_ito, Style, GRID};
use super::PlotError;
use crate::physics::vacancy::UScan;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

/// The paper's DFT moment of the Ta beside the vacancy at U_eff = 1 eV (Fig. 3c), μ_B.
pub const PAPER_MOMENT_MU_B: f64 = 0.124;

/// Fig. S18: the largest Ta moment and the moment per interface cell
/// against U_eff, the paper's 0.124 μ_B at 1 eV, and the current U_eff.
pub fn draw_u_scan<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scan: &UScan,
    u_eff: f64,
    style: &Style,
) -> Result<(), PlotError>
where
    DB::ErrorType: 'static,
{
    let font = |px: f64| (style.font.as_str(), style.font_px(px));
    let u_max = scan.u_eff.iter().copied().fold(1.0f64, f64::max).max(u_eff);
    let top = scan
        .max_moment
        .iter()
        .chain(&scan.moment_per_cell)
        .fold(PAPER_MOMENT_MU_B, |a, &m| a.max(m))
        * 1.15;
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(10.0))
        .caption("Moment against U_eff (Fig. S18)", font(15.0))
        .x_label_area_size(style.px(40.0))
        .y_label_area_size(style.px(56.0))
        .build_cartesian_2d(0.0..u_max * 1.05, 0.0..top)?;
    chart
        .configure_mesh()
        .x_desc("U_eff (eV)")
        .y_desc("moment (μB)")
        .label_style(font(12.0))
        .axis_desc_style(font(13.0))
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID.stroke_width(style.px(1.0)))
        .axis_style(BLACK.stroke_width(style.px(1.0)))
        .draw()?;
    let line = |c: RGBColor| c.stroke_width(style.px(2.0));
    let dash = (style.px(6.0), style.px(4.0));
    let largest: Vec<(f64, f64)> = scan
        .u_eff
        .iter()
        .copied()
        .zip(scan.max_moment.iter().copied())
        .collect();
    let per_cell: Vec<(f64, f64)> = scan
        .u_eff
        .iter()
        .copied()
        .zip(scan.moment_per_cell.iter().copied())
        .collect();
    let r = style.px(3.5);
    chart
        .draw_series(LineSeries::new(
            largest.clone(),
            line(okabe_ito::VERMILLION),
        ))?
        .label("largest Ta moment")
        .legend(move |(x, y)| {
            PathElement::new(vec![(x, y), (x + 24, y)], line(okabe_ito::VERMILLION))
        });
    chart.draw_series(
        largest
            .iter()
            .map(|&p| Circle::new(p, r, okabe_ito::VERMILLION.filled())),
    )?;
    chart
        .draw_series(DashedLineSeries::new(
            per_cell.clone(),
            dash.0,
            dash.1,
            line(okabe_ito::BLUE),
        ))?
        .label("per interface cell")
        .legend(move |(x, y)| {
            DashedPathElement::new(
                vec![(x, y), (x + 24, y)],
                dash.0,
                dash.1,
                line(okabe_ito::BLUE),
            )
        });
    let half = r as i32;
    chart.draw_series(per_cell.iter().map(|&p| {
        EmptyElement::at(p)
            + Rectangle::new(
                [(-half, -half), (half, half)],
                okabe_ito::BLUE.stroke_width(style.px(1.5)),
            )
    }))?;
    let star = okabe_ito::BLACK.stroke_width(style.px(2.0));
    chart
        .draw_series(std::iter::once(Cross::new(
            (1.0, PAPER_MOMENT_MU_B),
            style.px(6.0),
            star,
        )))?
        .label("DFT, Fig. 3c (0.124 μB)")
        .legend(move |(x, y)| Cross::new((x + 12, y), style.px(6.0), star));
    chart.draw_series(std::iter::once(DashedPathElement::new(
        vec![(u_eff, 0.0), (u_eff, top)],
        style.px(3.0),
        style.px(3.0),
        okabe_ito::BLACK.stroke_width(style.px(1.0)),
    )))?;
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .label_font(font(12.0))
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK.stroke_width(style.px(1.0)))
        .draw()?;
    Ok(())
}
