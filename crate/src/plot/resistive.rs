//! Fig. 1b: R_s(T) of both samples from 300 K down, on a linear or
//! logarithmic temperature axis, with an inset of 1.5–2.6 K where T_c
//! onset, midpoint and zero are marked.

use super::legend::{draw_legend, Corner, Sample};
use super::style::HouseMesh;
use super::style::{okabe_ito, Style, GRID};
use super::{decimals, Frame, PlotError};
use crate::physics::resistive::TransitionTemperatures;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

/// One sample's curve.
pub struct RtCurve<'a> {
    /// Legend label ("LAO/KTO").
    pub name: &'a str,
    /// Temperatures, K (increasing).
    pub t: &'a [f64],
    /// Sheet resistance, Ω/□.
    pub r: &'a [f64],
    /// Its characteristic temperatures (None when the curve has no transition).
    pub transitions: Option<&'a TransitionTemperatures>,
}

/// What Fig. 1b shows.
pub struct RtFigure<'a> {
    /// The samples, drawn in order (solid vermillion, dashed blue, …).
    pub curves: &'a [RtCurve<'a>],
    /// Logarithmic temperature axis.
    pub log_t: bool,
    /// The temperatures of the inset, K: [`INSET_K`] for the paper's
    /// samples, [`inset_around`] their transition for other data; `None`
    /// marks T_c on the main panel instead (data that are all transition).
    pub inset_k: Option<(f64, f64)>,
}

/// Window of the inset for the paper's samples, K.
pub const INSET_K: (f64, f64) = (1.5, 2.6);

/// An inset around a transition from `zero` (or the midpoint, or the
/// onset) to `onset`, K: the transition's width again on either side, and
/// at least 10 % of the onset temperature in all.
pub fn inset_around(t: &TransitionTemperatures) -> (f64, f64) {
    let low = t.zero.or(t.mid).unwrap_or(t.onset);
    let width = (t.onset - low).max(0.05 * t.onset);
    ((low - width).max(0.0), t.onset + width)
}

const COLOURS: [RGBColor; 3] = [okabe_ito::VERMILLION, okabe_ito::BLUE, okabe_ito::GREEN];

/// The legend sample of curve `i`: solid, dashed, solid, … in its colour.
fn sample(i: usize) -> Sample {
    let c = COLOURS[i % COLOURS.len()];
    if i % 2 == 0 {
        Sample::Line(c)
    } else {
        Sample::Dashed(c)
    }
}

/// The inset for data other than the paper's: around the transition
/// ([`inset_around`]) when it takes less than 30 % of the main panel's
/// temperatures, else none (the main panel shows the transition itself, and
/// T_c is marked there).
pub fn inset_for(fig: &RtFigure, t: &TransitionTemperatures) -> Option<(f64, f64)> {
    let (lo, hi) = t_span(fig);
    let inset = inset_around(t);
    (inset.1 - inset.0 < 0.3 * (hi - lo)).then_some(inset)
}

/// The temperature span of the main panel, K: from the lowest temperature
/// of any curve (at least 0.1 K on the log axis; on the linear one 0 K,
/// unless the data start above 30 % of the highest temperature) to the
/// highest.
pub fn t_span(fig: &RtFigure) -> (f64, f64) {
    let t_max = fig
        .curves
        .iter()
        .filter_map(|c| c.t.last().copied())
        .fold(0.0, f64::max);
    let t_max = if t_max > 0.0 { t_max } else { 3.0 };
    let t_min = fig
        .curves
        .iter()
        .filter_map(|c| c.t.first().copied())
        .fold(t_max, f64::min);
    if fig.log_t {
        (t_min.clamp(0.1, t_max * 0.5), t_max)
    } else if t_min > 0.3 * t_max {
        ((t_min - 0.02 * (t_max - t_min)).max(0.0), t_max)
    } else {
        (0.0, t_max)
    }
}

