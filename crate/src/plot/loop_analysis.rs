//! A measured m–H loop as `processLoop` sees it (the page analyze.html), in
//! the house style of Fig. 2: either the loop as measured with the fitted
//! high-field background m = M0 + χ(H − H0) ± M_s over the shaded
//! saturation windows, or the loop corrected (centred, background
//! subtracted) with ±M_s and a second axis in μ_B per interface unit cell.

use super::data_preview::tick;
use super::legend::{draw_legend, Corner, Sample};
use super::style::{okabe_ito, HouseMesh, Style};
use super::times_ten;
use super::{decade, power_of_ten};
use super::{decimals, Frame, PlotError};
use crate::analysis::loops::LoopAnalysis;
use crate::physics::constants::KTAO3_LATTICE_A;
use crate::physics::loop_processing::moment_per_cell;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

/// What the figure shows.
pub struct LoopAnalysisFigure<'a> {
    /// The loop and its report.
    pub analysis: &'a LoopAnalysis,
    /// Corrected (true) or as measured with the background (false).
    pub corrected: bool,
    /// Sample area for the μ_B axis, mm².
    pub area_mm2: f64,
}

/// Markers on at most this many points of the loop.
const MARKERS: usize = 60;

impl LoopAnalysisFigure<'_> {
    /// The points drawn, (H in Oe, m in emu), in sweep order.
    pub fn points(&self) -> Vec<(f64, f64)> {
        let (h, m) = if self.corrected {
            (
                &self.analysis.report.h_centered,
                &self.analysis.report.m_corrected,
            )
        } else {
            (&self.analysis.h_oe, &self.analysis.m_emu)
        };
        h.iter().copied().zip(m.iter().copied()).collect()
    }
}

/// Draws the loop on `area`; returns the frame (y in emu).
pub fn draw_loop_analysis<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    fig: &LoopAnalysisFigure,
    style: &Style,
) -> Result<Frame, PlotError>
where
    DB::ErrorType: 'static,
{
    area.fill(&WHITE)?;
    let rep = &fig.analysis.report;
    let pts = fig.points();
    let (h0, m0) = if fig.corrected {
        (0.0, 0.0)
    } else {
        (rep.offset_h, rep.offset_m)
    };
    let (hl, hh) = pts.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |a, p| {
        (a.0.min(p.0), a.1.max(p.0))
    });
    let (ml, mh) = pts.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |a, p| {
        (a.0.min(p.1), a.1.max(p.1))
    });
    let (ml, mh) = if fig.corrected {
        (ml.min(-rep.ms), mh.max(rep.ms))
    } else {
        (ml, mh)
    };
    let pad_h = 0.04 * (hh - hl).max(1e-9);
    let pad_m = 0.08 * (mh - ml).max(f64::MIN_POSITIVE);
    let (x0, x1) = (hl - pad_h, hh + pad_h);
    let e = decade(ml.abs().max(mh.abs()));
    let unit = 10f64.powi(e);
    let (y0, y1) = ((ml - pad_m) / unit, (mh + pad_m) / unit);
    let per_cell = moment_per_cell(unit, fig.area_mm2, KTAO3_LATTICE_A).unwrap_or(f64::NAN);
    let secondary = fig.corrected && per_cell.is_finite();
    let mut builder = ChartBuilder::on(area);
    builder
        .margin(style.px(12.0))
        .x_label_area_size(style.px(44.0))
        .y_label_area_size(style.px(64.0));
    if secondary {
        builder.right_y_label_area_size(style.px(64.0));
    }
    let mut chart = builder
        .build_cartesian_2d(x0..x1, y0..y1)?
        .set_secondary_coord(x0..x1, y0 * per_cell..y1 * per_cell);
    let frame = Frame::of(&chart, [x0, x1], [y0 * unit, y1 * unit]);
    let dh = decimals(x1 - x0, 8);
    let x_desc = if fig.corrected {
        "H − H₀ (Oe)"
    } else {
        "H (Oe)"
    };
    let y_desc = if fig.corrected {
        format!("m − M₀ − χ(H − H₀) ({} emu)", power_of_ten(e))
    } else {
        format!("m ({} emu)", power_of_ten(e))
    };
    chart
        .configure_mesh()
        .x_desc(x_desc)
        .y_desc(y_desc)
        .x_label_formatter(&|v| format!("{v:.dh$}"))
        .house(style)
        .draw()?;
    if secondary {
        chart
            .configure_secondary_axes()
            .y_desc("μ_B per interface unit cell")
            .y_label_formatter(&tick)
            .house(style)
            .draw()?;
    }
    // The saturation windows |H − H0| ≥ hSat, where the slope is fitted.
    let shade = okabe_ito::SKY_BLUE.mix(0.18).filled();
    let (w_lo, w_hi) = (h0 - rep.h_sat_oe, h0 + rep.h_sat_oe);
    for (a, b) in [(x0, w_lo), (w_hi, x1)] {
        if b > a {
            chart.draw_series(std::iter::once(Rectangle::new([(a, y0), (b, y1)], shade)))?;
        }
    }
    let axis = BLACK.mix(0.4).stroke_width(style.px(1.0));
    chart.draw_series(LineSeries::new([(x0, 0.0), (x1, 0.0)], axis))?;
    chart.draw_series(LineSeries::new([(h0, y0), (h0, y1)], axis))?;
    let data = okabe_ito::BLUE;
    let scaled: Vec<(f64, f64)> = pts.iter().map(|&(h, m)| (h, m / unit)).collect();
    chart.draw_series(LineSeries::new(
        scaled.iter().copied(),
        data.stroke_width(style.px(1.5)),
    ))?;
    let stride = (scaled.len() / MARKERS).max(1);
    let r = style.px(3.0);
    chart.draw_series(
        scaled
            .iter()
            .step_by(stride)
            .map(|&p| Circle::new(p, r, data.stroke_width(style.px(1.2)))),
    )?;
    // The fitted background (raw) or ±M_s (corrected), over the windows.
    let fit = okabe_ito::VERMILLION.stroke_width(style.px(2.0));
    let dash = (style.px(7.0), style.px(5.0));
    let slope = if fig.corrected { 0.0 } else { rep.slope };
    let line = |from: f64, to: f64, level: f64| {
        let y = |h: f64| (m0 + slope * (h - h0) + level) / unit;
        DashedPathElement::new(vec![(from, y(from)), (to, y(to))], dash.0, dash.1, fit)
    };
    chart.draw_series([
        line(w_hi.min(x1), x1, rep.ms),
        line(x0, w_lo.max(x0), -rep.ms),
    ])?;
    let fit_label = if fig.corrected {
        format!("±M_s = ±{} emu", times_ten(rep.ms))
    } else {
        format!("background: χ = {} emu/Oe", times_ten(rep.slope))
    };
    let window_label = format!("fitted where |H − H₀| ≥ {:.0} Oe", rep.h_sat_oe);
    let data_label = if fig.corrected {
        "corrected loop"
    } else {
        "measured loop"
    };
    draw_legend(
        area,
        &frame,
        Corner::LowerRight,
        &[
            (data_label, Sample::Marker(data)),
            (fit_label.as_str(), Sample::Dashed(okabe_ito::VERMILLION)),
            (window_label.as_str(), Sample::Band(okabe_ito::SKY_BLUE)),
        ],
        style,
    )?;
    area.present()?;
    Ok(frame)
}
