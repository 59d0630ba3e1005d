//! BKT scaling, Fig. 1e–f: α from I–V curves, T_BKT, the critical current.
#![cfg(not(target_arch = "wasm32"))]

use ktao::physics::bkt::{
    alpha_bound, alpha_exponents, bkt_alpha, critical_current, fig1e_currents, fig1e_temperatures,
    iv_curves, AlphaWindow, IvCurve, IC_THRESHOLD_V,
};
use ktao::physics::transport::lao_kto;

fn curve(t: f64, i: &[f64], f: impl Fn(f64) -> f64) -> IvCurve {
    IvCurve {
        temperature: t,
        current: i.to_vec(),
        voltage: i.iter().map(|&i| f(i)).collect(),
    }
}

#[test]
fn pure_power_laws_give_their_exponent_to_1e_9() {
    let i = fig1e_currents();
    let ks = [5.0, 4.0, 3.5, 2.5, 1.7];
    let curves: Vec<IvCurve> = ks
        .iter()
        .enumerate()
        .map(|(n, &k)| {
            curve(1.5 + 0.1 * n as f64, &i, |i| {
                2e3 * i.powf(k) * 1e3f64.powf(k - 1.0)
            })
        })
        .collect();
    let a = bkt_alpha(&curves, &AlphaWindow::default()).unwrap();
    for (got, want) in a.alpha.iter().zip(ks) {
        assert!((got - want).abs() < 1e-9, "{got} vs {want}");
    }
    // α crosses 3 between 3.5 (1.7 K) and 2.5 (1.8 K), halfway.
    assert!((a.t_bkt - 1.75).abs() < 1e-9, "{}", a.t_bkt);
}

#[test]
fn tbkt_error_propagates_the_bracketing_alpha_errors() {
    // Power laws with a ripple, so that each α has a standard error.
    let i = fig1e_currents();
    let ks = [4.0, 3.4, 2.6, 2.0];
    let curves: Vec<IvCurve> = ks
        .iter()
        .enumerate()
        .map(|(n, &k)| {
            curve(1.6 + 0.05 * n as f64, &i, |i| {
                let ripple = 1.0 + 0.05 * (7.0 * i.ln() + n as f64).sin();
                2e3 * i.powf(k) * 1e3f64.powf(k - 1.0) * ripple
            })
        })
        .collect();
    let a = bkt_alpha(&curves, &AlphaWindow::default()).unwrap();
    let (a1, a2) = (a.alpha[1], a.alpha[2]);
    let (e1, e2) = (a.alpha_error[1], a.alpha_error[2]);
    assert!(
        e1 > 1e-4 && e2 > 1e-4,
        "the ripple gives errors: {e1}, {e2}"
    );
    // The interpolation, differentiated numerically.
    let t_star = |a1: f64, a2: f64| 1.65 + 0.05 * (a1 - 3.0) / (a1 - a2);
    assert!((a.t_bkt - t_star(a1, a2)).abs() < 1e-12);
    let h = 1e-6;
    let d1 = (t_star(a1 + h, a2) - t_star(a1 - h, a2)) / (2.0 * h);
    let d2 = (t_star(a1, a2 + h) - t_star(a1, a2 - h)) / (2.0 * h);
    let want = ((d1 * e1).powi(2) + (d2 * e2).powi(2)).sqrt();
    assert!(
        (a.t_bkt_error / want - 1.0).abs() < 1e-6,
        "{} vs {want}",
        a.t_bkt_error
    );
}

#[test]
fn ohmic_curves_give_alpha_exactly_1() {
    let i = fig1e_currents();
    let curves: Vec<IvCurve> = [10.0, 100.0, 1000.0]
        .iter()
        .enumerate()
        .map(|(n, &r)| curve(2.5 + 0.1 * n as f64, &i, |i| r * i))
        .collect();
    let e = bkt_alpha(&curves, &AlphaWindow::default())
        .unwrap_err()
        .to_string();
    assert!(e.contains("alpha never crosses 3"), "{e}");
    // Without the crossing, the exponents alone: 1 with no T_BKT.
    let a = alpha_exponents(&curves, &AlphaWindow::default()).unwrap();
    assert!(a.alpha.iter().all(|al| (al - 1.0).abs() < 1e-12) && a.t_bkt.is_nan());
    // The α values themselves (a crossing added by a steep curve below).
    let mut all = vec![curve(2.0, &i, |i| 1e12 * i.powi(4))];
    all.extend(curves);
    let a = bkt_alpha(&all, &AlphaWindow::default()).unwrap();
    for &al in &a.alpha[1..] {
        assert!((al - 1.0).abs() < 1e-12, "{al}");
    }
}

#[test]
fn bound_exponent_is_3_at_the_regions_tbkt_and_1_at_tc0() {
    assert!((alpha_bound(1.8, 2.1, 1.8) - 3.0).abs() < 1e-15);
    assert_eq!(alpha_bound(2.1, 2.1, 1.8), 1.0);
    assert!(alpha_bound(1.4, 2.1, 1.8) > 3.0);
}

