//! The Fig. 4 XMCD sketch: the dichroism follows P·cos φ and vanishes without a moment.
#![cfg(not(target_arch = "wasm32"))]

use ktao::physics::xmcd::{xmcd_schematic, DICHROISM_AT_FULL_POLARISATION, TA_N3_EDGE_EV};
use ktao::plot::{measure, render_svg, style::Style, xmcd::draw_xmcd};

fn peak(v: &[f64]) -> f64 {
    v.iter().copied().fold(f64::NEG_INFINITY, f64::max)
}

#[test]
fn dichroism_is_polarisation_times_projection_at_the_edge() {
    let s = xmcd_schematic(0.2, 45.0).unwrap();
    let expected = DICHROISM_AT_FULL_POLARISATION * 0.2 * 45f64.to_radians().cos();
    assert!((peak(&s.xmcd) - expected).abs() < 1e-12);
    let at = s.xmcd.iter().position(|&v| v == peak(&s.xmcd)).unwrap();
    assert!(
        (s.energy_ev[at] - TA_N3_EDGE_EV).abs() <= 0.1,
        "peak at {} eV",
        s.energy_ev[at]
    );
    for i in 0..s.xmcd.len() {
        assert!((s.mu_plus[i] - s.mu_minus[i] - s.xmcd[i]).abs() < 1e-12);
    }
}

#[test]
fn no_dichroism_without_polarisation_or_with_magnetisation_across_the_beam() {
    assert!(peak(&xmcd_schematic(0.0, 45.0).unwrap().xmcd).abs() < 1e-15);
    assert!(peak(&xmcd_schematic(0.5, 90.0).unwrap().xmcd).abs() < 1e-12);
    assert!(xmcd_schematic(1.5, 45.0)
        .unwrap_err()
        .to_string()
        .contains("polarisation must lie between 0 and 1"));
    assert!(xmcd_schematic(0.1, f64::NAN)
        .unwrap_err()
        .to_string()
        .contains("incidenceDeg"));
}

#[test]
fn sketch_draws_both_helicities_and_the_difference() {
    let s = xmcd_schematic(0.124, 45.0).unwrap();
    let svg = render_svg(800, 600, &measure::approximate, |a| {
        draw_xmcd(a, &s, &Style::default())
    })
    .unwrap();
    assert!(svg.contains("photon energy (eV)") && svg.contains("XMCD"));
    assert!(svg.contains("#D55E00") && svg.contains("#0072B2"));
}
