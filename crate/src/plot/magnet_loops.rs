//! Fig. 2: in-plane m–H loops at several temperatures, raw (with the
//! substrate's diamagnetism) or corrected, with a second axis in μ_B per
//! interface unit cell.

use super::series::{caption, decade, draw_curve, draw_legend, power_of_ten, Corner, CurveStyle};
use super::style::HouseMesh;
use super::style::Style;
use super::PlotError;
use crate::physics::constants::KTAO3_LATTICE_A;
use crate::physics::loop_processing::moment_per_cell;
use crate::physics::magnet::figures::MagnetLoops;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Markers every this many points of a loop (16 per 400-point loop).
const MARKER_STRIDE: usize = 25;

/// The full name of a sample for captions.
pub fn sample_name(sample: &str) -> &'static str {
    match sample {
        "LAO/KTO" => "LaAlO₃/KTaO₃(111)",
        "YAO/KTO" => "YAlO₃/KTaO₃(111)",
        _ => "sample",
    }
}

impl MagnetLoops {
    /// The curves as drawn, (H in Oe, m in emu), one per temperature.
    pub fn curves(&self) -> Vec<Vec<(f64, f64)>> {
        self.loops
            .iter()
            .map(|l| {
                if self.corrected {
                    l.report
                        .h_centered
                        .iter()
                        .copied()
                        .zip(l.report.m_corrected.iter().copied())
                        .collect()
                } else {
                    l.sweep
                        .h
                        .iter()
                        .copied()
                        .zip(l.sweep.m.iter().copied())
                        .collect()
                }
            })
            .collect()
    }
}

/// Draws Fig. 2 on `area`.
pub fn draw_magnet_loops<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    fig: &MagnetLoops,
    style: &Style,
) -> Result<(), PlotError>
where
    DB::ErrorType: 'static,
{
    area.fill(&WHITE)?;
    let curves = fig.curves();
    let h_max = curves
        .iter()
        .flatten()
        .fold(0.0f64, |a, p| a.max(p.0.abs()))
        .max(1.0);
    let m_max = curves
        .iter()
        .flatten()
        .fold(0.0f64, |a, p| a.max(p.1.abs()));
    let e = decade(m_max);
    let unit = 10f64.powi(e);
    let top = if m_max > 0.0 {
        1.15 * m_max / unit
    } else {
        1.0
    };
    let what = if fig.corrected {
        "corrected for the substrate's diamagnetism"
    } else {
        "raw, with the substrate's diamagnetism"
    };
    caption(
        area,
        &format!("{}, H ∥ plane: {what}", sample_name(&fig.sample)),
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
        .build_cartesian_2d(-1.05 * h_max..1.05 * h_max, -top..top)?
        .set_secondary_coord(-1.05 * h_max..1.05 * h_max, -top * per_cell..top * per_cell);
    chart
        .configure_mesh()
        .x_desc("H (Oe), in the film plane")
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
    let axis = BLACK.mix(0.5).stroke_width(style.px(1.0));
    chart.draw_series(LineSeries::new(
        [(-1.05 * h_max, 0.0), (1.05 * h_max, 0.0)],
        axis,
    ))?;
    chart.draw_series(LineSeries::new([(0.0, -top), (0.0, top)], axis))?;
    let mut legend = Vec::new();
    for (i, (l, c)) in fig.loops.iter().zip(&curves).enumerate() {
        let pts: Vec<(f64, f64)> = c.iter().map(|&(h, m)| (h, m / unit)).collect();
        draw_curve(&mut chart, &pts, CurveStyle::nth(i), MARKER_STRIDE, style)?;
        legend.push((CurveStyle::nth(i), format!("{} K", l.temperature_k)));
    }
    let corner = if fig.corrected {
        Corner::LowerRight
    } else {
        Corner::UpperRight
    };
    draw_legend(&chart, &legend, corner, style)?;
    area.present()?;
    Ok(())
}
