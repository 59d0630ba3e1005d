//! The ferromagnet's machinery: its quadratures converge (no visible steps),
//! every option and figure control is checked by name, and recent sweeps
//! are reused only where nothing that shapes them changed.
#![cfg(not(target_arch = "wasm32"))]

use ktao::physics::magnet::figures::{magnet_loops, MagnetLoopsState, TemperatureSet};
use ktao::physics::magnet::sw_loop::{sw_loop_with, Resolution, LOOP_RESOLUTION};
use ktao::physics::magnet::zfc_fc::{zfc_fc_with, ZfcResolution, ZFC_RESOLUTION};
use ktao::physics::magnet::{magnet_preset, sw_loop, zfc_fc, MagnetOptions};

/// Distance of each point of `a` from the polyline `b`, in the plane of a
/// 600 × 400 px plot of ±h_max × ±m_max.
fn worst_pixels(a: &[(f64, f64)], b: &[(f64, f64)], h_max: f64, m_max: f64) -> f64 {
    let px = |p: (f64, f64)| (p.0 / (2.0 * h_max) * 600.0, p.1 / (2.0 * m_max) * 400.0);
    a.iter()
        .map(|&q| {
            let q = px(q);
            b.windows(2)
                .map(|w| {
                    let (p0, p1) = (px(w[0]), px(w[1]));
                    let (dx, dy) = (p1.0 - p0.0, p1.1 - p0.1);
                    let t = (((q.0 - p0.0) * dx + (q.1 - p0.1) * dy)
                        / (dx * dx + dy * dy).max(1e-300))
                    .clamp(0.0, 1.0);
                    ((q.0 - p0.0 - t * dx).powi(2) + (q.1 - p0.1 - t * dy).powi(2)).sqrt()
                })
                .fold(f64::INFINITY, f64::min)
        })
        .fold(0.0, f64::max)
}

#[test]
fn default_loop_quadrature_has_no_visible_steps() {
    // Against 60000 classes (25 H_K × 25 volumes × 96 angles) and 8 times
    // the field points, the default loop (400 classes) stays within 2.4 px.
    let fine = Resolution {
        class_budget: 60_000,
        min_angles: 96,
        max_angles: 512,
        hk_classes: 25,
        volume_classes: 25,
    };
    for t in [1.8, 300.0] {
        let o = MagnetOptions {
            temperature_k: t,
            ..magnet_preset("LAO/KTO").unwrap()
        };
        let coarse = sw_loop_with(&o, LOOP_RESOLUTION).unwrap();
        let reference = sw_loop_with(
            &MagnetOptions {
                points: 3200.0,
                ..o.clone()
            },
            fine,
        )
        .unwrap();
        let nb = coarse.h.len() / 2;
        let nf = reference.h.len() / 2;
        let pts = |h: &[f64], m: &[f64]| -> Vec<(f64, f64)> {
            h.iter().copied().zip(m.iter().copied()).collect()
        };
        let c = pts(&coarse.h, &coarse.m_ferro);
        let f = pts(&reference.h, &reference.m_ferro);
        let worst = worst_pixels(&c[..nb], &f[..nf], 1500.0, o.ms_emu).max(worst_pixels(
            &c[nb..],
            &f[nf..],
            1500.0,
            o.ms_emu,
        ));
        assert!(worst < 2.4, "T = {t} K: {worst:.2} px");
    }
}

#[test]
fn default_zfc_quadrature_agrees_with_a_fine_one() {
    let o = MagnetOptions {
        noise_emu: 0.0,
        ..magnet_preset("LAO/KTO").unwrap()
    };
    let fine = zfc_fc_with(
        &o,
        ZfcResolution {
            angles: 48,
            hk_classes: 25,
            volume_classes: 101,
        },
    )
    .unwrap();
    let coarse = zfc_fc_with(&o, ZFC_RESOLUTION).unwrap();
    let top = fine.fc_ferro.iter().copied().fold(0.0, f64::max);
    for (a, b) in [
        (&coarse.zfc_ferro, &fine.zfc_ferro),
        (&coarse.fc_ferro, &fine.fc_ferro),
    ] {
        let worst = a
            .iter()
            .zip(b.iter())
            .map(|(x, y)| (x - y).abs())
            .fold(0.0, f64::max);
        assert!(worst < 0.015 * top, "{:.4} of the FC maximum", worst / top);
    }
}

