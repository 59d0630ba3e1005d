//! Native timings for the benchmark table (`bash scripts/bench.sh`): one JSON
//! line per case, `{"case": …, "us_per_call": …}`. Not a test: it asserts nothing.

use ktao::physics::hc2_angle::fit_hc2_angle;
use ktao::physics::loop_processing::{process_loop, LoopOptions};
use ktao::physics::magnet::figures::{magnet_loops, zfc_fc_figure, MagnetLoopsState, ZfcFcState};
use ktao::physics::magnet::{magnet_preset, sw_loop, zfc_fc, MagnetOptions};
use std::hint::black_box;
use std::time::Instant;

/// Median over 7 batches of the time per call, in microseconds; each batch
/// runs for at least 50 ms after a warm-up.
fn time_us(mut f: impl FnMut()) -> f64 {
    for _ in 0..10 {
        f();
    }
    let mut per_call = Vec::new();
    for _ in 0..7 {
        let (t0, mut n) = (Instant::now(), 0u32);
        while t0.elapsed().as_secs_f64() < 0.05 {
            f();
            n += 1;
        }
        per_call.push(t0.elapsed().as_secs_f64() * 1e6 / f64::from(n));
    }
    per_call.sort_by(f64::total_cmp);
    per_call[3]
}

fn read_xy(path: &str) -> (Vec<f64>, Vec<f64>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("theta"))
        .map(|l| {
            let mut it = l
                .split(',')
                .map(|v| v.trim().parse::<f64>().unwrap_or(f64::NAN));
            (it.next().unwrap_or(f64::NAN), it.next().unwrap_or(f64::NAN))
        })
        .unzip()
}

fn main() {
    let data = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/data/hc2_angle_scipy.csv"
    );
    let (t, h) = read_xy(data);
    let us = time_us(|| {
        black_box(fit_hc2_angle(black_box(&t), black_box(&h), None).ok());
    });
    println!("{{\"case\": \"fitHc2Angle\", \"us_per_call\": {us}}}");

    // Fig. 2 and Fig. S5 (the same cases in tests/bench/scipy_baseline.py and
    // tests/bench/wasm.mjs): the LAO/KTO sample's default loop (in-plane
    // ensemble, H_K and volume distributions, 400 field points) at 1.8 K and
    // 300 K, its ZFC/FC run (150 temperatures), and processLoop on a
    // 1000-point loop of the same sample.
    // ktao keeps recent sweeps (M_s, χ or noise sliders reuse them); every
    // timed call here moves H_K by 1e-9 Oe, as a dragged H_K slider does, so
    // each one computes its sweep afresh.
    let preset = magnet_preset("LAO/KTO").unwrap_or_default();
    let mut nudge = 0.0;
    for (case, t) in [("swLoop1p8K", 1.8), ("swLoop300K", 300.0)] {
        let mut o = MagnetOptions {
            temperature_k: t,
            ..preset.clone()
        };
        let us = time_us(|| {
            nudge += 1e-9;
            o.hk_oe = preset.hk_oe + nudge;
            black_box(sw_loop(black_box(&o)).ok());
        });
        println!("{{\"case\": \"{case}\", \"us_per_call\": {us}}}");
    }
    let us = time_us(|| {
        black_box(zfc_fc(black_box(&preset)).ok());
    });
    println!("{{\"case\": \"zfcFc\", \"us_per_call\": {us}}}");
    let long = MagnetOptions {
        points: 1000.0,
        ..preset.clone()
    };
    if let Ok(l) = sw_loop(&long) {
        let o = LoopOptions::default();
        let us = time_us(|| {
            black_box(process_loop(black_box(&l.h), black_box(&l.m), &o).ok());
        });
        println!("{{\"case\": \"processLoop1000\", \"us_per_call\": {us}}}");
    }
    // What one update of each page computes, without drawing (H_K dragged).
    let mut state = MagnetLoopsState::default();
    let hk = state.hk_oe;
    let us = time_us(|| {
        nudge += 1e-9;
        state.hk_oe = hk + nudge;
        black_box(magnet_loops(black_box(&state)).ok());
    });
    println!("{{\"case\": \"figMagnetLoopsModel\", \"us_per_call\": {us}}}");
    let state = ZfcFcState::default();
    let us = time_us(|| {
        black_box(zfc_fc_figure(black_box(&state)).ok());
    });
    println!("{{\"case\": \"figZfcFcModel\", \"us_per_call\": {us}}}");
}
