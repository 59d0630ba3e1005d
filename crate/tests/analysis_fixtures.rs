//! The analyses of analyze.html on the three real Quantum Design files
//! (shared/fixtures/quantum-design/), against independent numbers that
//! tests/data/analysis_fixtures.py computed with NumPy from a plain reading
//! (tests/data/analysis_fixtures.json). The files are what a researcher
//! drops, not what the models make: a loop that does not saturate, a
//! "Hall" channel with no Hall slope, one ZFC run without its FC run.
#![cfg(not(target_arch = "wasm32"))]

use ktao::analysis::hall::{analyze_hall, HallOptions};
use ktao::analysis::loops::analyze_loop;
use ktao::analysis::zfc_fc::{analyze_zfc_fc, branches};
use ktao::analysis::AnalysisError;
use ktao::physics::constants::KTAO3_LATTICE_A;
use ktao::physics::hall::HallError;
use ktao::physics::loop_processing::{moment_per_cell, LoopOptions};
use ktao::read::columns::{find, Quantity};
use ktao::read::segment::{split_by_set_point, TEMPERATURE_TOLERANCE_K};
use ktao::read::units::factor;
use ktao::read::{read_data_file, DataFile};
use serde_json::Value;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../");

fn fixture(name: &str) -> DataFile {
    let path = format!("{ROOT}../shared/fixtures/quantum-design/{name}");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    read_data_file(&bytes, name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn expected(name: &str) -> Value {
    let path = format!("{ROOT}tests/data/analysis_fixtures.json");
    let all: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    all[name].clone()
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap()
}

/// The column found for `q` (channel `channel`) in `unit`.
fn column(f: &DataFile, q: Quantity, channel: usize, unit: &str) -> Vec<f64> {
    let c = find(f, q, channel, None).unwrap();
    let k = factor(c.unit.as_deref().unwrap(), unit).unwrap();
    c.values.iter().map(|v| v * k).collect()
}

#[test]
fn mpms3_loop_at_2_kelvin_agrees_with_the_numpy_processing() {
    let f = fixture("mpms3-vsm-mh.dat");
    let want = &expected("mpms3-vsm-mh.dat")["loop"];
    let t = column(&f, Quantity::Temperature, 1, "K");
    let sets = split_by_set_point(&t, TEMPERATURE_TOLERANCE_K, 3).unwrap();
    assert_eq!((sets[0].start, sets[0].end), (0, 374));
    let (h, m) = (
        column(&f, Quantity::Field, 1, "Oe"),
        column(&f, Quantity::Moment, 1, "emu"),
    );
    let a = analyze_loop(&h[..374], &m[..374], &LoopOptions::default()).unwrap();
    let r = &a.report;
    // The loop bends up to 7 T (the report says so): the two
    // implementations' M_s agree to 1 %, not to its 0.05 % error.
    assert!(
        (r.ms / num(&want["msEmu"]) - 1.0).abs() < 0.01,
        "M_s {} vs {}",
        r.ms,
        want["msEmu"]
    );
    assert!(r.warnings.iter().any(|w| w.contains("is not linear")));
    for (name, got, err, key) in [
        ("H_c", r.hc, r.hc_error, "hcOe"),
        ("M_r", r.mr, r.mr_error, "mrEmu"),
    ] {
        let w = num(&want[key]);
        assert!((got - w).abs() < 2.0 * err, "{name}: {got} ± {err} vs {w}");
    }
    // M_s per interface cell on the default 25 mm² of a 5 mm × 5 mm film.
    let per_cell = moment_per_cell(r.ms, 25.0, KTAO3_LATTICE_A).unwrap();
    assert!((r.ms_mub_per_cell / per_cell - 1.0).abs() < 1e-12);
}

#[test]
fn ppms_hall_channel_has_no_hall_slope_and_says_so_with_numpys_numbers() {
    let f = fixture("ppms-resistivity-tmr-hall.dat");
    let b = column(&f, Quantity::Field, 1, "T");
    let r = column(&f, Quantity::Resistance, 2, "Ω");
    for set in expected("ppms-resistivity-tmr-hall.dat")["hall"]
        .as_array()
        .unwrap()
    {
        let (s, e) = (
            set["rows"][0].as_u64().unwrap() as usize,
            set["rows"][1].as_u64().unwrap() as usize,
        );
        match analyze_hall(&b[s..e], &r[s..e], None, &HallOptions::default()) {
            Err(AnalysisError::Hall(HallError::NoSlope { slope, error })) => {
                let close = |x: f64, y: f64| (x - y).abs() < 1e-9 * y.abs();
                assert!(close(slope, num(&set["slopeOhmPerT"])), "{slope}");
                assert!(close(error, num(&set["slopeError"])), "{error}");
            }
            other => panic!("rows {s}–{e}: {other:?}"),
        }
    }
}

#[test]
fn mpms_xl_zfc_run_is_one_branch_with_its_maximum() {
    let f = fixture("mpms-xl-zfc.dc.dat");
    let want = &expected("mpms-xl-zfc.dc.dat")["zfc"];
    let t = column(&f, Quantity::Temperature, 1, "K");
    let m = column(&f, Quantity::Moment, 1, "emu");
    let runs = branches(&t).unwrap();
    assert_eq!(runs, [(0, 42)]);
    let a = analyze_zfc_fc(&t, &m, None).unwrap();
    assert_eq!(a.zfc_peak_k, num(&want["peakK"]));
    assert_eq!(a.zfc_t.len(), want["rows"].as_u64().unwrap() as usize);
    assert!(a.bifurcation.is_none() && a.message.unwrap().contains("one branch"));
}
