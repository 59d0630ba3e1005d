//! The table both formats share: a header row of column names, then rows of
//! numbers read column by column into `f64` (NaN where a field is empty or
//! not a number).

use super::text::{self, number};
use super::units::{apply_prefix, normalise_exp, split_header};
use super::Column;

/// At most this many line numbers are listed in a warning.
const LIST_LINES: usize = 5;

/// The columns read from a table, and what was left out.
#[derive(Debug)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: usize,
    pub skipped_rows: usize,
    pub warnings: Vec<String>,
}

/// Unique, non-empty header names: a trailing empty name (the header ended
/// with the delimiter) is dropped, other empty ones become `Column N`, and a
/// repeated name gets ` #2`, ` #3`… so that a name finds one column.
pub fn header_names(fields: Vec<String>) -> Vec<String> {
    let mut fields = fields;
    while fields.last().is_some_and(|f| f.trim().is_empty()) {
        fields.pop();
    }
    let mut out: Vec<String> = Vec::with_capacity(fields.len());
    for (i, f) in fields.into_iter().enumerate() {
        let base = if f.trim().is_empty() {
            format!("Column {}", i + 1)
        } else {
            f.trim().to_string()
        };
        let mut name = base.clone();
        let mut k = 2;
        while out.contains(&name) {
            name = format!("{base} #{k}");
            k += 1;
        }
        out.push(name);
    }
    out
}

/// Reads the rows in `body` (the text after the header row, whose first line
/// is line `first_line` of the file) under `headers`.
///
/// A row with no number in it (a comment, a repeated header) is skipped and
/// counted. A last line cut short — the file does not end with a newline and
/// the line has fewer fields than the row before it — is skipped with a
/// warning: its last number may be cut too.
pub fn read_rows(
    headers: &[String],
    body: &str,
    first_line: usize,
    delim: char,
    decimal_comma: bool,
) -> Table {
    let ncols = headers.len();
    // Room for every row, from the length of the first lines: a count of the
    // newlines would cost a pass over a large file.
    let sample: usize = body.lines().take(64).map(|l| l.len() + 1).sum();
    let sampled = body.lines().take(64).count().max(1);
    let estimate = body.len() / (sample / sampled).max(1) + 16;
    let mut values: Vec<Vec<f64>> = (0..ncols).map(|_| Vec::with_capacity(estimate)).collect();
    let (mut rows, mut skipped, mut longer) = (0usize, Vec::new(), 0usize);
    let mut warnings = Vec::new();
    let mut truncated = 0usize;
    let mut previous_fields = ncols;
    let unterminated = !text::ends_with_newline(body);
    let d = delim as u8;
    // The lines of `text::lines`: the body without one final newline, cut at
    // each '\n' (a '\r' before it is dropped below).
    let bytes = body.as_bytes();
    let end_all = bytes.len() - usize::from(bytes.last() == Some(&b'\n'));
    let (mut pos, mut i) = (0usize, 0usize);
    while !body.is_empty() {
        let (mut nfields, mut numbers, mut extra) = (0usize, 0usize, false);
        // The hot loop of a large file: one pass over the bytes that reads
        // each number as it cuts the fields and finds the end of the line;
        // each value goes straight into its column (a row that is refused
        // is taken back out below). The delimiter, quote and newline are
        // ASCII, so every cut falls on a char boundary.
        macro_rules! take {
            ($k:expr, $f:expr, $fast:expr) => {
                push_field(
                    &mut values,
                    $k,
                    $f,
                    $fast,
                    decimal_comma,
                    &mut numbers,
                    &mut extra,
                )
            };
        }
        let (mut start, mut quoted) = (pos, false);
        let mut j: usize;
        'fields: loop {
            // An empty field (half the columns of an MPMS3 file are).
            if start < end_all && bytes[start] == d {
                if let Some(col) = values.get_mut(nfields) {
                    col.push(f64::NAN);
                }
                nfields += 1;
                start += 1;
                continue;
            }
            // A plain number followed by the delimiter or the line's end
            // is read where it stands.
            let (q, fast) = text::scan_number(bytes, start);
            let q = q.min(end_all);
            let next = bytes.get(q).copied().filter(|_| q < end_all);
            let cr_end = next == Some(b'\r') && bytes.get(q + 1).is_none_or(|&c| c == b'\n');
            if next == Some(d) || next == Some(b'\n') || next.is_none() || cr_end {
                take!(nfields, &body[start..q], fast);
                nfields += 1;
                if next == Some(d) {
                    start = q + 1;
                    continue;
                }
                j = q + usize::from(cr_end);
                break;
            }
            // Anything else: the field runs to the next delimiter.
            j = q;
            while j < end_all {
                let b = bytes[j];
                if b == d {
                    take!(nfields, &body[start..j], None);
                    nfields += 1;
                    start = j + 1;
                    continue 'fields;
                } else if b == b'\n' {
                    break;
                } else if b == b'"' {
                    quoted = true;
                    j += bytes[j..end_all]
                        .iter()
                        .position(|&c| c == b'\n')
                        .unwrap_or(end_all - j);
                    break 'fields;
                }
                j += 1;
            }
            let last = &body[start..j];
            take!(nfields, last.strip_suffix('\r').unwrap_or(last), None);
            nfields += 1;
            break;
        }
        let is_last = j >= end_all;
        let line = &body[pos..j];
        let line = line.strip_suffix('\r').unwrap_or(line);
        if quoted {
            for col in values.iter_mut().take(nfields) {
                col.truncate(rows);
            }
            (nfields, numbers, extra) = (0, 0, false);
            for f in text::fields(line, delim) {
                push_field(
                    &mut values,
                    nfields,
                    &f,
                    None,
                    decimal_comma,
                    &mut numbers,
                    &mut extra,
                );
                nfields += 1;
            }
        }
        let line_no = first_line + i;
        (pos, i) = (j + 1, i + 1);
        // Only the first `nfields` columns (at most) took a value.
        let filled = nfields.min(ncols);
        let blank = numbers == 0 && line.trim().is_empty();
        let refused = if blank {
            true
        } else if is_last && unterminated && nfields < previous_fields {
            warnings.push(format!(
                "line {line_no} is cut short ({nfields} of {previous_fields} fields, and no \
                 newline ends the file): it was skipped"
            ));
            truncated = 1;
            true
        } else if numbers == 0 {
            skipped.push(line_no);
            true
        } else {
            false
        };
        if refused {
            for col in &mut values[..filled] {
                col.truncate(rows);
            }
        } else {
            // A row shorter than the header: the missing fields are empty.
            for col in &mut values[filled..] {
                col.push(f64::NAN);
            }
            longer += usize::from(extra);
            previous_fields = nfields;
            rows += 1;
        }
        if is_last {
            break;
        }
    }
    let no_numbers = &skipped;
    if !no_numbers.is_empty() {
        let list: Vec<String> = no_numbers
            .iter()
            .take(LIST_LINES)
            .map(usize::to_string)
            .collect();
        let more = if no_numbers.len() > LIST_LINES {
            ", …"
        } else {
            ""
        };
        warnings.push(format!(
            "{} rows hold no number and were skipped (lines {}{more})",
            no_numbers.len(),
            list.join(", ")
        ));
    }
    if longer > 0 {
        warnings.push(format!(
            "{longer} rows have more fields than the header has names: the extra fields were ignored"
        ));
    }
    let columns = headers
        .iter()
        .zip(values)
        .map(|(h, v)| column(h, v))
        .collect();
    Table {
        columns,
        rows,
        skipped_rows: skipped.len() + truncated,
        warnings,
    }
}

