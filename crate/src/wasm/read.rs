//! Exports for reading measurement files (`read`): `readDataFile`, the
//! segment splits, unit factors, the defaults a page shows, and the data
//! preview figure (`plot::data_preview`).

use super::canvas::{draw_on_canvas, draw_svg};
use super::convert::{f64_array, from_js, to_js};
use crate::plot::data_preview::{draw_data_preview, DataPreviewFigure};
use crate::plot::style::Style;
use crate::plot::Frame;
use crate::read::columns::Quantities;
use crate::read::{self as core, segment};
use js_sys::{Array, ArrayBuffer, Float64Array, Reflect, Uint8Array};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// Options of `readDataFile`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct ReadOptions {
    /// Columns named for quantities, replacing the guesses:
    /// `{ temperature: "Sample Temp (K)", resistance: ["R1 (Ohm)"] }`.
    columns: Quantities,
}

/// The file without its values, which go across as `Float64Array`s.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FileView<'a> {
    format: core::Format,
    instrument: Option<core::Instrument>,
    metadata: &'a core::Metadata,
    columns: Vec<ColumnView<'a>>,
    rows: usize,
    skipped_rows: usize,
    warnings: &'a [String],
    quantities: &'a Quantities,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ColumnView<'a> {
    name: &'a str,
    unit: Option<&'a str>,
    header: &'a str,
    unit_as_written: Option<&'a str>,
    scale: f64,
    count: usize,
}

/// Quantity names `options.columns` may hold.
const QUANTITIES: [&str; 10] = [
    "time",
    "temperature",
    "field",
    "moment",
    "momentError",
    "angle",
    "current",
    "voltage",
    "resistance",
    "hall",
];

/// serde-wasm-bindgen reads only the keys a struct declares, so a misspelt
/// key would be ignored in silence: refuse it by name instead.
fn check_keys(options: &JsValue) -> Result<(), JsError> {
    if !options.is_object() {
        return Ok(());
    }
    let keys = |v: &JsValue| -> Vec<String> {
        js_sys::Object::keys(v.unchecked_ref::<js_sys::Object>())
            .iter()
            .filter_map(|k| k.as_string())
            .collect()
    };
    for k in keys(options) {
        if k != "columns" {
            return Err(JsError::new(&format!(
                "options.{k} is not an option: use columns"
            )));
        }
    }
    let columns = Reflect::get(options, &"columns".into()).unwrap_or(JsValue::UNDEFINED);
    if columns.is_object() {
        for k in keys(&columns) {
            if !QUANTITIES.contains(&k.as_str()) {
                return Err(JsError::new(&format!(
                    "options.columns.{k} is not a quantity: use one of \"{}\"",
                    QUANTITIES.join("\", \"")
                )));
            }
        }
    }
    Ok(())
}

fn bytes_of(value: &JsValue) -> Result<Vec<u8>, JsError> {
    if let Some(a) = value.dyn_ref::<Uint8Array>() {
        Ok(a.to_vec())
    } else if value.is_instance_of::<ArrayBuffer>() {
        Ok(Uint8Array::new(value).to_vec())
    } else {
        Err(JsError::new(
            "bytes must be a Uint8Array or an ArrayBuffer (from File.arrayBuffer())",
        ))
    }
}