/// Draws Fig. 1b on `area`; returns the main panel's frame (on the
/// logarithmic axis its x range is log₁₀ T, so a point at temperature T sits
/// at x = log₁₀ T).
pub fn draw_rt<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    fig: &RtFigure,
    style: &Style,
) -> Result<Frame, PlotError>
where
    DB::ErrorType: 'static,
{
    area.fill(&WHITE)?;
    let font = |px: f64| (style.font.as_str(), style.font_px(px));
    let line = |c: RGBColor| c.stroke_width(style.px(2.0));
    let dash = (style.px(7.0), style.px(5.0));
    let (t_min, t_max) = t_span(fig);
    let r_top = fig
        .curves
        .iter()
        .flat_map(|c| c.r.iter().copied())
        .fold(0.0, f64::max);
    let r_top = if r_top > 0.0 { r_top * 1.05 } else { 1.0 };
    // Whole numbers on the paper's axes; as many decimals as other data need.
    let (dx, dy) = (
        decimals(if fig.log_t { 0.0 } else { t_max - t_min }, 10),
        decimals(r_top, 10),
    );
    let points =
        |c: &RtCurve| -> Vec<(f64, f64)> { c.t.iter().copied().zip(c.r.iter().copied()).collect() };
    macro_rules! main_panel {
        ($x:expr, $frame_x:expr) => {{
            let mut chart = ChartBuilder::on(area)
                .margin(style.px(12.0))
                .x_label_area_size(style.px(44.0))
                .y_label_area_size(style.px(64.0))
                .build_cartesian_2d($x, 0.0..r_top)?;
            let frame = Frame::of(&chart, $frame_x, [0.0, r_top]);
            chart
                .configure_mesh()
                .x_desc(if fig.log_t {
                    "T (K), logarithmic axis"
                } else {
                    "T (K)"
                })
                .y_desc("R_s (Ω/□)")
                .x_label_formatter(&|v| {
                    if dx > 0 {
                        format!("{v:.dx$}")
                    } else if *v >= 1.0 {
                        format!("{v:.0}")
                    } else {
                        format!("{v:.1}")
                    }
                })
                .y_label_formatter(&|v| format!("{v:.dy$}"))
                .house(style)
                .draw()?;
            for (i, c) in fig.curves.iter().enumerate() {
                let colour = COLOURS[i % COLOURS.len()];
                let pts = points(c).into_iter().filter(|p| p.0 >= t_min);
                if i % 2 == 0 {
                    chart.draw_series(LineSeries::new(pts, line(colour)))?;
                } else {
                    chart.draw_series(DashedLineSeries::new(pts, dash.0, dash.1, line(colour)))?;
                }
                if fig.inset_k.is_none() {
                    draw_marks(&mut chart, c, (t_min, t_max), style)?;
                }
            }
            frame
        }};
    }
    let frame = if fig.log_t {
        main_panel!((t_min..t_max).log_scale(), [t_min.log10(), t_max.log10()])
    } else {
        main_panel!(t_min..t_max, [t_min, t_max])
    };
    let mut entries: Vec<(&str, Sample)> = fig
        .curves
        .iter()
        .enumerate()
        .map(|(i, c)| (c.name, sample(i)))
        .collect();
    entries.extend([
        ("T_c onset (90 % R_N)", Sample::Triangle(okabe_ito::BLACK)),
        ("midpoint (50 % R_N)", Sample::Marker(okabe_ito::BLACK)),
        ("zero (1 % R_N)", Sample::Cross(okabe_ito::BLACK)),
    ]);
    let legend = draw_legend(area, &frame, Corner::UpperLeft, &entries, style)?;
    let Some(inset_k) = fig.inset_k else {
        area.present()?;
        return Ok(frame);
    };

    // Inset: the transition, where the curves never go. On the linear axis
    // that is the lower right, under the metallic rise (R stays below
    // 0.45 of the axis left of 170 K); on the logarithmic axis the top, right
    // of the legend (R stays near R_N below 40 K).
    let (fw, fh) = (frame.px[1] - frame.px[0], frame.py[1] - frame.py[0]);
    let gap = style.px(12.0) as i32;
    let (x0, y0, x1, y1) = if fig.log_t {
        let x0 = legend[1].0 + gap;
        (
            x0,
            frame.py[0] + gap / 2,
            (x0 + fw * 45 / 100).min(frame.px[1] - gap),
            frame.py[0] + fh * 48 / 100,
        )
    } else {
        (
            frame.px[0] + fw * 56 / 100,
            frame.py[1] - fh * 42 / 100,
            frame.px[1] - gap / 2,
            frame.py[1] - gap / 2,
        )
    };
    let inset = area.clone().shrink(
        (x0.max(0) as u32, y0.max(0) as u32),
        ((x1 - x0).max(40) as u32, (y1 - y0).max(40) as u32),
    );
    inset.fill(&WHITE)?;
    let inside = |c: &RtCurve| -> Vec<(f64, f64)> {
        points(c)
            .into_iter()
            .filter(|p| (inset_k.0..=inset_k.1).contains(&p.0))
            .collect()
    };
    let r_in = fig
        .curves
        .iter()
        .flat_map(|c| inside(c).into_iter().map(|p| p.1))
        .fold(0.0, f64::max);
    let r_in = if r_in > 0.0 { r_in * 1.08 } else { 1.0 };
    let (ix, iy) = (decimals(inset_k.1 - inset_k.0, 6).max(1), decimals(r_in, 4));
    let mut zoom = ChartBuilder::on(&inset)
        .margin(style.px(4.0))
        .x_label_area_size(style.px(32.0))
        .y_label_area_size(style.px(52.0))
        .build_cartesian_2d(inset_k.0..inset_k.1, 0.0..r_in)?;
    zoom.configure_mesh()
        .x_labels(6)
        .y_labels(4)
        .x_desc("T (K)")
        .y_desc("R_s (Ω/□)")
        .x_label_formatter(&|v| format!("{v:.ix$}"))
        .y_label_formatter(&|v| format!("{v:.iy$}"))
        .label_style(font(11.0))
        .axis_desc_style(font(11.0))
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID.stroke_width(style.px(1.0)))
        .axis_style(BLACK.stroke_width(style.px(1.0)))
        .draw()?;
    for (i, c) in fig.curves.iter().enumerate() {
        let colour = COLOURS[i % COLOURS.len()];
        if i % 2 == 0 {
            zoom.draw_series(LineSeries::new(inside(c), line(colour)))?;
        } else {
            zoom.draw_series(DashedLineSeries::new(
                inside(c),
                dash.0,
                dash.1,
                line(colour),
            ))?;
        }
        draw_marks(&mut zoom, c, inset_k, style)?;
    }
    area.present()?;
    Ok(frame)
}

