//! Fig. 2 and Fig. S5 drawn natively to SVG and checked for what a reader
//! must see: axes with units, a legend entry per curve, distinct styles, the
//! μ_B axis, and the bifurcation mark.
#![cfg(not(target_arch = "wasm32"))]

use ktao::physics::magnet::figures::{
    magnet_loops, zfc_fc_figure, MagnetLoopsState, TemperatureSet, ZfcFcState,
};
use ktao::plot::magnet_loops::draw_magnet_loops;
use ktao::plot::zfc_fc::draw_zfc_fc;
use ktao::plot::{measure, render_svg, style::Style};

fn fig2_svg(state: &MagnetLoopsState, scale: f64) -> String {
    let fig = magnet_loops(state).unwrap();
    let px = (900.0 * scale) as u32;
    render_svg(px, px * 2 / 3, &measure::approximate, |a| {
        draw_magnet_loops(a, &fig, &Style::with_scale(scale))
    })
    .unwrap()
}

fn s5_svg(state: &ZfcFcState) -> String {
    let fig = zfc_fc_figure(state).unwrap();
    render_svg(900, 600, &measure::approximate, |a| {
        draw_zfc_fc(a, &fig, &Style::default())
    })
    .unwrap()
}

#[test]
fn fig2_corrected_has_units_both_axes_and_a_legend_entry_per_temperature() {
    let svg = fig2_svg(&MagnetLoopsState::default(), 1.0);
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("H (Oe), in the film plane"));
    // Corrected loops are ~1.6e-7 emu: the axis is in units of 10⁻⁷ emu.
    assert!(svg.contains("m (10⁻⁷ emu)"), "moment axis");
    assert!(svg.contains("μ_B per interface unit cell"));
    assert!(svg.contains("LaAlO₃/KTaO₃(111)"));
    for t in ["1.8 K", "50 K", "100 K", "200 K", "300 K"] {
        assert!(svg.contains(&format!(">\n{t}\n<")), "legend entry {t}");
    }
    // Five Okabe–Ito colours, one per loop.
    for c in ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7"] {
        assert!(svg.contains(c), "colour {c}");
    }
    // Each loop is one polyline (+ the two zero axes), with markers of its
    // own shape: circles, triangles, squares, crosses, diamonds.
    assert!(svg.matches("<polyline").count() >= 5 + 2);
    assert!(svg.matches("<circle").count() >= 16);
    assert!(svg.matches("<rect").count() >= 16);
}

#[test]
fn fig2_raw_is_dominated_by_the_substrate_and_has_no_bohr_magneton_axis() {
    let svg = fig2_svg(
        &MagnetLoopsState {
            corrected: false,
            ..MagnetLoopsState::default()
        },
        1.0,
    );
    // χH at 1.5 kOe is 3e-5 emu: two decades above the ferromagnet.
    assert!(svg.contains("m (10⁻⁵ emu)"));
    assert!(!svg.contains("μ_B per interface unit cell"));
    assert!(svg.contains("raw, with the substrate"));
}

#[test]
fn fig2_takes_a_temperature_set_as_text_and_draws_the_other_sample() {
    let svg = fig2_svg(
        &MagnetLoopsState {
            temperatures_k: TemperatureSet::Text("10, 300".into()),
            ..MagnetLoopsState::for_sample("YAO/KTO").unwrap()
        },
        1.0,
    );
    assert!(svg.contains("YAlO₃/KTaO₃(111)"));
    let entry = |t: &str| svg.contains(&format!(">\n{t}\n<"));
    assert!(entry("10 K") && entry("300 K") && !entry("1.8 K"));
}

#[test]
fn strokes_and_fonts_scale_with_the_device_pixel_ratio() {
    let one = fig2_svg(&MagnetLoopsState::default(), 1.0);
    let two = fig2_svg(&MagnetLoopsState::default(), 2.0);
    // Loop lines are 1.8 CSS px: 2 device px at scale 1, 4 at scale 2.
    assert!(one.contains("stroke-width=\"2\"") && two.contains("stroke-width=\"4\""));
    // plotters writes a 14 px font as font-size 14/1.24 = 11.29.
    assert!(one.contains("font-size=\"11.29") && two.contains("font-size=\"22.58"));
}

#[test]
fn fig_s5_shows_zfc_fc_and_marks_the_bifurcation() {
    let svg = s5_svg(&ZfcFcState::default());
    assert!(svg.contains("T (K)") && svg.contains("emu)"));
    assert!(svg.contains(">\nZFC\n<") && svg.contains(">\nFC\n<"));
    assert!(svg.contains("#0072B2") && svg.contains("#D55E00"));
    assert!(svg.contains("ZFC and FC at 50 Oe"));
    // The paper's samples stay split up to 300 K.
    assert!(
        svg.contains("split persists to 300 K"),
        "no persistent split"
    );
    // Small particles unblock well below 300 K: the bifurcation is marked at it.
    let small = ZfcFcState {
        volume_nm3: 5e4,
        volume_spread: 0.3,
        ..ZfcFcState::default()
    };
    let fig = zfc_fc_figure(&small).unwrap();
    let t = fig.curves.bifurcation_k.expect("a bifurcation below 300 K");
    let svg = s5_svg(&small);
    assert!(svg.contains(&format!("T_irr = {t:.0} K")), "T_irr {t}");
}