/// Reads a Quantum Design MultiVu `.dat` or a CSV/TSV file from its bytes →
/// `{ format, instrument, metadata, columns: [{ name, unit, header,
/// unitAsWritten, scale, count, values: Float64Array }], rows, skippedRows,
/// warnings, quantities }`. Values are in the base unit of `unit` (a `mT`
/// column in T), NaN where a field is empty. `options.columns` names the
/// columns for quantities (`temperature`, `field`, `moment`, `momentError`,
/// `time`, `angle`, `current`, `voltage`, `hall`, and `resistance` as an
/// array of channels); a name not in the file is an error.
#[wasm_bindgen(js_name = readDataFile)]
pub fn read_data_file(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
    filename: &str,
    #[wasm_bindgen(unchecked_param_type = "{ columns?: object } | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    check_keys(&options)?;
    let options: ReadOptions = from_js("options", options)?;
    let file = core::read_data_file(&bytes_of(&bytes)?, filename)?;
    let mut quantities = file.quantities.clone();
    quantities.apply(&file, &options.columns)?;
    let view = FileView {
        format: file.format,
        instrument: file.instrument,
        metadata: &file.metadata,
        columns: file
            .columns
            .iter()
            .map(|c| ColumnView {
                name: &c.name,
                unit: c.unit.as_deref(),
                header: &c.header,
                unit_as_written: c.unit_as_written.as_deref(),
                scale: c.scale,
                count: c.count,
            })
            .collect(),
        rows: file.rows,
        skipped_rows: file.skipped_rows,
        warnings: &file.warnings,
        quantities: &quantities,
    };
    let out = to_js(&view)?;
    let columns: Array = Reflect::get(&out, &"columns".into())
        .map_err(|_| JsError::new("could not convert the result: no columns"))?
        .unchecked_into();
    for (js, col) in columns.iter().zip(&file.columns) {
        Reflect::set(&js, &"values".into(), &Float64Array::from(&col.values[..]))
            .map_err(|_| JsError::new("could not convert the result: values"))?;
    }
    Ok(out)
}

/// A count from JS: a whole number ≥ 1.
fn count(name: &str, value: Option<f64>, default: usize) -> Result<usize, JsError> {
    match value {
        None => Ok(default),
        Some(v) if v.is_finite() && v >= 1.0 && v.fract() == 0.0 && v <= 1e9 => Ok(v as usize),
        Some(v) => Err(JsError::new(&format!(
            "{name} must be a whole number from 1, got {v}"
        ))),
    }
}

/// Splits rows at set points: runs whose values stay within `tolerance` (in
/// the column's unit) of the run's mean, at least `minPoints` rows (default
/// 3) → `[{ start, end, mean, min, max }]`, `end` exclusive.
#[wasm_bindgen(js_name = splitBySetPoint)]
pub fn split_by_set_point(
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] values: JsValue,
    tolerance: f64,
    #[wasm_bindgen(js_name = minPoints)] min_points: Option<f64>,
) -> Result<JsValue, JsError> {
    let v = f64_array("values", &values, false)?;
    let n = count("minPoints", min_points, segment::MIN_POINTS)?;
    to_js(&segment::split_by_set_point(&v, tolerance, n)?)
}

/// Splits a sweep into monotonic branches at its turning points (a turn
/// goes back by more than `hysteresis`, in the column's unit; default 1 % of
/// the span) → `[{ start, end, direction: "up" | "down" | "flat", from, to }]`.
#[wasm_bindgen(js_name = splitBySweep)]
pub fn split_by_sweep(
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] values: JsValue,
    hysteresis: Option<f64>,
) -> Result<JsValue, JsError> {
    let v = f64_array("values", &values, false)?;
    to_js(&segment::split_by_sweep(&v, hysteresis)?)
}

/// The factor from unit `from` to unit `to` (`unitFactor("kOe", "T")` is
/// 0.1; fields convert between T, Oe and G as μ0H).
#[wasm_bindgen(js_name = unitFactor)]
pub fn unit_factor(from: &str, to: &str) -> Result<f64, JsError> {
    Ok(core::units::factor(from, to)?)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReadDefaults {
    temperature_tolerance_k: f64,
    field_tolerance_oe: f64,
    min_points: usize,
    sweep_hysteresis_fraction: f64,
}

/// The segment defaults, explained in `read::segment`:
/// `{ temperatureToleranceK, fieldToleranceOe, minPoints, sweepHysteresisFraction }`.
#[wasm_bindgen(js_name = readDefaults)]
pub fn read_defaults() -> Result<JsValue, JsError> {
    to_js(&ReadDefaults {
        temperature_tolerance_k: segment::TEMPERATURE_TOLERANCE_K,
        field_tolerance_oe: segment::FIELD_TOLERANCE_OE,
        min_points: segment::MIN_POINTS,
        sweep_hysteresis_fraction: segment::SWEEP_HYSTERESIS_FRACTION,
    })
}

/// The state of the data preview: two columns, their labels, the segments
/// and the analysis window.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct PreviewState {
    x_label: String,
    y_label: String,
    segments: Vec<SegmentRange>,
    window: Option<(f64, f64)>,
}

