//! The awkward cases, from fixtures made for them (tests/data/readers/,
//! written byte for byte by make_fixtures.py there), and the errors a
//! reader must give instead of a guess.
#![cfg(not(target_arch = "wasm32"))]

use ktao::read::columns::{find, Quantities, Quantity};
use ktao::read::segment::{split_by_set_point, split_by_sweep, Direction};
use ktao::read::units::{factor, normalise, split_header};
use ktao::read::{read_data_file, DataFile, Format, Instrument, ReadError};

fn own(name: &str) -> DataFile {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/readers/").to_string() + name;
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    read_data_file(&bytes, name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn values(f: &DataFile, header: &str) -> Vec<f64> {
    f.column(header).unwrap().values.clone()
}

#[test]
fn latin1_crlf_mpms3_in_dc_mode() {
    let f = own("mpms3-dc-latin1-crlf.dat");
    assert_eq!(f.instrument, Some(Instrument::Mpms3));
    assert_eq!(f.metadata.encoding, "Windows-1252");
    assert_eq!(f.metadata.line_ending, "CRLF");
    assert_eq!(
        f.metadata.title.as_deref(),
        Some("KTaO3 (111) µ-film at 50 Oe, ZFC")
    );
    let comment = &f
        .metadata
        .info
        .iter()
        .find(|e| e.key == "SAMPLE_COMMENT")
        .unwrap()
        .value;
    assert_eq!(comment, "In plane, 5 mm × 5 mm, 25°");
    assert_eq!(f.rows, 4);
    // Moment (emu) is there but empty: the fixed-centre DC moment is used, and said so.
    assert_eq!(f.column("Moment (emu)").unwrap().count, 0);
    assert_eq!(
        f.quantities.moment.as_deref(),
        Some("DC Moment Fixed Ctr (emu)")
    );
    assert_eq!(
        f.quantities.moment_error.as_deref(),
        Some("DC Moment Err Fixed Ctr (emu)")
    );
    assert!(f
        .warnings
        .iter()
        .any(|w| w.contains("Moment (emu) is empty")));
    assert_eq!(
        values(&f, "DC Moment Fixed Ctr (emu)"),
        [1.25e-5, 1.2e-5, 1.1e-5, 1e-5]
    );
    assert_eq!(values(&f, "Temperature (K)"), [1.8, 2.0, 5.0, 10.0]);
    // The third row is short: its free-centre fields are empty.
    let free = values(&f, "DC Moment Free Ctr (emu)");
    assert_eq!((free[1], free[3]), (1.21e-5, 1.01e-5));
    assert!(free[2].is_nan());
    // The quoted comment with commas stayed in one field.
    assert!(f.column("Comment").unwrap().values[0].is_nan());
    assert_eq!(values(&f, "Magnetic Field (Oe)"), [50.0; 4]);
    assert_eq!(f.skipped_rows, 0);
}

#[test]
fn eto_two_channels_bom_and_a_cut_last_line() {
    let f = own("eto-two-channels-bom-truncated.dat");
    assert_eq!(f.instrument, Some(Instrument::PpmsEto));
    assert_eq!(f.metadata.encoding, "UTF-8 with BOM");
    assert_eq!(f.rows, 4);
    assert_eq!(f.skipped_rows, 1);
    assert!(f
        .warnings
        .iter()
        .any(|w| w.contains("line 14 is cut short")));
    assert_eq!(
        f.quantities.resistance,
        ["Resistance Ch1 (Ohms)", "Resistance Ch2 (Ohms)"]
    );
    let info = &f.metadata.info;
    assert!(info
        .iter()
        .any(|e| e.key == "Sample2 Name" && e.value == "Rxy"));
    assert_eq!(values(&f, "Resistance Ch2 (Ohms)"), [3.25, 3.5, 4.0, 4.5]);
    let i = f.column("Current Ch1 (uA)").unwrap();
    assert_eq!((i.unit.as_deref(), i.values[0]), (Some("A"), 10e-6));
    // R(T) at two fields: split by field.
    let sp = split_by_set_point(&values(&f, "Magnetic Field (Oe)"), 10.0, 2).unwrap();
    let runs: Vec<(usize, usize, f64)> = sp.iter().map(|s| (s.start, s.end, s.mean)).collect();
    assert_eq!(runs, [(0, 2, 0.0), (2, 4, 10000.0)]);
}

#[test]
fn tsv_with_si_prefixes_and_a_comment_line() {
    let f = own("iv-koe-ua.tsv");
    assert_eq!(f.format, Format::Tsv);
    assert_eq!(f.instrument, None);
    assert_eq!(f.metadata.comments, ["I-V at 1.4 K, sample B"]);
    assert_eq!(f.metadata.line_ending, "CRLF");
    let h = f.column("Field (kOe)").unwrap();
    assert_eq!(
        (h.unit.as_deref(), h.unit_as_written.as_deref()),
        (Some("Oe"), Some("kOe"))
    );
    assert_eq!(h.values, [1500.0; 4]);
    let i = f.column("Current").unwrap();
    assert_eq!(i.unit.as_deref(), Some("A"));
    assert_eq!(i.values, [-10e-6, 0.0, 10e-6, 20e-6]);
    let v = f.column("Voltage (mV)").unwrap();
    assert_eq!((v.values[0], v.values[3]), (-0.25e-3, 0.5e-3));
    assert!(v.values[2].is_nan());
    assert_eq!(v.count, 3);
    assert_eq!(f.column("B").unwrap().values, [0.15; 4]);
    assert_eq!(f.quantities.current.as_deref(), Some("Current (µA)"));
    assert_eq!(f.quantities.voltage.as_deref(), Some("Voltage (mV)"));
    assert_eq!(f.quantities.field.as_deref(), Some("Field (kOe)"));
}

#[test]
fn semicolon_csv_with_decimal_commas_and_a_repeated_header() {
    let f = own("semicolon-decimal-comma.csv");
    assert_eq!(f.format, Format::Csv);
    assert_eq!(f.metadata.delimiter, ";");
    assert_eq!(f.rows, 3);
    assert_eq!(f.skipped_rows, 1);
    assert!(f.warnings.iter().any(|w| w.contains("lines 4")));
    assert_eq!(values(&f, "T (K)"), [1.5, 1.6, 1.7]);
    assert_eq!(values(&f, "R (Ohm)"), [120.5, 130.25, 140.0]);
    assert_eq!(f.column("I").unwrap().values[0], 10e-6);
    assert_eq!(f.quantities.temperature.as_deref(), Some("T (K)"));
    assert_eq!(f.quantities.resistance, ["R (Ohm)"]);
}

#[test]
fn inline_cases_utf16_cr_only_no_header_quoted_numbers() {
    // UTF-16LE with a BOM, as Excel's "Unicode text" writes.
    let mut b = vec![0xFF, 0xFE];
    for u in "T (K)\tR (Ω)\r\n1.5\t2\r\n".encode_utf16() {
        b.extend(u.to_le_bytes());
    }
    let f = read_data_file(&b, "excel.txt").unwrap();
    assert_eq!((f.metadata.encoding, f.format), ("UTF-16LE", Format::Tsv));
    assert_eq!(f.column("R").unwrap().unit.as_deref(), Some("Ω"));
    // Classic Mac line ends.
    let f = read_data_file(b"a,b\r1,2\r3,4\r", "mac.csv").unwrap();
    assert_eq!((f.metadata.line_ending, f.rows), ("CR", 2));
    assert_eq!(f.column("b").unwrap().values, [2.0, 4.0]);
    // No header row: numbers only.
    let f = read_data_file(b"1,2\n3,4\n", "bare.csv").unwrap();
    assert_eq!(f.column("Column 2").unwrap().values, [2.0, 4.0]);
    assert!(f.warnings[0].contains("only numbers"));
    // Quoted numbers and a quoted header with the delimiter in it.
    let f = read_data_file(b"\"x, y\",\"z\"\n\"1.5\",\"2e3\"\n", "q.csv").unwrap();
    assert_eq!(f.column("x, y").unwrap().values, [1.5]);
    assert_eq!(f.column("z").unwrap().values, [2000.0]);
    // Duplicate and empty header names stay addressable.
    let f = read_data_file(b"a,,a\n1,2,3\n", "d.csv").unwrap();
    let h: Vec<&str> = f.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(h, ["a", "Column 2", "a #2"]);
}

#[test]
fn clear_errors_for_what_cannot_be_read() {
    let msg = |b: &[u8], n: &str| read_data_file(b, n).unwrap_err().to_string();
    assert_eq!(read_data_file(b"", "x.dat").unwrap_err(), ReadError::Empty);
    // A PNG and a zip (xlsx) are binary.
    assert!(msg(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "fig.png").contains("binary file"));
    assert!(msg(b"PK\x03\x04\x14\0\x06\0", "data.xlsx").contains("binary file"));
    // Prose is not a table.
    assert!(msg(b"Dear reviewer,\nthank you.\n", "letter.txt")
        .contains("letter.txt is not a recognised data file"));
    // A header and no data rows.
    assert!(msg(b"T (K),R (Ohm)\n", "empty.csv")
        .contains("empty.csv has column names but no data rows"));
    assert!(msg(
        b"[Header]\nBYAPP,MPMS3\n[Data]\nTime,Moment (emu)\n",
        "h.dat"
    )
    .contains("h.dat has column names but no data rows"));
    assert!(msg(b"[Header]\nBYAPP,MPMS3\nTITLE,x\n", "nodata.dat").contains("no [Data] section"));
    assert!(msg(b"T,R\nx,y\nfoo,bar\n", "words.csv").contains("2 rows were skipped"));
    // A column asked for that is not there.
    let f = read_data_file(b"T (K),R (Ohm)\n1,2\n", "a.csv").unwrap();
    let e = f.column("Moment (emu)").unwrap_err().to_string();
    assert_eq!(
        e,
        "column \"Moment (emu)\" is not in the file; its columns are: T (K), R (Ohm)"
    );
    let e = find(&f, Quantity::Moment, 1, None).unwrap_err().to_string();
    assert!(
        e.starts_with("no moment column found (looked for Moment, Long Moment"),
        "{e}"
    );
    assert!(e.ends_with("name one with columns.moment"));
    let e = find(&f, Quantity::Field, 1, Some("H (Oe)"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("column \"H (Oe)\" is not in the file"));
    // Overrides: a named column replaces the guess, a missing one is an error.
    let mut q = f.quantities.clone();
    let over = Quantities {
        field: Some("R (Ohm)".into()),
        ..Quantities::default()
    };
    q.apply(&f, &over).unwrap();
    assert_eq!(q.field.as_deref(), Some("R (Ohm)"));
    let bad = Quantities {
        resistance: vec!["R2".into()],
        ..Quantities::default()
    };
    assert!(q.apply(&f, &bad).is_err());
    assert!("moments"
        .parse::<Quantity>()
        .unwrap_err()
        .to_string()
        .contains("quantity must be one of"));
}

#[test]
fn units_prefixes_and_conversions() {
    assert_eq!(normalise("mT"), Some(("T", 1e-3)));
    assert_eq!(normalise("kOe"), Some(("Oe", 1e3)));
    assert_eq!(normalise("µA"), Some(("A", 1e-6)));
    assert_eq!(normalise("μA"), Some(("A", 1e-6)));
    assert_eq!(normalise("uA"), Some(("A", 1e-6)));
    assert_eq!(normalise("mV"), Some(("V", 1e-3)));
    assert_eq!(normalise("kOhm"), Some(("Ω", 1e3)));
    assert_eq!(normalise("Ohms"), Some(("Ω", 1.0)));
    assert_eq!(normalise("mK"), Some(("K", 1e-3)));
    for kept in ["deg", "Ohm-m", "code", "emu/g", "Torr", "%", "C"] {
        assert_eq!(normalise(kept), None, "{kept}");
    }
    assert_eq!(split_header("Temperature (K)"), ("Temperature", Some("K")));
    assert_eq!(split_header("T [mK]"), ("T", Some("mK")));
    assert_eq!(
        split_header("Long Scan Std Dev [w/o ABS]"),
        ("Long Scan Std Dev [w/o ABS]", None)
    );
    assert_eq!(
        split_header("Long Moment [w/o ABS] (emu)"),
        ("Long Moment [w/o ABS]", Some("emu"))
    );
    assert_eq!(split_header("Pressure ()"), ("Pressure", None));
    // 1 Oe ↔ 10⁻⁴ T (μ0H), 1 kOe = 0.1 T, 1 G = 1 Oe.
    assert_eq!(factor("Oe", "T").unwrap(), 1e-4);
    assert!((factor("kOe", "T").unwrap() - 0.1).abs() < 1e-15);
    assert!((factor("T", "Oe").unwrap() - 1e4).abs() < 1e-9);
    assert_eq!(factor("G", "Oe").unwrap(), 1.0);
    assert!((factor("mT", "Oe").unwrap() - 10.0).abs() < 1e-12);
    assert!((factor("µA", "mA").unwrap() - 1e-3).abs() < 1e-18);
    assert!(factor("K", "T")
        .unwrap_err()
        .to_string()
        .contains("cannot convert K to T"));
    assert!(factor("furlong", "T")
        .unwrap_err()
        .to_string()
        .starts_with("from must be a unit"));
}

#[test]
fn set_points_and_sweeps_on_synthetic_series() {
    // Three I–V curves at 1.4, 1.6 and 1.8 K joined by ramps.
    let mut t = Vec::new();
    for (k, level) in [1.4, 1.6, 1.8].iter().enumerate() {
        t.extend((0..20).map(|i| level + 0.002 * ((i % 3) as f64 - 1.0)));
        if k < 2 {
            t.extend([level + 0.07, level + 0.14]);
        }
    }
    t[5] = f64::NAN;
    let sp = split_by_set_point(&t, 0.05, 3).unwrap();
    let got: Vec<(usize, usize)> = sp.iter().map(|s| (s.start, s.end)).collect();
    assert_eq!(got, [(0, 20), (22, 42), (44, 64)]);
    assert!((sp[1].mean - 1.6).abs() < 1e-3 && sp[2].max < 1.81);
    // A loop 0 → 1 → −1 → 1 with noise below the hysteresis.
    let mut h: Vec<f64> = (0..=10).map(|i| i as f64 / 10.0).collect();
    h.extend((0..=20).rev().map(|i| i as f64 / 10.0 - 1.0).skip(1));
    h.extend((0..=20).map(|i| i as f64 / 10.0 - 1.0).skip(1));
    for (i, v) in h.iter_mut().enumerate() {
        *v += 0.004 * if i % 2 == 0 { 1.0 } else { -1.0 };
    }
    let b = split_by_sweep(&h, None).unwrap();
    let got: Vec<(usize, usize, Direction)> =
        b.iter().map(|x| (x.start, x.end, x.direction)).collect();
    assert_eq!(
        got,
        [
            (0, 11, Direction::Up),
            (10, 31, Direction::Down),
            (30, 51, Direction::Up)
        ]
    );
    assert_eq!(
        split_by_sweep(&[2.0, 2.0, 2.0], None).unwrap()[0].direction,
        Direction::Flat
    );
    // Bad input names its parameter.
    let e = |r: Result<_, ReadError>| r.map(|_: Vec<_>| ()).unwrap_err().to_string();
    assert_eq!(
        e(split_by_set_point(&[], 1.0, 3).map(|_| vec![()])),
        "values must not be empty"
    );
    assert!(e(split_by_set_point(&[1.0], -1.0, 3).map(|_| vec![()]))
        .starts_with("tolerance must be a positive"));
    assert!(e(split_by_set_point(&[1.0], 1.0, 0).map(|_| vec![()]))
        .starts_with("minPoints must lie between 1"));
    assert!(e(split_by_sweep(&[f64::NAN], None).map(|_| vec![()]))
        .contains("values[0] must be a finite number"));
    assert!(e(split_by_sweep(&[1.0, 2.0], Some(0.0)).map(|_| vec![()]))
        .starts_with("hysteresis must be a positive"));
}
