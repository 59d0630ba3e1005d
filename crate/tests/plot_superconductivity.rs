//! Figs. 1b, 1c, 1e–f, S3 and S4 drawn natively to SVG and checked for what
//! a reader must see: axes with units, every curve, the marked values.
#![cfg(not(target_arch = "wasm32"))]

use ktao::physics::bkt::{bkt_alpha, fig1e_currents, fig1e_temperatures, iv_curves, AlphaWindow};
use ktao::physics::gl_hc2::{
    figs3_data, fit_gl_hc2, pauli_limit, FIGS3_D_NM, FIGS3_NOISE_REL, FIGS3_SEED, FIGS3_TC_K,
    FIGS3_XI_NM,
};
use ktao::physics::hall::{fig1c_fields, hall_curve, hall_density};
use ktao::physics::halperin_nelson::{
    fit_halperin_nelson, hn_linearized, resolve_window, HnWindow,
};
use ktao::physics::resistive::{rt_model, transition_temperatures, TransitionOptions};
use ktao::physics::transport::{lao_kto, yao_kto};
use ktao::plot::bkt::{draw_bkt, BktFigure};
use ktao::plot::gl_hc2::{draw_gl_hc2, GlHc2Figure};
use ktao::plot::hall::{draw_hall, HallFigure, HallSample};
use ktao::plot::halperin_nelson::{draw_halperin_nelson, HnFigure};
use ktao::plot::resistive::{draw_rt, RtCurve, RtFigure, INSET_K};
use ktao::plot::{measure, render_svg, style::Style};

fn grid() -> Vec<f64> {
    let mut t: Vec<f64> = (0..=350).map(|k| 1.5 + 0.005 * f64::from(k)).collect();
    t.extend((1..=60).map(|k| 3.25 + 0.25 * f64::from(k)));
    t.extend((1..=19).map(|k| 15.0 * f64::from(k) + 15.0));
    t
}

fn well_formed(svg: &str) {
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
}

#[test]
fn fig1b_shows_both_samples_log_and_linear_with_marked_transitions() {
    let t = grid();
    let (lao, yao) = (lao_kto(), yao_kto());
    let (r1, r2) = (rt_model(&lao, &t).unwrap(), rt_model(&yao, &t).unwrap());
    let o = TransitionOptions::default();
    let (t1, t2) = (
        transition_temperatures(&t, &r1, &o).unwrap(),
        transition_temperatures(&t, &r2, &o).unwrap(),
    );
    let curves = [
        RtCurve {
            name: "LAO/KTO",
            t: &t,
            r: &r1,
            transitions: Some(&t1),
        },
        RtCurve {
            name: "YAO/KTO",
            t: &t,
            r: &r2,
            transitions: Some(&t2),
        },
    ];
    for log_t in [false, true] {
        let fig = RtFigure {
            curves: &curves,
            log_t,
            inset_k: Some(INSET_K),
        };
        let mut frame = None;
        let svg = render_svg(900, 560, &measure::approximate, |a| {
            frame = Some(draw_rt(a, &fig, &Style::default())?);
            Ok(())
        })
        .unwrap();
        well_formed(&svg);
        assert!(svg.contains("T (K)") && svg.contains("R_s (Ω/□)"));
        assert!(svg.contains("LAO/KTO") && svg.contains("YAO/KTO"));
        assert!(svg.contains("#D55E00") && svg.contains("#0072B2"));
        // The legend explains the inset's markers.
        assert!(svg.contains("T_c onset (90 % R_N)") && svg.contains("zero (1 % R_N)"));
        // Midpoints as circles in the inset, one more in the legend.
        assert_eq!(svg.matches("<circle").count(), 3);
        // Onsets as triangles (polygons: two in the inset, one in the legend), zeros as crosses.
        assert!(svg.matches("<polygon").count() >= 3);
        assert!(svg.contains("stroke-dasharray") || svg.matches("<polyline").count() > 4);
        // The frame spans 0–300 K, or log₁₀ T from 1.5 K on the logarithmic axis.
        let f = frame.unwrap();
        let want = if log_t {
            [1.5f64.log10(), 300f64.log10()]
        } else {
            [0.0, 300.0]
        };
        assert!((f.x[0] - want[0]).abs() < 1e-12 && (f.x[1] - want[1]).abs() < 1e-12);
        assert!(f.px[0] > 40 && f.px[1] < 900 && f.py[0] < f.py[1] && f.py[1] < 560);
    }
}

