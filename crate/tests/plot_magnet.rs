//! Fig. 2 and Fig. S5 drawn natively to SVG and checked for what a reader
//! must see: both samples' panels, axes with units, a legend entry per
//! curve, distinct styles, the μ_B axis, and the bifurcation mark.
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
fn fig2_corrected_has_both_samples_units_both_axes_and_a_legend_entry_per_temperature() {
    let svg = fig2_svg(&MagnetLoopsState::default(), 1.0);
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert_eq!(
        svg.matches("H∥ (Oe)").count(),
        2,
        "one field axis per panel"
    );
    // Corrected loops are ~1.7e-7 emu: the axis is in units of 10⁻⁷ emu.
    assert_eq!(
        svg.matches("m, corrected (10⁻⁷ emu)").count(),
        2,
        "moment axes"
    );
    assert_eq!(svg.matches("μ_B per interface unit cell").count(), 2);
    assert!(svg.contains("(a) LaAlO₃/KTaO₃(111)") && svg.contains("(b) YAlO₃/KTaO₃(111)"));
    for t in ["1.8 K", "50 K", "100 K", "200 K", "300 K"] {
        let entry = format!(">\n{t}\n<");
        assert_eq!(
            svg.matches(&entry).count(),
            2,
            "legend entry {t} in each panel"
        );
    }
    // What the correction removed, per panel: the fitted substrate slope.
    assert_eq!(svg.matches("emu/Oe subtracted").count(), 2);
    assert!(
        svg.contains("χ = -2.10 × 10⁻⁸"),
        "the preset's χ = −2.1e-8 emu/Oe"
    );
    // Five Okabe–Ito colours, one per loop.
    for c in ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7"] {
        assert!(svg.contains(c), "colour {c}");
    }
    // Each loop is one polyline (+ the two zero axes), with markers of its
    // own shape: circles, triangles, squares, crosses, diamonds.
    assert!(svg.matches("<polyline").count() >= 2 * (5 + 2));
    assert!(svg.matches("<circle").count() >= 2 * 16);
    assert!(svg.matches("<rect").count() >= 2 * 16);
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
    assert_eq!(svg.matches("m, raw (10⁻⁵ emu)").count(), 2);
    assert!(!svg.contains("μ_B per interface unit cell"));
    assert!(!svg.contains("subtracted"));
}

#[test]
fn fig2_takes_a_temperature_set_as_text_for_both_samples() {
    let svg = fig2_svg(
        &MagnetLoopsState {
            temperatures_k: TemperatureSet::Text("10, 300".into()),
            ..MagnetLoopsState::for_sample("YAO/KTO").unwrap()
        },
        1.0,
    );
    assert!(svg.contains("(a) LaAlO₃/KTaO₃(111)") && svg.contains("(b) YAlO₃/KTaO₃(111)"));
    let entries = |t: &str| svg.matches(&format!(">\n{t}\n<")).count();
    assert_eq!(
        (entries("10 K"), entries("300 K"), entries("1.8 K")),
        (2, 2, 0)
    );
}

#[test]
fn fig2_controls_set_one_sample_and_the_other_keeps_its_preset() {
    let moved = |sample: &str| {
        let fig = magnet_loops(&MagnetLoopsState {
            hk_oe: 600.0,
            ..MagnetLoopsState::for_sample(sample).unwrap()
        })
        .unwrap();
        let hc: Vec<f64> = fig.panels.iter().map(|p| p.loops[0].report.hc).collect();
        (
            fig.panels
                .iter()
                .map(|p| p.sample.clone())
                .collect::<Vec<_>>(),
            hc,
        )
    };
    let preset = magnet_loops(&MagnetLoopsState::default()).unwrap();
    let hc0: Vec<f64> = preset.panels.iter().map(|p| p.loops[0].report.hc).collect();
    let (names, lao) = moved("LAO/KTO");
    assert_eq!(names, ["LAO/KTO", "YAO/KTO"], "panels in the paper's order");
    // Doubling H_K of one sample roughly doubles its coercivity only.
    assert!(lao[0] > 1.6 * hc0[0] && lao[1] == hc0[1], "{lao:?} {hc0:?}");
    let (_, yao) = moved("YAO/KTO");
    assert!(yao[0] == hc0[0] && yao[1] > 1.6 * hc0[1], "{yao:?} {hc0:?}");
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
fn fig_s5_shows_zfc_fc_of_both_samples_and_marks_the_bifurcation() {
    let svg = s5_svg(&ZfcFcState::default());
    assert_eq!(svg.matches("m, substrate subtracted (10⁻").count(), 2);
    assert_eq!(svg.matches(">\nZFC\n<").count(), 2);
    assert_eq!(svg.matches(">\nFC\n<").count(), 2);
    assert!(svg.contains("#0072B2") && svg.contains("#D55E00"));
    assert_eq!(svg.matches("T (K), in 50 Oe ∥ plane").count(), 2);
    // The sliders' sample is marked.
    assert!(svg.contains("(a) LaAlO₃/KTaO₃(111) · set by the sliders"));
    assert!(svg.contains("(b) YAlO₃/KTaO₃(111)<") || svg.contains("(b) YAlO₃/KTaO₃(111)\n"));
    // The paper's samples stay split up to 300 K.
    assert_eq!(
        svg.matches("split persists to 300 K").count(),
        2,
        "no persistent split"
    );
    // Small particles unblock well below 300 K: the bifurcation is marked at it.
    let small = ZfcFcState {
        volume_nm3: 5e4,
        volume_spread: 0.3,
        ..ZfcFcState::default()
    };
    let fig = zfc_fc_figure(&small).unwrap();
    let t = fig.panels[0]
        .curves
        .bifurcation_k
        .expect("a bifurcation below 300 K");
    let svg = s5_svg(&small);
    assert!(svg.contains(&format!("T_irr = {t:.0} K")), "T_irr {t}");
    // The other sample keeps its preset, and its split.
    assert_eq!(fig.panels[1].curves.bifurcation_k, None);
    assert!(svg.contains("split persists to 300 K"));
}
