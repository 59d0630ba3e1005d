//! The bifurcation temperature of measured ZFC/FC branches: on branches
//! whose split is known in closed form (FC = C/T; ZFC = FC·(T/T_i)² below
//! T_i, so FC − ZFC = (C/T)(1 − (T/T_i)²) and its 2 % point is a root one
//! can find by bisection), on the model's own curves (where it must agree
//! with the model's criterion), on branches that agree within their noise,
//! and on splits that persist to the top of the data.
#![cfg(not(target_arch = "wasm32"))]

use ktao::physics::irreversibility::{
    bifurcation, second_difference_noise, sorted_branch, SPLIT_FRACTION,
};
use ktao::physics::magnet::{magnet_preset, zfc_fc};
use rand::{rngs::StdRng, SeedableRng};
use rand_distr::{Distribution, StandardNormal};

const C: f64 = 1e-4;
const TI: f64 = 60.0;

fn fc(t: f64) -> f64 {
    C / t
}

fn zfc(t: f64) -> f64 {
    if t < TI {
        C / t * (t / TI).powi(2)
    } else {
        C / t
    }
}

/// Where (C/T)(1 − (T/T_i)²) falls to SPLIT_FRACTION of its largest value
/// on [lo, T_i], by bisection.
fn closed_form_tirr(lo: f64) -> f64 {
    let s = |t: f64| fc(t) - zfc(t);
    let max = s(lo); // decreasing in T
    let (mut a, mut b) = (lo, TI);
    for _ in 0..200 {
        let m = 0.5 * (a + b);
        if s(m) > SPLIT_FRACTION * max {
            a = m;
        } else {
            b = m;
        }
    }
    0.5 * (a + b)
}

/// Branches on their own grids: ZFC warming 5–100 K every 0.5 K, FC every
/// 0.7 K from 100 K down (the order of the rows does not matter).
fn branches(noise: f64, seed: u64) -> [Vec<f64>; 4] {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut z = |v: f64| {
        v + noise * {
            let z: f64 = StandardNormal.sample(&mut rng);
            z
        }
    };
    let zt: Vec<f64> = (0..=190).map(|k| 5.0 + 0.5 * f64::from(k)).collect();
    let zm: Vec<f64> = zt.iter().map(|&t| z(zfc(t))).collect();
    let ft: Vec<f64> = (0..=135).map(|k| 100.0 - 0.7 * f64::from(k)).collect();
    let fm: Vec<f64> = ft.iter().map(|&t| z(fc(t))).collect();
    [zt, zm, ft, fm]
}

#[test]
fn noise_free_branches_give_the_closed_form_temperature() {
    let [zt, zm, ft, fm] = branches(0.0, 0);
    let b = bifurcation(&zt, &zm, &ft, &fm).unwrap();
    // The common range starts at the FC's lowest temperature.
    let want = closed_form_tirr(ft.iter().copied().fold(f64::INFINITY, f64::min));
    let got = b.temperature_k.unwrap();
    // Linear interpolation between grid points 0.5–0.7 K apart.
    assert!((got - want).abs() < 0.3, "{got} vs {want}");
    assert!(b.separated && !b.persists);
    assert!(
        b.noise < 1e-3 * b.split_max,
        "{} vs {}",
        b.noise,
        b.split_max
    );
    assert!(b.split_max > 0.0);
}

#[test]
fn noisy_branches_still_give_it_and_the_noise() {
    let sigma = 2e-8; // 0.2 % of the largest split
    let want = closed_form_tirr(5.2);
    let mut hits = 0;
    for seed in 0..20 {
        let [zt, zm, ft, fm] = branches(sigma, seed);
        let b = bifurcation(&zt, &zm, &ft, &fm).unwrap();
        // Two branches, each σ: the split's noise is √2 σ (interpolation
        // between FC points averages a little of it away).
        assert!(
            b.noise > 0.7 * sigma && b.noise < 2.0 * sigma,
            "seed {seed}: noise {}",
            b.noise
        );
        let got = b.temperature_k.unwrap();
        // The threshold (2 % of the split, about 5σ here) is crossed where
        // the split falls at ≈ 3.7e-7 emu/K: σ moves it by ≈ 0.1 K.
        assert!((got - want).abs() < 1.5, "seed {seed}: {got} vs {want}");
        hits += usize::from((got - want).abs() < 0.5);
    }
    assert!(hits >= 14, "{hits} of 20 within 0.5 K");
}