#[test]
fn every_option_is_checked_by_name() {
    let cases: Vec<(&str, MagnetOptions)> = vec![
        (
            "ensemble must be one of",
            MagnetOptions {
                ensemble: "cubic".into(),
                ..Default::default()
            },
        ),
        (
            "psiDeg must be a finite number",
            MagnetOptions {
                psi_deg: f64::NAN,
                ..Default::default()
            },
        ),
        (
            "spreadDeg must lie between 0 and 90",
            MagnetOptions {
                spread_deg: -1.0,
                ..Default::default()
            },
        ),
        (
            "hkOe must be a positive finite field in Oe",
            MagnetOptions {
                hk_oe: 0.0,
                ..Default::default()
            },
        ),
        (
            "hkSpread must lie between 0 and 2",
            MagnetOptions {
                hk_spread: 5.0,
                ..Default::default()
            },
        ),
        (
            "msEmu must be a positive",
            MagnetOptions {
                ms_emu: -1e-7,
                ..Default::default()
            },
        ),
        (
            "magnetizationEmuCm3 must be a positive",
            MagnetOptions {
                magnetization_emu_cm3: 0.0,
                ..Default::default()
            },
        ),
        (
            "volumeNm3 must be a positive",
            MagnetOptions {
                volume_nm3: f64::INFINITY,
                ..Default::default()
            },
        ),
        (
            "volumeSpread must lie between 0 and 3",
            MagnetOptions {
                volume_spread: -0.1,
                ..Default::default()
            },
        ),
        (
            "temperatureK must lie between 0 and 10000",
            MagnetOptions {
                temperature_k: -4.0,
                ..Default::default()
            },
        ),
        (
            "tcK must be a positive",
            MagnetOptions {
                tc_k: 0.0,
                ..Default::default()
            },
        ),
        (
            "measureTimeS must be a positive",
            MagnetOptions {
                measure_time_s: -1.0,
                ..Default::default()
            },
        ),
        (
            "hMaxOe must be a positive",
            MagnetOptions {
                h_max_oe: f64::NAN,
                ..Default::default()
            },
        ),
        (
            "points must be a whole number",
            MagnetOptions {
                points: 400.5,
                ..Default::default()
            },
        ),
        (
            "points must be even",
            MagnetOptions {
                points: 401.0,
                ..Default::default()
            },
        ),
        (
            "points must lie between 8 and 20000",
            MagnetOptions {
                points: 4.0,
                ..Default::default()
            },
        ),
        (
            "chiEmuPerOe must be a finite number",
            MagnetOptions {
                chi_emu_per_oe: f64::NAN,
                ..Default::default()
            },
        ),
        (
            "paraEmuPerOe must lie between 0",
            MagnetOptions {
                para_emu_per_oe: -1e-9,
                ..Default::default()
            },
        ),
        (
            "offsetEmu must be a finite number",
            MagnetOptions {
                offset_emu: f64::INFINITY,
                ..Default::default()
            },
        ),
        (
            "noiseEmu must lie between 0",
            MagnetOptions {
                noise_emu: -1e-9,
                ..Default::default()
            },
        ),
        (
            "seed must be a whole number",
            MagnetOptions {
                seed: 1.5,
                ..Default::default()
            },
        ),
        (
            "fieldOe must be a finite number",
            MagnetOptions {
                field_oe: f64::NAN,
                ..Default::default()
            },
        ),
        (
            "tMaxK must be above tMinK",
            MagnetOptions {
                t_min_k: 300.0,
                t_max_k: 2.0,
                ..Default::default()
            },
        ),
        (
            "temperaturePoints must lie between 2 and 5000",
            MagnetOptions {
                temperature_points: 1.0,
                ..Default::default()
            },
        ),
    ];
    for (want, o) in cases {
        let e = sw_loop(&o).unwrap_err().to_string();
        assert!(e.contains(want), "{want:?} not in {e:?}");
        assert!(zfc_fc(&o).unwrap_err().to_string().contains(want));
    }
}

#[test]
fn figure_states_check_their_temperature_sets() {
    let with = |t: TemperatureSet| MagnetLoopsState {
        temperatures_k: t,
        ..MagnetLoopsState::default()
    };
    let msg = |t: TemperatureSet| magnet_loops(&with(t)).unwrap_err().to_string();
    assert!(msg(TemperatureSet::List(vec![])).contains("temperaturesK must not be empty"));
    assert!(msg(TemperatureSet::List(vec![300.0, 2.0]))
        .contains("temperaturesK must be strictly increasing"));
    assert!(msg(TemperatureSet::List(vec![2.0, 2.0])).contains("strictly increasing"));
    assert!(msg(TemperatureSet::Text("2, abc".into()))
        .contains("temperaturesK[1] must be a finite number"));
    assert!(
        msg(TemperatureSet::List(vec![-1.0])).contains("temperaturesK must lie between 0 and 1000")
    );
    assert!(msg(TemperatureSet::List((1..=9).map(f64::from).collect())).contains("count"));
    let ok = magnet_loops(&with(TemperatureSet::Text("2,300".into()))).unwrap();
    let loops = &ok.panels[0].loops;
    assert_eq!(loops.len(), 2);
    // Each temperature gets its own noise.
    assert_ne!(
        loops[0].sweep.m[0] - loops[0].sweep.m_ferro[0],
        loops[1].sweep.m[0] - loops[1].sweep.m_ferro[0]
    );
}

