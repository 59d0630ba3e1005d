//! Fig. 2: in-plane m–H loops at several temperatures of (a) LaAlO₃/KTaO₃
//! and (b) YAlO₃/KTaO₃, raw (with the substrate's diamagnetism) or corrected,
//! with a second axis in μ_B per interface unit cell on corrected loops. Both
//! panels share their axes, so the two samples compare at a glance.

use super::legend::{draw_curve, draw_legend, Corner, CurveStyle, Sample};
use super::magnet_panels::{moment_panel, panel_title, side_by_side, MomentAxes, MomentAxis};
use super::style::Style;
use super::{decade, times_ten, Frame, PlotError};
use crate::physics::magnet::figures::{LoopPanel, MagnetLoops};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Markers every this many points of a loop (16 per 400-point loop).
const MARKER_STRIDE: usize = 25;

impl LoopPanel {
    /// The loops as drawn, (H in Oe, m in emu) for each temperature:
    /// centred and slope-corrected when `corrected`, as measured otherwise.
    pub fn shown(&self, corrected: bool) -> impl Iterator<Item = (&[f64], &[f64])> + '_ {
        self.loops.iter().map(move |l| {
            if corrected {
                (&l.report.h_centered[..], &l.report.m_corrected[..])
            } else {
                (&l.sweep.h[..], &l.sweep.m[..])
            }
        })
    }
}

/// Draws Fig. 2 on `area`; returns the frame of each panel (H in Oe, m in
/// units of 10^e emu, e from [`MagnetLoops::moment_axis`]).
pub fn draw_magnet_loops<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    fig: &MagnetLoops,
    style: &Style,
) -> Result<Vec<Frame>, PlotError>
where
    DB::ErrorType: 'static,
{
    area.fill(&WHITE)?;
    let h_max = fig
        .panels
        .iter()
        .flat_map(|p| p.shown(fig.corrected))
        .flat_map(|(h, _)| h)
        .fold(0.0f64, |a, v| a.max(v.abs()))
        .max(1.0);
    let y = fig.moment_axis();
    let (unit, top) = (10f64.powi(y.exponent), y.hi);
    let x = [-1.05 * h_max, 1.05 * h_max];
    let mut frames = Vec::new();
    let areas = side_by_side(area, fig.panels.len());
    for (i, (panel, this)) in fig.panels.iter().zip(&areas).enumerate() {
        let title = panel_title(i, &panel.sample, &fig.sample);
        let axes = MomentAxes {
            title: &title,
            x,
            x_desc: "H∥ (Oe)",
            y,
            what: if fig.corrected { "corrected" } else { "raw" },
            area_mm2: fig.corrected.then_some(fig.area_mm2),
        };
        let (mut chart, frame) = moment_panel(this, &axes, style)?;
        let axis = BLACK.mix(0.5).stroke_width(style.px(1.0));
        chart.draw_series(LineSeries::new([(x[0], 0.0), (x[1], 0.0)], axis))?;
        chart.draw_series(LineSeries::new([(0.0, -top), (0.0, top)], axis))?;
        let mut labels = Vec::new();
        for (k, (l, (h, m))) in panel
            .loops
            .iter()
            .zip(panel.shown(fig.corrected))
            .enumerate()
        {
            let pts: Vec<(f64, f64)> = h.iter().zip(m).map(|(&h, &m)| (h, m / unit)).collect();
            draw_curve(&mut chart, &pts, CurveStyle::nth(k), MARKER_STRIDE, style)?;
            labels.push((format!("{} K", l.temperature_k), CurveStyle::nth(k)));
        }
        let entries: Vec<(&str, Sample)> = labels
            .iter()
            .map(|(t, cs)| (t.as_str(), Sample::Curve(*cs)))
            .collect();
        let corner = if fig.corrected {
            Corner::LowerRight
        } else {
            Corner::UpperRight
        };
        draw_legend(area, &frame, corner, &entries, style)?;
        // What correction removed: the substrate's fitted slope at the
        // lowest temperature, in the corner opposite the legend.
        if let (true, Some(first)) = (fig.corrected, panel.loops.first()) {
            let text = format!("χ = {} emu/Oe subtracted", times_ten(first.report.slope));
            let font = (style.font.as_str(), style.font_px(12.0)).into_font();
            let inset = style.px(8.0) as i32;
            area.draw(&Text::new(
                text,
                (frame.px[0] + inset, frame.py[0] + inset),
                font,
            ))?;
        }
        frames.push(frame);
    }
    area.present()?;
    Ok(frames)
}

impl MagnetLoops {
    /// The shared moment axis of both panels, symmetric about zero: the
    /// largest |m| shown with 15 % of headroom, in the power of ten below it.
    pub fn moment_axis(&self) -> MomentAxis {
        let m_max = self
            .panels
            .iter()
            .flat_map(|p| p.shown(self.corrected))
            .flat_map(|(_, m)| m)
            .fold(0.0f64, |a, v| a.max(v.abs()));
        let exponent = decade(m_max);
        let top = if m_max > 0.0 {
            1.15 * m_max / 10f64.powi(exponent)
        } else {
            1.0
        };
        MomentAxis {
            exponent,
            lo: -top,
            hi: top,
        }
    }
}
