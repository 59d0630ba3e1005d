//! Fig. 1d: μ0H_c2(θ) with the 2D Tinkham and 3D GL fits, and an inset
//! around θ = 90° where the cusp decides between them.

use super::legend::{draw_legend, Corner, Sample};
use super::style::HouseMesh;
use super::style::{okabe_ito, Style, GRID};
use super::{linspace, Frame, PlotError};
use crate::physics::hc2_angle::{Hc2AngleData, Hc2AngleFits, Hc2AngleModel};
use plotters::coord::Shift;
use plotters::prelude::*;

/// What Fig. 1d shows: the measured points and both fits.
pub struct Hc2AngleFigure<'a> {
    /// (θ in degrees, μ0H_c2 in tesla) points.
    pub data: &'a Hc2AngleData,
    /// Both fits to those points.
    pub fits: &'a Hc2AngleFits,
}

/// Angles of the drawn curves: 0.25° steps, fine enough to show the cusp.
pub const CURVE_POINTS: usize = 721;

impl Hc2AngleFigure<'_> {
    /// One fitted curve over 0–180° as (θ in degrees, μ0H_c2 in tesla).
    pub fn curve(&self, model: Hc2AngleModel) -> Vec<(f64, f64)> {
        let fit = match model {
            Hc2AngleModel::Tinkham => &self.fits.tinkham,
            Hc2AngleModel::Gl3d => &self.fits.gl3d,
        };
        let p = fit.values();
        linspace(0.0, 180.0, CURVE_POINTS)
            .map(|t| (t, model.eval(t, p[0], p[1])))
            .collect()
    }
}

/// Draws Fig. 1d on `area`; returns the main panel's frame.
pub fn draw_hc2_angle<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    fig: &Hc2AngleFigure,
    style: &Style,
) -> Result<Frame, PlotError>
where
    DB::ErrorType: 'static,
{
    area.fill(&WHITE)?;
    let tinkham = fig.curve(Hc2AngleModel::Tinkham);
    let gl = fig.curve(Hc2AngleModel::Gl3d);
    let points: Vec<(f64, f64)> = fig
        .data
        .theta_deg
        .iter()
        .copied()
        .zip(fig.data.hc2.iter().copied())
        .collect();
    let top = points
        .iter()
        .chain(&tinkham)
        .map(|p| p.1)
        .fold(0.0, f64::max)
        * 1.08;
    let font = |px: f64| (style.font.as_str(), style.font_px(px));
    let line = |c: RGBColor| c.stroke_width(style.px(2.0));

    let mut chart = ChartBuilder::on(area)
        .margin(style.px(12.0))
        .x_label_area_size(style.px(44.0))
        .y_label_area_size(style.px(60.0))
        .build_cartesian_2d(0.0..180.0, 0.0..top)?;
    let frame = Frame::of(&chart, [0.0, 180.0], [0.0, top]);
    chart
        .configure_mesh()
        .x_desc("θ (deg), field angle from the sample normal")
        .y_desc("μ₀H_c2 (T)")
        .x_labels(7)
        .x_label_formatter(&|v| format!("{v:.0}"))
        .house(style)
        .draw()?;

    let dash = (style.px(7.0), style.px(5.0));
    chart.draw_series(LineSeries::new(
        tinkham.iter().copied(),
        line(okabe_ito::VERMILLION),
    ))?;
    chart.draw_series(DashedLineSeries::new(
        gl.iter().copied(),
        dash.0,
        dash.1,
        line(okabe_ito::BLUE),
    ))?;
    let r = style.px(3.5);
    let marker = okabe_ito::BLACK.stroke_width(style.px(1.5));
    chart.draw_series(points.iter().map(|&p| Circle::new(p, r, marker)))?;
    draw_legend(
        area,
        &frame,
        Corner::UpperRight,
        &[
            ("2D Tinkham", Sample::Line(okabe_ito::VERMILLION)),
            ("3D anisotropic GL", Sample::Dashed(okabe_ito::BLUE)),
            ("data", Sample::Marker(okabe_ito::BLACK)),
        ],
        style,
    )?;

    // Inset, top left where the curves are low: θ = 80°–100°.
    let (w, h) = area.dim_in_pixel();
    let inset = area.clone().shrink(
        (style.px(86.0), style.px(20.0)),
        (w * 36 / 100, h * 42 / 100),
    );
    inset.fill(&WHITE)?;
    let window = |p: &&(f64, f64)| (80.0..=100.0).contains(&p.0);
    let lo = points
        .iter()
        .chain(&tinkham)
        .filter(window)
        .map(|p| p.1)
        .fold(f64::INFINITY, f64::min);
    let lo = if lo.is_finite() { lo * 0.95 } else { 0.0 };
    let mut zoom = ChartBuilder::on(&inset)
        .margin(style.px(4.0))
        .x_label_area_size(style.px(22.0))
        .y_label_area_size(style.px(40.0))
        .build_cartesian_2d(80.0..100.0, lo..top)?;
    zoom.configure_mesh()
        .x_labels(5)
        .x_label_formatter(&|v| format!("{v:.0}"))
        .y_labels(4)
        .label_style(font(11.0))
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID.stroke_width(style.px(1.0)))
        .axis_style(BLACK.stroke_width(style.px(1.0)))
        .draw()?;
    let inside = |c: &Vec<(f64, f64)>| -> Vec<(f64, f64)> {
        c.iter()
            .copied()
            .filter(|p| (80.0..=100.0).contains(&p.0))
            .collect()
    };
    zoom.draw_series(LineSeries::new(
        inside(&tinkham),
        line(okabe_ito::VERMILLION),
    ))?;
    zoom.draw_series(DashedLineSeries::new(
        inside(&gl),
        dash.0,
        dash.1,
        line(okabe_ito::BLUE),
    ))?;
    zoom.draw_series(
        points
            .iter()
            .filter(|p| (80.0..=100.0).contains(&p.0))
            .map(|&p| Circle::new(p, r, marker)),
    )?;
    area.present()?;
    Ok(frame)
}
