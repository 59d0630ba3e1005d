//! Fig. S18: the largest Ta moment and the moment per interface cell of the
//! vacancy model against U_eff, with the paper's DFT value at 1 eV.

use super::legend::{draw_legend, Corner, Sample};
use super::style::{okabe_ito, HouseMesh, Style};
use super::{Frame, PlotError};
use crate::physics::vacancy::UScan;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

/// The paper's DFT moment of the Ta beside the vacancy at U_eff = 1 eV (Fig. 3c), μ_B.
pub const PAPER_MOMENT_MU_B: f64 = 0.124;

/// Fig. S18: the largest Ta moment and the moment per interface cell
/// against U_eff, the paper's 0.124 μ_B at 1 eV, and the current U_eff;
/// `note` is added to the caption (e.g. that the scan is without SOC).
/// `pending`: U_eff values (eV) of a scan still being computed, which the
/// axis already spans, so that it does not move as the points arrive.
/// Returns the chart's frame (U_eff in eV, moment in μ_B).
pub fn draw_u_scan<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scan: &UScan,
    pending: &[f64],
    u_eff: f64,
    note: &str,
    style: &Style,
) -> Result<Frame, PlotError>
where
    DB::ErrorType: 'static,
{
    let font = |px: f64| (style.font.as_str(), style.font_px(px));
    let u_max = scan
        .u_eff
        .iter()
        .chain(pending)
        .copied()
        .fold(1.0f64, f64::max)
        .max(u_eff)
        * 1.05;
    let top = scan
        .max_moment
        .iter()
        .chain(&scan.moment_per_cell)
        .fold(PAPER_MOMENT_MU_B, |a, &m| a.max(m))
        * 1.15;
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(10.0))
        .caption(format!("Moment against U_eff (Fig. S18){note}"), font(15.0))
        .x_label_area_size(style.px(40.0))
        .y_label_area_size(style.px(56.0))
        .build_cartesian_2d(0.0..u_max, 0.0..top)?;
    let frame = Frame::of(&chart, [0.0, u_max], [0.0, top]);
    chart
        .configure_mesh()
        .x_desc("U_eff (eV)")
        .y_desc("moment (μB)")
        .house(style)
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
    chart.draw_series(LineSeries::new(
        largest.clone(),
        line(okabe_ito::VERMILLION),
    ))?;
    chart.draw_series(
        largest
            .iter()
            .map(|&p| Circle::new(p, r, okabe_ito::VERMILLION.filled())),
    )?;
    chart.draw_series(DashedLineSeries::new(
        per_cell.clone(),
        dash.0,
        dash.1,
        line(okabe_ito::BLUE),
    ))?;
    let half = r as i32;
    chart.draw_series(per_cell.iter().map(|&p| {
        EmptyElement::at(p)
            + Rectangle::new(
                [(-half, -half), (half, half)],
                okabe_ito::BLUE.stroke_width(style.px(1.5)),
            )
    }))?;
    let star = okabe_ito::BLACK.stroke_width(style.px(2.0));
    chart.draw_series(std::iter::once(Cross::new(
        (1.0, PAPER_MOMENT_MU_B),
        style.px(6.0),
        star,
    )))?;
    chart.draw_series(std::iter::once(DashedPathElement::new(
        vec![(u_eff, 0.0), (u_eff, top)],
        style.px(3.0),
        style.px(3.0),
        okabe_ito::BLACK.stroke_width(style.px(1.0)),
    )))?;
    // The legend is drawn on `area`, whose origin need not be the surface's.
    let (ox, oy) = area.get_base_pixel();
    let local = Frame {
        px: [frame.px[0] - ox, frame.px[1] - ox],
        py: [frame.py[0] - oy, frame.py[1] - oy],
        ..frame
    };
    draw_legend(
        area,
        &local,
        Corner::UpperLeft,
        &[
            ("largest Ta moment", Sample::Line(okabe_ito::VERMILLION)),
            ("per interface cell", Sample::Dashed(okabe_ito::BLUE)),
            ("DFT, Fig. 3c (0.124 μB)", Sample::Cross(okabe_ito::BLACK)),
        ],
        style,
    )?;
    Ok(frame)
}