/// Field `k` of a row into its column (NaN if it is not a number), counting
/// the numbers; a non-empty field beyond the header's columns is flagged.
/// `fast` is the field's value when the scan has read it already.
#[inline]
fn push_field(
    values: &mut [Vec<f64>],
    k: usize,
    f: &str,
    fast: Option<f64>,
    decimal_comma: bool,
    numbers: &mut usize,
    extra: &mut bool,
) {
    if let Some(col) = values.get_mut(k) {
        let v = fast.or_else(|| number(f, decimal_comma));
        *numbers += usize::from(v.is_some());
        col.push(v.unwrap_or(f64::NAN));
    } else if !f.trim().is_empty() {
        *extra = true;
    }
}

/// A column from its header and raw values: name and unit split, values
/// converted to the base unit where the unit carries an SI prefix.
fn column(header: &str, mut values: Vec<f64>) -> Column {
    let (name, unit_written) = split_header(header);
    let (unit, exp) = match unit_written.and_then(normalise_exp) {
        Some((base, exp)) => (Some(base.to_string()), exp),
        None => (unit_written.map(str::to_string), 0),
    };
    if exp != 0 {
        for v in &mut values {
            *v = apply_prefix(*v, exp);
        }
    }
    let scale = apply_prefix(1.0, exp);
    Column {
        name: name.to_string(),
        unit,
        header: header.to_string(),
        unit_as_written: unit_written.map(str::to_string),
        scale,
        count: values.iter().filter(|v| v.is_finite()).count(),
        values,
    }
}
