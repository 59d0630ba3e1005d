//! The CSV/TSV reader on any bytes (with `[`, which would make a file look
//! like MultiVu, taken out): a file or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let bytes: Vec<u8> = data.iter().map(|&b| if b == b'[' { b'(' } else { b }).collect();
    if let Ok(f) = ktao::read::read_data_file(&bytes, "fuzz.csv") {
        assert!(f.rows > 0);
        assert!(f.columns.iter().all(|c| c.values.len() == f.rows && c.count <= f.rows));
        for c in &f.columns {
            let _ = ktao::read::columns::find(&f, ktao::read::columns::Quantity::Field, 1, Some(&c.header));
        }
    }
});
