//! Fig. 1e–f: the I–V family on linear axes (top left, μA and mV) and on
//! log–log axes (right) with the V ∝ I³ line, and α(T) with T_BKT where it
//! crosses 3 (bottom left: the paper's inset of Fig. 1f, given a panel of
//! its own because in an inset it would hide the coldest curves).

use super::legend::{draw_legend, Corner, Sample};
use super::style::HouseMesh;
use super::style::{okabe_ito, Style, GRID};
use super::{decimals, Frame, PlotError};
use crate::physics::bkt::{BktAlpha, IvCurve};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::HSLColor;

/// What Fig. 1e–f shows.
pub struct BktFigure<'a> {
    /// The I–V curves, in increasing temperature.
    pub curves: &'a [IvCurve],
    /// α(T) and T_BKT.
    pub alpha: &'a BktAlpha,
}

/// A colour per curve from blue (cold) to vermillion (warm) at fixed
/// lightness, so neighbours stay distinguishable.
fn colour(k: usize, n: usize) -> HSLColor {
    let f = if n > 1 {
        k as f64 / (n - 1) as f64
    } else {
        0.0
    };
    HSLColor(0.58 - 0.55 * f, 0.85, 0.42)
}

/// The V ∝ I³ guide through the point of the curve closest to α = 3, or
/// through the middle of the data: two (I, V) ends in the log–log frame.
pub fn cube_line(fig: &BktFigure, i_range: (f64, f64)) -> Vec<(f64, f64)> {
    let k = fig
        .alpha
        .alpha
        .iter()
        .enumerate()
        .filter(|p| p.1.is_finite())
        .min_by(|a, b| (a.1 - 3.0).abs().total_cmp(&(b.1 - 3.0).abs()))
        .map_or(0, |p| p.0);
    let anchor = fig.curves.get(k).and_then(|c| {
        let n = c.current.len();
        (n > 0).then(|| (c.current[n * 2 / 3], c.voltage[n * 2 / 3].abs().max(1e-12)))
    });
    let (i0, v0) = anchor.unwrap_or((i_range.1, 1e-6));
    [i_range.0, i_range.1]
        .iter()
        .map(|&i| (i, v0 * (i / i0).powi(3)))
        .collect()
}

