//! Stoner–Wohlfarth ensembles: the analytic limits every model of a
//! hysteresis loop must meet, the thermal model's T → 0 limit, and Sharrock's
//! law for an aligned ensemble (physics.md §9).
#![cfg(not(target_arch = "wasm32"))]

use ktao::physics::magnet::ensemble::inverse_normal_cdf;
use ktao::physics::magnet::particle::{switching_field, Branch};
use ktao::physics::magnet::sw_loop::{sw_loop_with, Resolution, LOOP_RESOLUTION};
use ktao::physics::magnet::thermal::{self, TAU0_S};
use ktao::physics::magnet::{sw_loop, MagnetOptions, SwLoop};

/// Plain Stoner–Wohlfarth: no thermal activation, one H_K, no background.
fn plain(ensemble: &str, psi_deg: f64) -> MagnetOptions {
    MagnetOptions {
        ensemble: ensemble.to_string(),
        psi_deg,
        spread_deg: 0.0,
        hk_oe: 1000.0,
        hk_spread: 0.0,
        ms_emu: 1.0,
        temperature_k: 0.0,
        h_max_oe: 3000.0,
        // 2001 fields per branch: steps of 3 Oe = 0.003 H_K, and H = 0 is one of them.
        points: 4002.0,
        ..MagnetOptions::default()
    }
}

/// (H, m) points in sweep order.
type Curve = Vec<(f64, f64)>;

/// (descending, ascending) branches in sweep order.
fn branches(l: &SwLoop) -> (Curve, Curve) {
    let nb = l.h.len() / 2;
    let pts: Vec<(f64, f64)> = l.h.iter().copied().zip(l.m_ferro.iter().copied()).collect();
    (pts[..nb].to_vec(), pts[nb..].to_vec())
}

/// m at H = 0 on the descending branch.
fn remanence(l: &SwLoop) -> f64 {
    let (down, _) = branches(l);
    down.iter()
        .find(|p| p.0 == 0.0)
        .expect("H = 0 on the grid")
        .1
}

/// |H| where the descending branch first crosses m = 0 (linear interpolation).
fn coercivity(l: &SwLoop) -> f64 {
    let (down, _) = branches(l);
    let i = down
        .windows(2)
        .position(|w| w[0].1 > 0.0 && w[1].1 <= 0.0)
        .expect("a zero crossing");
    let ((h0, m0), (h1, m1)) = (down[i], down[i + 1]);
    -(h0 - m0 * (h1 - h0) / (m1 - m0))
}

/// The field of the largest jump of the descending branch.
fn switching(l: &SwLoop) -> f64 {
    let (down, _) = branches(l);
    let (i, _) = down
        .windows(2)
        .map(|w| (w[0].1 - w[1].1).abs())
        .enumerate()
        .fold((0, 0.0), |b, (i, d)| if d > b.1 { (i, d) } else { b });
    down[i + 1].0
}

#[test]
fn astroid_is_one_on_the_axes_and_a_half_at_45_degrees() {
    assert!((switching_field(0.0) - 1.0).abs() < 1e-15);
    assert!((switching_field(90f64.to_radians()) - 1.0).abs() < 1e-10);
    assert!((switching_field(45f64.to_radians()) - 0.5).abs() < 1e-12);
    // The parametric branch ends exactly on the astroid: there e' = e'' = 0.
    for deg in [5.0, 20.0, 45.0, 70.0, 85.0] {
        let psi = f64::to_radians(deg);
        let b = Branch::new(psi);
        assert!((b.h_sw - switching_field(psi)).abs() < 1e-12, "{deg}°");
        let (m, _) = b.eval(-b.h_sw);
        let phi = m.acos();
        let x = -b.h_sw;
        let d1 = 0.5 * (2.0 * (phi - psi)).sin() + x * phi.sin();
        let d2 = (2.0 * (phi - psi)).cos() + x * phi.cos();
        assert!(
            d1.abs() < 1e-9 && d2.abs() < 1e-9,
            "{deg}°: e' = {d1}, e'' = {d2}"
        );
    }
}

