//! The MultiVu reader on any bytes after a `[Header]` line: a file or an
//! error, never a panic; a file read is consistent.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = b"[Header]\n".to_vec();
    bytes.extend_from_slice(data);
    if let Ok(f) = ktao::read::read_data_file(&bytes, "fuzz.dat") {
        assert!(f.rows > 0);
        assert!(f.columns.iter().all(|c| c.values.len() == f.rows && c.count <= f.rows));
    }
});
