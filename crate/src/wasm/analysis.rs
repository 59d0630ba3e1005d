//! Exports for the analyses of a researcher's own file (`analysis`, the
//! page analyze.html): for each `kind` of analysis, its defaults, the
//! computation alone, and the computation drawn into a canvas or an SVG by
//! the figure pages' own drawings.
//!
//! `data` holds the columns the analysis uses as `Float64Array`s (or arrays)
//! of one length each, already in the analysis's units; `options` its
//! numbers (and a `view` or `label` where it has one). A key that is not
//! one of the kind's is refused by name.

use super::canvas::{draw_on_canvas, draw_svg};
use super::convert::{f64_array, f64s, options as read_options, set, to_js, Kind};
use crate::analysis::hall::{analyze_hall, HallAnalysis, HallOptions};
use crate::analysis::hc2::{
    analyze_hc2_angle, analyze_hc2_temperature, Hc2AngleAnalysis, Hc2AngleOptions,
    Hc2TemperatureAnalysis,
};
use crate::analysis::iv::{analyze_iv, IvAnalysis, IvOptions};
use crate::analysis::loops::{analyze_loop, LoopAnalysis};
use crate::analysis::rt::{analyze_rt, RtAnalysis, RtOptions};
use crate::analysis::zfc_fc::{analyze_zfc_fc, branches, ZfcFcAnalysis};
use crate::physics::hc2_angle::Hc2AngleModel;
use crate::physics::loop_processing::LoopOptions;
use crate::plot::bkt::{draw_bkt, BktFigure};
use crate::plot::gl_hc2::{draw_gl_hc2, GlHc2Figure};
use crate::plot::hall::{draw_hall, HallFigure, HallSample};
use crate::plot::halperin_nelson::{draw_halperin_nelson, fitted_curve, HnFigure};
use crate::plot::hc2_angle::{draw_hc2_angle, Hc2AngleFigure};
use crate::plot::loop_analysis::{draw_loop_analysis, LoopAnalysisFigure};
use crate::plot::resistive::{draw_rt, inset_for, RtCurve, RtFigure};
use crate::plot::style::Style;
use crate::plot::zfc_fc_branches::draw_zfc_fc_branches;
use crate::plot::{Frame, PlotError};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// The kinds, as the page names them.
const KINDS: [&str; 7] = [
    "loop",
    "zfc-fc",
    "rt",
    "iv",
    "hall",
    "hc2-angle",
    "hc2-temperature",
];

/// Options of `loop`: those of `processLoop` and the view.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct LoopOpts {
    /// Saturation field, Oe (null: the top 30 % of the field range).
    h_sat_oe: Option<f64>,
    /// Sample area, mm².
    area_mm2: f64,
    /// Magnetic layer thickness, nm (null: none).
    thickness_nm: Option<f64>,
    /// "corrected" or "raw".
    view: String,
}

impl Default for LoopOpts {
    fn default() -> Self {
        let o = LoopOptions::default();
        Self {
            h_sat_oe: o.h_sat_oe,
            area_mm2: o.area_mm2,
            thickness_nm: o.thickness_nm,
            view: "corrected".into(),
        }
    }
}

/// Options of `rt`: those of the analysis, the view and the curve's label.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct RtOpts {
    t_normal_k: Option<f64>,
    r_normal_ohm: Option<f64>,
    t_min_k: Option<f64>,
    t_max_k: Option<f64>,
    /// "transition" (R(T) with T_c, as Fig. 1b) or "halperin-nelson" (as Fig. S4).
    view: String,
    label: String,
}

impl Default for RtOpts {
    fn default() -> Self {
        Self {
            t_normal_k: None,
            r_normal_ohm: None,
            t_min_k: None,
            t_max_k: None,
            view: "transition".into(),
            label: "data".into(),
        }
    }
}

/// Options of `hall`: those of the analysis and the legend's label.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct HallOpts {
    b_max_t: Option<f64>,
    sheet_resistance_ohm: Option<f64>,
    label: String,
}

