//! Fig. 4 sketch: absorption for both helicities (top) and their difference,
//! the XMCD (bottom), at the Ta N₃ edge.

use super::legend::{draw_legend, Corner, Sample};
use super::style::{okabe_ito, Style, GRID};
use super::{Frame, PlotError};
use crate::physics::xmcd::{XmcdSpectra, TA_N3_EDGE_EV};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Draws the XMCD sketch; returns the top panel's frame.
pub fn draw_xmcd<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &XmcdSpectra,
    style: &Style,
) -> Result<Frame, PlotError>
where
    DB::ErrorType: 'static,
{
    area.fill(&WHITE)?;
    let (top, bottom) = area.split_vertically(area.dim_in_pixel().1 * 3 / 5);
    let font = |px: f64| (style.font.as_str(), style.font_px(px));
    let line = |c: RGBColor| c.stroke_width(style.px(2.0));
    let (e0, e1) = (s.energy_ev[0], s.energy_ev[s.energy_ev.len() - 1]);
    let ymax = s.mu_plus.iter().copied().fold(0.0, f64::max) * 1.1;
    let mut xas = ChartBuilder::on(&top)
        .margin(style.px(12.0))
        .x_label_area_size(style.px(10.0))
        .y_label_area_size(style.px(60.0))
        .build_cartesian_2d(e0..e1, 0.0..ymax)?;
    let frame = Frame::of(&xas, [e0, e1], [0.0, ymax]);
    xas.configure_mesh()
        .y_desc("absorption μ± (arb. units)")
        .x_labels(0)
        .label_style(font(13.0))
        .axis_desc_style(font(14.0))
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID.stroke_width(style.px(1.0)))
        .draw()?;
    let dash = (style.px(7.0), style.px(5.0));
    let pts = |y: &[f64]| -> Vec<(f64, f64)> {
        s.energy_ev.iter().copied().zip(y.iter().copied()).collect()
    };
    xas.draw_series(LineSeries::new(
        pts(&s.mu_plus),
        line(okabe_ito::VERMILLION),
    ))?;
    xas.draw_series(DashedLineSeries::new(
        pts(&s.mu_minus),
        dash.0,
        dash.1,
        line(okabe_ito::BLUE),
    ))?;
    xas.draw_series(std::iter::once(Text::new(
        format!("Ta N₃ (4p₃/₂) edge, {TA_N3_EDGE_EV} eV"),
        (TA_N3_EDGE_EV + 1.5, ymax * 0.93),
        font(12.0),
    )))?;
    draw_legend(
        area,
        &frame,
        Corner::UpperLeft,
        &[
            (
                "μ₊ (positive helicity)",
                Sample::Line(okabe_ito::VERMILLION),
            ),
            ("μ₋ (negative helicity)", Sample::Dashed(okabe_ito::BLUE)),
        ],
        style,
    )?;

    let dmax = s.xmcd.iter().copied().fold(0.0, f64::max).max(0.05) * 1.2;
    let mut dich = ChartBuilder::on(&bottom)
        .margin(style.px(12.0))
        .x_label_area_size(style.px(44.0))
        .y_label_area_size(style.px(60.0))
        .build_cartesian_2d(e0..e1, -0.25 * dmax..dmax)?;
    dich.configure_mesh()
        .x_desc("photon energy (eV)")
        .y_desc("XMCD μ₊ − μ₋")
        .x_label_formatter(&|v| format!("{v:.0}"))
        .label_style(font(13.0))
        .axis_desc_style(font(14.0))
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID.stroke_width(style.px(1.0)))
        .draw()?;
    dich.draw_series(LineSeries::new(
        vec![(e0, 0.0), (e1, 0.0)],
        BLACK.stroke_width(style.px(1.0)),
    ))?;
    dich.draw_series(LineSeries::new(pts(&s.xmcd), line(okabe_ito::BLACK)))?;
    area.present()?;
    Ok(frame)
}