#[test]
fn lao_preset_iv_family_gives_tbkt_1p793_and_ic_79_microamps() {
    let p = lao_kto();
    let curves = iv_curves(&p, &fig1e_temperatures(), &fig1e_currents()).unwrap();
    let a = bkt_alpha(&curves, &AlphaWindow::default()).unwrap();
    println!(
        "alpha(T) = {:?}",
        a.temperature.iter().zip(&a.alpha).collect::<Vec<_>>()
    );
    println!("T_BKT from alpha = 3: {} K", a.t_bkt);
    assert!((a.t_bkt - 1.793).abs() < 0.01, "{}", a.t_bkt);
    // α falls with temperature towards the Ohmic 1.
    assert!(a.alpha[0] > 3.0 && *a.alpha.last().unwrap() < 1.5);
    let c = &curves[0];
    assert!((c.temperature - 1.4).abs() < 1e-12);
    let ic = critical_current(&c.current, &c.voltage, IC_THRESHOLD_V).unwrap();
    println!("I_c(1.4 K) at {IC_THRESHOLD_V} V: {} uA", ic * 1e6);
    assert!((ic - 79e-6).abs() < 2e-6, "{ic}");
    // Above I_c the film leaves zero resistance: at 1 mA it shows a
    // tenth of R_N on its way up (I₀(1.4 K) = 1.2 mA).
    let rn = p.normal_resistance(1.4);
    let top = c.voltage.last().unwrap() / c.current.last().unwrap() / rn;
    assert!(top > 0.05 && top < 1.0, "{top}");
    // Seeded: the same curves again.
    assert_eq!(
        iv_curves(&p, &[1.4], &c.current).unwrap()[0].voltage,
        c.voltage
    );
}

#[test]
fn critical_current_interpolates_in_logs() {
    let i = [1e-5, 1e-4];
    let v = [1e-8, 1e-4];
    // V ∝ I⁴ between the points: 1 μV at I = 1e-5 · 100^(1/4).
    let ic = critical_current(&i, &v, 1e-6).unwrap();
    assert!((ic / (1e-5 * 100f64.powf(0.25)) - 1.0).abs() < 1e-12);
    assert!(critical_current(&i, &[1e-9, 1e-8], 1e-6)
        .unwrap_err()
        .to_string()
        .contains("never reaches"));
    assert!(critical_current(&i, &[1e-5, 1e-4], 1e-6)
        .unwrap_err()
        .to_string()
        .contains("lowest current"));
}

#[test]
fn bad_input_is_refused_naming_the_parameter() {
    let p = lao_kto();
    let msg = |t: &[f64], i: &[f64]| iv_curves(&p, t, i).unwrap_err().to_string();
    assert!(msg(&[], &[1e-6]).contains("temperaturesK must not be empty"));
    assert!(msg(&[-1.0], &[1e-6]).contains("temperaturesK[0] must be positive"));
    assert!(msg(&[1.5], &[1e-6, -1e-6]).contains("currentsA[1] must be positive"));
    assert!(msg(&[1.5], &[1e-6, f64::NAN]).contains("currentsA[1] must be a finite number"));
    assert!(msg(&[1.5], &[2e-6, 1e-6]).contains("currentsA must be strictly increasing"));
    let i = [1e-6, 2e-6, 3e-6];
    let c = |t: f64| curve(t, &i, |i| i);
    let m = |cs: &[IvCurve]| {
        bkt_alpha(cs, &AlphaWindow::default())
            .unwrap_err()
            .to_string()
    };
    assert!(m(&[]).contains("curves must not be empty"));
    assert!(m(&[c(1.6), c(1.5)]).contains("curves[].temperature must be strictly increasing"));
    assert!(m(&[c(1.5), c(1.5)]).contains("strictly increasing"));
    assert!(m(&[c(-1.5)]).contains("curves[].temperature[0] must be positive"));
    let mut bad = c(1.5);
    bad.voltage.pop();
    assert!(m(&[bad]).contains("curves[].voltage has 2 values but curves[].current has 3"));
    let mut bad = c(1.5);
    bad.current[0] = -1e-6;
    assert!(m(&[bad]).contains("curves[].current[0] must be positive"));
    let w = AlphaWindow {
        v_min: -1.0,
        ..Default::default()
    };
    assert!(bkt_alpha(&[c(1.5)], &w)
        .unwrap_err()
        .to_string()
        .contains("window.vMin"));
}

#[test]
fn iv_clean_is_the_same_on_log_spaced_currents() {
    // The log-spaced currents of the page take the recurrence; one current
    // at a time takes an exponential per point: they agree to 1e-12.
    let mut p = lao_kto();
    p.iv_noise_v = 0.0;
    let currents = fig1e_currents();
    for &t in &fig1e_temperatures() {
        let curve = &iv_curves(&p, &[t], &currents).unwrap()[0];
        for (k, &i) in currents.iter().enumerate() {
            let one = iv_curves(&p, &[t], &[i]).unwrap()[0].voltage[0];
            let rel = (curve.voltage[k] - one).abs() / one.abs().max(1e-300);
            assert!(
                rel < 1e-12,
                "T = {t} K, I = {i} A: {} vs {one}",
                curve.voltage[k]
            );
        }
    }
    // Currents that are not log-spaced take the exponentials throughout.
    let uneven = [1e-5, 3e-5, 4e-5, 2e-4, 7e-4];
    let curve = &iv_curves(&p, &[1.6], &uneven).unwrap()[0];
    for (k, &i) in uneven.iter().enumerate() {
        let one = iv_curves(&p, &[1.6], &[i]).unwrap()[0].voltage[0];
        assert!((curve.voltage[k] - one).abs() <= 1e-15 * one.abs(), "{i} A");
    }
}