#[test]
fn branch_points_are_energy_minima() {
    // At any field the tabulated state must satisfy e'(φ) = 0 with e'' > 0 (to the
    // interpolation accuracy), whatever the field: this is the definition.
    for deg in [3.0, 30.0, 60.0, 89.0] {
        let psi = f64::to_radians(deg);
        let b = Branch::new(psi);
        for i in 0..400 {
            let x = -b.h_sw + 1e-6 + (80.0 + b.h_sw) * (i as f64 / 399.0).powi(3);
            let (m, e) = b.eval(x);
            let both_exist = x.abs() < b.h_sw;
            // The minimum near the tabulated angle, by Newton on e'(φ).
            let mut phi = m.clamp(-1.0, 1.0).acos();
            for _ in 0..50 {
                let d1 = 0.5 * (2.0 * (phi - psi)).sin() + x * phi.sin();
                let d2 = (2.0 * (phi - psi)).cos() + x * phi.cos();
                if d2 <= 0.0 {
                    break;
                }
                phi -= d1 / d2;
            }
            let exact_m = phi.cos();
            let exact_e = 0.5 * (phi - psi).sin().powi(2) - x * phi.cos();
            let tol = if x < -b.h_sw + 0.01 { 2e-3 } else { 1e-4 };
            assert!(
                (m - exact_m).abs() < tol,
                "{deg}° x = {x}: m {m} vs {exact_m}"
            );
            // Energies matter where both states exist (their gap sets the
            // thermal populations).
            if both_exist {
                assert!(
                    (e - exact_e).abs() < 1e-7,
                    "{deg}° x = {x}: e {e} vs {exact_e}"
                );
            }
        }
    }
}

#[test]
fn aligned_loop_is_square_with_hc_equal_to_hk() {
    let l = sw_loop(&plain("aligned", 0.0)).unwrap();
    let mr = remanence(&l);
    assert!((mr - 1.0).abs() < 1e-6, "Mr/Ms = {mr}");
    // Every point of the descending branch is +1 above −H_K and −1 below it.
    let (down, up) = branches(&l);
    for &(h, m) in &down {
        let want = if h > -1000.0 { 1.0 } else { -1.0 };
        assert_eq!(m, want, "H = {h}");
    }
    for &(h, m) in &up {
        let want = if h < 1000.0 { -1.0 } else { 1.0 };
        assert_eq!(m, want, "H = {h}");
    }
    // So the switch sits exactly at H_K: on the grid −999 Oe is +1, −1002 Oe is −1.
    assert!((switching(&l) + 1002.0).abs() < 1e-9);
    // And between grid points: the "+" state lives to within 1e-6 of −H_K and
    // no further, so H_c = H_K to 1e-6.
    let b = Branch::new(0.0);
    assert_eq!(b.h_sw, 1.0);
    assert!(b.plus_exists(-(1.0 - 1e-6)) && !b.plus_exists(-1.0));
}

#[test]
fn perpendicular_axis_has_no_hysteresis_and_m_equals_h_over_hk() {
    let l = sw_loop(&plain("aligned", 90.0)).unwrap();
    let (down, up) = branches(&l);
    for (&(h, m), &(h2, m2)) in down.iter().zip(up.iter().rev()) {
        assert_eq!(h, h2);
        assert!((m - m2).abs() < 1e-12, "hysteresis at H = {h}: {m} vs {m2}");
        let want = (h / 1000.0).clamp(-1.0, 1.0);
        assert!((m - want).abs() < 1e-12, "H = {h}: m = {m}, want {want}");
    }
}

#[test]
fn axis_at_45_degrees_switches_at_half_the_anisotropy_field() {
    let l = sw_loop(&plain("aligned", 45.0)).unwrap();
    let h = switching(&l);
    // The first grid field at or beyond −0.5 H_K = −500 Oe.
    assert!((h + 501.0).abs() < 1e-9, "switched at {h} Oe");
    // And the same for a spread of zero width about 45°.
    let l2 = sw_loop(&plain("spread", 45.0)).unwrap();
    assert_eq!(l.m_ferro, l2.m_ferro);
}

#[test]
fn random_in_plane_ensemble() {
    let l = sw_loop(&plain("inplane", 0.0)).unwrap();
    let (mr, hc) = (remanence(&l), coercivity(&l) / 1000.0);
    // M_r/M_s = ⟨|cos ψ|⟩ = 2/π exactly; H_c/H_K = 0.508 (physics.md §9).
    assert!(
        (mr - 2.0 / std::f64::consts::PI).abs() < 0.005,
        "Mr/Ms = {mr}"
    );
    assert!((hc - 0.508).abs() < 0.01, "Hc/HK = {hc}");
}

#[test]
fn random_3d_ensemble() {
    let l = sw_loop(&plain("random3d", 0.0)).unwrap();
    let (mr, hc) = (remanence(&l), coercivity(&l) / 1000.0);
    assert!((mr - 0.5).abs() < 0.005, "Mr/Ms = {mr}");
    assert!((hc - 0.482).abs() < 0.01, "Hc/HK = {hc}");
}