#[test]
fn background_and_noise_do_not_change_the_sweep_and_reuse_it() {
    // M_s, χ, the offset and the noise leave the ensemble's sweep alone (the
    // cache serves it); M_s scales it.
    let o = magnet_preset("LAO/KTO").unwrap();
    let a = sw_loop(&o).unwrap();
    let b = sw_loop(&MagnetOptions {
        chi_emu_per_oe: 0.0,
        noise_emu: 0.0,
        offset_emu: 1e-6,
        ms_emu: 2.0 * o.ms_emu,
        ..o.clone()
    })
    .unwrap();
    for (i, (x, y)) in a.m_ferro.iter().zip(&b.m_ferro).enumerate() {
        assert_eq!(2.0 * x, *y);
        assert_eq!(b.m[i], y + 1e-6);
    }
    // A changed H_K is a new sweep.
    let c = sw_loop(&MagnetOptions {
        hk_oe: 1.01 * o.hk_oe,
        ..o
    })
    .unwrap();
    assert_ne!(a.m_ferro, c.m_ferro);
}

#[test]
fn loops_computed_together_equal_loops_computed_alone() {
    // sw_loops shares the temperature-independent part of the sweeps; a
    // resolution equal in effect but different in its key (max_angles is not
    // reached) forces sw_loop_with to compute each loop afresh.
    let base = MagnetOptions {
        hk_oe: 301.234,
        ..magnet_preset("YAO/KTO").unwrap()
    };
    let options: Vec<MagnetOptions> = [1.8, 77.0, 300.0, 0.0]
        .iter()
        .enumerate()
        .map(|(i, &t)| MagnetOptions {
            temperature_k: t,
            seed: i as f64,
            ..base.clone()
        })
        .collect();
    let together = ktao::physics::magnet::sw_loop::sw_loops(&options).unwrap();
    let alone_res = Resolution {
        max_angles: 255,
        ..LOOP_RESOLUTION
    };
    for (o, t) in options.iter().zip(&together) {
        let alone = sw_loop_with(o, alone_res).unwrap();
        assert_eq!(alone.m, t.m, "T = {} K", o.temperature_k);
    }
}

#[test]
fn figures_reuse_the_panel_their_controls_did_not_touch() {
    use ktao::physics::magnet::figures::{zfc_fc_figure, ZfcFcState};
    use std::rc::Rc;
    // Moving H_K of LAO/KTO recomputes its panel only; raw or corrected
    // recomputes neither (both views are in each panel).
    let a = magnet_loops(&MagnetLoopsState::default()).unwrap();
    let b = magnet_loops(&MagnetLoopsState {
        hk_oe: 333.0,
        corrected: false,
        ..MagnetLoopsState::default()
    })
    .unwrap();
    assert!(!Rc::ptr_eq(&a.panels[0], &b.panels[0]));
    assert!(Rc::ptr_eq(&a.panels[1], &b.panels[1]));
    let c = magnet_loops(&MagnetLoopsState {
        corrected: false,
        ..MagnetLoopsState::default()
    })
    .unwrap();
    assert!(Rc::ptr_eq(&a.panels[0], &c.panels[0]));
    // The same panels as computed afresh in another state.
    let fresh = magnet_loops(&MagnetLoopsState {
        hk_oe: 333.0,
        ..MagnetLoopsState::default()
    })
    .unwrap();
    assert_eq!(
        fresh.panels[0].loops[2].sweep.m,
        b.panels[0].loops[2].sweep.m
    );
    // ZFC/FC: the field applies to both samples, H_K to one.
    let s = ZfcFcState::default();
    let z = zfc_fc_figure(&s).unwrap();
    let moved = zfc_fc_figure(&ZfcFcState {
        hk_oe: 350.0,
        ..s.clone()
    })
    .unwrap();
    assert_eq!(z.panels[1].curves.fc, moved.panels[1].curves.fc);
    assert_ne!(z.panels[0].curves.fc, moved.panels[0].curves.fc);
    let field = zfc_fc_figure(&ZfcFcState {
        field_oe: 80.0,
        ..s
    })
    .unwrap();
    assert!(field
        .panels
        .iter()
        .zip(&z.panels)
        .all(|(f, z)| f.curves.fc != z.curves.fc));
}

#[test]
fn temperature_sets_read_as_an_array_or_a_string() {
    let read = |json: &str| serde_json::from_str::<TemperatureSet>(json);
    assert_eq!(
        read("[1.8, 300]").unwrap(),
        TemperatureSet::List(vec![1.8, 300.0])
    );
    assert_eq!(
        read("\"1.8,300\"").unwrap(),
        TemperatureSet::Text("1.8,300".into())
    );
    let err = read("300").unwrap_err().to_string();
    assert!(
        err.contains("an array of temperatures in K or a comma-separated string"),
        "{err}"
    );
    assert!(read("[1.8, \"x\"]").is_err());
}
