//! The resistive transition, Fig. 1b: the AL term, the HN interpolation,
//! the inhomogeneous tail, the presets against the paper's T_c values.
#![cfg(not(target_arch = "wasm32"))]

use ktao::physics::constants::{E_CHARGE_C, HBAR_JS};
use ktao::physics::resistive::{
    aslamazov_larkin_s, bkt_distribution, fluctuation_conductance_s, homogeneous_resistance,
    normal_value, rt_model, transition_temperatures, TransitionOptions, SPREAD_NODES,
};
use ktao::physics::transport::{lao_kto, preset, yao_kto};

fn fig1b_grid() -> Vec<f64> {
    let mut t: Vec<f64> = (0..=350).map(|k| 1.5 + 0.005 * f64::from(k)).collect();
    t.extend((1..=60).map(|k| 3.25 + 0.25 * f64::from(k)));
    t
}

#[test]
fn al_term_is_e2_over_16_hbar_times_tc0_over_t_minus_tc0() {
    let g = E_CHARGE_C * E_CHARGE_C / (16.0 * HBAR_JS);
    // e²/ħ = 2.434e-4 S (1/4108 Ω): a sixteenth is 1.5213e-5 S.
    assert!((g - 1.5213e-5).abs() < 1e-9, "{g}");
    for t in [2.1, 2.5, 5.0, 30.0] {
        let want = g * 2.0 / (t - 2.0);
        assert!((aslamazov_larkin_s(t, 2.0) / want - 1.0).abs() < 1e-14);
    }
    assert!(aslamazov_larkin_s(2.0, 2.0).is_infinite());
}

#[test]
fn hn_interpolation_tends_to_al_far_above_tc0_and_to_the_hn_law_near_tbkt() {
    let (tc0, tb, b) = (2.0, 1.8, 0.5);
    // (T − T_c0)/(T − T_B) → 1: the ratio to AL goes to 1 far above T_c0.
    let ratio = |t: f64| fluctuation_conductance_s(t, tc0, tb, b) / aslamazov_larkin_s(t, tc0);
    assert!((ratio(200.0) - 1.0).abs() < 2e-3, "{}", ratio(200.0));
    assert!((ratio(20.0) - 1.0).abs() < 2e-2, "{}", ratio(20.0));
    assert!((ratio(20.0) - 1.0).abs() > (ratio(200.0) - 1.0).abs());
    // Smooth and finite through T_c0.
    let below = fluctuation_conductance_s(tc0 - 1e-6, tc0, tb, b);
    let above = fluctuation_conductance_s(tc0 + 1e-6, tc0, tb, b);
    assert!(below.is_finite() && (below / above - 1.0).abs() < 1e-4);
    // Near T_B: ln Δσ → 2√(b τ_c/τ), the HN law with the paper's b = 2√(b τ_c).
    let tau_c = tc0 / tb - 1.0;
    for tau in [1e-3, 1e-4] {
        let t = tb * (1.0 + tau);
        let z = (b * tau_c / tau).sqrt();
        let got = fluctuation_conductance_s(t, tc0, tb, b).ln();
        let want = 2.0 * z + (0.25 * 1.5213e-5 * (tc0 / tb) / (b * tau_c)).ln();
        assert!((got - want).abs() < 1e-2, "{got} vs {want}");
    }
    assert!(fluctuation_conductance_s(tb, tc0, tb, b).is_infinite());
}

#[test]
fn homogeneous_film_is_normal_far_above_and_zero_below_tbkt() {
    let mut p = lao_kto();
    p.t_bkt_spread = 0.0;
    let r = rt_model(&p, &[1.0, p.t_bkt, 100.0, 300.0]).unwrap();
    assert_eq!((r[0], r[1]), (0.0, 0.0));
    assert!((r[3] / p.r300 - 1.0).abs() < 1e-3);
    assert!(r[2] < p.normal_resistance(100.0) && r[2] > 0.999 * p.normal_resistance(100.0));
    // Metallic: R falls from 300 K to 5 K.
    let t: Vec<f64> = (5..=300).map(f64::from).collect();
    let r = rt_model(&p, &t).unwrap();
    assert!(r.windows(2).all(|w| w[1] > w[0]));
}

