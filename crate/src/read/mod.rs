//! Reading measurement files: Quantum Design MultiVu `.dat` (MPMS3,
//! MPMS-XL, PPMS Resistivity, ETO, AC Transport, VSM) and CSV/TSV tables
//! with a header row. Pure Rust on bytes, so it runs natively, in wasm and
//! under the fuzzer alike; any byte string gives a [`DataFile`] or a
//! [`ReadError`], never a panic.
//!
//! Values are `f64` in the column's base unit: a header `Field (mT)` gives
//! unit `T` and values × 10⁻³ (the written unit and the factor are kept).
//! An empty or non-numeric field is NaN.
//!
//! # References
//! Quantum Design, *MultiVu data file format*, as written by MPMS3 (MultiVu
//! 2.3), MPMS MultiVu 1.60 and PPMS MultiVu 1.5 — see the real files in
//! `shared/fixtures/quantum-design/` and their README.

pub mod columns;
mod delimited;
mod multivu;
pub mod segment;
mod table;
pub mod text;
pub mod time;
pub mod units;

use crate::input::InputError;
use serde::Serialize;
use thiserror::Error;

/// Why a file, a column or a unit was refused.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ReadError {
    /// No bytes at all.
    #[error("bytes is empty: the file has no content")]
    Empty,
    /// NUL or many control bytes: an image, a spreadsheet, an archive.
    #[error(
        "bytes look like a binary file (an image, a spreadsheet or an archive?), not a text \
         data file: export the data as a MultiVu .dat, CSV or TSV file"
    )]
    Binary,
    /// Text, but neither format.
    #[error(
        "{filename} is not a recognised data file: expected a Quantum Design MultiVu .dat \
         ([Header] … [Data]) or a CSV/TSV table with a header row and at least two columns"
    )]
    Unknown { filename: String },
    /// A MultiVu header without its data section.
    #[error("{filename} has a [Header] but no [Data] section")]
    NoDataSection { filename: String },
    /// Column names but no row with a number.
    #[error("{filename} has column names but no data rows{detail}")]
    NoRows { filename: String, detail: String },
    /// A column asked for by name is not in the file.
    #[error("column \"{asked}\" is not in the file; its columns are: {available}")]
    MissingColumn { asked: String, available: String },
    /// No column holds the quantity asked for.
    #[error("no {quantity} column found (looked for {tried}): name one with columns.{quantity}")]
    NoColumn {
        quantity: &'static str,
        tried: String,
    },
    /// A unit that is not a (prefixed) base unit.
    #[error(
        "{name} must be a unit such as T, mT, Oe, kOe, G, K, A, µA, V, mV or Ω, got \"{unit}\""
    )]
    UnknownUnit { name: &'static str, unit: String },
    /// Units of different quantities.
    #[error("cannot convert {from} to {to}: they measure different quantities")]
    Incompatible { from: String, to: String },
    /// Bad numbers given to a segment split or a conversion.
    #[error(transparent)]
    Input(#[from] InputError),
}

/// The two kinds of file read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Format {
    /// Quantum Design MultiVu `.dat`.
    #[serde(rename = "multivu")]
    MultiVu,
    /// Comma- (or semicolon-) separated values.
    #[serde(rename = "csv")]
    Csv,
    /// Tab-separated values.
    #[serde(rename = "tsv")]
    Tsv,
}

/// The instrument that wrote a MultiVu file, from its `BYAPP` line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Instrument {
    #[serde(rename = "MPMS3")]
    Mpms3,
    #[serde(rename = "MPMS-XL")]
    MpmsXl,
    #[serde(rename = "PPMS Resistivity")]
    PpmsResistivity,
    #[serde(rename = "PPMS ETO")]
    PpmsEto,
    #[serde(rename = "PPMS AC Transport")]
    PpmsAct,
    #[serde(rename = "PPMS VSM")]
    PpmsVsm,
}

/// One `INFO` line of a MultiVu header, key and value in the same order
/// whatever order the instrument wrote them in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InfoEntry {
    pub key: String,
    pub value: String,
}

