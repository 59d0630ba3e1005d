//! Native timings for the benchmark table (`bash scripts/bench.sh`): one JSON
//! line per case, `{"case": …, "us_per_call": …}`. Not a test: it asserts nothing.

use ktao::physics::hc2_angle::fit_hc2_angle;
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
}
