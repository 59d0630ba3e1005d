//! Fig. S5: ZFC and FC moment against temperature at a small in-plane
//! field, with the bifurcation (irreversibility) temperature marked.

use super::magnet_loops::sample_name;
use super::series::{
    caption, decade, draw_curve, draw_legend, power_of_ten, Corner, CurveStyle, Marker,
};
use super::style::HouseMesh;
use super::style::{okabe_ito, Style};
use super::PlotError;
use crate::physics::constants::KTAO3_LATTICE_A;
use crate::physics::loop_processing::moment_per_cell;
use crate::physics::magnet::figures::ZfcFcFigure;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

/// Markers every this many temperature points (15 per 150-point curve).
const MARKER_STRIDE: usize = 10;

/// Draws Fig. S5 on `area`.
pub fn draw_zfc_fc<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    fig: &ZfcFcFigure,
    style: &Style,
) -> Result<(), PlotError>
where
    DB::ErrorType: 'static,
{
    area.fill(&WHITE)?;
    let c = &fig.curves;
    let t_lo = c.temperature.first().copied().unwrap_or(0.0);
    let t_hi = c
        .temperature
        .last()
        .copied()
        .unwrap_or(1.0)
        .max(t_lo + 1e-9);
    let all = c.zfc.iter().chain(&c.fc).copied();
    let (lo, hi) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    let (lo, hi) = if lo.is_finite() && hi > lo {
        (lo, hi)
    } else {
        (lo.min(0.0) - 1.0, hi.max(0.0) + 1.0)
    };
    // Include zero when the curves are near it, so the split reads as a fraction.
    let (lo, hi) = if fig.corrected {
        (lo.min(0.0), hi)
    } else {
        (lo, hi)
    };
    let e = decade(lo.abs().max(hi.abs()));
    let unit = 10f64.powi(e);
    let pad = 0.08 * (hi - lo);
    let (y0, y1) = ((lo - pad) / unit, (hi + pad) / unit);
    let font = |px: f64| (style.font.as_str(), style.font_px(px));
    let what = if fig.corrected {
        "substrate χH subtracted"
    } else {
        "raw"
    };
    caption(
        area,
        &format!(
            "{}: ZFC and FC at {} Oe, H ∥ plane ({what})",
            sample_name(&fig.sample),
            c.field_oe
        ),
        style,
    )?;
    let per_cell = moment_per_cell(unit, fig.area_mm2, KTAO3_LATTICE_A).unwrap_or(f64::NAN);
    let mut builder = ChartBuilder::on(area);
    builder
        .margin(style.px(12.0))
        .margin_top(style.px(30.0))
        .x_label_area_size(style.px(44.0))
        .y_label_area_size(style.px(64.0));
    if fig.corrected {
        builder.right_y_label_area_size(style.px(64.0));
    }
    let mut chart = builder
        .build_cartesian_2d(t_lo..t_hi, y0..y1)?
        .set_secondary_coord(t_lo..t_hi, y0 * per_cell..y1 * per_cell);
    chart
        .configure_mesh()
        .x_desc("T (K)")
        .x_label_formatter(&|v| format!("{v:.0}"))
        .y_desc(format!("m ({} emu)", power_of_ten(e)))
        .house(style)
        .draw()?;
    if fig.corrected && per_cell.is_finite() {
        chart
            .configure_secondary_axes()
            .y_desc("μ_B per interface unit cell")
            .house(style)
            .draw()?;
    }
    let pts = |m: &[f64]| -> Vec<(f64, f64)> {
        c.temperature
            .iter()
            .zip(m)
            .map(|(&t, &v)| (t, v / unit))
            .collect()
    };
    let zfc = CurveStyle {
        color: okabe_ito::BLUE,
        dashed: false,
        marker: Marker::Circle,
    };
    let fc = CurveStyle {
        color: okabe_ito::VERMILLION,
        dashed: true,
        marker: Marker::Square,
    };
    draw_curve(&mut chart, &pts(&c.fc), fc, MARKER_STRIDE, style)?;
    draw_curve(&mut chart, &pts(&c.zfc), zfc, MARKER_STRIDE, style)?;
    // The bifurcation: a dashed vertical line, or the top of the range when
    // the curves are still apart there.
    let (t_mark, label) = match c.bifurcation_k {
        Some(t) => (t, format!("T_irr = {t:.0} K")),
        None => (t_hi, format!("split persists to {t_hi:.0} K")),
    };
    let mark = okabe_ito::BLACK.stroke_width(style.px(1.2));
    let dash = (style.px(3.0), style.px(3.0));
    chart.draw_series(std::iter::once(DashedPathElement::new(
        vec![(t_mark, y0), (t_mark, y1)],
        dash.0,
        dash.1,
        mark,
    )))?;
    // The label beside the line, on the side with room.
    let right = t_mark > t_lo + 0.6 * (t_hi - t_lo);
    let text = font(13.0).into_font().color(&BLACK);
    let (w, _) = area.estimate_text_size(&label, &text).unwrap_or((0, 0));
    let (px, py) = chart.backend_coord(&(t_mark, y1));
    let (bx, by) = area.get_base_pixel();
    let (px, py) = (px - bx, py - by);
    let gap = style.px(6.0) as i32;
    let x = if right { px - gap - w as i32 } else { px + gap };
    area.draw(&Text::new(label, (x, py + gap), text))?;
    draw_legend(
        &chart,
        &[(fc, "FC".to_string()), (zfc, "ZFC".to_string())],
        Corner::MiddleRight,
        style,
    )?;
    area.present()?;
    Ok(())
}
