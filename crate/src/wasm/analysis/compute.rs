//! The inputs of each kind of analysis read from JavaScript, and the
//! analysis run on them.

use super::KINDS;
use crate::analysis::hall::{analyze_hall, HallAnalysis, HallOptions};
use crate::analysis::hc2::{
    analyze_hc2_angle, analyze_hc2_temperature, Hc2AngleAnalysis, Hc2AngleOptions,
    Hc2TemperatureAnalysis,
};
use crate::analysis::iv::{analyze_iv, IvAnalysis, IvOptions};
use crate::analysis::loops::{analyze_loop, LoopAnalysis};
use crate::analysis::rt::{analyze_rt, RtAnalysis, RtOptions};
use crate::analysis::zfc_fc::{analyze_zfc_fc, ZfcFcAnalysis};
use crate::physics::loop_processing::LoopOptions;
use crate::plot::data_preview::MAX_DRAWN;
use crate::wasm::convert::{f64_array, options as read_options, Kind};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// Options of `loop`: those of `processLoop` and the view.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct LoopOpts {
    /// Saturation field, Oe (null: the top 30 % of the field range).
    pub(super) h_sat_oe: Option<f64>,
    /// Sample area, mm².
    pub(super) area_mm2: f64,
    /// Magnetic layer thickness, nm (null: none).
    pub(super) thickness_nm: Option<f64>,
    /// "corrected" or "raw".
    pub(super) view: String,
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
pub(super) struct RtOpts {
    pub(super) t_normal_k: Option<f64>,
    pub(super) r_normal_ohm: Option<f64>,
    pub(super) t_min_k: Option<f64>,
    pub(super) t_max_k: Option<f64>,
    /// "transition" (R(T) with T_c, as Fig. 1b) or "halperin-nelson" (as Fig. S4).
    pub(super) view: String,
    pub(super) label: String,
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
pub(super) struct HallOpts {
    pub(super) b_max_t: Option<f64>,
    pub(super) sheet_resistance_ohm: Option<f64>,
    pub(super) label: String,
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
pub(super) enum Computed {
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

    /// The column `key`, if given. Magnitudes beyond [`MAX_DRAWN`] are
    /// refused: no instrument writes them, and plotters' tick search does
    /// not end on such an axis.
    fn optional(&self, key: &str) -> Result<Option<Vec<f64>>, JsError> {
        let v = js_sys::Reflect::get(&self.value, &key.into()).unwrap_or(JsValue::UNDEFINED);
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        let values = f64_array(&format!("data.{key}"), &v, false)?;
        if let Some((i, x)) = values
            .iter()
            .enumerate()
            .find(|(_, x)| x.is_finite() && x.abs() > MAX_DRAWN)
        {
            return Err(JsError::new(&format!(
                "data.{key}[{i}] must be at most {MAX_DRAWN:e} in magnitude, got {x:e}"
            )));
        }
        Ok(Some(values))
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

pub(super) fn compute(kind: &str, data: JsValue, options: JsValue) -> Result<Computed, JsError> {
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
pub(super) struct NoOptions {}

/// Whether an R(T) analysis is drawn as its Halperin–Nelson fit (asked for,
/// and there is one).
pub(super) fn rt_hn(a: &RtAnalysis, o: &RtOpts) -> bool {
    o.view == "halperin-nelson" && a.hn.is_some() && a.linear.is_some() && a.window.is_some()
}