#[test]
fn fig1c_shows_every_point_both_lines_and_the_densities() {
    let b = fig1c_fields();
    let (lao, yao) = (lao_kto(), yao_kto());
    let (x1, x2) = (hall_curve(&lao, &b).unwrap(), hall_curve(&yao, &b).unwrap());
    let (f1, f2) = (
        hall_density(&b, &x1, Some(1568.0)).unwrap(),
        hall_density(&b, &x2, Some(1568.0)).unwrap(),
    );
    let samples = [
        HallSample {
            name: "LAO/KTO",
            field_t: &b,
            rxy_ohm: &x1,
            fit: &f1,
        },
        HallSample {
            name: "YAO/KTO",
            field_t: &b,
            rxy_ohm: &x2,
            fit: &f2,
        },
    ];
    let svg = render_svg(800, 500, &measure::approximate, |a| {
        draw_hall(a, &HallFigure { samples: &samples }, &Style::default())
    })
    .unwrap();
    well_formed(&svg);
    assert!(svg.contains("μ₀H⟂ (T)") && svg.contains("R_xy (Ω)"));
    assert!(
        svg.contains("n = 7.2") && svg.contains("n = 1.4"),
        "densities in the legend"
    );
    assert!(svg.contains("cm²/Vs"));
    // LAO as circles (+1 legend), YAO as squares (+1 legend).
    assert_eq!(svg.matches("<circle").count(), b.len() + 1);
    assert!(svg.matches("<rect").count() > b.len());
}

#[test]
fn fig1ef_shows_every_curve_the_cube_line_and_alpha_inset() {
    let curves = iv_curves(&lao_kto(), &fig1e_temperatures(), &fig1e_currents()).unwrap();
    let alpha = bkt_alpha(&curves, &AlphaWindow::default()).unwrap();
    let fig = BktFigure {
        curves: &curves,
        alpha: &alpha,
    };
    let mut frame = None;
    let svg = render_svg(1100, 520, &measure::approximate, |a| {
        frame = Some(draw_bkt(a, &fig, &Style::default())?);
        Ok(())
    })
    .unwrap();
    // The log–log panel's frame, in log₁₀ A: 1 μA to 1 mA, on the right half.
    let f = frame.unwrap();
    assert!(
        (f.x[0] + 6.0).abs() < 1e-9 && (f.x[1] + 3.0).abs() < 1e-9,
        "{f:?}"
    );
    assert!(f.px[0] > 1100 * 45 / 100 && f.px[1] < 1100);
    well_formed(&svg);
    assert!(svg.contains("I (μA)") && svg.contains("V_xx (mV)") && svg.contains("I (A)"));
    assert!(svg.contains("V ∝ I³") && svg.contains("T_BKT = 1.79"));
    assert!(
        svg.contains("1.40 K") && svg.contains("2.10 K"),
        "colour key"
    );
    // Two panels × one polyline per curve, and the α line.
    assert!(svg.matches("<polyline").count() > 2 * curves.len());
    assert_eq!(
        svg.matches("<circle").count(),
        alpha.alpha.iter().filter(|a| a.is_finite()).count()
    );
}

#[test]
fn figs3_shows_both_directions_the_fits_and_the_pauli_ratio() {
    let d = figs3_data(
        FIGS3_TC_K,
        FIGS3_XI_NM,
        FIGS3_D_NM,
        FIGS3_NOISE_REL,
        FIGS3_SEED,
    )
    .unwrap();
    let fit = fit_gl_hc2(&d.t_perp, &d.h_perp, &d.t_par, &d.h_par).unwrap();
    let fig = GlHc2Figure {
        data: &d,
        fit: &fit,
        pauli_t: pauli_limit(fit.value("tc").unwrap()).unwrap(),
    };
    let svg = render_svg(800, 500, &measure::approximate, |a| {
        draw_gl_hc2(a, &fig, &Style::default())
    })
    .unwrap();
    well_formed(&svg);
    assert!(svg.contains("μ₀H_c2 (T)") && svg.contains("T (K)"));
    assert!(svg.contains("ξ_GL = 2") && svg.contains("d_sc = 8."));
    assert!(svg.contains("Pauli limit 3.7") && svg.contains("H∥(0)/H_P = 1."));
    assert_eq!(svg.matches("<circle").count(), d.t_par.len() + 1);
    assert!(fig.pauli_ratio() > 1.0);
}

#[test]
fn figs4_shows_the_fit_window_and_the_linearised_line() {
    let t = grid();
    let r = rt_model(&lao_kto(), &t).unwrap();
    let w = HnWindow::default();
    let fit = fit_halperin_nelson(&t, &r, &w).unwrap();
    let linear = hn_linearized(&t, &r, &w).unwrap();
    let window = resolve_window(&t, &r, &w).unwrap();
    let fig = HnFigure {
        t: &t,
        r: &r,
        fit: &fit,
        window,
        linear: &linear,
    };
    let svg = render_svg(1000, 460, &measure::approximate, |a| {
        draw_halperin_nelson(a, &fig, &Style::default())
    })
    .unwrap();
    well_formed(&svg);
    assert!(svg.contains("R_s (Ω/□)") && svg.contains("(d ln R/dT)^(−2/3)"));
    assert!(svg.contains("T_BKT = 1.8") && svg.contains("line: zero at"));
    assert!(svg.contains("#D55E00") && svg.contains("#0072B2"));
}
