//! Quantum Design MultiVu `.dat`: a `[Header]` of `KEY,values` lines, then a
//! `[Data]` section that is a comma-separated table.
//!
//! `INFO` lines differ by instrument: MPMS3 writes `INFO,value,KEY`, MPMS-XL
//! `INFO, KEY, value` (and `INFO, KEY: value`), PPMS `INFO, APPNAME, value`
//! but `INFO, value, SampleN Name` for its sample lines. Each is read into
//! (key, value).

use super::columns::Quantities;
use super::text::{self, fields};
use super::time::{self, Epoch};
use super::{table, DataFile, Format, InfoEntry, Instrument, Metadata, ReadError};

/// The instrument from `BYAPP`'s application name.
fn instrument(app: &str) -> Option<Instrument> {
    let a = app.trim().to_ascii_lowercase();
    let a = a.as_str();
    if a == "mpms3" || a.starts_with("mpms3 ") || a.starts_with("squid-vsm") {
        Some(Instrument::Mpms3)
    } else if a.starts_with("mpms") {
        Some(Instrument::MpmsXl)
    } else if a.starts_with("resistivity") {
        Some(Instrument::PpmsResistivity)
    } else if a.starts_with("eto") || a.starts_with("electrical transport") {
        Some(Instrument::PpmsEto)
    } else if a.starts_with("ac transport") || a.starts_with("actransport") || a == "act" {
        Some(Instrument::PpmsAct)
    } else if a == "vsm" || a.starts_with("vsm ") {
        Some(Instrument::PpmsVsm)
    } else {
        None
    }
}

/// A file is MultiVu if its first non-blank line is `[Header]`, or it has a
/// `[Data]` line.
pub fn is_multivu(text: &str) -> bool {
    let mut lines = text::lines(text).map(str::trim).filter(|l| !l.is_empty());
    match lines.next() {
        Some(first) if first.eq_ignore_ascii_case("[header]") => true,
        Some(first) => {
            first.eq_ignore_ascii_case("[data]") || lines.any(|l| l.eq_ignore_ascii_case("[data]"))
        }
        None => false,
    }
}

/// Whether an INFO field looks like a key: `APPNAME`, `SAMPLE_MASS`,
/// `SEQUENCE FILE:`, or PPMS's `Sample1 Name`.
fn is_key(field: &str) -> bool {
    let f = field.trim().trim_end_matches(':');
    let upper = !f.is_empty()
        && f.chars().any(|c| c.is_ascii_uppercase())
        && f.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_' || c == ' ');
    upper || is_ppms_sample_key(f)
}

