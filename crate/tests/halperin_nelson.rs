//! The Halperin–Nelson analysis, Fig. S4: the law, its linearisation, the
//! fit on the LaAlO₃ preset, and refusals.
#![cfg(not(target_arch = "wasm32"))]

use ktao::fit::least_squares_fused;
use ktao::physics::halperin_nelson::{
    fit_halperin_nelson, hn_law, hn_law_derivatives, hn_linearized, hn_start, resolve_window,
    HnWindow,
};
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
fn the_fits_derivatives_are_the_laws() {
    // Central differences of the law, and of its analytic gradient, at
    // points near T_BKT and far above it.
    let p = [1500.0, 0.9, 1.85];
    let grad = |t: f64, p: [f64; 3]| hn_law_derivatives(t, p[0], p[1], p[2]).unwrap().1;
    for t in [1.8505, 1.87, 1.95, 2.4, 4.0] {
        let (f, g, h) = hn_law_derivatives(t, p[0], p[1], p[2]).unwrap();
        // T·(1/T_BKT) where hn_law divides: τ = T/T_BKT − 1 differs by an
        // ulp of T/T_BKT, relatively more as τ → 0.
        assert!(
            (f / hn_law(t, p[0], p[1], p[2]) - 1.0).abs() < 1e-12,
            "R at {t}"
        );
        // Steps of 1e-6 of R0 and b, and of T − T_BKT for T_BKT (the law
        // varies on that scale near T_BKT).
        let h_k = [1e-6 * p[0], 1e-6 * p[1], 1e-6 * (t - p[2])];
        let step = |k: usize, d: f64| {
            let mut q = p;
            q[k] += d * h_k[k];
            q
        };
        let law = |q: [f64; 3]| hn_law(t, q[0], q[1], q[2]);
        let mut pair = 0;
        for j in 0..3 {
            let numeric = (law(step(j, 1.0)) - law(step(j, -1.0))) / (2.0 * h_k[j]);
            assert!((g[j] - numeric).abs() <= 1e-6 * g[j].abs(), "∂{j} at {t}");
            for (k, hk) in h_k.iter().enumerate().skip(j) {
                let numeric = (grad(t, step(k, 1.0))[j] - grad(t, step(k, -1.0))[j]) / (2.0 * hk);
                // ∂²/∂R0² is exactly 0: measured against the law's scale.
                let scale = h[pair].abs().max(1e-12 * f);
                assert!(
                    (h[pair] - numeric).abs() <= 1e-6 * scale,
                    "∂²{j}{k} at {t}: {} vs {numeric}",
                    h[pair]
                );
                pair += 1;
            }
        }
    }
    assert!(hn_law_derivatives(1.85, p[0], p[1], p[2]).is_none());
}

#[test]
fn newton_steps_end_the_preset_fit_at_gauss_newtons_minimum_sooner() {
    // Fig. S4: the law fits the inhomogeneous film's curve only roughly.
    let t = fig1b_grid();
    let r = rt_model(&lao_kto(), &t).unwrap();
    let fit = fit_halperin_nelson(&t, &r, &HnWindow::default()).unwrap();
    // Gauss–Newton alone, on the same points, from the same start.
    let (ft, fr) = in_default_window(&t, &r);
    let n = ft.len();
    let gn = least_squares_fused(
        |p, out, mut jac| {
            for (i, &t) in ft.iter().enumerate() {
                let (f, g, _) = hn_law_derivatives(t, p[0], p[1], p[2]).unwrap_or_default();
                out[i] = f;
                if let Some(jac) = jac.as_deref_mut() {
                    (jac[i], jac[n + i], jac[2 * n + i]) = (g[0], g[1], g[2]);
                }
            }
        },
        &["r0", "b", "tBkt"],
        &fr,
        None,
        &hn_start(&ft, &fr),
    )
    .unwrap();
    assert!(fit.converged && gn.converged);
    for ((name, a), ((_, b), (_, e))) in fit.params.iter().zip(gn.params.iter().zip(&gn.errors)) {
        assert!((a - b).abs() < 2e-6 * e, "{name}: {a} vs {b} (σ {e})");
    }
    assert!(
        fit.iterations + 5 <= gn.iterations,
        "Newton {}, Gauss–Newton {}",
        fit.iterations,
        gn.iterations
    );
}