impl Default for HallOpts {
    fn default() -> Self {
        Self {
            b_max_t: None,
            sheet_resistance_ohm: None,
            label: "data".into(),
        }
    }
}

/// An analysis computed, with what its drawing needs.
enum Computed {
    Loop(LoopAnalysis, LoopOpts),
    ZfcFc(ZfcFcAnalysis),
    Rt(RtAnalysis, RtOpts),
    Iv(IvAnalysis),
    Hall(HallAnalysis, HallOpts),
    Hc2Angle(Hc2AngleAnalysis),
    Hc2Temperature(Hc2TemperatureAnalysis),
}

/// The named columns of `data`.
struct Data {
    value: JsValue,
}

impl Data {
    fn new(value: JsValue, allowed: &[&str]) -> Result<Self, JsError> {
        if !value.is_object() {
            return Err(JsError::new(&format!(
                "data must be an object of columns: {}",
                allowed.join(", ")
            )));
        }
        for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
            let key = key.as_string().unwrap_or_default();
            if !allowed.contains(&key.as_str()) {
                return Err(JsError::new(&format!(
                    "data.{key} is not a column of this analysis; its columns are {}",
                    allowed.join(", ")
                )));
            }
        }
        Ok(Self { value })
    }

    fn optional(&self, key: &str) -> Result<Option<Vec<f64>>, JsError> {
        let v = js_sys::Reflect::get(&self.value, &key.into()).unwrap_or(JsValue::UNDEFINED);
        if v.is_undefined() || v.is_null() {
            Ok(None)
        } else {
            f64_array(&format!("data.{key}"), &v, false).map(Some)
        }
    }

    fn get(&self, key: &str) -> Result<Vec<f64>, JsError> {
        self.optional(key)?
            .ok_or_else(|| JsError::new(&format!("data.{key} is missing: choose a column for it")))
    }
}

fn view(name: &str, value: &str, allowed: &[&str]) -> Result<(), JsError> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(JsError::new(&format!(
            "options.{name} must be one of \"{}\", got \"{value}\"",
            allowed.join("\", \"")
        )))
    }
}

fn compute(kind: &str, data: JsValue, options: JsValue) -> Result<Computed, JsError> {
    Ok(match kind {
        "loop" => {
            let d = Data::new(data, &["field", "moment"])?;
            let o: LoopOpts = read_options("options", options, &[("view", Kind::Text)])?;
            view("view", &o.view, &["corrected", "raw"])?;
            let core = LoopOptions {
                h_sat_oe: o.h_sat_oe,
                area_mm2: o.area_mm2,
                thickness_nm: o.thickness_nm,
            };
            Computed::Loop(analyze_loop(&d.get("field")?, &d.get("moment")?, &core)?, o)
        }
        "zfc-fc" => {
            let d = Data::new(
                data,
                &["zfcTemperature", "zfcMoment", "fcTemperature", "fcMoment"],
            )?;
            let _: NoOptions = read_options("options", options, &[])?;
            let fc =
                match (d.optional("fcTemperature")?, d.optional("fcMoment")?) {
                    (Some(t), Some(m)) => Some((t, m)),
                    (None, None) => None,
                    _ => return Err(JsError::new(
                        "data.fcTemperature and data.fcMoment go together: give both or neither",
                    )),
                };
            let a = analyze_zfc_fc(
                &d.get("zfcTemperature")?,
                &d.get("zfcMoment")?,
                fc.as_ref().map(|(t, m)| (t.as_slice(), m.as_slice())),
            )?;
            Computed::ZfcFc(a)
        }
        "rt" => {
            let d = Data::new(data, &["temperature", "resistance"])?;
            let o: RtOpts = read_options(
                "options",
                options,
                &[("view", Kind::Text), ("label", Kind::Text)],
            )?;
            view("view", &o.view, &["transition", "halperin-nelson"])?;
            let core = RtOptions {
                t_normal_k: o.t_normal_k,
                r_normal_ohm: o.r_normal_ohm,
                t_min_k: o.t_min_k,
                t_max_k: o.t_max_k,
            };
            let a = analyze_rt(&d.get("temperature")?, &d.get("resistance")?, &core)?;
            Computed::Rt(a, o)
        }
        "iv" => {
            let d = Data::new(data, &["temperature", "current", "voltage"])?;
            let o: IvOptions = read_options("options", options, &[])?;
            Computed::Iv(analyze_iv(
                &d.get("temperature")?,
                &d.get("current")?,
                &d.get("voltage")?,
                &o,
            )?)
        }
        "hall" => {
            let d = Data::new(data, &["field", "hall", "resistance"])?;
            let o: HallOpts = read_options("options", options, &[("label", Kind::Text)])?;
            let core = HallOptions {
                b_max_t: o.b_max_t,
                sheet_resistance_ohm: o.sheet_resistance_ohm,
            };
            let rs = d.optional("resistance")?;
            let a = analyze_hall(&d.get("field")?, &d.get("hall")?, rs.as_deref(), &core)?;
            Computed::Hall(a, o)
        }
        "hc2-angle" => {
            let d = Data::new(data, &["angle", "field", "sigma"])?;
            let o: Hc2AngleOptions = read_options("options", options, &[])?;
            let sigma = d.optional("sigma")?;
            Computed::Hc2Angle(analyze_hc2_angle(
                &d.get("angle")?,
                &d.get("field")?,
                sigma.as_deref(),
                &o,
            )?)
        }
        "hc2-temperature" => {
            let d = Data::new(data, &["tPerp", "hPerp", "tPar", "hPar"])?;
            let _: NoOptions = read_options("options", options, &[])?;
            Computed::Hc2Temperature(analyze_hc2_temperature(
                &d.get("tPerp")?,
                &d.get("hPerp")?,
                &d.get("tPar")?,
                &d.get("hPar")?,
            )?)
        }
        other => {
            return Err(JsError::new(&format!(
                "kind must be one of \"{}\", got \"{other}\"",
                KINDS.join("\", \"")
            )))
        }
    })
}