/// T_c onset (triangle), midpoint (circle) and zero (cross) of curve `c` on
/// `chart`, those inside `within` (K).
fn draw_marks<DB, X>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<X, RangedCoordf64>>,
    c: &RtCurve,
    within: (f64, f64),
    style: &Style,
) -> Result<(), PlotError>
where
    DB: DrawingBackend,
    DB::ErrorType: 'static,
    X: Ranged<ValueType = f64>,
{
    let Some(tt) = c.transitions else {
        return Ok(());
    };
    let marker = style.px(4.0);
    let rn = tt.r_normal;
    let marks = [
        (Some(tt.onset), 0.9 * rn, 0),
        (tt.mid, 0.5 * rn, 1),
        (tt.zero, 0.0, 2),
    ];
    for (t, r, kind) in marks {
        let Some(t) = t.filter(|t| (within.0..=within.1).contains(t)) else {
            continue;
        };
        let s = ShapeStyle::from(&okabe_ito::BLACK).stroke_width(style.px(1.5));
        let el: DynElement<DB, (f64, f64)> = match kind {
            0 => TriangleMarker::new((t, r), marker + 1, s).into_dyn(),
            1 => Circle::new((t, r), marker, s).into_dyn(),
            _ => Cross::new((t, r), marker, s).into_dyn(),
        };
        chart.draw_series(std::iter::once(el))?;
    }
    Ok(())
}
