//! Fig. 1b: R_s(T) of both samples from 300 K down, on a linear or
//! logarithmic temperature axis, with an inset of 1.5–2.6 K where T_c
//! onset, midpoint and zero are marked.

use super::style::{okabe_ito, Style, GRID};
use super::PlotError;
use crate::physics::resistive::TransitionTemperatures;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

/// One sample's curve.
pub struct RtCurve<'a> {
    /// Legend name ("LAO/KTO").
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
}

/// Window of the inset, K.
pub const INSET_K: (f64, f64) = (1.5, 2.6);

const COLOURS: [RGBColor; 3] = [okabe_ito::VERMILLION, okabe_ito::BLUE, okabe_ito::GREEN];

/// Draws Fig. 1b on `area`.
pub fn draw_rt<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    fig: &RtFigure,
    style: &Style,
) -> Result<(), PlotError>
where
    DB::ErrorType: 'static,
{
    area.fill(&WHITE)?;
    let font = |px: f64| (style.font.as_str(), style.font_px(px));
    let line = |c: RGBColor| c.stroke_width(style.px(2.0));
    let dash = (style.px(7.0), style.px(5.0));
    let t_max = fig
        .curves
        .iter()
        .filter_map(|c| c.t.last().copied())
        .fold(3.0, f64::max);
    let t_min = fig
        .curves
        .iter()
        .filter_map(|c| c.t.first().copied())
        .fold(t_max, f64::min);
    let r_top = fig
        .curves
        .iter()
        .flat_map(|c| c.r.iter().copied())
        .fold(1.0, f64::max)
        * 1.05;
    let points =
        |c: &RtCurve| -> Vec<(f64, f64)> { c.t.iter().copied().zip(c.r.iter().copied()).collect() };
    let legend = |i: usize| {
        let c = COLOURS[i % COLOURS.len()];
        move |(x, y): (i32, i32)| -> DynElement<'static, DB, (i32, i32)> {
            if i % 2 == 0 {
                PathElement::new(vec![(x, y), (x + 24, y)], c.stroke_width(2)).into_dyn()
            } else {
                DashedPathElement::new(vec![(x, y), (x + 24, y)], 7, 5, c.stroke_width(2))
                    .into_dyn()
            }
        }
    };
    macro_rules! main_panel {
        ($x:expr) => {{
            let mut chart = ChartBuilder::on(area)
                .margin(style.px(12.0))
                .x_label_area_size(style.px(44.0))
                .y_label_area_size(style.px(64.0))
                .build_cartesian_2d($x, 0.0..r_top)?;
            chart
                .configure_mesh()
                .x_desc("T (K)")
                .y_desc("R_s (Ω/□)")
                .label_style(font(13.0))
                .axis_desc_style(font(14.0))
                .light_line_style(TRANSPARENT)
                .bold_line_style(GRID.stroke_width(style.px(1.0)))
                .axis_style(BLACK.stroke_width(style.px(1.0)))
                .draw()?;
            for (i, c) in fig.curves.iter().enumerate() {
                let colour = COLOURS[i % COLOURS.len()];
                let pts = points(c);
                if i % 2 == 0 {
                    chart
                        .draw_series(LineSeries::new(pts, line(colour)))?
                        .label(c.name)
                        .legend(legend(i));
                } else {
                    chart
                        .draw_series(DashedLineSeries::new(pts, dash.0, dash.1, line(colour)))?
                        .label(c.name)
                        .legend(legend(i));
                }
            }
            chart
                .configure_series_labels()
                .position(SeriesLabelPosition::UpperLeft)
                .label_font(font(13.0))
                .background_style(WHITE.mix(0.9))
                .border_style(BLACK.stroke_width(style.px(1.0)))
                .draw()?;
        }};
    }
    if fig.log_t {
        main_panel!((t_min.max(0.1)..t_max).log_scale());
    } else {
        main_panel!(0.0..t_max);
    }

    // Inset, top middle beside the legend, where the curves never go (they
    // stay near R_N below 40 K on the log axis and below R(185 K) on the
    // linear one): the transition.
    let (w, h) = area.dim_in_pixel();
    let inset = area
        .clone()
        .shrink((w * 25 / 100, h * 6 / 100), (w * 37 / 100, h * 44 / 100));
    inset.fill(&WHITE)?;
    let inside = |c: &RtCurve| -> Vec<(f64, f64)> {
        points(c)
            .into_iter()
            .filter(|p| (INSET_K.0..=INSET_K.1).contains(&p.0))
            .collect()
    };
    let r_in = fig
        .curves
        .iter()
        .flat_map(|c| inside(c).into_iter().map(|p| p.1))
        .fold(1.0, f64::max)
        * 1.08;
    let mut zoom = ChartBuilder::on(&inset)
        .margin(style.px(4.0))
        .x_label_area_size(style.px(22.0))
        .y_label_area_size(style.px(44.0))
        .build_cartesian_2d(INSET_K.0..INSET_K.1, 0.0..r_in)?;
    zoom.configure_mesh()
        .x_labels(6)
        .y_labels(4)
        .label_style(font(11.0))
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID.stroke_width(style.px(1.0)))
        .axis_style(BLACK.stroke_width(style.px(1.0)))
        .draw()?;
    let marker = style.px(4.0);
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
        // T_c onset (triangle), midpoint (circle), zero (square) on the curve.
        if let Some(tt) = c.transitions {
            let rn = tt.r_normal;
            let marks = [
                (Some(tt.onset), 0.9 * rn, 0),
                (tt.mid, 0.5 * rn, 1),
                (tt.zero, 0.0, 2),
            ];
            for (t, r, kind) in marks {
                let Some(t) = t.filter(|t| (INSET_K.0..=INSET_K.1).contains(t)) else {
                    continue;
                };
                let s = ShapeStyle::from(&okabe_ito::BLACK).stroke_width(style.px(1.5));
                let el: DynElement<DB, (f64, f64)> = match kind {
                    0 => TriangleMarker::new((t, r), marker + 1, s).into_dyn(),
                    1 => Circle::new((t, r), marker, s).into_dyn(),
                    _ => Cross::new((t, r), marker, s).into_dyn(),
                };
                zoom.draw_series(std::iter::once(el))?;
            }
        }
    }
    area.present()?;
    Ok(())
}