#[test]
fn branches_that_agree_within_their_noise_give_no_temperature() {
    let mut rng = StdRng::seed_from_u64(3);
    let t: Vec<f64> = (0..200).map(|k| 5.0 + 0.5 * f64::from(k)).collect();
    let mut noisy = || -> Vec<f64> {
        t.iter()
            .map(|&t| {
                fc(t)
                    + 1e-8 * {
                        let z: f64 = StandardNormal.sample(&mut rng);
                        z
                    }
            })
            .collect()
    };
    let (a, b) = (noisy(), noisy());
    let r = bifurcation(&t, &a, &t, &b).unwrap();
    assert!(!r.separated, "split {} noise {}", r.split_max, r.noise);
    assert_eq!(r.temperature_k, None);
    assert!(!r.persists);
}

#[test]
fn a_split_up_to_the_top_persists() {
    let t: Vec<f64> = (0..26).map(|k| 5.0 + f64::from(k)).collect();
    let z: Vec<f64> = t.iter().map(|&t| zfc(t)).collect();
    let f: Vec<f64> = t.iter().map(|&t| fc(t)).collect();
    let r = bifurcation(&t, &z, &t, &f).unwrap();
    assert!(r.separated && r.persists);
    assert_eq!(r.temperature_k, None);
}

#[test]
fn a_negative_field_gives_the_same_temperature() {
    let [zt, zm, ft, fm] = branches(0.0, 0);
    let neg = |v: &[f64]| v.iter().map(|x| -x).collect::<Vec<f64>>();
    let a = bifurcation(&zt, &zm, &ft, &fm).unwrap();
    let b = bifurcation(&zt, &neg(&zm), &ft, &neg(&fm)).unwrap();
    assert_eq!(a.temperature_k, b.temperature_k);
    assert_eq!(b.split_max, -a.split_max);
    assert_eq!(a.zfc_peak_k, b.zfc_peak_k);
}

#[test]
fn agrees_with_the_models_criterion_on_the_models_curves() {
    // Smaller, narrower particles than the preset's (whose split persists
    // to 300 K): the branches join well inside the range.
    let mut o = magnet_preset("LAO/KTO").unwrap();
    o.noise_emu = 0.0;
    o.volume_nm3 = 1e5;
    o.volume_spread = 0.3;
    let m = zfc_fc(&o).unwrap();
    let model = m
        .bifurcation_k
        .expect("the preset's split closes below T_max");
    let r = bifurcation(&m.temperature, &m.zfc_ferro, &m.temperature, &m.fc_ferro).unwrap();
    assert!(
        (r.temperature_k.unwrap() - model).abs() < 1e-9 * model,
        "{:?} vs {model}",
        r.temperature_k
    );
    assert_eq!(r.zfc_peak_k, m.zfc_peak_k);
}

#[test]
fn repeated_temperatures_are_averaged_and_gaps_skipped() {
    let (t, m) = sorted_branch(
        &[3.0, 1.0, 2.0, 1.0, f64::NAN, 4.0],
        &[30.0, 10.0, 20.0, 12.0, 5.0, f64::NAN],
    );
    assert_eq!(t, [1.0, 2.0, 3.0]);
    assert_eq!(m, [11.0, 20.0, 30.0]);
    // σ of white noise from second differences: the median of |Δ²| of
    // N(0, 1) is 0.6745·√6.
    let mut rng = StdRng::seed_from_u64(9);
    let s: Vec<f64> = (0..20_000)
        .map(|_| {
            let z: f64 = StandardNormal.sample(&mut rng);
            z
        })
        .collect();
    let sigma = second_difference_noise(&s);
    assert!((sigma - 1.0).abs() < 0.03, "{sigma}");
}

#[test]
fn too_few_points_are_refused_naming_them() {
    let e = bifurcation(&[1.0, 2.0], &[1.0, 2.0], &[1.0, 2.0, 3.0], &[1.0, 2.0, 3.0])
        .unwrap_err()
        .to_string();
    assert!(e.contains("zfcT has 2 points but at least 3"), "{e}");
    let e = bifurcation(
        &[1.0, 2.0, 3.0],
        &[1.0, 2.0],
        &[1.0, 2.0, 3.0],
        &[1.0, 2.0, 3.0],
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("zfcM has 2 values but zfcT has 3"), "{e}");
    let e = bifurcation(
        &[1.0, 2.0, 3.0],
        &[1.0, 2.0, 3.0],
        &[4.0, 5.0, 6.0],
        &[1.0, 2.0, 3.0],
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("temperatures common to zfcT and fcT"), "{e}");
}