#[test]
fn spread_gives_a_tail_below_the_mean_tbkt_and_quadrature_has_converged() {
    let p = lao_kto();
    let mut homo = p.clone();
    homo.t_bkt_spread = 0.0;
    let t = p.t_bkt - 0.1;
    assert!(rt_model(&p, &[t]).unwrap()[0] > 0.0);
    assert_eq!(rt_model(&homo, &[t]).unwrap()[0], 0.0);
    let w: f64 = bkt_distribution(&p).iter().map(|n| n.1).sum();
    assert!((w - 1.0).abs() < 1e-12 && bkt_distribution(&p).len() == SPREAD_NODES);
    // 64 nodes against a 4096-node midpoint rule, at the presets.
    for p in [lao_kto(), yao_kto()] {
        let (lo, hi) = (
            p.t_bkt - 4.0 * p.t_bkt_spread,
            (p.t_bkt + 4.0 * p.t_bkt_spread).min(p.tc0 * (1.0 - 1e-9)),
        );
        let n = 4096;
        let h = (hi - lo) / n as f64;
        let nodes: Vec<(f64, f64)> = (0..n)
            .map(|k| {
                let x = lo + h * (k as f64 + 0.5);
                (x, (-0.5 * ((x - p.t_bkt) / p.t_bkt_spread).powi(2)).exp())
            })
            .collect();
        let total: f64 = nodes.iter().map(|n| n.1).sum();
        for t in [1.6, 1.8, 2.0, 2.3] {
            let fine: f64 = nodes
                .iter()
                .map(|&(x, w)| w / total * homogeneous_resistance(&p, t, x))
                .sum();
            let coarse = rt_model(&p, &[t]).unwrap()[0];
            assert!(
                (coarse / fine - 1.0).abs() < 1e-4,
                "{t}: {coarse} vs {fine}"
            );
        }
    }
}

#[test]
fn presets_give_the_papers_onset_and_zero() {
    let t = fig1b_grid();
    for (name, onset, zero) in [("LAO/KTO", 2.32, 1.66), ("YAO/KTO", 2.39, 1.70)] {
        let p = preset(name).unwrap();
        let r = rt_model(&p, &t).unwrap();
        let tt = transition_temperatures(&t, &r, &TransitionOptions::default()).unwrap();
        let z = tt.zero.unwrap();
        println!(
            "{name}: onset {} K, mid {:?} K, zero {z} K",
            tt.onset, tt.mid
        );
        assert!((tt.onset - onset).abs() < 0.02, "{name} onset {}", tt.onset);
        assert!((z - zero).abs() < 0.02, "{name} zero {z}");
    }
    // LaAlO₃'s midpoint is the 2.0 K of Fig. 1d and S3.
    let r = rt_model(&lao_kto(), &t).unwrap();
    let mid = transition_temperatures(&t, &r, &TransitionOptions::default())
        .unwrap()
        .mid
        .unwrap();
    assert!((mid - 2.0).abs() < 0.01, "{mid}");
}

