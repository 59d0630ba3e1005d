//! Fig. S3: μ0H_c2∥(T) and μ0H_c2⟂(T) with the joint GL fit, the Pauli
//! limit, and the fitted ξ_GL, d_sc and H_c2∥/H_P in the legend.

use super::legend::{draw_legend, Corner, Sample, DOTS};
use super::style::HouseMesh;
use super::style::{okabe_ito, Style};
use super::{linspace, Frame, PlotError};
use crate::fit::FitReport;
use crate::physics::gl_hc2::{hc2_par, hc2_perp, GlHc2Data};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

/// What Fig. S3 shows.
pub struct GlHc2Figure<'a> {
    /// The measured points.
    pub data: &'a GlHc2Data,
    /// The joint fit (params `tc`, `xiNm`, `dNm`).
    pub fit: &'a FitReport,
    /// The Pauli limit μ0H_P, T.
    pub pauli_t: f64,
}

impl GlHc2Figure<'_> {
    /// (T_c, ξ, d) of the fit.
    fn params(&self) -> (f64, f64, f64) {
        let v = self.fit.values();
        (v[0], v[1], v[2])
    }
    /// Both fitted curves from 0 K to T_c: (T, H⟂, H∥).
    pub fn curves(&self) -> Vec<(f64, f64, f64)> {
        let (tc, xi, d) = self.params();
        linspace(0.0, tc.max(0.0), 201)
            .map(|t| (t, hc2_perp(t, tc, xi), hc2_par(t, tc, xi, d)))
            .collect()
    }
    /// H_c2∥ extrapolated to 0 K over the Pauli limit.
    pub fn pauli_ratio(&self) -> f64 {
        let (tc, xi, d) = self.params();
        hc2_par(0.0, tc, xi, d) / self.pauli_t
    }
}

/// Draws Fig. S3 on `area`; returns the plot's frame.
pub fn draw_gl_hc2<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    fig: &GlHc2Figure,
    style: &Style,
) -> Result<Frame, PlotError>
where
    DB::ErrorType: 'static,
{
    area.fill(&WHITE)?;
    let (tc, xi, d) = fig.params();
    let curves = fig.curves();
    let d_ = &fig.data;
    let t_top = d_
        .t_perp
        .iter()
        .chain(&d_.t_par)
        .copied()
        .fold(tc, f64::max)
        * 1.08;
    let h_top = d_
        .h_par
        .iter()
        .chain(&d_.h_perp)
        .copied()
        .chain(curves.iter().map(|c| c.2))
        .fold(fig.pauli_t, f64::max)
        * 1.12;
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(12.0))
        .x_label_area_size(style.px(44.0))
        .y_label_area_size(style.px(56.0))
        .build_cartesian_2d(0.0..t_top, 0.0..h_top)?;
    let frame = Frame::of(&chart, [0.0, t_top], [0.0, h_top]);
    chart
        .configure_mesh()
        .x_desc("T (K)")
        .y_desc("μ₀H_c2 (T)")
        .house(style)
        .draw()?;
    let line = |c: RGBColor| c.stroke_width(style.px(2.0));
    let dash = (style.px(7.0), style.px(5.0));
    let r = style.px(3.5);
    let (par, perp) = (okabe_ito::VERMILLION, okabe_ito::BLUE);
    let mpar = par.stroke_width(style.px(1.5));
    let mperp = perp.stroke_width(style.px(1.5));
    chart.draw_series(LineSeries::new(
        curves.iter().map(|c| (c.0, c.2)),
        line(par),
    ))?;
    chart.draw_series(
        d_.t_par
            .iter()
            .zip(&d_.h_par)
            .map(|(&t, &h)| Circle::new((t, h), r, mpar)),
    )?;
    chart.draw_series(DashedLineSeries::new(
        curves.iter().map(|c| (c.0, c.1)),
        dash.0,
        dash.1,
        line(perp),
    ))?;
    chart.draw_series(d_.t_perp.iter().zip(&d_.h_perp).map(|(&t, &h)| {
        let s = r as i32;
        EmptyElement::at((t, h)) + Rectangle::new([(-s, -s), (s, s)], mperp)
    }))?;
    let pauli = okabe_ito::BLACK.stroke_width(style.px(1.5));
    let dot = (style.px(DOTS.0), style.px(DOTS.1));
    chart.draw_series(std::iter::once(DashedPathElement::new(
        vec![(0.0, fig.pauli_t), (t_top, fig.pauli_t)],
        dot.0,
        dot.1,
        pauli,
    )))?;
    let labels = [
        format!("H∥ GL fit: d_sc = {d:.2} nm"),
        "H∥ data".to_string(),
        format!("H⟂ GL fit: ξ_GL = {xi:.1} nm, T_c = {tc:.3} K"),
        "H⟂ data".to_string(),
        format!(
            "Pauli limit {:.2} T; H∥(0)/H_P = {:.2}",
            fig.pauli_t,
            fig.pauli_ratio()
        ),
    ];
    let samples = [
        Sample::Line(par),
        Sample::Marker(par),
        Sample::Dashed(perp),
        Sample::Square(perp),
        Sample::Dotted(okabe_ito::BLACK),
    ];
    let entries: Vec<(&str, Sample)> = labels.iter().map(String::as_str).zip(samples).collect();
    draw_legend(area, &frame, Corner::UpperRight, &entries, style)?;
    area.present()?;
    Ok(frame)
}