#[derive(Debug, Deserialize)]
struct SegmentRange {
    start: f64,
    end: f64,
}

/// A row index from JS: a whole number from 0.
fn index(name: &str, v: f64) -> Result<usize, JsError> {
    if v.is_finite() && v >= 0.0 && v.fract() == 0.0 && v <= 9_007_199_254_740_992.0 {
        Ok(v as usize)
    } else {
        Err(JsError::new(&format!(
            "{name} must be a whole number from 0, got {v}"
        )))
    }
}

/// A preview state read from JS, owning what the figure borrows.
struct Preview {
    x: Vec<f64>,
    y: Vec<f64>,
    state: PreviewState,
    segments: Vec<(usize, usize)>,
}

impl Preview {
    fn from_js(state: JsValue) -> Result<Self, JsError> {
        let field = |k: &str| Reflect::get(&state, &k.into()).unwrap_or(JsValue::UNDEFINED);
        let x = f64_array("state.x", &field("x"), false)?;
        let y = f64_array("state.y", &field("y"), false)?;
        let state: PreviewState = from_js("state", state)?;
        let segments = state
            .segments
            .iter()
            .map(|r| {
                Ok((
                    index("segments.start", r.start)?,
                    index("segments.end", r.end)?,
                ))
            })
            .collect::<Result<Vec<_>, JsError>>()?;
        let p = Self {
            x,
            y,
            state,
            segments,
        };
        p.figure().check()?;
        Ok(p)
    }

    fn figure(&self) -> DataPreviewFigure<'_> {
        DataPreviewFigure {
            x: &self.x,
            y: &self.y,
            x_label: &self.state.x_label,
            y_label: &self.state.y_label,
            segments: &self.segments,
            window: self.state.window,
        }
    }
}

/// Draws a file's data into `canvas` for `state` = `{ x, y, xLabel, yLabel,
/// segments: [{ start, end }], window: [from, to] }` (x and y as
/// Float64Array or arrays; segments as `splitBySetPoint`/`splitBySweep`
/// return them) at `scale` device pixels per CSS pixel → `{ frame }`.
#[wasm_bindgen(js_name = drawDataPreview)]
pub fn draw_data_preview_canvas(
    canvas: web_sys::HtmlCanvasElement,
    #[wasm_bindgen(unchecked_param_type = "object")] state: JsValue,
    scale: f64,
) -> Result<JsValue, JsError> {
    let p = Preview::from_js(state)?;
    let style = Style::with_scale(scale);
    let frame = draw_on_canvas(canvas, |area| draw_data_preview(area, &p.figure(), &style))?;
    #[derive(Serialize)]
    struct Out {
        frame: Frame,
    }
    to_js(&Out { frame })
}

/// The data preview for `state` as an SVG document of `width` × `height` pixels.
#[wasm_bindgen(js_name = svgDataPreview)]
pub fn svg_data_preview(
    #[wasm_bindgen(unchecked_param_type = "object")] state: JsValue,
    width: f64,
    height: f64,
) -> Result<String, JsError> {
    let p = Preview::from_js(state)?;
    draw_svg(width, height, |area| {
        draw_data_preview(area, &p.figure(), &Style::default())
    })
}
