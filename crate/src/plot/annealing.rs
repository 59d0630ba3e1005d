//! Fig. 5: post-annealing in oxygen. (a) R_s(T) on logarithmic axes, (b)
//! R_xy(B) at 5 K, (c) and (d) the in-plane loops at 1.8 K and 300 K, for
//! the paper's four samples and the reader's fifth, each sample in the same
//! colour and marker in every panel (one legend, in panel b).

use super::legend::{caption, draw_curve, draw_legend, Corner, CurveStyle, Glyph, Sample};
use super::power_of_ten;
use super::style::{HouseMesh, Style};
use super::{Frame, PlotError};
use crate::physics::annealing::figure::AnnealingFigure;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Index of the first temperature of [`fig5_temperatures`]'s logarithmic
/// part (3–300 K): markers go there, the transition is too dense for them.
///
/// [`fig5_temperatures`]: crate::physics::annealing::figure::fig5_temperatures
const LOG_PART: usize = 150;

/// The style of sample `i`: a colour and a marker of its own, solid (a
/// dashed curve is hundreds of strokes on a canvas, too slow for a slider;
/// the legend marks the reader's fifth sample instead).
pub fn sample_style(i: usize) -> CurveStyle {
    CurveStyle {
        dashed: false,
        ..CurveStyle::nth(i)
    }
}

/// R_s below this fraction of the lowest normal-state value is drawn on the
/// bottom of panel (a): the logarithmic axis has no zero.
pub const LOG_FLOOR: f64 = 0.05;

/// The range of panel (a), Ω/□: from [`LOG_FLOOR`] × the lowest R_s at 5 K
/// to 1.5 × the highest value.
pub fn rs_range(fig: &AnnealingFigure) -> (f64, f64) {
    let lowest = fig
        .samples
        .iter()
        .map(|s| s.sample.sheet_resistance)
        .fold(f64::INFINITY, f64::min);
    let highest = fig
        .samples
        .iter()
        .flat_map(|s| s.sheet_resistance.iter().copied())
        .fold(0.0f64, f64::max);
    let lo = if lowest.is_finite() && lowest > 0.0 {
        LOG_FLOOR * lowest
    } else {
        1.0
    };
    (lo, (1.5 * highest).max(10.0 * lo))
}

/// A resistance tick label: "500", "5000", "5 × 10⁴", "10⁵".
fn ohms(v: f64) -> String {
    if !(v.is_finite() && v >= 1e4) {
        return format!("{v:.0}");
    }
    let e = v.log10().floor() as i32;
    let m = (v / 10f64.powi(e)).round();
    if m == 1.0 {
        power_of_ten(e)
    } else {
        format!("{m:.0} × {}", power_of_ten(e))
    }
}

/// Panel (a): R_s(T), both axes logarithmic; returns its frame (x = log₁₀ T,
/// y = log₁₀ R_s), which the page's pointer readout uses.
fn draw_rs<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    fig: &AnnealingFigure,
    style: &Style,
) -> Result<Frame, PlotError>
where
    DB::ErrorType: 'static,
{
    let t = &fig.temperature_k;
    let (t0, t1) = (
        t.first().copied().unwrap_or(1.5),
        t.last().copied().unwrap_or(300.0),
    );
    let (r0, r1) = rs_range(fig);
    caption(area, "(a) R_s(T)", style)?;
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(8.0))
        .margin_top(style.px(26.0))
        .x_label_area_size(style.px(40.0))
        .y_label_area_size(style.px(60.0))
        .build_cartesian_2d((t0..t1).log_scale(), (r0..r1).log_scale())?;
    let frame = Frame::of(&chart, [t0.log10(), t1.log10()], [r0.log10(), r1.log10()]);
    chart
        .configure_mesh()
        .x_desc("T (K)")
        .y_desc("R_s (Ω/□)")
        .x_label_formatter(&|v| {
            if *v >= 1.0 {
                format!("{v:.0}")
            } else {
                format!("{v:.1}")
            }
        })
        .y_label_formatter(&|v| ohms(*v))
        .house(style)
        .draw()?;
    let r = style.px(3.5) as i32;
    for (i, s) in fig.samples.iter().enumerate() {
        let cs = sample_style(i);
        let pts: Vec<(f64, f64)> = t
            .iter()
            .zip(&s.sheet_resistance)
            .map(|(&t, &r)| (t, r.max(r0)))
            .collect();
        chart.draw_series(LineSeries::new(
            pts.iter().copied(),
            cs.color.stroke_width(style.px(1.8)),
        ))?;
        chart.draw_series(
            pts.iter()
                .skip(LOG_PART + 3 * i)
                .step_by(14)
                .map(|&at| Glyph {
                    at,
                    r,
                    style: cs.color.stroke_width(style.px(1.3)),
                    kind: cs.marker,
                }),
        )?;
    }
    Ok(frame)
}