/// The options of an analysis without any.
#[derive(Debug, Default, Serialize, Deserialize)]
struct NoOptions {}

/// Whether an R(T) analysis is drawn as its Halperin–Nelson fit (asked for,
/// and there is one).
fn rt_hn(a: &RtAnalysis, o: &RtOpts) -> bool {
    o.view == "halperin-nelson" && a.hn.is_some() && a.linear.is_some() && a.window.is_some()
}

fn draw_with<DB: DrawingBackend>(
    c: &Computed,
    area: &DrawingArea<DB, Shift>,
    style: &Style,
) -> Result<Frame, PlotError>
where
    DB::ErrorType: 'static,
{
    match c {
        Computed::Loop(a, o) => draw_loop_analysis(
            area,
            &LoopAnalysisFigure {
                analysis: a,
                corrected: o.view == "corrected",
                area_mm2: o.area_mm2,
            },
            style,
        ),
        Computed::ZfcFc(a) => draw_zfc_fc_branches(area, a, style),
        Computed::Rt(a, o) => match (&a.hn, &a.linear, a.window) {
            (Some(fit), Some(linear), Some(window)) if rt_hn(a, o) => draw_halperin_nelson(
                area,
                &HnFigure {
                    t: &a.t,
                    r: &a.r,
                    fit,
                    window,
                    linear,
                },
                style,
            ),
            _ => {
                let curves = [RtCurve {
                    name: &o.label,
                    t: &a.t,
                    r: &a.r,
                    transitions: Some(&a.transitions),
                }];
                let mut fig = RtFigure {
                    curves: &curves,
                    log_t: false,
                    inset_k: None,
                };
                fig.inset_k = inset_for(&fig, &a.transitions);
                draw_rt(area, &fig, style)
            }
        },
        Computed::Iv(a) => draw_bkt(
            area,
            &BktFigure {
                curves: &a.curves,
                alpha: &a.alpha,
            },
            style,
        ),
        Computed::Hall(a, o) => draw_hall(
            area,
            &HallFigure {
                samples: &[HallSample {
                    name: &o.label,
                    field_t: &a.field_t,
                    rxy_ohm: &a.rxy_ohm,
                    fit: &a.fit,
                }],
            },
            style,
        ),
        Computed::Hc2Angle(a) => draw_hc2_angle(
            area,
            &Hc2AngleFigure {
                data: &a.data,
                fits: &a.fits,
            },
            style,
        ),
        Computed::Hc2Temperature(a) => draw_gl_hc2(
            area,
            &GlHc2Figure {
                data: &a.data,
                fit: &a.fit,
                pauli_t: a.pauli_t,
            },
            style,
        ),
    }
}

