//! The two samples against the paper (Fig. 2, Fig. S5, physics.md §1): the
//! processed loops give ≈ 0.2 μ_B per interface unit cell at 1.8 K over
//! ±1.5 kOe, the coercivity shrinks on warming and the loop is still open at
//! 300 K; ZFC and FC at 50 Oe are split up to 300 K.
#![cfg(not(target_arch = "wasm32"))]

use ktao::physics::loop_processing::{process_loop, LoopOptions, LoopReport};
use ktao::physics::magnet::{magnet_preset, sw_loop, zfc_fc, MagnetOptions};

const SAMPLES: [&str; 2] = ["LAO/KTO", "YAO/KTO"];
const TEMPERATURES: [f64; 5] = [1.8, 50.0, 100.0, 200.0, 300.0];

fn processed(sample: &str, t: f64) -> LoopReport {
    let o = MagnetOptions {
        temperature_k: t,
        ..magnet_preset(sample).unwrap()
    };
    let l = sw_loop(&o).unwrap();
    process_loop(&l.h, &l.m, &LoopOptions::default()).unwrap()
}

#[test]
fn processed_moment_is_about_0_2_bohr_magnetons_per_interface_cell_at_1_8_k() {
    for s in SAMPLES {
        let r = processed(s, 1.8);
        assert!(r.warnings.is_empty(), "{s}: {:?}", r.warnings);
        assert!(r.linear, "{s}: the ±1.5 kOe loop saturates");
        let v = r.ms_mub_per_cell;
        assert!(
            (v - 0.2).abs() < 0.02,
            "{s}: {v} ± {} μ_B/cell",
            r.ms_mub_per_cell_error
        );
        // The substrate's diamagnetism dominates the raw signal at the top field.
        let raw_ratio = (r.slope * 1500.0 / r.ms).abs();
        assert!(raw_ratio > 100.0, "{s}: χH/M_s = {raw_ratio}");
    }
}

#[test]
fn coercivity_shrinks_on_warming_and_the_loop_is_open_at_300_k() {
    for s in SAMPLES {
        let r: Vec<LoopReport> = TEMPERATURES.iter().map(|&t| processed(s, t)).collect();
        for (w, t) in r.windows(2).zip(TEMPERATURES.windows(2)) {
            let drop = w[0].hc - w[1].hc;
            let err = w[0].hc_error.hypot(w[1].hc_error);
            assert!(
                drop > 3.0 * err,
                "{s}: H_c {} → {} Oe from {} to {} K",
                w[0].hc,
                w[1].hc,
                t[0],
                t[1]
            );
        }
        let hot = &r[4];
        assert!(
            hot.hc > 5.0 * hot.hc_error && hot.hc > 20.0,
            "{s}: H_c(300 K) = {} ± {}",
            hot.hc,
            hot.hc_error
        );
        assert!(
            hot.mr > 5.0 * hot.mr_error,
            "{s}: M_r(300 K) = {} ± {}",
            hot.mr,
            hot.mr_error
        );
    }
}

#[test]
fn zfc_and_fc_at_50_oe_are_split_up_to_300_k() {
    for s in SAMPLES {
        let o = magnet_preset(s).unwrap();
        let z = zfc_fc(&o).unwrap();
        assert_eq!(z.field_oe, 50.0);
        assert_eq!(
            (z.temperature[0], *z.temperature.last().unwrap()),
            (1.8, 300.0)
        );
        assert!(
            z.bifurcation_k.is_none(),
            "{s}: bifurcation at {:?}",
            z.bifurcation_k
        );
        for (i, (zf, fc)) in z.zfc_ferro.iter().zip(&z.fc_ferro).enumerate() {
            assert!(fc > zf, "{s}: FC ≤ ZFC at {} K", z.temperature[i]);
        }
        // At 300 K the measured curves are apart by far more than their noise.
        let n = z.temperature.len() - 1;
        assert!(
            z.fc[n] - z.zfc[n] > 10.0 * o.noise_emu,
            "{s}: split {}",
            z.fc[n] - z.zfc[n]
        );
        // ZFC rises on warming as particles unblock; FC falls with M_s(T).
        assert!(z.zfc_ferro[n] > 1.5 * z.zfc_ferro[0] && z.fc_ferro[n] < z.fc_ferro[0]);
    }
}

#[test]
fn zfc_and_fc_of_small_particles_merge_above_their_blocking_temperature() {
    // KV/k_B T_B ≈ ln(f0 t) ≈ 23: with V = 5e4 nm³ the median blocks near
    // 0.5·29.2·300·5e4e-21 erg / (23 k_B) ≈ 70 K; the largest particles of a
    // 0.5-wide distribution a little above 100 K, where the curves must meet.
    let o = MagnetOptions {
        volume_nm3: 5e4,
        volume_spread: 0.5,
        ..magnet_preset("LAO/KTO").unwrap()
    };
    let z = zfc_fc(&o).unwrap();
    let t_irr = z.bifurcation_k.expect("a bifurcation below 300 K");
    assert!((80.0..250.0).contains(&t_irr), "T_irr = {t_irr} K");
    assert!(
        z.zfc_peak_k < t_irr,
        "ZFC peak {} K below T_irr {t_irr} K",
        z.zfc_peak_k
    );
    let n = z.temperature.len() - 1;
    assert!((z.fc_ferro[n] - z.zfc_ferro[n]).abs() < 1e-3 * z.fc_ferro[n]);
}

#[test]
fn presets_are_option_objects_and_unknown_names_are_refused() {
    let lao = magnet_preset("LAO/KTO").unwrap();
    assert_eq!(lao.temperature_k, 1.8);
    assert_eq!((lao.h_max_oe, lao.field_oe), (1500.0, 50.0));
    assert!(lao.chi_emu_per_oe < 0.0 && lao.noise_emu > 0.0);
    assert_ne!(lao, magnet_preset("YAO/KTO").unwrap());
    let e = magnet_preset("STO/LAO").unwrap_err().to_string();
    assert!(
        e.contains("sample must be one of \"LAO/KTO\" or \"YAO/KTO\""),
        "{e}"
    );
}
