//! Exports for the vacancy moment model, Fig. 3 and Fig. S18
//! (`physics::vacancy`). `vacancyModel` and `uScan` are the computations a
//! Web Worker runs (with a progress callback that can cancel); the drawing
//! exports take their results back, or compute them when not given.

use super::canvas::{draw_on_canvas, draw_svg};
use super::convert::{f64_array, from_js, optional_function, options, to_js, whole, Kind};
use crate::input;
use crate::physics::vacancy::{
    self as core, Axis, UScan, Vacancies, VacancyParams, VacancyResult, VacancySite,
};
use crate::plot::style::Style;
use crate::plot::vacancy::{check_drawable, draw_vacancy, VacancyFigure};
use crate::plot::Frame;
use js_sys::{Array, Function, Reflect};
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// The options object of `vacancyModel`, as JavaScript gives it: every
/// number a JS number (sizes and counts checked to be whole), `vacancies` a
/// count or an array of `{ layer, m, n, axis }`. Missing keys take the
/// model's defaults; unknown keys are refused.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct VacancyOptions {
    layers: f64,
    size: f64,
    k_points: f64,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    vacancies: JsValue,
    hopping: f64,
    vacancy_potential: f64,
    confinement: f64,
    u_eff: f64,
    soc: f64,
    doping: f64,
    smearing: f64,
    mixing: f64,
    tolerance: f64,
    max_iterations: f64,
    initial_polarization: f64,
    pdos_broadening: f64,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    start_density: JsValue,
}

impl Default for VacancyOptions {
    fn default() -> Self {
        let d = VacancyParams::default();
        let count = match d.vacancies {
            Vacancies::Count(n) => n as f64,
            Vacancies::Sites(ref s) => s.len() as f64,
        };
        Self {
            layers: d.layers as f64,
            size: d.size as f64,
            k_points: d.k_points as f64,
            vacancies: JsValue::from_f64(count),
            hopping: d.hopping,
            vacancy_potential: d.vacancy_potential,
            confinement: d.confinement,
            u_eff: d.u_eff,
            soc: d.soc,
            doping: d.doping,
            smearing: d.smearing,
            mixing: d.mixing,
            tolerance: d.tolerance,
            max_iterations: d.max_iterations as f64,
            initial_polarization: d.initial_polarization,
            pdos_broadening: d.pdos_broadening,
            start_density: JsValue::NULL,
        }
    }
}

/// A whole number that may be negative (a vacancy coordinate).
fn coordinate(name: &str, value: &JsValue) -> Result<i64, JsError> {
    match value.as_f64() {
        Some(v) if v.is_finite() && v.fract() == 0.0 && v.abs() <= 1e6 => Ok(v as i64),
        _ => Err(JsError::new(&format!(
            "{name} must be a whole number, got {}",
            value
                .as_f64()
                .map_or_else(|| format!("{value:?}"), |v| v.to_string())
        ))),
    }
}

/// `vacancies`: a count, or an array of `{ layer, m, n, axis }`.
fn vacancies(value: &JsValue) -> Result<Vacancies, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(VacancyParams::default().vacancies);
    }
    if let Some(n) = value.as_f64() {
        return Ok(Vacancies::Count(whole("vacancies", n, 0, 3 * 32 * 32)?));
    }
    if !Array::is_array(value) {
        return Err(JsError::new(
            "vacancies must be a count or an array of { layer, m, n, axis }",
        ));
    }
    let mut sites = Vec::new();
    for (i, item) in Array::from(value).iter().enumerate() {
        if !item.is_object() {
            return Err(JsError::new(&format!(
                "vacancies[{i}] must be an object {{ layer, m, n, axis }}"
            )));
        }
        let get = |key: &str| Reflect::get(&item, &JsValue::from_str(key)).unwrap_or_default();
        let axis = get("axis").as_string().unwrap_or_default();
        let axis = Axis::from_str(&axis).map_err(|_| {
            JsError::new(&format!(
                "vacancies[{i}].axis must be one of \"x\", \"y\" or \"z\", got \"{axis}\""
            ))
        })?;
        sites.push(VacancySite {
            layer: coordinate(&format!("vacancies[{i}].layer"), &get("layer"))?,
            m: coordinate(&format!("vacancies[{i}].m"), &get("m"))?,
            n: coordinate(&format!("vacancies[{i}].n"), &get("n"))?,
            axis,
        });
    }
    Ok(Vacancies::Sites(sites))
}

