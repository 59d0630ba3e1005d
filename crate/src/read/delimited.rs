//! CSV and TSV with a header row: the delimiter (tab, `;` or `,`) is sniffed
//! from the first lines; `#` or `%` lines before the header are comments.

use super::columns::Quantities;
use super::text::{self, fields, number};
use super::{table, DataFile, Format, Metadata, ReadError};

/// Lines looked at to choose the delimiter: enough to see past a ragged
/// start, few enough to cost nothing on a large file.
const SNIFF_LINES: usize = 50;

/// Candidate delimiters, in the order that wins a tie: a tab is never part
/// of a number, a `;` file may use `,` as its decimal mark.
const DELIMITERS: [char; 3] = ['\t', ';', ','];

/// The delimiter whose field count on the header row (at least 2) is shared
/// by the most of the following lines, or `None`.
fn sniff(header: &str, sample: &[&str]) -> Option<char> {
    let mut best: Option<(usize, char)> = None;
    for d in DELIMITERS {
        let hc = fields(header, d).len();
        if hc < 2 {
            continue;
        }
        // A data row may lack a trailing delimiter the header has, or the
        // reverse; a line of one field (prose) never counts.
        let score = sample
            .iter()
            .filter(|l| {
                let n = fields(l, d).len();
                n >= 2 && n.abs_diff(hc) <= 1
            })
            .count();
        if !sample.is_empty() && score == 0 {
            continue;
        }
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, d));
        }
    }
    best.map(|(_, d)| d)
}

/// Reads a delimited table whose text is `text`.
pub fn read(text: &str, mut metadata: Metadata) -> Result<DataFile, ReadError> {
    let mut offset = 0usize;
    let mut line_no = 0usize;
    let mut header = None;
    let mut header_start = 0usize;
    for raw in text.split_inclusive('\n') {
        header_start = offset;
        offset += raw.len();
        line_no += 1;
        let line = raw.trim_end_matches(['\n', '\r']).trim();
        if line.is_empty() {
            continue;
        }
        if let Some(c) = line.strip_prefix('#').or_else(|| line.strip_prefix('%')) {
            metadata.comments.push(c.trim().to_string());
            continue;
        }
        header = Some(raw.trim_end_matches(['\n', '\r']));
        break;
    }
    let unknown = || ReadError::Unknown {
        filename: metadata.filename.clone(),
    };
    let header = header.ok_or_else(unknown)?;
    let body = &text[offset..];
    let sample: Vec<&str> = text::lines(body)
        .filter(|l| !l.trim().is_empty())
        .take(SNIFF_LINES)
        .collect();
    let delim = sniff(header, &sample).ok_or_else(unknown)?;
    let names: Vec<String> = fields(header, delim)
        .into_iter()
        .map(|f| f.into_owned())
        .collect();
    let mut warnings = Vec::new();
    let numeric_header = names
        .iter()
        .all(|n| n.trim().is_empty() || number(n, delim == ';').is_some());
    let (headers, body, first_line) = if numeric_header {
        warnings.push("the first row holds only numbers: it was read as data, and the columns named Column 1, Column 2, …".to_string());
        let n = names.len();
        let headers = (1..=n).map(|i| format!("Column {i}")).collect();
        (headers, &text[header_start..], line_no)
    } else {
        (table::header_names(names), body, line_no + 1)
    };
    let t = table::read_rows(&headers, body, first_line, delim, delim == ';');
    warnings.extend(t.warnings);
    metadata.delimiter = delim.to_string();
    Ok(DataFile {
        format: if delim == '\t' {
            Format::Tsv
        } else {
            Format::Csv
        },
        instrument: None,
        metadata,
        columns: t.columns,
        rows: t.rows,
        skipped_rows: t.skipped_rows,
        warnings,
        quantities: Quantities::default(),
    })
}
