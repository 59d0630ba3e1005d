//! Loop processing (physics.md §9) on synthetic loops whose every number is
//! known: tanh-shaped branches (M_s, H_c exact; M_r = M_s tanh(H_c/w)) under a
//! diamagnetic background 200 times the ferromagnetic moment at the top
//! field, with field and moment offsets and Gaussian noise.
#![cfg(not(target_arch = "wasm32"))]

use ktao::physics::loop_processing::{moment_per_cell, process_loop, LoopOptions, LoopReport};
use rand::{rngs::StdRng, SeedableRng};
use rand_distr::{Distribution, StandardNormal};

const MS: f64 = 1.68e-7;
const HC: f64 = 150.0;
const H_MAX: f64 = 1500.0;
/// 200 × the ferromagnetic moment at the top field.
const CHI: f64 = -200.0 * MS / H_MAX;
const H0: f64 = 12.0;
const M0: f64 = 3e-8;
const NOISE: f64 = 1e-9;

struct Truth {
    width: f64,
    drift: f64,
}

/// A full loop (down, then up) of 2 × `nb` points: the magnet reads H, the
/// sample sees H − H0.
fn synthetic(t: &Truth, nb: usize, seed: u64) -> (Vec<f64>, Vec<f64>) {
    let mut rng = StdRng::seed_from_u64(seed);
    let down: Vec<f64> = (0..nb)
        .map(|i| H_MAX - 2.0 * H_MAX * i as f64 / (nb - 1) as f64)
        .collect();
    let h: Vec<f64> = down.iter().chain(down.iter().rev()).copied().collect();
    let n = h.len();
    let m = h
        .iter()
        .enumerate()
        .map(|(i, &hm)| {
            let x = hm - H0;
            let branch = if i < nb { x + HC } else { x - HC };
            let z: f64 = StandardNormal.sample(&mut rng);
            MS * (branch / t.width).tanh()
                + CHI * x
                + M0
                + t.drift * i as f64 / n as f64
                + NOISE * z
        })
        .collect();
    (h, m)
}

fn clean() -> Truth {
    Truth {
        width: 60.0,
        drift: 0.0,
    }
}

fn run(t: &Truth, seed: u64) -> LoopReport {
    let (h, m) = synthetic(t, 200, seed);
    process_loop(&h, &m, &LoopOptions::default()).unwrap()
}

#[test]
fn recovers_slope_offsets_ms_mr_hc_within_their_errors() {
    let mr_true = MS * (HC / 60.0).tanh();
    let mut within_1sigma = [0usize; 6];
    let seeds = 40;
    for seed in 0..seeds {
        let r = run(&clean(), seed);
        assert!(r.warnings.is_empty(), "seed {seed}: {:?}", r.warnings);
        assert!(r.linear);
        let checks = [
            ("slope", r.slope, r.slope_error, CHI),
            ("offsetH", r.offset_h, r.offset_h_error, H0),
            ("offsetM", r.offset_m, r.offset_m_error, M0),
            ("ms", r.ms, r.ms_error, MS),
            ("mr", r.mr, r.mr_error, mr_true),
            ("hc", r.hc, r.hc_error, HC),
        ];
        for (k, (name, v, e, truth)) in checks.into_iter().enumerate() {
            assert!(e > 0.0 && e.is_finite(), "{name}: error {e}");
            assert!(
                (v - truth).abs() < 3.0 * e,
                "seed {seed} {name}: {v} ± {e}, truth {truth}"
            );
            if (v - truth).abs() < e {
                within_1sigma[k] += 1;
            }
        }
        // The errors are small enough to mean something.
        assert!(r.ms_error < 0.01 * MS && r.mr_error < 0.02 * mr_true && r.hc_error < 3.0);
        assert!(
            (r.noise / (NOISE * 2f64.sqrt()) - 1.0).abs() < 0.3,
            "noise {}",
            r.noise
        );
        assert!(
            (r.point_noise / NOISE - 1.0).abs() < 0.3,
            "point noise {}",
            r.point_noise
        );
    }
    // Honest errors: about 68 % of 40 estimates within 1σ (binomial 95 %: 20–34).
    for (k, name) in ["slope", "offsetH", "offsetM", "ms", "mr", "hc"]
        .iter()
        .enumerate()
    {
        let f = within_1sigma[k];
        assert!((18..=38).contains(&f), "{name}: {f} of {seeds} within 1σ");
    }
}

