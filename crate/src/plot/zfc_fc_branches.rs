//! Measured ZFC and FC branches (the page analyze.html) in the house style
//! of Fig. S5: each branch on its own temperatures, the bifurcation
//! temperature T_irr marked, and the ZFC maximum.

use super::legend::{draw_legend, Corner, Sample};
use super::style::{okabe_ito, HouseMesh, Style};
use super::{decade, power_of_ten};
use super::{decimals, Frame, PlotError};
use crate::analysis::zfc_fc::ZfcFcAnalysis;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Markers on at most this many points of a branch.
const MARKERS: usize = 40;

/// Draws both branches on `area`; returns the frame (y in emu).
pub fn draw_zfc_fc_branches<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    a: &ZfcFcAnalysis,
    style: &Style,
) -> Result<Frame, PlotError>
where
    DB::ErrorType: 'static,
{
    area.fill(&WHITE)?;
    let temps = a.zfc_t.iter().chain(&a.fc_t).copied();
    let (t0, t1) = temps.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), t| {
        (l.min(t), h.max(t))
    });
    let t1 = t1.max(t0 + 1e-9);
    let moments = a.zfc_m.iter().chain(&a.fc_m).copied();
    let (lo, hi) = moments.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), m| {
        (l.min(m), h.max(m))
    });
    let (lo, hi) = if hi > lo {
        (lo, hi)
    } else {
        (lo - 1e-12, hi + 1e-12)
    };
    let e = decade(lo.abs().max(hi.abs()));
    let unit = 10f64.powi(e);
    let pad = 0.08 * (hi - lo);
    let (y0, y1) = ((lo - pad) / unit, (hi + pad) / unit);
    let pad_t = 0.02 * (t1 - t0);
    let (x0, x1) = (t0 - pad_t, t1 + pad_t);
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(12.0))
        .x_label_area_size(style.px(44.0))
        .y_label_area_size(style.px(64.0))
        .build_cartesian_2d(x0..x1, y0..y1)?;
    let frame = Frame::of(&chart, [x0, x1], [y0 * unit, y1 * unit]);
    let dt = decimals(x1 - x0, 8);
    chart
        .configure_mesh()
        .x_desc("T (K)")
        .y_desc(format!("m ({} emu)", power_of_ten(e)))
        .x_label_formatter(&|v| format!("{v:.dt$}"))
        .house(style)
        .draw()?;
    let r = style.px(3.0);
    let branch = |t: &[f64], m: &[f64]| -> Vec<(f64, f64)> {
        t.iter().zip(m).map(|(&t, &m)| (t, m / unit)).collect()
    };
    let zfc = branch(&a.zfc_t, &a.zfc_m);
    let fc = branch(&a.fc_t, &a.fc_m);
    let (blue, red) = (okabe_ito::BLUE, okabe_ito::VERMILLION);
    chart.draw_series(LineSeries::new(
        zfc.iter().copied(),
        blue.stroke_width(style.px(1.8)),
    ))?;
    let stride = |n: usize| (n / MARKERS).max(1);
    chart.draw_series(
        zfc.iter()
            .step_by(stride(zfc.len()))
            .map(|&p| Circle::new(p, r, blue.stroke_width(style.px(1.3)))),
    )?;
    let dash = (style.px(7.0), style.px(5.0));
    let mut entries = vec![("ZFC", Sample::Marker(blue))];
    if !fc.is_empty() {
        chart.draw_series(std::iter::once(DashedPathElement::new(
            fc.clone(),
            dash.0,
            dash.1,
            red.stroke_width(style.px(1.8)),
        )))?;
        let d = r as i32;
        chart.draw_series(fc.iter().step_by(stride(fc.len())).map(|&p| {
            EmptyElement::at(p)
                + Rectangle::new([(-d, -d), (d, d)], red.stroke_width(style.px(1.3)))
        }))?;
        entries.push(("FC", Sample::Square(red)));
    }
    let font = (style.font.as_str(), style.font_px(13.0));
    let mark = okabe_ito::BLACK.stroke_width(style.px(1.2));
    let label = a
        .bifurcation
        .as_ref()
        .and_then(|b| b.temperature_k)
        .map(|t| (t, format!("T_irr = {t:.3} K")));
    if let Some((t, text)) = &label {
        chart.draw_series(std::iter::once(DashedPathElement::new(
            vec![(*t, y0), (*t, y1)],
            style.px(3.0),
            style.px(3.0),
            mark,
        )))?;
        let right = *t < x0 + 0.6 * (x1 - x0);
        let (anchor, dx) = if right {
            (HPos::Left, 0.01)
        } else {
            (HPos::Right, -0.01)
        };
        chart.draw_series(std::iter::once(Text::new(
            text.clone(),
            (*t + dx * (x1 - x0), 0.5 * (y0 + y1)),
            font.into_text_style(area)
                .pos(Pos::new(anchor, VPos::Center)),
        )))?;
        entries.push(("T_irr: FC and ZFC part", Sample::Dotted(okabe_ito::BLACK)));
    }
    draw_legend(area, &frame, Corner::UpperRight, &entries, style)?;
    area.present()?;
    Ok(frame)
}