/// Draws Fig. 1e–f on `area`; returns the frame of the log–log panel (f),
/// whose ranges are log₁₀ of the current (A) and voltage (V): a point (I, V)
/// sits at (log₁₀ I, log₁₀ V).
pub fn draw_bkt<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    fig: &BktFigure,
    style: &Style,
) -> Result<Frame, PlotError>
where
    DB::ErrorType: 'static,
{
    area.fill(&WHITE)?;
    let (w, h) = area.dim_in_pixel();
    let (left, right) = area.split_horizontally(w * 42 / 100);
    let (left, lower_left) = left.split_vertically(h * 56 / 100);
    let font = |px: f64| (style.font.as_str(), style.font_px(px));
    let n = fig.curves.len();
    let i_max = fig
        .curves
        .iter()
        .filter_map(|c| c.current.last().copied())
        .fold(1e-9, f64::max);
    let i_min = fig
        .curves
        .iter()
        .filter_map(|c| c.current.first().copied())
        .fold(i_max, f64::min);
    let v_max = fig
        .curves
        .iter()
        .flat_map(|c| c.voltage.iter().copied())
        .fold(1e-9, f64::max);
    let stroke = style.px(1.5);

    // (e) linear, in μA and mV.
    let (di, dv) = (decimals(i_max * 1e6, 5), decimals(v_max * 1.05e3, 6));
    let mut chart = ChartBuilder::on(&left)
        .margin(style.px(12.0))
        .x_label_area_size(style.px(40.0))
        .y_label_area_size(style.px(60.0))
        .build_cartesian_2d(0.0..i_max * 1e6, 0.0..v_max * 1.05e3)?;
    chart
        .configure_mesh()
        .x_desc("I (μA)")
        .y_desc("V_xx (mV)")
        .x_labels(5)
        .y_labels(6)
        .x_label_formatter(&|v| format!("{v:.di$}"))
        .y_label_formatter(&|v| format!("{v:.dv$}"))
        .house(style)
        .draw()?;
    for (k, c) in fig.curves.iter().enumerate() {
        let pts = c
            .current
            .iter()
            .zip(&c.voltage)
            .map(|(&i, &v)| (i * 1e6, v * 1e3));
        chart.draw_series(LineSeries::new(pts, colour(k, n).stroke_width(stroke)))?;
    }
    // The colour key: coldest (blue) to warmest (vermillion).
    if let (Some(a), Some(b)) = (fig.curves.first(), fig.curves.last()) {
        let (x0, y0) = (style.px(80.0) as i32, style.px(24.0) as i32);
        let dy = style.px(18.0) as i32;
        for (c, k, y) in [(a, 0, y0), (b, n.saturating_sub(1), y0 + dy)] {
            let f = font(12.0).into_font().color(&colour(k, n));
            left.draw(&Text::new(format!("{:.2} K", c.temperature), (x0, y), f))?;
        }
    }

    // (f) log–log with V ∝ I³.
    let v_floor = fig
        .curves
        .iter()
        .flat_map(|c| c.voltage.iter().copied())
        .filter(|&v| v > 0.0)
        .fold(v_max, f64::min)
        .max(v_max * 1e-9);
    let mut chart = ChartBuilder::on(&right)
        .margin(style.px(12.0))
        .x_label_area_size(style.px(44.0))
        .y_label_area_size(style.px(64.0))
        .build_cartesian_2d(
            (i_min..i_max).log_scale(),
            (v_floor..v_max * 2.0).log_scale(),
        )?;
    let frame = Frame::of(
        &chart,
        [i_min.log10(), i_max.log10()],
        [v_floor.log10(), (v_max * 2.0).log10()],
    );
    chart
        .configure_mesh()
        .x_desc("I (A)")
        .y_desc("V_xx (V)")
        .x_label_formatter(&|v| format!("{v:.0e}"))
        .y_label_formatter(&|v| format!("{v:.0e}"))
        .label_style(font(12.0))
        .axis_desc_style(font(14.0))
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID.stroke_width(style.px(1.0)))
        .axis_style(BLACK.stroke_width(style.px(1.0)))
        .draw()?;
    for (k, c) in fig.curves.iter().enumerate() {
        let pts: Vec<(f64, f64)> = c
            .current
            .iter()
            .zip(&c.voltage)
            .filter(|p| *p.1 > 0.0)
            .map(|(&i, &v)| (i, v))
            .collect();
        chart.draw_series(LineSeries::new(pts, colour(k, n).stroke_width(stroke)))?;
    }
    let dash = (style.px(7.0), style.px(5.0));
    let red = okabe_ito::VERMILLION.stroke_width(style.px(2.0));
    chart.draw_series(std::iter::once(DashedPathElement::new(
        cube_line(fig, (i_min, i_max)),
        dash.0,
        dash.1,
        red,
    )))?;
    draw_legend(
        area,
        &frame,
        Corner::UpperLeft,
        &[("V ∝ I³ (α = 3)", Sample::Dashed(okabe_ito::VERMILLION))],
        style,
    )?;

    // α(T) with T_BKT, below (e).
    let inset = lower_left;
    let a = fig.alpha;
    let pts: Vec<(f64, f64)> = a
        .temperature
        .iter()
        .copied()
        .zip(a.alpha.iter().copied())
        .filter(|p| p.1.is_finite())
        .collect();
    let (t0, t1) = (
        a.temperature.first().copied().unwrap_or(0.0),
        a.temperature.last().copied().unwrap_or(1.0),
    );
    let a_top = pts.iter().map(|p| p.1).fold(4.0, f64::max) * 1.05;
    let t1 = t1.max(t0 + 1e-3);
    let dt = decimals(t1 - t0, 5).max(2);
    let mut zoom = ChartBuilder::on(&inset)
        .margin(style.px(12.0))
        .margin_top(style.px(4.0))
        .x_label_area_size(style.px(40.0))
        .y_label_area_size(style.px(60.0))
        .build_cartesian_2d(t0..t1, 0.0..a_top)?;
    zoom.configure_mesh()
        .x_desc("T (K)")
        .y_desc("exponent α")
        .x_labels(5)
        .y_labels(5)
        .x_label_formatter(&|v| format!("{v:.dt$}"))
        .y_label_formatter(&|v| format!("{v:.0}"))
        .label_style(font(12.0))
        .axis_desc_style(font(13.0))
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID.stroke_width(style.px(1.0)))
        .axis_style(BLACK.stroke_width(style.px(1.0)))
        .draw()?;
    let blk = okabe_ito::BLACK.stroke_width(style.px(1.5));
    zoom.draw_series(LineSeries::new(pts.iter().copied(), blk))?;
    zoom.draw_series(pts.iter().map(|&p| Circle::new(p, style.px(3.0), blk)))?;
    // ± one standard error.
    zoom.draw_series(
        a.temperature
            .iter()
            .zip(&a.alpha)
            .zip(&a.alpha_error)
            .filter(|((_, a), e)| a.is_finite() && e.is_finite())
            .map(|((&t, &a), &e)| PathElement::new(vec![(t, a - e), (t, a + e)], blk)),
    )?;
    zoom.draw_series(std::iter::once(DashedPathElement::new(
        vec![(t0, 3.0), (t1, 3.0)],
        dash.0,
        dash.1,
        red,
    )))?;
    if a.t_bkt.is_finite() {
        zoom.draw_series(std::iter::once(DashedPathElement::new(
            vec![(a.t_bkt, 0.0), (a.t_bkt, a_top)],
            dash.0,
            dash.1,
            okabe_ito::BLUE.stroke_width(style.px(1.5)),
        )))?;
        // The label right of the line, or left of it near the right edge.
        let right_side = a.t_bkt < t0 + 0.6 * (t1 - t0);
        let anchor = if right_side { HPos::Left } else { HPos::Right };
        let dx = if right_side { 0.02 } else { -0.02 } * (t1 - t0);
        zoom.draw_series(std::iter::once(Text::new(
            format!("T_BKT = {:.3} K", a.t_bkt),
            (a.t_bkt + dx, a_top * 0.88),
            font(12.0)
                .into_text_style(&inset)
                .pos(Pos::new(anchor, VPos::Center)),
        )))?;
    }
    area.present()?;
    Ok(frame)
}