#[test]
fn thermal_model_at_vanishing_temperature_is_plain_stoner_wohlfarth() {
    for ensemble in ["aligned", "inplane", "random3d"] {
        // At 1 nK the thermal shift of a switching field, ∝ √T (Sharrock), is
        // below 1e-4 Oe: far from every 3 Oe grid step.
        let cold = MagnetOptions {
            temperature_k: 1e-9,
            // An H_K that puts no grid field exactly on a class's switching field.
            hk_oe: 1003.7,
            hk_spread: 0.3,
            volume_nm3: 1e5,
            volume_spread: 0.5,
            ..plain(ensemble, 20.0)
        };
        let zero = MagnetOptions {
            temperature_k: 0.0,
            ..cold.clone()
        };
        // The same 64 angles for both: at 0 K the volumes do not matter and
        // the default resolution would spend their budget on more angles.
        let res = Resolution {
            min_angles: 64,
            max_angles: 64,
            ..LOOP_RESOLUTION
        };
        let a = sw_loop_with(&cold, res).unwrap();
        let b = sw_loop_with(&zero, res).unwrap();
        let worst = a
            .m_ferro
            .iter()
            .zip(&b.m_ferro)
            .map(|(x, y)| (x - y).abs())
            .fold(0.0, f64::max);
        assert!(worst < 1e-12, "{ensemble}: largest difference {worst} M_s");
        let (ha, hb) = (coercivity(&a), coercivity(&b));
        assert!((ha - hb).abs() < 1e-9, "{ensemble}: Hc {ha} vs {hb} Oe");
    }
}

#[test]
fn aligned_coercivity_follows_sharrocks_law() {
    // One aligned class, barrier KV(1 − H/H_K)²: half the particles have
    // switched when the barrier is k_BT ln(f0 t_eff/ln 2), Sharrock's law
    // H_c = H_K [1 − ((k_BT/KV) ln(f0 t_eff/ln 2))^½]. With the field held
    // t at each of many fine steps ΔH, a particle has several points to
    // switch in: t_eff = t/(1 − e^{−ΔH·dE/dH /k_BT}), the geometric sum of the
    // rates over the steps before the switch (≈ 10 points at 0.5 Oe, 50 K).
    let base = MagnetOptions {
        ensemble: "aligned".into(),
        hk_oe: 1000.0,
        hk_spread: 0.0,
        volume_spread: 0.0,
        volume_nm3: 2e5,
        ms_emu: 1.0,
        tc_k: 1e4,
        h_max_oe: 1500.0,
        points: 12002.0, // 0.5 Oe steps
        ..MagnetOptions::default()
    };
    let step = 3000.0 / 6000.0;
    let mut reduced = Vec::new();
    for t in [5.0, 20.0, 50.0, 100.0, 150.0, 200.0] {
        let o = MagnetOptions {
            temperature_k: t,
            ..base.clone()
        };
        let m0 = base.magnetization_emu_cm3 * thermal::ms_ratio(t, base.tc_k);
        let a = thermal::barrier_over_kt(m0, 1000.0, 2e5, t);
        let mut ln_f0t = (o.measure_time_s / TAU0_S / 2f64.ln()).ln();
        let mut hc_model = 0.0;
        for _ in 0..20 {
            let slope = 2.0 * (a * ln_f0t).sqrt() / 1000.0; // d(E/k_BT)/dH at the switch, per Oe
            let t_eff = o.measure_time_s / (1.0 - (-slope * step).exp());
            ln_f0t = (t_eff / TAU0_S / 2f64.ln()).ln();
            hc_model = 1000.0 * (1.0 - (ln_f0t / a).sqrt());
        }
        let hc = coercivity(&sw_loop(&o).unwrap());
        assert!(
            (hc - hc_model).abs() < 1.0,
            "T = {t} K: Hc = {hc} Oe, Sharrock {hc_model} Oe"
        );
        reduced.push((t, (1.0 - hc / 1000.0).powi(2)));
    }
    // (1 − H_c/H_K)² grows linearly with T, up to the slow log of t_eff.
    let (t0, r0) = reduced[0];
    for &(t, r) in &reduced[1..] {
        let ratio = (r / r0) / (t / t0);
        assert!((ratio - 1.0).abs() < 0.1, "T = {t} K: ratio {ratio}");
    }
}

#[test]
fn inverse_normal_cdf_matches_tabulated_quantiles() {
    // scipy.stats.norm.ppf
    for (p, z) in [
        (0.5, 0.0),
        (0.8, 0.841_621_233_572_914_3),
        (0.975, 1.959_963_984_540_054),
        (0.01, -2.326_347_874_040_840_8),
        (0.001, -3.090_232_306_167_813_5),
    ] {
        assert!((inverse_normal_cdf(p) - z).abs() < 1e-8, "p = {p}");
    }
}