/// Everything a file says besides its columns.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Metadata {
    /// The name the file was given as.
    pub filename: String,
    /// "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE" or "Windows-1252".
    pub encoding: &'static str,
    /// "LF", "CRLF", "CR" or "none".
    pub line_ending: &'static str,
    /// The field separator: ",", "\t" or ";".
    pub delimiter: String,
    /// MultiVu `TITLE`.
    pub title: Option<String>,
    /// MultiVu `BYAPP`: the application and its versions, as written.
    pub by_app: Option<String>,
    /// MultiVu `FILEOPENTIME`.
    pub file_open_time: Option<time::FileOpenTime>,
    /// MultiVu `INFO` lines, in file order.
    pub info: Vec<InfoEntry>,
    /// Other header lines (`DATATYPE`, `FIELDGROUP`, …): key and the rest.
    pub header: Vec<InfoEntry>,
    /// `;` comment lines of a MultiVu header, `#` lines before a CSV header.
    pub comments: Vec<String>,
    /// How the time-stamp column turns into dates, where the instrument is known.
    pub time: Option<time::TimeBase>,
}

/// One column: values in the base unit of `unit`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Column {
    /// The name without its unit: `Temperature`.
    pub name: String,
    /// The base unit (`T` for a header in mT; `Ω` for Ohms), if any.
    pub unit: Option<String>,
    /// The header as written: `Temperature (K)`.
    pub header: String,
    /// The unit as written: `mT`.
    pub unit_as_written: Option<String>,
    /// The factor the written values were multiplied by (10⁻³ for mT).
    pub scale: f64,
    /// How many values are finite numbers (0 for an empty column).
    pub count: usize,
    /// One value per row; NaN where the field is empty or not a number.
    pub values: Vec<f64>,
}

/// A file read: its columns, metadata and what had to be left out.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DataFile {
    pub format: Format,
    /// The instrument, for a MultiVu file whose `BYAPP` is recognised.
    pub instrument: Option<Instrument>,
    pub metadata: Metadata,
    pub columns: Vec<Column>,
    /// Number of data rows read (every column has this many values).
    pub rows: usize,
    /// Rows left out: no number in them, or a cut-short last line.
    pub skipped_rows: usize,
    /// What a reader should know: skipped rows, guessed columns, odd units.
    pub warnings: Vec<String>,
    /// The columns that hold each quantity, found by name.
    pub quantities: columns::Quantities,
}

impl DataFile {
    /// The column with this header as written (`Temperature (K)`), else
    /// with this name (`Temperature`, case and spaces ignored).
    pub fn column(&self, name: &str) -> Result<&Column, ReadError> {
        let wanted = name.trim();
        self.columns
            .iter()
            .find(|c| c.header == wanted)
            .or_else(|| {
                self.columns.iter().find(|c| {
                    c.header.eq_ignore_ascii_case(wanted) || c.name.eq_ignore_ascii_case(wanted)
                })
            })
            .ok_or_else(|| ReadError::MissingColumn {
                asked: wanted.to_string(),
                available: self
                    .columns
                    .iter()
                    .map(|c| c.header.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }
}

/// Reads a file from its bytes; `filename` names it in messages and may be
/// empty. The format is told from the content (a MultiVu file starts with
/// `[Header]` or has a `[Data]` line), never from the name alone.
pub fn read_data_file(bytes: &[u8], filename: &str) -> Result<DataFile, ReadError> {
    let decoded = text::decode(bytes)?;
    let line_ending = text::line_ending(&decoded.text);
    // Classic Mac OS files end lines with a lone CR: make them LF once.
    let text: std::borrow::Cow<'_, str> = if line_ending == "CR" {
        std::borrow::Cow::Owned(decoded.text.replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(decoded.text.as_ref())
    };
    let text = text.as_ref();
    let filename = if filename.trim().is_empty() {
        "the file".to_string()
    } else {
        filename.trim().to_string()
    };
    let mut metadata = Metadata {
        filename: filename.clone(),
        encoding: decoded.encoding,
        line_ending,
        ..Metadata::default()
    };
    let mut file = if multivu::is_multivu(text) {
        multivu::read(text, metadata)?
    } else {
        metadata.delimiter = String::new();
        delimited::read(text, metadata)?
    };
    if file.rows == 0 {
        let detail = if file.skipped_rows > 0 {
            format!(
                " ({} rows were skipped: {})",
                file.skipped_rows,
                file.warnings.join("; ")
            )
        } else {
            String::new()
        };
        return Err(ReadError::NoRows { filename, detail });
    }
    let (quantities, notes) = columns::guess(&file);
    file.quantities = quantities;
    file.warnings.extend(notes);
    Ok(file)
}