#[test]
fn corrected_loop_is_the_ferromagnet_alone() {
    let t = clean();
    let (h, m) = synthetic(&Truth { ..t }, 200, 7);
    let r = process_loop(&h, &m, &LoopOptions::default()).unwrap();
    let nb = h.len() / 2;
    let worst = (0..h.len())
        .map(|i| {
            let u = r.h_centered[i];
            let branch = if i < nb { u + HC } else { u - HC };
            (r.m_corrected[i] - MS * (branch / 60.0).tanh()).abs()
        })
        .fold(0.0, f64::max);
    // Against the background of 3.4e-5 emu, only noise (≤ 4σ) is left.
    assert!(
        worst < 4.5 * NOISE + 0.02 * MS,
        "worst residual {worst:e} emu"
    );
    assert!(
        (r.q - ((0.8f64).log10() + (MS / (NOISE * 2f64.sqrt())).powi(2).log10())).abs() < 0.3,
        "Q {}",
        r.q
    );
}

#[test]
fn warns_when_the_high_field_window_is_not_saturated() {
    // Branches 600 Oe wide are still rising at 1050–1500 Oe.
    let r = run(
        &Truth {
            width: 600.0,
            drift: 0.0,
        },
        3,
    );
    assert!(!r.linear, "curvature t = {}", r.curvature_t);
    assert!(
        r.warnings.iter().any(|w| w.contains("not saturated")),
        "{:?}",
        r.warnings
    );
    // Usable but doubtful: still a result, not an error.
    assert!(r.ms.is_finite() && r.hc.is_finite());
}

#[test]
fn measures_drift_as_the_closure_error() {
    let drift = 0.05 * MS;
    let r = run(&Truth { width: 60.0, drift }, 11);
    assert!(
        (r.closure_error - drift).abs() < 3.0 * r.closure_error_error,
        "closure {} ± {} vs {drift}",
        r.closure_error,
        r.closure_error_error
    );
    assert!(r.warnings.iter().any(|w| w.contains("does not close")));
    let r = run(&clean(), 11);
    assert!(r.closure_error.abs() < 3.0 * r.closure_error_error);
}

#[test]
fn sweeps_that_start_upwards_or_repeat_points_are_handled() {
    let (h, m) = synthetic(&clean(), 200, 5);
    // Up first: rotate the sweep to start at −H_max.
    let nb = h.len() / 2;
    let hu: Vec<f64> = h[nb..].iter().chain(&h[..nb]).copied().collect();
    let mu: Vec<f64> = m[nb..].iter().chain(&m[..nb]).copied().collect();
    let a = process_loop(&h, &m, &LoopOptions::default()).unwrap();
    let b = process_loop(&hu, &mu, &LoopOptions::default()).unwrap();
    assert!(
        (a.hc - b.hc).abs() < 0.5 * a.hc_error,
        "{} vs {}",
        a.hc,
        b.hc
    );
    assert!((a.ms - b.ms).abs() < 0.5 * a.ms_error);
    // A virgin curve from 0 to +H_max in front changes nothing essential.
    let mut hv: Vec<f64> = (0..50).map(|i| H_MAX * i as f64 / 50.0).collect();
    let mut mv: Vec<f64> = hv.iter().map(|&x| CHI * (x - H0) + M0).collect();
    hv.extend(&h);
    mv.extend(&m);
    let c = process_loop(&hv, &mv, &LoopOptions::default()).unwrap();
    // (Only the drift's clock moves: the sweep is longer.)
    assert!((a.hc - c.hc).abs() < 0.1 * a.hc_error && (a.ms - c.ms).abs() < 0.1 * a.ms_error);
}

#[test]
fn moment_per_cell_matches_the_papers_numbers() {
    // 0.2 μ_B per interface unit cell on 5 mm × 5 mm is 1.68e-7 emu (physics.md §9).
    let v = moment_per_cell(1.68e-7, 25.0, 3.989).unwrap();
    assert!((v - 0.2).abs() < 0.002, "{v}");
    // One cell is √3 a² = 27.56 Å²: 1 μ_B per cell on 27.56 Å² is 1 μ_B.
    let cell_mm2 = 3f64.sqrt() * 3.989f64.powi(2) * 1e-14;
    let one = moment_per_cell(9.274_010_078_3e-21, cell_mm2, 3.989).unwrap();
    assert!((one - 1.0).abs() < 1e-12, "{one}");
    let r = run(&clean(), 1);
    let per = r.ms_mub_per_cell / r.ms;
    assert!((per * 1.68e-7 - v).abs() < 1e-12);
}

