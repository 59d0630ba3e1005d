//! The reader's number parsing takes a fast path (Clinger's: an integer of
//! at most 2⁵³ times an exact power of ten) for nearly every field of a
//! large file, and reads the fields in the same pass that cuts them. Both
//! must give, bit for bit, what the general parser `str::parse::<f64>` and
//! a plain split of the lines give: these tests compare them on seeded
//! random fields of every shape an instrument or a hand writes, and on the
//! edges of the fast path.
#![cfg(not(target_arch = "wasm32"))]

use ktao::read::read_data_file;
use ktao::read::text::number;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// What the general parser makes of a field, as `number` must (no decimal
/// comma): surrounding whitespace ignored, `None` where it is not a number.
fn reference(field: &str) -> Option<f64> {
    field.trim().parse::<f64>().ok()
}

fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()),
        (None, None) => true,
        _ => false,
    }
}

/// A random field: mostly decimal numbers of 0–25 integer and fraction
/// digits with optional sign and exponent, sometimes words and junk.
fn field(rng: &mut StdRng) -> String {
    const ODD: [&str; 20] = [
        "",
        "NaN",
        "inf",
        "-Infinity",
        "nan",
        "1e",
        ".",
        "-",
        "+",
        "e5",
        "1.2.3",
        " 2 ",
        "\u{a0}3",
        "0x10",
        "1_0",
        "--1",
        "+-1",
        "1e+",
        "5.",
        ".5",
    ];
    if rng.random_bool(0.15) {
        return ODD[rng.random_range(0..ODD.len())].to_string();
    }
    let mut s = String::new();
    if rng.random_bool(0.3) {
        s.push(if rng.random_bool(0.5) { '-' } else { '+' });
    }
    let digit = |rng: &mut StdRng| char::from(b'0' + rng.random_range(0..10u8));
    for _ in 0..rng.random_range(0..25) {
        s.push(digit(rng));
    }
    if rng.random_bool(0.6) {
        s.push('.');
        for _ in 0..rng.random_range(0..25) {
            s.push(digit(rng));
        }
    }
    if rng.random_bool(0.4) {
        s.push(if rng.random_bool(0.5) { 'e' } else { 'E' });
        if rng.random_bool(0.5) {
            s.push(if rng.random_bool(0.5) { '-' } else { '+' });
        }
        for _ in 0..rng.random_range(0..5) {
            s.push(digit(rng));
        }
    }
    s
}

#[test]
fn fields_read_as_the_general_parser_reads_them() {
    let mut rng = StdRng::seed_from_u64(42);
    let mut fast = 0;
    for _ in 0..200_000 {
        let f = field(&mut rng);
        let got = number(&f, false);
        assert!(
            same(got, reference(&f)),
            "{f:?}: {got:?}, std {:?}",
            reference(&f)
        );
        fast += usize::from(got.is_some());
    }
    assert!(fast > 100_000, "{fast} of the fields were numbers");
}

#[test]
fn edges_of_the_fast_path() {
    let cases = [
        // Largest integer kept exactly (2⁵³) and the first beyond it.
        "9007199254740992",
        "9007199254740993",
        "9007199254740993e-5",
        // 19 and 20 digits, with and without leading zeros.
        "1234567890123456789",
        "12345678901234567890",
        "0.0000000000000000000001234",
        "000000000000000000000000001.5",
        // Exponents at and past the exact powers of ten.
        "1e22",
        "1e23",
        "123e-22",
        "123e-23",
        "4.9e-324",
        "1.7976931348623157e308",
        "1e309",
        "-0",
        "-0.0e-0",
        "1.000000e+003",
        "2.00049996376038",
        "3907409041.21466",
        "0.1",
        "0.3",
        "1e99999999999999",
        "1e-99999999999999",
        "12345678.12345678",
        "99999999.99999999",
    ];
    for f in cases {
        assert!(
            same(number(f, false), reference(f)),
            "{f}: {:?}, std {:?}",
            number(f, false),
            reference(f)
        );
    }
}

/// A plain reading of a delimited table: lines cut at '\n' (a '\r' before
/// it dropped), fields at the delimiter, each parsed by `str::parse`.
fn plain_columns(body: &str, delim: char, ncols: usize) -> Vec<Vec<f64>> {
    let mut cols = vec![Vec::new(); ncols];
    for line in body.lines() {
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split(delim).collect();
        let values: Vec<Option<f64>> = fields.iter().map(|f| reference(f)).collect();
        if values.iter().all(Option::is_none) {
            continue;
        }
        for (k, col) in cols.iter_mut().enumerate() {
            col.push(values.get(k).copied().flatten().unwrap_or(f64::NAN));
        }
    }
    cols
}

#[test]
fn tables_read_as_a_plain_split_reads_them() {
    let mut rng = StdRng::seed_from_u64(7);
    for case in 0..400 {
        let delim = ['\t', ','][case % 2];
        let ncols = rng.random_range(2..7);
        let newline = if rng.random_bool(0.3) { "\r\n" } else { "\n" };
        let header: Vec<String> = (0..ncols).map(|k| format!("c{k}")).collect();
        // A first row with a number in every column: the file reads, and
        // the delimiter is sniffed from it.
        let mut body = vec!["1.5"; ncols].join(&delim.to_string());
        body.push_str(newline);
        for _ in 0..rng.random_range(1..60) {
            let n = rng.random_range(1..=ncols);
            let f: Vec<String> = (0..n)
                .map(|_| field(&mut rng).replace([',', '\t', '"'], ""))
                .collect();
            body.push_str(&f.join(&delim.to_string()));
            body.push_str(newline);
            if rng.random_bool(0.05) {
                body.push_str(newline);
            }
        }
        let text = format!("{}{newline}{body}", header.join(&delim.to_string()));
        let file = read_data_file(text.as_bytes(), "t").unwrap_or_else(|e| panic!("{e}\n{text}"));
        let want = plain_columns(&body, delim, ncols);
        for (k, w) in want.iter().enumerate() {
            let got = &file.columns[k].values;
            assert_eq!(got.len(), w.len(), "case {case}, column {k}\n{text}");
            for (i, (a, b)) in got.iter().zip(w).enumerate() {
                assert!(
                    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
                    "case {case}, row {i}, column {k}: {a} vs {b}\n{text}"
                );
            }
        }
    }
}
