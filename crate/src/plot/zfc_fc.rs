//! Fig. S5: ZFC and FC moment against temperature at a small in-plane
//! field of (a) LaAlO₃/KTaO₃ and (b) YAlO₃/KTaO₃, with the bifurcation
//! (irreversibility) temperature marked. Both panels share their axes.

use super::legend::{draw_curve, draw_legend, Corner, CurveStyle, Marker, Sample};
use super::magnet_panels::{moment_panel, panel_title, side_by_side, MomentAxes, MomentAxis};
use super::style::{okabe_ito, Style};
use super::{decade, Frame, PlotError};
use crate::physics::magnet::figures::ZfcFcFigure;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

/// Markers every this many temperature points (15 per 150-point curve).
const MARKER_STRIDE: usize = 10;

const ZFC: CurveStyle = CurveStyle {
    color: okabe_ito::BLUE,
    dashed: false,
    marker: Marker::Circle,
};
const FC: CurveStyle = CurveStyle {
    color: okabe_ito::VERMILLION,
    dashed: true,
    marker: Marker::Square,
};

/// Draws Fig. S5 on `area`; returns the frame of each panel (T in K, m in
/// units of 10^e emu, e from [`ZfcFcFigure::moment_axis`]).
pub fn draw_zfc_fc<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    fig: &ZfcFcFigure,
    style: &Style,
) -> Result<Vec<Frame>, PlotError>
where
    DB::ErrorType: 'static,
{
    area.fill(&WHITE)?;
    let curves = || fig.panels.iter().map(|p| &p.curves);
    let t_lo = curves()
        .filter_map(|c| c.temperature.first().copied())
        .fold(f64::INFINITY, f64::min);
    let t_lo = if t_lo.is_finite() { t_lo } else { 0.0 };
    let t_hi = curves()
        .filter_map(|c| c.temperature.last().copied())
        .fold(t_lo + 1e-9, f64::max);
    let y = fig.moment_axis();
    let (unit, y0, y1) = (10f64.powi(y.exponent), y.lo, y.hi);
    let field = fig.panels.first().map_or(0.0, |p| p.curves.field_oe);
    let x_desc = format!("T (K), in {field} Oe ∥ plane");
    let mut frames = Vec::new();
    let areas = side_by_side(area, fig.panels.len());
    for (i, (panel, this)) in fig.panels.iter().zip(&areas).enumerate() {
        let c = &panel.curves;
        let title = panel_title(i, &panel.sample, &fig.sample);
        let axes = MomentAxes {
            title: &title,
            x: [t_lo, t_hi],
            x_desc: &x_desc,
            y,
            what: if fig.corrected {
                "substrate subtracted"
            } else {
                "raw"
            },
            area_mm2: fig.corrected.then_some(fig.area_mm2),
        };
        let (mut chart, frame) = moment_panel(this, &axes, style)?;
        let pts = |m: &[f64]| -> Vec<(f64, f64)> {
            c.temperature
                .iter()
                .zip(m)
                .map(|(&t, &v)| (t, v / unit))
                .collect()
        };
        draw_curve(&mut chart, &pts(&c.fc), FC, MARKER_STRIDE, style)?;
        draw_curve(&mut chart, &pts(&c.zfc), ZFC, MARKER_STRIDE, style)?;
        // The bifurcation: a dashed vertical line, or the top of the range
        // when the curves are still apart there.
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
        let text = (style.font.as_str(), style.font_px(13.0))
            .into_font()
            .color(&BLACK);
        let (tw, _) = area.estimate_text_size(&label, &text).unwrap_or((0, 0));
        let (px, py) = chart.backend_coord(&(t_mark, y1));
        let (bx, by) = area.get_base_pixel();
        let (px, py) = (px - bx, py - by);
        let gap = style.px(6.0) as i32;
        let x = if right {
            px - gap - tw as i32
        } else {
            px + gap
        };
        area.draw(&Text::new(label, (x, py + gap), text))?;
        draw_legend(
            area,
            &frame,
            Corner::MiddleRight,
            &[("FC", Sample::Curve(FC)), ("ZFC", Sample::Curve(ZFC))],
            style,
        )?;
        frames.push(frame);
    }
    area.present()?;
    Ok(frames)
}

impl ZfcFcFigure {
    /// The shared moment axis of both panels: every curve with 8 % of
    /// padding, down to zero when corrected (so the split reads as a
    /// fraction), in the power of ten below the largest |m|.
    pub fn moment_axis(&self) -> MomentAxis {
        let all = self
            .panels
            .iter()
            .flat_map(|p| p.curves.zfc.iter().chain(&p.curves.fc).copied());
        let (lo, hi) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(v), b.max(v))
        });
        let (lo, hi) = if lo.is_finite() && hi > lo {
            (lo, hi)
        } else {
            (lo.min(0.0) - 1.0, hi.max(0.0) + 1.0)
        };
        let lo = if self.corrected { lo.min(0.0) } else { lo };
        let exponent = decade(lo.abs().max(hi.abs()));
        let unit = 10f64.powi(exponent);
        let pad = 0.08 * (hi - lo);
        MomentAxis {
            exponent,
            lo: (lo - pad) / unit,
            hi: (hi + pad) / unit,
        }
    }
}
