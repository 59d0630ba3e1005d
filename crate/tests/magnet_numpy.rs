//! ktao's ferromagnet against an independent NumPy implementation of the
//! same model (`tests/data/magnet_numpy.py`): Stoner–Wohlfarth states by
//! Newton's method continued along the sweep instead of ktao's parametric
//! tables, and the two-state relaxation at every point of every class
//! instead of ktao's skipping of frozen and saturated stretches. The same
//! ensemble and physics must give the same curves.
#![cfg(not(target_arch = "wasm32"))]

use ktao::physics::magnet::{magnet_preset, sw_loop, zfc_fc, MagnetOptions};

fn rows(name: &str) -> Vec<Vec<f64>> {
    let path = format!("{}/../tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("temperature"))
        .map(|l| {
            l.split(',')
                .map(|v| v.trim().parse::<f64>().unwrap())
                .collect()
        })
        .collect()
}

fn clean() -> MagnetOptions {
    MagnetOptions {
        chi_emu_per_oe: 0.0,
        noise_emu: 0.0,
        ..magnet_preset("LAO/KTO").unwrap()
    }
}

#[test]
fn loops_agree_with_numpy_at_1_8_and_300_k() {
    let table = rows("magnet_numpy_loops.csv");
    for t in [1.8, 300.0] {
        let numpy: Vec<&Vec<f64>> = table.iter().filter(|r| r[0] == t).collect();
        let l = sw_loop(&MagnetOptions {
            temperature_k: t,
            ..clean()
        })
        .unwrap();
        assert_eq!(numpy.len(), l.h.len());
        let ms = clean().ms_emu;
        let mut worst: f64 = 0.0;
        for (r, (&h, &m)) in numpy.iter().zip(l.h.iter().zip(&l.m_ferro)) {
            assert!((r[1] - h).abs() < 1e-9, "field grid: {} vs {h}", r[1]);
            worst = worst.max((r[2] - m).abs() / ms);
        }
        // ktao's tables are within 1e-4 M_s of the exact states.
        assert!(worst < 2e-4, "T = {t} K: largest difference {worst} M_s");
    }
}

#[test]
fn zfc_fc_agree_with_numpy() {
    let numpy = rows("magnet_numpy_zfc_fc.csv");
    let z = zfc_fc(&clean()).unwrap();
    assert_eq!(numpy.len(), z.temperature.len());
    let top = z.fc_ferro.iter().copied().fold(0.0, f64::max);
    for (i, r) in numpy.iter().enumerate() {
        assert!((r[0] - z.temperature[i]).abs() < 1e-9);
        assert!(
            (r[1] - z.zfc_ferro[i]).abs() < 2e-5 * top,
            "ZFC at {} K: {} vs {}",
            r[0],
            r[1],
            z.zfc_ferro[i]
        );
        assert!(
            (r[2] - z.fc_ferro[i]).abs() < 2e-5 * top,
            "FC at {} K: {} vs {}",
            r[0],
            r[2],
            z.fc_ferro[i]
        );
    }
}
