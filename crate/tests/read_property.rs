//! Property: any bytes give a file or an error, never a panic (a panic in
//! wasm traps the module for every figure on the page). The same stream of
//! inputs runs in the browser in `wasm_read.rs`; the fuzz targets in
//! `fuzz/` search further for as long as they are given.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/arbitrary.rs"]
mod arbitrary;

/// Cases per run: well under a second natively, at opt-level 2.
const CASES: u64 = 20_000;

#[test]
fn arbitrary_bytes_give_a_file_or_an_error_never_a_panic() {
    let (mut ok, mut err) = (0, 0);
    for i in 0..CASES {
        let bytes = arbitrary::case(8, i);
        match arbitrary::check(&bytes) {
            Ok(Some(_)) => ok += 1,
            Ok(None) => err += 1,
            Err(broken) => panic!("case {i}: {broken}\n{:?}", String::from_utf8_lossy(&bytes)),
        }
    }
    eprintln!("{ok} read, {err} refused");
    // The stream exercises both outcomes, not only the refusals.
    assert!(
        ok > CASES / 5 && err > CASES / 5,
        "{ok} read, {err} refused"
    );
}

#[test]
fn unmutated_seeds_all_read() {
    for (k, seed) in arbitrary::SEEDS.iter().enumerate() {
        assert!(arbitrary::check(seed).unwrap().is_some(), "seed {k}");
    }
}