#[test]
fn thresholds_are_parameters_and_zero_may_be_out_of_reach() {
    let t: Vec<f64> = (0..=100).map(|k| 1.0 + 0.01 * f64::from(k)).collect();
    let r: Vec<f64> = t.iter().map(|&t| 100.0 * (t - 1.0)).collect(); // linear: R_N = 100 at 2 K
    let opts = TransitionOptions {
        r_normal: Some(100.0),
        ..Default::default()
    };
    let tt = transition_temperatures(&t, &r, &opts).unwrap();
    assert!((tt.onset - 1.9).abs() < 1e-12 && (tt.mid.unwrap() - 1.5).abs() < 1e-12);
    assert!((tt.zero.unwrap() - 1.01).abs() < 1e-12);
    let opts = TransitionOptions {
        r_normal: Some(100.0),
        onset: 0.8,
        mid: 0.3,
        zero: 0.001,
        ..Default::default()
    };
    let tt = transition_temperatures(&t, &r, &opts).unwrap();
    assert!((tt.onset - 1.8).abs() < 1e-12 && (tt.mid.unwrap() - 1.3).abs() < 1e-12);
    assert!((tt.zero.unwrap() - 1.001).abs() < 1e-12);
    // A curve that never gets down to 1 %: no zero, but onset and midpoint.
    let r: Vec<f64> = t.iter().map(|&t| 100.0 * (t - 0.9)).collect();
    let opts = TransitionOptions {
        r_normal: Some(100.0),
        ..Default::default()
    };
    let tt = transition_temperatures(&t, &r, &opts).unwrap();
    assert_eq!(tt.zero, None);
    assert!((tt.onset - 1.8).abs() < 1e-12);
}

#[test]
fn the_normal_value_is_read_off_the_curve_between_its_points() {
    let t = [1.0, 2.0, 4.0, 5.0, 8.0];
    let r = [10.0, 20.0, 30.0, 70.0, 100.0];
    let at = |t_normal| {
        let opts = TransitionOptions {
            t_normal,
            ..Default::default()
        };
        normal_value(&t, &r, &opts).ok()
    };
    // On a point (the interval that ends there), between points, at both
    // ends; outside the curve, none.
    assert_eq!(at(5.0), Some(70.0));
    assert_eq!(at(3.0), Some(25.0));
    assert_eq!(at(6.5), Some(85.0));
    assert_eq!((at(1.0), at(8.0)), (Some(10.0), Some(100.0)));
    assert_eq!((at(0.5), at(8.5)), (None, None));
}

#[test]
fn bad_input_is_refused_naming_the_parameter() {
    let p = lao_kto();
    let msg = |t: &[f64], r: &[f64]| {
        transition_temperatures(t, r, &TransitionOptions::default())
            .unwrap_err()
            .to_string()
    };
    assert!(msg(&[], &[]).contains("t must not be empty"));
    assert!(msg(&[1.0, 2.0], &[1.0]).contains("r has 1 values but t has 2"));
    assert!(msg(&[2.0, 1.0], &[1.0, 2.0]).contains("t must be strictly increasing"));
    assert!(msg(&[1.0, 1.0], &[1.0, 2.0]).contains("strictly increasing"));
    assert!(msg(&[1.0, f64::NAN], &[1.0, 2.0]).contains("t[1] must be a finite number"));
    assert!(msg(&[1.0, 2.0], &[1.0, 2.0]).contains("options.tNormal must lie between 1 and 2"));
    let flat = transition_temperatures(
        &[1.0, 5.0, 6.0],
        &[10.0, 10.0, 10.0],
        &TransitionOptions::default(),
    );
    assert!(flat.unwrap_err().to_string().contains("no transition"));
    assert!(rt_model(&p, &[-1.0])
        .unwrap_err()
        .to_string()
        .contains("temperatureK[0] must be positive"));
    let mut bad = p.clone();
    bad.t_bkt = 3.0;
    assert!(rt_model(&bad, &[1.0])
        .unwrap_err()
        .to_string()
        .contains("params.tBkt must lie between"));
    bad = p.clone();
    bad.seed = 1.5;
    assert!(rt_model(&bad, &[1.0])
        .unwrap_err()
        .to_string()
        .contains("params.seed"));
    assert!(preset("STO")
        .unwrap_err()
        .to_string()
        .contains("name must be one of \"LAO/KTO\" or \"YAO/KTO\", got \"STO\""));
}
