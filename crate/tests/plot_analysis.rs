//! The drawings of analyze.html rendered natively to SVG: a measured loop
//! in both views, measured ZFC/FC branches, and the figure pages' R(T) and
//! Hall drawings on data far from the paper's (a 0.5 Ω sample, a Hall
//! signal on a large offset), whose axes must still read.
#![cfg(not(target_arch = "wasm32"))]

use ktao::analysis::hall::{analyze_hall, HallOptions};
use ktao::analysis::loops::analyze_loop;
use ktao::analysis::rt::{analyze_rt, RtOptions};
use ktao::analysis::zfc_fc::analyze_zfc_fc;
use ktao::physics::halperin_nelson::hn_law;
use ktao::physics::loop_processing::LoopOptions;
use ktao::plot::hall::{draw_hall, HallFigure, HallSample};
use ktao::plot::loop_analysis::{draw_loop_analysis, LoopAnalysisFigure};
use ktao::plot::resistive::{draw_rt, inset_around, inset_for, RtCurve, RtFigure};
use ktao::plot::zfc_fc_branches::draw_zfc_fc_branches;
use ktao::plot::{measure, render_svg, style::Style, Frame};

fn well_formed(svg: &str) {
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
}

/// A tanh loop with a diamagnetic background, down then up.
fn loop_data() -> (Vec<f64>, Vec<f64>) {
    let down: Vec<f64> = (0..200).map(|i| 1500.0 - 15.0 * i as f64).collect();
    let h: Vec<f64> = down.iter().chain(down.iter().rev()).copied().collect();
    let m = h
        .iter()
        .enumerate()
        .map(|(i, &x)| {
            let b = if i < 200 { x + 150.0 } else { x - 150.0 };
            1.68e-7 * (b / 60.0).tanh() - 2.2e-11 * x
        })
        .collect();
    (h, m)
}

#[test]
fn measured_loop_in_both_views() {
    let (h, m) = loop_data();
    let a = analyze_loop(&h, &m, &LoopOptions::default()).unwrap();
    for corrected in [true, false] {
        let fig = LoopAnalysisFigure {
            analysis: &a,
            corrected,
            area_mm2: 25.0,
        };
        let mut frame: Option<Frame> = None;
        let svg = render_svg(900, 560, &measure::approximate, |area| {
            frame = Some(draw_loop_analysis(area, &fig, &Style::default())?);
            Ok(())
        })
        .unwrap();
        well_formed(&svg);
        // The shaded saturation windows and their legend entry.
        assert!(svg.contains("#56B4E9") && svg.contains("fitted where |H − H₀| ≥ 10"));
        let f = frame.unwrap();
        assert!(f.px[0] < f.px[1] && f.py[0] < f.py[1]);
        if corrected {
            assert!(svg.contains("H − H₀ (Oe)") && svg.contains("μ_B per interface unit cell"));
            assert!(svg.contains("±M_s = ±1.68 × 10⁻⁷ emu"), "{}", &svg[..200]);
            // The frame spans ±M_s in emu.
            assert!(f.y[0] < -1.68e-7 && f.y[1] > 1.68e-7 && f.y[1] < 3e-7);
        } else {
            assert!(svg.contains("H (Oe)") && svg.contains("m (10⁻⁷ emu)"));
            assert!(svg.contains("background: χ = -2.20 × 10⁻¹¹ emu/Oe"));
            assert!(!svg.contains("μ_B per interface unit cell"));
        }
    }
}

#[test]
fn measured_zfc_and_fc_branches_with_their_bifurcation() {
    let zt: Vec<f64> = (0..=95).map(|k| 5.0 + k as f64).collect();
    let zm: Vec<f64> = zt
        .iter()
        .map(|&t| 1e-4 / t * if t < 60.0 { (t / 60.0).powi(2) } else { 1.0 })
        .collect();
    let ft: Vec<f64> = zt.iter().rev().copied().collect();
    let fm: Vec<f64> = ft.iter().map(|&t| 1e-4 / t).collect();
    let a = analyze_zfc_fc(&zt, &zm, Some((&ft, &fm))).unwrap();
    let mut frame = None;
    let svg = render_svg(900, 560, &measure::approximate, |area| {
        frame = Some(draw_zfc_fc_branches(area, &a, &Style::default())?);
        Ok(())
    })
    .unwrap();
    well_formed(&svg);
    let t = a.bifurcation.as_ref().unwrap().temperature_k.unwrap();
    assert!(svg.contains(&format!("T_irr = {t:.3} K")));
    assert!(svg.contains("ZFC") && svg.contains("FC") && svg.contains("T (K)"));
    assert!(svg.contains("#0072B2") && svg.contains("#D55E00"));
    let f = frame.unwrap();
    assert!(f.x[0] < 5.0 && f.x[1] > 100.0);
    // One branch: no T_irr, and still a drawing.
    let one = analyze_zfc_fc(&zt, &zm, None).unwrap();
    let svg = render_svg(900, 560, &measure::approximate, |area| {
        draw_zfc_fc_branches(area, &one, &Style::default())
    })
    .unwrap();
    assert!(!svg.contains("T_irr ="));
}

