//! Seeded arbitrary inputs for the readers' property test, shared by the
//! native test (`read_property.rs`) and the browser one (`wasm_read.rs`):
//! random bytes, random text built from the tokens the readers look for,
//! and the real and awkward fixtures cut, spliced and corrupted.

use ktao::read::segment::{split_by_set_point, split_by_sweep};
use ktao::read::time::{iso, parse_file_open_time};
use ktao::read::units::factor;
use ktao::read::{read_data_file, DataFile};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// The files mutated: every format and instrument the readers know.
pub const SEEDS: [&[u8]; 7] = [
    include_bytes!("../../../../shared/fixtures/quantum-design/mpms-xl-zfc.dc.dat"),
    include_bytes!("../../../../shared/fixtures/quantum-design/mpms3-vsm-mh.dat"),
    include_bytes!("../../../../shared/fixtures/quantum-design/ppms-resistivity-tmr-hall.dat"),
    include_bytes!("../../../tests/data/readers/mpms3-dc-latin1-crlf.dat"),
    include_bytes!("../../../tests/data/readers/eto-two-channels-bom-truncated.dat"),
    include_bytes!("../../../tests/data/readers/iv-koe-ua.tsv"),
    include_bytes!("../../../tests/data/readers/semicolon-decimal-comma.csv"),
];

const TOKENS: [&str; 24] = [
    "[Header]\n",
    "[Data]\n",
    ",",
    ",",
    "\t",
    ";",
    "\n",
    "\r\n",
    "\r",
    "\"",
    "1.5",
    "-2e+003",
    "NaN",
    "inf",
    "Temperature (K)",
    "Moment (emu)",
    "Field (kOe)",
    "BYAPP,MPMS3\n",
    "BYAPP, Resistivity\n",
    "INFO,",
    "FILEOPENTIME,99999999999999,13/45/99999,99:99 pm\n",
    "µ",
    "\u{FEFF}",
    " ",
];

/// The `i`-th arbitrary input of the stream seeded with `seed`.
pub fn case(seed: u64, i: u64) -> Vec<u8> {
    let mut rng = StdRng::seed_from_u64(seed.wrapping_mul(1_000_003).wrapping_add(i));
    match i % 4 {
        0 => {
            let n = rng.random_range(0..600);
            (0..n).map(|_| rng.random()).collect()
        }
        1 => {
            let n = rng.random_range(0..80);
            let mut s = String::new();
            for _ in 0..n {
                s.push_str(TOKENS[rng.random_range(0..TOKENS.len())]);
            }
            let mut b = s.into_bytes();
            if rng.random_bool(0.2) {
                b.splice(0..0, [0xFF, 0xFE]);
            }
            b
        }
        _ => {
            let src = SEEDS[rng.random_range(0..SEEDS.len())];
            // A window of the file, so that the large ones stay quick.
            let start = if rng.random_bool(0.5) {
                0
            } else {
                rng.random_range(0..src.len())
            };
            let len = rng.random_range(0..6000).min(src.len() - start);
            let mut b = src[start..start + len].to_vec();
            for _ in 0..rng.random_range(0..8) {
                if b.is_empty() {
                    break;
                }
                let at = rng.random_range(0..b.len());
                match rng.random_range(0..5) {
                    0 => b[at] = rng.random(),
                    1 => {
                        let end = (at + rng.random_range(1..200)).min(b.len());
                        b.drain(at..end);
                    }
                    2 => {
                        let end = (at + rng.random_range(1..200)).min(b.len());
                        let copy = b[at..end].to_vec();
                        let to = rng.random_range(0..b.len());
                        b.splice(to..to, copy);
                    }
                    3 => b.insert(
                        at,
                        *[b'"', b',', b'\n', b'\r', 0, 0xB5]
                            .get(rng.random_range(0..6))
                            .unwrap_or(&0),
                    ),
                    _ => b.truncate(at),
                }
            }
            b
        }
    }
}

/// What must hold for any input: `read_data_file` returns, and when it reads
/// a file, the file is consistent and everything downstream runs.
pub fn check(bytes: &[u8]) -> Result<Option<DataFile>, String> {
    let Ok(file) = read_data_file(bytes, "arbitrary") else {
        return Ok(None);
    };
    if file.rows == 0 {
        return Err("a file with no rows was returned".into());
    }
    for c in &file.columns {
        if c.values.len() != file.rows || c.count > file.rows {
            return Err(format!(
                "column {} has {} values for {} rows",
                c.header,
                c.values.len(),
                file.rows
            ));
        }
        let _ = split_by_set_point(&c.values, 0.05, 3);
        let _ = split_by_sweep(&c.values, None);
        if let Some(u) = &c.unit {
            let _ = factor(u, "T");
        }
    }
    if let Some(open) = &file.metadata.file_open_time {
        let _ = parse_file_open_time(&open.raw);
        let _ = open.seconds.map(iso);
    }
    Ok(Some(file))
}