/// Fitted curves over the drawn range, for the CSV export.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Curve {
    x: Vec<f64>,
    y: Vec<f64>,
}

fn curve(points: impl IntoIterator<Item = (f64, f64)>) -> Curve {
    let (x, y) = points.into_iter().unzip();
    Curve { x, y }
}

/// The result as a JS object: the analysis, `kind`, `view`, fitted curves
/// where the kind has them, and `frame` when drawn.
fn result_js(kind: &str, c: Computed, frame: Option<Frame>) -> Result<JsValue, JsError> {
    let out = match c {
        Computed::Loop(mut a, o) => {
            let (h, m) = (std::mem::take(&mut a.h_oe), std::mem::take(&mut a.m_emu));
            let hc = std::mem::take(&mut a.report.h_centered);
            let mc = std::mem::take(&mut a.report.m_corrected);
            let out = to_js(&a)?;
            set(&out, "hOe", f64s(&h))?;
            set(&out, "mEmu", f64s(&m))?;
            let report = js_sys::Reflect::get(&out, &"report".into())
                .map_err(|_| JsError::new("could not convert the result: no report"))?;
            set(&report, "hCentered", f64s(&hc))?;
            set(&report, "mCorrected", f64s(&mc))?;
            set(&out, "view", o.view.as_str().into())?;
            set(&out, "areaMm2", o.area_mm2.into())?;
            out
        }
        Computed::ZfcFc(a) => to_js(&a)?,
        Computed::Rt(a, o) => {
            let hn = rt_hn(&a, &o);
            let fitted = match (&a.hn, &a.linear, a.window) {
                (Some(fit), Some(linear), Some(window)) => Some(curve(fitted_curve(&HnFigure {
                    t: &a.t,
                    r: &a.r,
                    fit,
                    window,
                    linear,
                }))),
                _ => None,
            };
            let out = to_js(&a)?;
            set(&out, "curve", to_js(&fitted)?)?;
            set(
                &out,
                "view",
                if hn { "halperin-nelson" } else { "transition" }.into(),
            )?;
            out
        }
        Computed::Iv(a) => to_js(&a)?,
        Computed::Hall(a, _) => to_js(&a)?,
        Computed::Hc2Angle(a) => {
            let fig = Hc2AngleFigure {
                data: &a.data,
                fits: &a.fits,
            };
            let t = curve(fig.curve(Hc2AngleModel::Tinkham));
            let g = curve(fig.curve(Hc2AngleModel::Gl3d));
            let out = to_js(&a)?;
            set(&out, "tinkhamCurve", to_js(&t)?)?;
            set(&out, "gl3dCurve", to_js(&g)?)?;
            out
        }
        Computed::Hc2Temperature(a) => {
            let c = GlHc2Figure {
                data: &a.data,
                fit: &a.fit,
                pauli_t: a.pauli_t,
            }
            .curves();
            let out = to_js(&a)?;
            set(&out, "curves", to_js(&gl_curves(&c))?)?;
            out
        }
    };
    set(&out, "kind", kind.into())?;
    if let Some(f) = frame {
        set(&out, "frame", to_js(&f)?)?;
    }
    Ok(out)
}

/// GL curves as `{ t, hPerp, hPar }`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct GlCurves {
    t: Vec<f64>,
    h_perp: Vec<f64>,
    h_par: Vec<f64>,
}

fn gl_curves(c: &[(f64, f64, f64)]) -> GlCurves {
    GlCurves {
        t: c.iter().map(|p| p.0).collect(),
        h_perp: c.iter().map(|p| p.1).collect(),
        h_par: c.iter().map(|p| p.2).collect(),
    }
}