#[test]
fn rt_of_a_half_ohm_sample_has_readable_ticks_and_an_inset_at_its_transition() {
    // A transition at 0.3 K of a 0.5 Ω sample: the paper's whole-number
    // ticks would all read 0, and its 1.5–2.6 K inset would be empty.
    let t: Vec<f64> = (0..=200).map(|k| 0.2 + 0.002 * k as f64).collect();
    let r: Vec<f64> = t
        .iter()
        .map(|&t| 0.5 * (1.0 - (-(hn_law(t, 1.0, 0.3, 0.25) / 0.2)).exp()))
        .collect();
    let a = analyze_rt(&t, &r, &RtOptions::default()).unwrap();
    let inset = inset_around(&a.transitions);
    assert!(inset.0 < a.transitions.zero.unwrap() && inset.1 > a.transitions.onset);
    let fig = RtFigure {
        curves: &[RtCurve {
            name: "sample",
            t: &a.t,
            r: &a.r,
            transitions: Some(&a.transitions),
        }],
        log_t: false,
        inset_k: Some(inset),
    };
    let svg = render_svg(900, 560, &measure::approximate, |area| {
        draw_rt(area, &fig, &Style::default())
    })
    .unwrap();
    well_formed(&svg);
    // Ticks with decimals on both axes (0.05 Ω and 0.1 K steps), and the
    // axes end at the data (0.6 K, 0.5 Ω), not at the paper's 3 K and 1 Ω.
    let texts: Vec<&str> = svg
        .split("</text>")
        .filter_map(|t| t.rsplit('>').next())
        .map(str::trim)
        .collect();
    assert!(
        texts.contains(&"0.05") && texts.contains(&"0.60"),
        "{texts:?}"
    );
    assert!(
        !texts.contains(&"1.0") && !texts.contains(&"3.0"),
        "{texts:?}"
    );
    // The inset's markers: onset triangle, midpoint circle, zero cross.
    assert!(svg.contains("<circle") && svg.contains("<polygon"));
    // On data that are all transition there is no inset: T_c is marked on
    // the main panel, whose axis starts near the data.
    let near: Vec<f64> = a.t.iter().map(|t| t + 2.0).collect();
    let b = analyze_rt(&near, &a.r, &RtOptions::default()).unwrap();
    let mut fig = RtFigure {
        curves: &[RtCurve {
            name: "sample",
            t: &b.t,
            r: &b.r,
            transitions: Some(&b.transitions),
        }],
        log_t: false,
        inset_k: None,
    };
    assert_eq!(inset_for(&fig, &b.transitions), None);
    fig.inset_k = None;
    let mut frame = None;
    let svg = render_svg(900, 560, &measure::approximate, |area| {
        frame = Some(draw_rt(area, &fig, &Style::default())?);
        Ok(())
    })
    .unwrap();
    assert!(svg.contains("<circle") && svg.contains("<polygon"));
    let f = frame.unwrap();
    assert!(f.x[0] > 2.1 && f.x[0] < 2.2, "{:?}", f.x);
}

#[test]
fn hall_on_a_large_offset_is_drawn_around_the_data() {
    let b: Vec<f64> = (0..=40).map(|k| -1.0 + 0.05 * k as f64).collect();
    let r: Vec<f64> = b.iter().map(|&b| 0.22 - 0.004 * b).collect();
    let a = analyze_hall(&b, &r, None, &HallOptions::default()).unwrap();
    let mut frame = None;
    let svg = render_svg(900, 560, &measure::approximate, |area| {
        frame = Some(draw_hall(
            area,
            &HallFigure {
                samples: &[HallSample {
                    name: "file",
                    field_t: &a.field_t,
                    rxy_ohm: &a.rxy_ohm,
                    fit: &a.fit,
                }],
            },
            &Style::default(),
        )?);
        Ok(())
    })
    .unwrap();
    well_formed(&svg);
    let f = frame.unwrap();
    assert!(f.y[0] > 0.2 && f.y[1] < 0.24, "{:?}", f.y);
    assert!(svg.contains("file fit: n = "));
}