fn params(opts: JsValue) -> Result<VacancyParams, JsError> {
    let o: VacancyOptions = options(
        "opts",
        opts,
        &[("vacancies", Kind::Any), ("startDensity", Kind::Any)],
    )?;
    let start_density = if o.start_density.is_undefined() || o.start_density.is_null() {
        None
    } else {
        let n = f64_array("startDensity", &o.start_density, false)?;
        input::finite_slice("startDensity", &n)?;
        Some(n)
    };
    Ok(VacancyParams {
        layers: whole("layers", o.layers, 1, 64)?,
        size: whole("size", o.size, 1, 32)?,
        k_points: whole("kPoints", o.k_points, 1, 256)?,
        vacancies: vacancies(&o.vacancies)?,
        hopping: o.hopping,
        vacancy_potential: o.vacancy_potential,
        confinement: o.confinement,
        u_eff: o.u_eff,
        soc: o.soc,
        doping: o.doping,
        smearing: o.smearing,
        mixing: o.mixing,
        tolerance: o.tolerance,
        max_iterations: whole("maxIterations", o.max_iterations, 1, 100_000)?,
        initial_polarization: o.initial_polarization,
        pdos_broadening: o.pdos_broadening,
        start_density,
    })
}

/// Calls a JS progress callback; `false` (or a throw) stops the calculation.
fn call_progress(f: &Function, args: &[f64], threw: &mut bool) -> bool {
    let array: Array = args.iter().map(|&a| JsValue::from_f64(a)).collect();
    match f.apply(&JsValue::NULL, &array) {
        Ok(v) => v.as_bool() != Some(false),
        Err(_) => {
            *threw = true;
            false
        }
    }
}

fn stopped(e: core::VacancyError, threw: bool) -> JsError {
    match e {
        core::VacancyError::Cancelled { iteration } if threw => JsError::new(&format!(
            "onProgress threw: the calculation was stopped at iteration {iteration}"
        )),
        e => e.into(),
    }
}

/// The model's defaults as the options object of `vacancyModel` (energies
/// in eV; see the Rust docs of `VacancyParams` for why each is what it is).
#[wasm_bindgen(js_name = vacancyModelDefaults)]
pub fn vacancy_model_defaults() -> Result<JsValue, JsError> {
    to_js(&VacancyOptions::default())
}

/// Solves the vacancy model → `{ siteMoments, siteCharges, layerMoments,
/// maxMoment, maxMomentSite, momentPerCell, electrons, density, fermiEnergy,
/// eigenvalues, eigenvalueWeights, pdos: { energy, layers: [{ up, down }] },
/// converged, iterations, residual, history: { residual, maxMoment },
/// matrixSize, blocks, largestBlock, diagonalisations, layers, size,
/// vacancySites }` (μ_B, eV). `onProgress(iteration, residual)`, if given,
/// is called after every step; returning `false` cancels with an Error.
/// `opts.startDensity`, a result's `density`, restarts the loop from it
/// (one step when it is the solution of the same options).
#[wasm_bindgen(js_name = vacancyModel)]
pub fn vacancy_model(
    #[wasm_bindgen(unchecked_param_type = "object | undefined")] opts: JsValue,
    #[wasm_bindgen(
        js_name = onProgress,
        unchecked_param_type = "((iteration: number, residual: number) => boolean | void) | undefined"
    )]
    on_progress: JsValue,
) -> Result<JsValue, JsError> {
    let p = params(opts)?;
    let f = optional_function("onProgress", &on_progress)?;
    let mut threw = false;
    let result = match &f {
        Some(f) => core::vacancy_model_with_progress(&p, &mut |it, res| {
            call_progress(f, &[it as f64, res], &mut threw)
        }),
        None => core::vacancy_model(&p),
    }
    .map_err(|e| stopped(e, threw))?;
    to_js(&result)
}

/// Fig. S18: the model at each U_eff of `uValues` (eV) → `{ uEff, maxMoment,
/// momentPerCell, layerMoments, converged, iterations }`.
/// `onProgress(point, iteration, residual)` as for `vacancyModel`.
#[wasm_bindgen(js_name = uScan)]
pub fn u_scan(
    #[wasm_bindgen(unchecked_param_type = "object | undefined")] opts: JsValue,
    #[wasm_bindgen(js_name = uValues, unchecked_param_type = "Float64Array | number[]")]
    u_values: JsValue,
    #[wasm_bindgen(
        js_name = onProgress,
        unchecked_param_type = "((point: number, iteration: number, residual: number) => boolean | void) | undefined"
    )]
    on_progress: JsValue,
) -> Result<JsValue, JsError> {
    let p = params(opts)?;
    let u = f64_array("uValues", &u_values, false)?;
    let f = optional_function("onProgress", &on_progress)?;
    let mut threw = false;
    let result = match &f {
        Some(f) => core::u_scan_with_progress(&p, &u, &mut |point, it, res| {
            call_progress(f, &[point as f64, it as f64, res], &mut threw)
        }),
        None => core::u_scan(&p, &u),
    }
    .map_err(|e| stopped(e, threw))?;
    to_js(&result)
}

/// The U_eff values of the page's Fig. S18 panel, eV: 0 to 2 in steps of 0.25.
pub const SCAN_U_EV: [f64; 9] = [0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0];

/// Results a worker computed, handed back for drawing.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct Computed {
    model: Option<VacancyResult>,
    scan: Option<UScan>,
    /// U_eff values (eV) of a `scan` still being computed (see
    /// [`VacancyFigure::scan_pending`]).
    scan_pending: Vec<f64>,
}

