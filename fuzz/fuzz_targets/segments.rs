//! The segment splits and the date and unit parsers on any input: the
//! bytes as f64 values (NaN and infinities included) and as text.
#![no_main]

use ktao::read::segment::{split_by_set_point, split_by_sweep};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let values: Vec<f64> = data
        .chunks_exact(8)
        .map(|c| f64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
        .collect();
    let tol = values.first().copied().unwrap_or(1.0);
    if let Ok(sp) = split_by_set_point(&values, tol, 1 + data.len() % 5) {
        assert!(sp.iter().all(|s| s.start < s.end && s.end <= values.len()));
    }
    if let Ok(b) = split_by_sweep(&values, None) {
        assert!(b.iter().all(|s| s.start < s.end && s.end <= values.len()));
    }
    let _ = split_by_sweep(&values, Some(tol));
    let text = String::from_utf8_lossy(data);
    let open = ktao::read::time::parse_file_open_time(&text);
    let _ = open.seconds.map(ktao::read::time::iso);
    let _ = ktao::read::units::factor(&text, "T");
    let _ = ktao::read::units::split_header(&text);
});
