//! The three real Quantum Design files (shared/fixtures/quantum-design/,
//! written by MPMS3, MPMS-XL and PPMS MultiVu) read as an independent
//! reading with Python's csv module says they should:
//! tests/data/readers_fixtures.py wrote tests/data/readers_fixtures.json.
#![cfg(not(target_arch = "wasm32"))]

use ktao::read::segment::{split_by_set_point, split_by_sweep, Direction};
use ktao::read::{read_data_file, DataFile, Format, Instrument};
use serde_json::Value;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../");

fn fixture(name: &str) -> DataFile {
    let path = format!("{ROOT}../shared/fixtures/quantum-design/{name}");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    read_data_file(&bytes, name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn expected() -> Value {
    let text = std::fs::read_to_string(format!("{ROOT}tests/data/readers_fixtures.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn info<'a>(file: &'a DataFile, key: &str) -> &'a str {
    &file
        .metadata
        .info
        .iter()
        .find(|e| e.key == key)
        .unwrap_or_else(|| panic!("INFO {key} missing"))
        .value
}

/// Rows, headers, first/last values and counts of the used columns, and the
/// temperature set points, all equal to the independent reading.
fn matches_independent_reading(name: &str, file: &DataFile) {
    let all = expected();
    let want = &all[name];
    assert_eq!(
        file.rows as u64,
        want["rows"].as_u64().unwrap(),
        "{name} rows"
    );
    assert_eq!(file.skipped_rows, 0, "{name}");
    let headers: Vec<&str> = file.columns.iter().map(|c| c.header.as_str()).collect();
    let want_headers: Vec<&str> = want["headers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h.as_str().unwrap())
        .collect();
    assert_eq!(headers, want_headers, "{name} headers");
    for (header, w) in want["columns"].as_object().unwrap() {
        let col = file.column(header).unwrap();
        assert_eq!(col.values.len(), file.rows);
        let finite: Vec<f64> = col
            .values
            .iter()
            .copied()
            .filter(|v| v.is_finite())
            .collect();
        let scale = col.scale;
        assert_eq!(
            finite.len() as u64,
            w["count"].as_u64().unwrap(),
            "{name} {header}"
        );
        assert_eq!(
            finite[0],
            w["first"].as_f64().unwrap() * scale,
            "{name} {header} first"
        );
        assert_eq!(
            finite[finite.len() - 1],
            w["last"].as_f64().unwrap() * scale,
            "{name} {header} last"
        );
    }
    let t = &file.column("Temperature (K)").unwrap().values;
    let got: Vec<(usize, usize)> = split_by_set_point(t, 0.05, 3)
        .unwrap()
        .iter()
        .map(|s| (s.start, s.end))
        .collect();
    let want_sp: Vec<(usize, usize)> = want["setPoints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s[0].as_u64().unwrap() as usize,
                s[1].as_u64().unwrap() as usize,
            )
        })
        .collect();
    assert_eq!(got, want_sp, "{name} set points");
}

#[test]
fn mpms3_vsm_loop() {
    let name = "mpms3-vsm-mh.dat";
    let f = fixture(name);
    assert_eq!(f.format, Format::MultiVu);
    assert_eq!(f.instrument, Some(Instrument::Mpms3));
    matches_independent_reading(name, &f);
    // MPMS3 writes INFO,value,KEY.
    assert_eq!(info(&f, "SAMPLE_MASS"), "11.134");
    assert_eq!(info(&f, "SAMPLE_HOLDER"), "Quartz");
    assert_eq!(
        info(&f, "APPNAME"),
        "MPMS3 Measurement Release 1.1.16 Build 424, MultiVu Release 2.3.4.26"
    );
    assert_eq!(f.metadata.comments.len(), 2);
    let q = &f.quantities;
    assert_eq!(q.temperature.as_deref(), Some("Temperature (K)"));
    assert_eq!(q.field.as_deref(), Some("Magnetic Field (Oe)"));
    assert_eq!(q.moment.as_deref(), Some("Moment (emu)"));
    assert_eq!(q.moment_error.as_deref(), Some("M. Std. Err. (emu)"));
    assert_eq!(q.time.as_deref(), Some("Time Stamp (sec)"));
    // The DC columns are present but empty.
    assert_eq!(f.column("DC Moment Fixed Ctr (emu)").unwrap().count, 0);

    // The first loop (2 K): virgin branch up to +70 kOe, down to −70 kOe,
    // back up; turning points where the independent reading put them.
    let want = &expected()[name]["firstLoop"];
    let h = &f.column("Magnetic Field (Oe)").unwrap().values[..374];
    let b = split_by_sweep(h, None).unwrap();
    let dirs: Vec<Direction> = b.iter().map(|x| x.direction).collect();
    assert_eq!(dirs, [Direction::Up, Direction::Down, Direction::Up]);
    assert_eq!(b[0].end - 1, want["argmax"].as_u64().unwrap() as usize);
    assert_eq!(b[1].start, b[0].end - 1);
    assert_eq!(b[1].end - 1, want["argmin"].as_u64().unwrap() as usize);
    assert_eq!(b[2].end, 374);
}

#[test]
fn mpms3_time_stamps_count_from_1899_12_30_local() {
    let f = fixture("mpms3-vsm-mh.dat");
    let open = f.metadata.file_open_time.as_ref().unwrap();
    assert_eq!(open.seconds, Some(3907407619.14099));
    assert_eq!(open.written.as_deref(), Some("2023-10-25T15:00:00"));
    let tb = f.metadata.time.as_ref().unwrap();
    // The stamp decodes to the written minute (MultiVu writes no seconds).
    let decoded = open.seconds.unwrap() + tb.to_local_s.unwrap();
    let written = open.written_s.unwrap();
    assert!(
        (0.0..60.0).contains(&(decoded - written)),
        "{decoded} vs {written}"
    );
    assert_eq!(tb.first.as_deref(), Some("2023-10-25T15:24:01"));
    assert_eq!(tb.to_unix_s, None);
}

#[test]
fn mpms_xl_zfc() {
    let name = "mpms-xl-zfc.dc.dat";
    let f = fixture(name);
    assert_eq!(f.instrument, Some(Instrument::MpmsXl));
    matches_independent_reading(name, &f);
    // MPMS-XL writes INFO, KEY, value and INFO, KEY: value.
    assert_eq!(info(&f, "NAME"), "pb6051");
    assert_eq!(info(&f, "WEIGHT"), "48.400");
    assert_eq!(info(&f, "SEQUENCE FILE"), "pb6051.seq");
    assert_eq!(info(&f, "BACKGROUND DATA FILE"), "None");
    assert_eq!(f.metadata.title.as_deref(), Some("MPMS DC Measurement"));
    let q = &f.quantities;
    assert_eq!(q.field.as_deref(), Some("Field (Oe)"));
    assert_eq!(q.moment.as_deref(), Some("Long Moment (emu)"));
    assert_eq!(q.time.as_deref(), Some("Time"));
    // The header's trailing comma makes no empty column.
    assert_eq!(f.columns.last().unwrap().header, "Using ABS");
    // 14 temperature set points of 3 readings each, 2 K to 15 K.
    let sp = split_by_set_point(&f.column("Temperature (K)").unwrap().values, 0.05, 3).unwrap();
    assert_eq!(sp.len(), 14);
    assert!((sp[13].mean - 15.0).abs() < 0.01);
}

#[test]
fn mpms_xl_stamps_are_unix_utc_and_the_header_gives_the_zone() {
    let f = fixture("mpms-xl-zfc.dc.dat");
    let open = f.metadata.file_open_time.as_ref().unwrap();
    assert_eq!(open.written.as_deref(), Some("2016-11-29T21:54:22"));
    let tb = f.metadata.time.as_ref().unwrap();
    assert_eq!(tb.to_unix_s, Some(0.0));
    // Pacific Standard Time: whole hours, and the stamp lands on the written second.
    assert_eq!(tb.utc_offset_min, Some(-480.0));
    let decoded = open.seconds.unwrap() + tb.to_local_s.unwrap();
    assert!((0.0..1.0).contains(&(decoded - open.written_s.unwrap())));
    assert_eq!(tb.first.as_deref(), Some("2016-11-29T21:54:22"));
}

#[test]
fn ppms_resistivity_two_channels() {
    let name = "ppms-resistivity-tmr-hall.dat";
    let f = fixture(name);
    assert_eq!(f.instrument, Some(Instrument::PpmsResistivity));
    matches_independent_reading(name, &f);
    // PPMS writes INFO, APPNAME, value but INFO, value, SampleN Name.
    assert_eq!(info(&f, "APPNAME"), "PPMS MultiVu Application, 1.5.11");
    assert_eq!(info(&f, "Sample1 Name"), "TMR");
    assert_eq!(info(&f, "Sample2 Name"), "Hall");
    assert_eq!(info(&f, "Sample3 Units"), "Ohm-m");
    let q = &f.quantities;
    assert_eq!(
        q.resistance,
        ["Bridge 1 Resistance (Ohms)", "Bridge 2 Resistance (Ohms)"]
    );
    assert_eq!(q.angle.as_deref(), Some("Sample Position (deg)"));
    let r = f.column("Bridge 1 Resistance (Ohms)").unwrap();
    assert_eq!(r.unit.as_deref(), Some("Ω"));
    // Excitation in µA is read in A.
    let i = f.column("Bridge 1 Excitation (uA)").unwrap();
    assert_eq!((i.unit.as_deref(), i.scale), (Some("A"), 1e-6));
    assert!((i.values[0] - 19.98e-6).abs() < 1e-12);
    // At 2 K one sweep from −1 T up to +1 T; at 2.1, 2.2 and 2.3 K a loop
    // from +1 T down to −1 T and back (awk puts the lowest fields at rows
    // 399, 800 and 1202).
    let sp = split_by_set_point(&f.column("Temperature (K)").unwrap().values, 0.05, 3).unwrap();
    let h = &f.column("Magnetic Field (Oe)").unwrap().values;
    let b = split_by_sweep(&h[..sp[0].end], None).unwrap();
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].direction, Direction::Up);
    for (s, turn) in sp[1..].iter().zip([399, 800, 1202]) {
        let b = split_by_sweep(&h[s.start..s.end], None).unwrap();
        assert_eq!(s.start + b[0].end - 1, turn);
        let dirs: Vec<Direction> = b.iter().map(|x| x.direction).collect();
        assert_eq!(dirs, [Direction::Down, Direction::Up], "{s:?}");
        assert!(b[0].to < -9999.0 && b[1].to > 9999.0);
    }
}

#[test]
fn ppms_dates_land_on_the_file_open_day() {
    let f = fixture("ppms-resistivity-tmr-hall.dat");
    let tb = f.metadata.time.as_ref().unwrap();
    // 2024-01-01 00:00 UTC, and a whole-hour zone.
    assert_eq!(tb.to_unix_s, Some(1_704_067_200.0));
    assert_eq!(tb.utc_offset_min.unwrap() % 60.0, 0.0);
    assert!(tb.first.as_deref().unwrap().starts_with("2024-12-18T10:5"));
    // The last row is a day later: 84,027 s after the first.
    assert!(tb.last.as_deref().unwrap().starts_with("2024-12-19T10:1"));
}