/// The default options of analysis `kind` (numbers in the units their
/// names state; null where the analysis chooses from the data).
#[wasm_bindgen(js_name = analysisDefaults)]
pub fn analysis_defaults(kind: &str) -> Result<JsValue, JsError> {
    match kind {
        "loop" => to_js(&LoopOpts::default()),
        "rt" => to_js(&RtOpts::default()),
        "iv" => to_js(&IvOptions::default()),
        "hall" => to_js(&HallOpts::default()),
        "hc2-angle" => to_js(&Hc2AngleOptions::default()),
        "zfc-fc" | "hc2-temperature" => to_js(&NoOptions::default()),
        other => Err(JsError::new(&format!(
            "kind must be one of \"{}\", got \"{other}\"",
            KINDS.join("\", \"")
        ))),
    }
}

/// Runs analysis `kind` on `data` (columns) with `options`, without drawing.
/// `loop`: data { field (Oe), moment (emu) }, options { hSatOe, areaMm2,
/// thicknessNm, view }. `zfc-fc`: { zfcTemperature (K), zfcMoment (emu),
/// fcTemperature, fcMoment }. `rt`: { temperature (K), resistance (Ω) },
/// options { tNormalK, rNormalOhm, tMinK, tMaxK, view, label }. `iv`: {
/// temperature (K), current (A), voltage (V) }, options { toleranceK, vMin,
/// iMin, iMax, thresholdV }. `hall`: { field (T), hall (Ω), resistance (Ω) },
/// options { bMaxT, sheetResistanceOhm, label }. `hc2-angle`: { angle
/// (degrees), field (T), sigma (T) }, options { thetaOffsetDeg }.
/// `hc2-temperature`: { tPerp, hPerp, tPar, hPar } (K, T).
#[wasm_bindgen(js_name = analyze)]
pub fn analyze(
    kind: &str,
    #[wasm_bindgen(unchecked_param_type = "object")] data: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    result_js(kind, compute(kind, data, options)?, None)
}

/// Runs analysis `kind` (see `analyze`) and draws it into `canvas` at
/// `scale` device pixels per CSS pixel → the result with its `frame`.
#[wasm_bindgen(js_name = drawAnalysis)]
pub fn draw_analysis(
    canvas: HtmlCanvasElement,
    kind: &str,
    #[wasm_bindgen(unchecked_param_type = "object")] data: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object | undefined")] options: JsValue,
    scale: f64,
) -> Result<JsValue, JsError> {
    let c = compute(kind, data, options)?;
    let style = Style::with_scale(scale);
    let frame = draw_on_canvas(canvas, |area| draw_with(&c, area, &style))?;
    result_js(kind, c, Some(frame))
}

/// Analysis `kind` (see `analyze`) as an SVG document of `width` × `height` pixels.
#[wasm_bindgen(js_name = svgAnalysis)]
pub fn svg_analysis(
    kind: &str,
    #[wasm_bindgen(unchecked_param_type = "object")] data: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object | undefined")] options: JsValue,
    width: f64,
    height: f64,
) -> Result<String, JsError> {
    let c = compute(kind, data, options)?;
    draw_svg(width, height, |area| draw_with(&c, area, &Style::default()))
}

/// A run of rows `start..end` (end exclusive).
#[derive(Serialize)]
struct Rows {
    start: usize,
    end: usize,
}

/// The temperature runs of a ZFC/FC file that can be its branches (monotonic
/// sweeps of at least 5 rows, in file order: the ZFC run first, the FC run
/// second) → `[{ start, end }]`.
#[wasm_bindgen(js_name = zfcFcBranches)]
pub fn zfc_fc_branches(
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] temperature: JsValue,
) -> Result<JsValue, JsError> {
    let t = f64_array("temperature", &temperature, false)?;
    let runs: Vec<Rows> = branches(&t)?
        .into_iter()
        .map(|(start, end)| Rows { start, end })
        .collect();
    to_js(&runs)
}
