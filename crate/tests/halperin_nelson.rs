//! The Halperin–Nelson analysis, Fig. S4: the law, its linearisation, the
//! fit on the LaAlO₃ preset, and refusals.
#![cfg(not(target_arch = "wasm32"))]

use ktao::physics::halperin_nelson::{fit_halperin_nelson, hn_law, hn_linearized, HnWindow};
use ktao::physics::resistive::rt_model;
use ktao::physics::transport::lao_kto;

fn fig1b_grid() -> Vec<f64> {
    let mut t: Vec<f64> = (0..=350).map(|k| 1.5 + 0.005 * f64::from(k)).collect();
    t.extend((1..=60).map(|k| 3.25 + 0.25 * f64::from(k)));
    t
}

#[test]
fn law_and_linearisation_agree() {
    let (r0, b, tb) = (1500.0, 0.9, 1.85);
    let t: Vec<f64> = (0..=400).map(|k| 1.86 + 0.001 * f64::from(k)).collect();
    let r: Vec<f64> = t.iter().map(|&t| hn_law(t, r0, b, tb)).collect();
    let all = HnWindow {
        t_min: Some(t[0]),
        t_max: Some(t[t.len() - 1]),
    };
    let lin = hn_linearized(&t, &r, &all).unwrap();
    // Central differences are O(h²): T_BKT and b to 1e-4.
    assert!((lin.t_bkt - tb).abs() < 1e-4, "{}", lin.t_bkt);
    assert!((lin.b / b - 1.0).abs() < 1e-3, "{}", lin.b);
    // Each linearised point is the closed form (2/b)^(2/3) T_B^(-1/3) (T − T_B).
    let k = (2.0f64 / b).powf(2.0 / 3.0) * tb.powf(-1.0 / 3.0);
    for (x, y) in lin.t.iter().zip(&lin.y).filter(|p| *p.0 > tb + 0.05) {
        assert!((y / (k * (x - tb)) - 1.0).abs() < 1e-3, "{x}");
    }
    let fit = fit_halperin_nelson(&t, &r, &all).unwrap();
    for (name, v) in [("r0", r0), ("b", b), ("tBkt", tb)] {
        assert!((fit.value(name).unwrap() / v - 1.0).abs() < 1e-7, "{name}");
    }
    assert_eq!(hn_law(1.85, r0, b, tb), 0.0);
}

#[test]
fn lao_preset_curve_gives_the_papers_1p878_kelvin() {
    let t = fig1b_grid();
    let r = rt_model(&lao_kto(), &t).unwrap();
    let fit = fit_halperin_nelson(&t, &r, &HnWindow::default()).unwrap();
    let tb = fit.value("tBkt").unwrap();
    println!("HN fit on the LAO/KTO curve: T_BKT = {tb} K");
    assert!((tb - 1.878).abs() < 0.02, "{tb}");
    assert!(fit.converged, "{}", fit.message);
    // The linearised plot of the same window gives a nearby zero.
    let lin = hn_linearized(&t, &r, &HnWindow::default()).unwrap();
    assert!((lin.t_bkt - tb).abs() < 0.1, "{}", lin.t_bkt);
}

#[test]
fn unusable_data_are_refused_with_the_reason() {
    let t: Vec<f64> = (0..20).map(|k| 2.0 + 0.1 * f64::from(k)).collect();
    let flat = vec![1000.0; 20];
    let w = HnWindow {
        t_min: Some(2.0),
        t_max: Some(3.9),
    };
    assert!(fit_halperin_nelson(&t, &flat, &w)
        .unwrap_err()
        .to_string()
        .contains("of a resistive transition"));
    let msg = |t: &[f64], r: &[f64]| fit_halperin_nelson(t, r, &w).unwrap_err().to_string();
    assert!(msg(&[], &[]).contains("t must not be empty"));
    assert!(msg(&[2.0, 2.1, 2.1], &[1.0, 2.0, 3.0]).contains("t must be strictly increasing"));
    assert!(msg(&[2.0, 1.9, 2.1], &[1.0, 2.0, 3.0]).contains("t[1] = 1.9 follows 2"));
    assert!(msg(&[2.0, 2.1], &[1.0]).contains("r has 1 values but t has 2"));
    assert!(msg(&[-2.0, 2.1], &[1.0, 2.0]).contains("t[0] must be positive"));
    assert!(msg(&[2.0, 2.1], &[1.0, f64::INFINITY]).contains("r[1] must be a finite number"));
    // The default window needs the normal state at 5 K.
    let e = fit_halperin_nelson(&t, &flat, &HnWindow::default())
        .unwrap_err()
        .to_string();
    assert!(e.contains("options.tNormal"), "{e}");
}
