//! Figures drawn natively to SVG and checked for what a reader must see.
#![cfg(not(target_arch = "wasm32"))]

use ktao::physics::hc2_angle::{
    fig1d_data, fit_hc2_angle, FIG1D_H_PAR_T, FIG1D_H_PERP_T, FIG1D_SEED,
};
use ktao::plot::hc2_angle::{draw_hc2_angle, Hc2AngleFigure};
use ktao::plot::{measure, render_svg, style::Style};

#[test]
fn fig1d_svg_has_axes_with_units_both_fits_and_every_point() {
    let data = fig1d_data(FIG1D_H_PERP_T, FIG1D_H_PAR_T, 0.02, FIG1D_SEED).unwrap();
    let fits = fit_hc2_angle(&data.theta_deg, &data.hc2, None).unwrap();
    let fig = Hc2AngleFigure {
        data: &data,
        fits: &fits,
    };
    let svg = render_svg(800, 500, &measure::approximate, |a| {
        draw_hc2_angle(a, &fig, &Style::default())
    })
    .unwrap();
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("μ₀H_c2 (T)") && svg.contains("θ (deg)"));
    assert!(svg.contains("2D Tinkham") && svg.contains("3D anisotropic GL"));
    // Tinkham in Okabe–Ito vermillion, GL in blue.
    assert!(svg.contains("#D55E00") && svg.contains("#0072B2"));
    // Every point in the main panel, the 21 points of 80–100° again in the inset, one legend marker.
    let inset = data
        .theta_deg
        .iter()
        .filter(|t| (80.0..=100.0).contains(*t))
        .count();
    assert_eq!(
        svg.matches("<circle").count(),
        data.theta_deg.len() + inset + 1
    );
}

#[test]
fn strokes_and_fonts_scale_with_the_device_pixel_ratio() {
    let data = fig1d_data(FIG1D_H_PERP_T, FIG1D_H_PAR_T, 0.02, FIG1D_SEED).unwrap();
    let fits = fit_hc2_angle(&data.theta_deg, &data.hc2, None).unwrap();
    let fig = Hc2AngleFigure {
        data: &data,
        fits: &fits,
    };
    let at = |s: f64| {
        render_svg(1600, 1000, &measure::approximate, |a| {
            draw_hc2_angle(a, &fig, &Style::with_scale(s))
        })
        .unwrap()
    };
    assert!(at(1.0).contains("stroke-width=\"2\""));
    assert!(at(2.0).contains("stroke-width=\"4\""));
}