fn is_ppms_sample_key(f: &str) -> bool {
    let lower = f.trim().to_ascii_lowercase();
    lower
        .strip_prefix("sample")
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

/// (key, value) of an INFO line's fields after `INFO`.
fn info(parts: &[String], instrument: Option<Instrument>) -> InfoEntry {
    let entry = |key: &str, value: &str| InfoEntry {
        key: key.trim().trim_end_matches(':').trim().to_string(),
        value: value.trim().to_string(),
    };
    match parts {
        [] => entry("", ""),
        [only] => match only.split_once(':') {
            Some((k, v)) => entry(k, v),
            None => entry(only, ""),
        },
        [first, middle @ .., last] => {
            let key_last = match instrument {
                Some(Instrument::Mpms3) => true,
                Some(Instrument::MpmsXl) => false,
                _ => is_ppms_sample_key(last) || (!is_key(first) && is_key(last)),
            };
            if key_last {
                let value: Vec<&str> = std::iter::once(first)
                    .chain(middle)
                    .map(String::as_str)
                    .collect();
                entry(last, &value.join(", "))
            } else {
                let value: Vec<&str> = middle
                    .iter()
                    .chain(std::iter::once(last))
                    .map(String::as_str)
                    .collect();
                entry(first, &value.join(", "))
            }
        }
    }
}

/// Reads a MultiVu file whose text is `text`.
pub fn read(text: &str, mut metadata: Metadata) -> Result<DataFile, ReadError> {
    metadata.delimiter = ",".to_string();
    let mut warnings = Vec::new();
    // The [Data] marker: the header is everything before it.
    let mut offset = 0usize;
    let mut data_at = None;
    for line in text.split_inclusive('\n') {
        offset += line.len();
        if line.trim().eq_ignore_ascii_case("[data]") {
            data_at = Some(offset);
            break;
        }
    }
    let Some(data_at) = data_at else {
        return Err(ReadError::NoDataSection {
            filename: metadata.filename,
        });
    };
    let (head, data) = text.split_at(data_at);
    let mut info_lines: Vec<Vec<String>> = Vec::new();
    for line in text::lines(head) {
        let l = line.trim();
        if l.is_empty() || l.starts_with('[') {
            continue;
        }
        if let Some(c) = l.strip_prefix(';') {
            metadata.comments.push(c.trim().to_string());
            continue;
        }
        let (key, rest) = l.split_once(',').unwrap_or((l, ""));
        let key = key.trim().to_ascii_uppercase();
        match key.as_str() {
            "TITLE" => metadata.title = Some(rest.trim().to_string()),
            "BYAPP" => metadata.by_app = Some(rest.trim().to_string()),
            "FILEOPENTIME" => metadata.file_open_time = Some(time::parse_file_open_time(rest)),
            "INFO" => info_lines.push(
                fields(rest, ',')
                    .into_iter()
                    .map(|f| f.into_owned())
                    .collect(),
            ),
            _ => metadata.header.push(InfoEntry {
                key,
                value: rest.trim().to_string(),
            }),
        }
    }
    let app = metadata
        .by_app
        .as_deref()
        .map(|b| b.split(',').next().unwrap_or("").trim().to_string());
    let instrument = app.as_deref().and_then(instrument);
    match (&app, instrument) {
        (None, _) => {
            warnings.push("the header has no BYAPP line: the instrument is unknown".into())
        }
        (Some(a), None) => warnings.push(format!(
            "BYAPP \"{a}\" is not an instrument this reader knows"
        )),
        _ => {}
    }
    metadata.info = info_lines.iter().map(|p| info(p, instrument)).collect();

    // The first non-blank line of the data section names the columns.
    let mut line_no = text::lines(head).count();
    let mut rest = data;
    let names = loop {
        let (line, after) = match rest.find('\n') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, ""),
        };
        line_no += 1;
        if !line.trim().is_empty() {
            rest = after;
            break fields(line.trim_end_matches('\r'), ',')
                .into_iter()
                .map(|f| f.into_owned())
                .collect::<Vec<_>>();
        }
        if after.is_empty() {
            return Err(ReadError::NoRows {
                filename: metadata.filename,
                detail: " (the [Data] section is empty)".into(),
            });
        }
        rest = after;
    };
    let headers = table::header_names(names);
    let t = table::read_rows(&headers, rest, line_no + 1, ',', false);
    warnings.extend(t.warnings);
    let mut file = DataFile {
        format: Format::MultiVu,
        instrument,
        metadata,
        columns: t.columns,
        rows: t.rows,
        skipped_rows: t.skipped_rows,
        warnings,
        quantities: Quantities::default(),
    };
    file.metadata.time = time_base(&file);
    Ok(file)
}

/// The time base from the instrument's epoch and its stamp column.
fn time_base(file: &DataFile) -> Option<time::TimeBase> {
    let epoch = match file.instrument? {
        Instrument::Mpms3 => Epoch::Ole,
        Instrument::MpmsXl => Epoch::Unix,
        _ => Epoch::YearStart,
    };
    let col = ["Time Stamp (sec)", "Time"]
        .iter()
        .find_map(|h| file.columns.iter().find(|c| c.header == *h && c.count > 0))?;
    let first = col.values.iter().copied().find(|v| v.is_finite());
    let last = col.values.iter().rev().copied().find(|v| v.is_finite());
    Some(time::time_base(
        epoch,
        &col.header,
        file.metadata.file_open_time.as_ref(),
        first,
        last,
    ))
}
