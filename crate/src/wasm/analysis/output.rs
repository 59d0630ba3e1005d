//! An analysis drawn by the figure pages' drawings, and its result as a
//! JavaScript object.

use super::compute::{rt_hn, Computed};
use crate::physics::hc2_angle::Hc2AngleModel;
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
use crate::wasm::convert::{f64s, set, to_js};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};
use serde::Serialize;
use wasm_bindgen::prelude::*;

pub(super) fn draw_with<DB: DrawingBackend>(
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
pub(super) fn result_js(kind: &str, c: Computed, frame: Option<Frame>) -> Result<JsValue, JsError> {
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