/// Panel (b): R_xy(B) at 5 K.
fn draw_hall_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    fig: &AnnealingFigure,
    style: &Style,
) -> Result<(), PlotError>
where
    DB::ErrorType: 'static,
{
    let b_max = fig.field_t.iter().fold(1.0f64, |a, b| a.max(b.abs()));
    let r_max = fig
        .samples
        .iter()
        .flat_map(|s| s.rxy_ohm.iter().map(|r| r.abs()))
        .fold(1.0f64, f64::max)
        * 1.1;
    caption(area, "(b) R_xy at 5 K", style)?;
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(8.0))
        .margin_top(style.px(26.0))
        .x_label_area_size(style.px(40.0))
        .y_label_area_size(style.px(60.0))
        .build_cartesian_2d(-b_max..b_max, -r_max..r_max)?;
    chart
        .configure_mesh()
        .x_desc("μ₀H⟂ (T)")
        .y_desc("R_xy (Ω)")
        .x_label_formatter(&|v| format!("{v:.0}"))
        .y_label_formatter(&|v| format!("{v:.0}"))
        .house(style)
        .draw()?;
    let mut legend = Vec::new();
    for (i, s) in fig.samples.iter().enumerate() {
        let cs = sample_style(i);
        let pts: Vec<(f64, f64)> = fig
            .field_t
            .iter()
            .copied()
            .zip(s.rxy_ohm.iter().copied())
            .collect();
        draw_curve(&mut chart, &pts, cs, 8, style)?;
        let label = if s.fifth {
            format!("{} (yours)", s.label)
        } else {
            s.label.clone()
        };
        legend.push((cs, label));
    }
    // The legend sits in the plotting area, in that area's own pixels.
    let plot = chart.plotting_area().strip_coord_spec();
    let (w, h) = plot.dim_in_pixel();
    let inside = Frame {
        px: [0, w as i32],
        py: [0, h as i32],
        x: [0.0, 1.0],
        y: [0.0, 1.0],
    };
    let entries: Vec<(&str, Sample)> = legend
        .iter()
        .map(|(cs, label)| (label.as_str(), Sample::Curve(*cs)))
        .collect();
    draw_legend(&plot, &inside, Corner::UpperRight, &entries, style)?;
    Ok(())
}

/// Panels (c) and (d): the loop at `which` (0: 1.8 K, 1: 300 K) on a
/// moment axis of ±`m_top` μ_B per interface cell.
fn draw_loop_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    fig: &AnnealingFigure,
    which: usize,
    m_top: f64,
    style: &Style,
) -> Result<(), PlotError>
where
    DB::ErrorType: 'static,
{
    let h_max = fig.field_oe.iter().fold(1.0f64, |a, h| a.max(h.abs()));
    let t = fig.loop_temperatures_k.get(which).copied().unwrap_or(0.0);
    let letter = if which == 0 { "c" } else { "d" };
    caption(
        area,
        &format!("({letter}) m–H at {t} K, H ∥ plane, substrate subtracted"),
        style,
    )?;
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(8.0))
        .margin_top(style.px(26.0))
        .x_label_area_size(style.px(40.0))
        .y_label_area_size(style.px(60.0))
        .build_cartesian_2d(-1.05 * h_max..1.05 * h_max, -m_top..m_top)?;
    chart
        .configure_mesh()
        .x_desc("H (Oe)")
        .y_desc("m (μ_B per interface cell)")
        .x_label_formatter(&|v| format!("{v:.0}"))
        .y_label_formatter(&|v| format!("{v:.2}"))
        .house(style)
        .draw()?;
    for (i, s) in fig.samples.iter().enumerate() {
        let m = if which == 0 {
            &s.moment_low
        } else {
            &s.moment_high
        };
        let pts: Vec<(f64, f64)> = fig
            .field_oe
            .iter()
            .copied()
            .zip(m.iter().copied())
            .collect();
        draw_curve(&mut chart, &pts, sample_style(i), 40, style)?;
    }
    Ok(())
}

/// Draws Fig. 5 on `area`; returns the frame of panel (a) (see [`draw_rs`]).
pub fn draw_annealing<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    fig: &AnnealingFigure,
    style: &Style,
) -> Result<Frame, PlotError>
where
    DB::ErrorType: 'static,
{
    area.fill(&WHITE)?;
    let panels = area.split_evenly((2, 2));
    let [a, b, c, d] = panels.as_slice() else {
        return Err(PlotError("the figure needs four panels".to_string()));
    };
    let frame = draw_rs(a, fig, style)?;
    draw_hall_panel(b, fig, style)?;
    let m_top = fig
        .samples
        .iter()
        .flat_map(|s| s.moment_low.iter().chain(&s.moment_high))
        .fold(0.0f64, |a, m| a.max(m.abs()))
        .max(1e-3)
        * 1.15;
    draw_loop_panel(c, fig, 0, m_top, style)?;
    draw_loop_panel(d, fig, 1, m_top, style)?;
    area.present()?;
    Ok(frame)
}