#[test]
fn converts_to_a_per_m_given_a_thickness() {
    let (h, m) = synthetic(&clean(), 200, 2);
    let r = process_loop(
        &h,
        &m,
        &LoopOptions {
            thickness_nm: Some(10.0),
            ..LoopOptions::default()
        },
    )
    .unwrap();
    // M = m / V: emu → A·m² (1e-3) over 25 mm² × 10 nm.
    let want = r.ms * 1e-3 / (25e-6 * 10e-9);
    assert!((r.ms_a_per_m.unwrap() - want).abs() < 1e-9 * want);
    assert!(run(&clean(), 2).ms_a_per_m.is_none());
}

#[test]
fn refuses_bad_input_with_a_message_naming_it() {
    let (h, m) = synthetic(&clean(), 200, 1);
    let o = LoopOptions::default();
    let msg =
        |h: &[f64], m: &[f64], o: &LoopOptions| process_loop(h, m, o).unwrap_err().to_string();
    assert!(msg(&[], &[], &o).contains("hOe must not be empty"));
    let mut bad = h.clone();
    bad[3] = f64::NAN;
    assert!(msg(&bad, &m, &o).contains("hOe[3] must be a finite number"));
    let mut badm = m.clone();
    badm[10] = f64::INFINITY;
    assert!(msg(&h, &badm, &o).contains("mEmu[10] must be a finite number"));
    assert!(msg(&h, &m[..10], &o).contains("mEmu has 10 values but hOe has 400"));
    let huge: Vec<f64> = m.iter().map(|v| v * 1e300).collect();
    assert!(msg(&h, &huge, &o).contains("mEmu must lie between"));
    // A sweep with a single branch.
    assert!(msg(&h[..200], &m[..200], &o).contains("must sweep a full loop"));
    let with = |f: fn(&mut LoopOptions)| {
        let mut o = LoopOptions::default();
        f(&mut o);
        o
    };
    assert!(msg(&h, &m, &with(|o| o.area_mm2 = -25.0)).contains("areaMm2 must be a positive"));
    assert!(msg(&h, &m, &with(|o| o.thickness_nm = Some(0.0)))
        .contains("thicknessNm must be a positive"));
    assert!(msg(&h, &m, &with(|o| o.h_sat_oe = Some(-5.0))).contains("hSatOe must be a positive"));
    assert!(msg(&h, &m, &with(|o| o.h_sat_oe = Some(1499.0))).contains("hSatOe = 1499 Oe leaves"));
    for bad in [f64::NAN, -1.0] {
        assert!(moment_per_cell(1e-7, bad, 3.989).is_err());
        assert!(moment_per_cell(1e-7, 25.0, bad).is_err());
    }
    assert!(moment_per_cell(f64::NAN, 25.0, 3.989)
        .unwrap_err()
        .to_string()
        .contains("mEmu must be a finite number"));
}

#[test]
fn a_loop_without_a_ferromagnet_is_usable_but_flagged() {
    // Only background and noise: no coercivity, a warning, no error.
    let h: Vec<f64> = (0..200)
        .map(|i| H_MAX - 2.0 * H_MAX * i as f64 / 199.0)
        .chain((0..200).map(|i| -H_MAX + 2.0 * H_MAX * i as f64 / 199.0))
        .collect();
    let mut rng = StdRng::seed_from_u64(4);
    let m: Vec<f64> = h
        .iter()
        .map(|&x| {
            let z: f64 = StandardNormal.sample(&mut rng);
            CHI * x + NOISE * z
        })
        .collect();
    let r = process_loop(&h, &m, &LoopOptions::default()).unwrap();
    assert!(r.ms.abs() < 5.0 * r.ms_error.max(NOISE));
    assert!(
        r.warnings.iter().any(|w| w.contains("Q =")),
        "{:?}",
        r.warnings
    );
}