#[test]
fn where_the_line_is_unusable_the_start_takes_b_from_ln_r() {
    // Fig. S4: the linearised line crosses zero inside the window (the
    // inhomogeneous tail), so T_BKT is put below the window and b read off
    // ln R against τ^(−½) there: within 3 standard errors of the fit's.
    let t = fig1b_grid();
    let r = rt_model(&lao_kto(), &t).unwrap();
    let (ft, fr) = in_default_window(&t, &r);
    let lin = hn_linearized(&t, &r, &HnWindow::default()).unwrap();
    assert!(lin.t_bkt > ft[0], "the line is usable: {}", lin.t_bkt);
    let start = hn_start(&ft, &fr);
    let fit = fit_halperin_nelson(&t, &r, &HnWindow::default()).unwrap();
    assert_eq!(start[2], ft[0] - 0.1 * (ft[ft.len() - 1] - ft[0]));
    let (b, db) = (fit.value("b").unwrap(), fit.error("b").unwrap());
    assert!(
        (start[1] - b).abs() < 3.0 * db,
        "start b {} fit {b} ± {db}",
        start[1]
    );
    // From there the fit (Newton's steps at its end) takes a few evaluations.
    assert!(fit.iterations <= 6, "{} evaluations", fit.iterations);
    // A curve that falls with T has no such slope: b = 1.
    let falling: Vec<f64> = fr.iter().rev().copied().collect();
    assert_eq!(hn_start(&ft, &falling)[1], 1.0);
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

#[test]
fn the_linearised_power_is_powfs_to_a_few_ulp() {
    use ktao::physics::halperin_nelson::pow_minus_two_thirds;
    // Over the whole normal range, on a log grid that meets every mantissa
    // pattern, against 1/cbrt(d)² (itself a few ulp from d^(−2/3); powf's
    // exponent −2/3, rounded, is off by 690 × 3.7e-17 at d = 1e300).
    let reference = |d: f64| (d.cbrt() * d.cbrt()).recip();
    let mut worst = 0.0f64;
    for k in 0..2_000_000 {
        let d = 10f64.powf(-300.0 + 600.0 * (f64::from(k) + 0.377) / 2e6);
        worst = worst.max((pow_minus_two_thirds(d) / reference(d) - 1.0).abs());
    }
    assert!(worst < 5.0 * f64::EPSILON, "{worst:e}");
    // Where the linearised law uses it (d ln R/dT from 0.01 to 1000 per K),
    // against powf too, whose exponent is off by at most 7 × 3.7e-17 there.
    let mut worst = 0.0f64;
    for k in 0..1_000_000 {
        let d = 0.01 + 1000.0 * f64::from(k) / 1e6;
        let got = pow_minus_two_thirds(d);
        let off = (got / reference(d) - 1.0).abs();
        worst = worst.max(off.max((got / d.powf(-2.0 / 3.0) - 1.0).abs()));
    }
    assert!(worst < 4.0 * f64::EPSILON, "{worst:e}");
    // Outside the normal range: the logarithm's route.
    assert_eq!(pow_minus_two_thirds(1.0), 1.0);
    assert_eq!(pow_minus_two_thirds(8.0), 0.25);
    assert_eq!(pow_minus_two_thirds(f64::INFINITY), 0.0);
    assert!(pow_minus_two_thirds(f64::NAN).is_nan());
    let tiny = 1e-310;
    assert!((pow_minus_two_thirds(tiny) / tiny.powf(-2.0 / 3.0) - 1.0).abs() < 1e-13);
}

/// The points of (t, r) in the default window where R > 0: what the fit uses.
fn in_default_window(t: &[f64], r: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let (lo, hi) = resolve_window(t, r, &HnWindow::default()).unwrap();
    t.iter()
        .zip(r)
        .filter(|(&t, &r)| t >= lo && t <= hi && r > 0.0)
        .unzip()
}