/// What the page shows beside Fig. 3.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fig3Readout {
    max_moment: f64,
    max_moment_layer: usize,
    moment_per_cell: f64,
    layer_moments: Vec<f64>,
    electrons: f64,
    converged: bool,
    iterations: usize,
    residual: f64,
    matrix_size: usize,
    scan: Option<UScan>,
    frame: Option<Frame>,
}

/// The parameters, the model, the scan and the U_eff values of the scan
/// still pending, from the page's state and what its workers computed.
type FigureData = (VacancyParams, VacancyResult, Option<UScan>, Vec<f64>);

fn figure_data(state: JsValue, computed: JsValue) -> Result<FigureData, JsError> {
    let p = params(state)?;
    let given: Computed = from_js("computed", computed)?;
    if given.scan.is_none() && !given.scan_pending.is_empty() {
        return Err(JsError::new(
            "computed.scanPending needs computed.scan, the points computed so far",
        ));
    }
    if !given.scan_pending.is_empty() {
        input::finite_slice("computed.scanPending", &given.scan_pending)?;
    }
    let model = match given.model {
        Some(m) => m,
        None => core::vacancy_model(&p)?,
    };
    check_drawable(&model).map_err(|e| JsError::new(&format!("computed.model: {}", e.0)))?;
    let scan = match given.scan {
        Some(s) => s,
        None => core::u_scan(&scan_params(&p), &SCAN_U_EV)?,
    };
    Ok((p, model, Some(scan), given.scan_pending))
}

/// The parameters of the page's Fig. S18 scan for the model at `p`: the same
/// without SOC, like the paper's collinear GGA+U_eff scan (and with SOC each
/// point would take seconds; see `MAX_ORBITALS_SOC`).
fn scan_params(p: &VacancyParams) -> VacancyParams {
    VacancyParams {
        soc: 0.0,
        // Every point starts from the polarised start; a restart is the model's.
        start_density: None,
        ..p.clone()
    }
}

/// Draws Fig. 3 (slab, layer PDOS, and the Fig. S18 scan) into `canvas` for
/// `state` (the options of `vacancyModel`) at `scale` device pixels per CSS
/// pixel. `computed` = `{ model, scan }` from a worker's `vacancyModel` and
/// `uScan` skips the computation; without it both are computed here (the
/// scan at U_eff = 0, 0.25, …, 2 eV, without SOC). → `{ maxMoment,
/// maxMomentLayer, momentPerCell, layerMoments, electrons, converged,
/// iterations, residual, matrixSize, scan, frame }`, `frame` that of the
/// Fig. S18 panel (U_eff in eV, moment in μ_B). A given scan is taken to be
/// without SOC, as the page computes it; `computed.scanPending` lists the
/// U_eff values (eV) of a scan still being computed, whose axis then spans
/// them (the page draws the model first and each point as it arrives).
#[wasm_bindgen(js_name = drawVacancyModel)]
pub fn draw_vacancy_model_canvas(
    canvas: HtmlCanvasElement,
    #[wasm_bindgen(unchecked_param_type = "object | undefined")] state: JsValue,
    scale: f64,
    #[wasm_bindgen(unchecked_param_type = "{ model?: object, scan?: object } | undefined")]
    computed: JsValue,
) -> Result<JsValue, JsError> {
    let (p, model, scan, pending) = figure_data(state, computed)?;
    let fig = VacancyFigure {
        model: &model,
        scan: scan.as_ref(),
        u_eff: p.u_eff,
        scan_without_soc: p.soc > 0.0,
        scan_pending: &pending,
    };
    let style = Style::with_scale(scale);
    let frame = draw_on_canvas(canvas, |area| draw_vacancy(area, &fig, &style))?;
    to_js(&Fig3Readout {
        max_moment: model.max_moment,
        max_moment_layer: model.max_moment_site / (model.size * model.size).max(1),
        moment_per_cell: model.moment_per_cell,
        layer_moments: model.layer_moments.clone(),
        electrons: model.electrons,
        converged: model.converged,
        iterations: model.iterations,
        residual: model.residual,
        matrix_size: model.matrix_size,
        scan,
        frame,
    })
}

/// Fig. 3 for `state` as an SVG document of `width` × `height` pixels
/// (computed here, or from `computed` as for `drawVacancyModel`).
#[wasm_bindgen(js_name = svgVacancyModel)]
pub fn svg_vacancy_model(
    #[wasm_bindgen(unchecked_param_type = "object | undefined")] state: JsValue,
    width: f64,
    height: f64,
    #[wasm_bindgen(unchecked_param_type = "{ model?: object, scan?: object } | undefined")]
    computed: JsValue,
) -> Result<String, JsError> {
    let (p, model, scan, pending) = figure_data(state, computed)?;
    let fig = VacancyFigure {
        model: &model,
        scan: scan.as_ref(),
        u_eff: p.u_eff,
        scan_without_soc: p.soc > 0.0,
        scan_pending: &pending,
    };
    draw_svg(width, height, |area| {
        draw_vacancy(area, &fig, &Style::default())
    })
}
