//! The superconductivity exports as JavaScript sees them, run in headless
//! Chromium by `wasm-pack test --headless --chrome crate --test wasm_superconductivity`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Float64Array, Object, Reflect};
use ktao::wasm::bkt::{
    bkt_alpha, bkt_defaults, critical_current, draw_bkt_canvas, iv_curves, svg_bkt,
};
use ktao::wasm::gl_hc2::{
    draw_gl_hc2_canvas, fit_gl_hc2, gl_hc2_defaults, pauli_limit, svg_gl_hc2,
};
use ktao::wasm::hall::{draw_hall_canvas, hall_curve, hall_defaults, hall_density, svg_hall};
use ktao::wasm::halperin_nelson::{
    draw_halperin_nelson_canvas, fit_halperin_nelson, halperin_nelson_defaults, hn_linearized,
    svg_halperin_nelson,
};
use ktao::wasm::transport::{
    draw_rt_canvas, rt_defaults, rt_model, svg_rt, transition_temperatures, transport_preset,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

#[path = "support/js.rs"]
mod js;
use js::get;

wasm_bindgen_test_configure!(run_in_browser);

fn num(v: &JsValue, path: &str) -> f64 {
    get(v, path)
        .as_f64()
        .unwrap_or_else(|| panic!("{path} is not a number"))
}

fn typed(v: &[f64]) -> JsValue {
    Float64Array::from(v).into()
}

fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o.into()
}

fn fig1b_grid() -> Vec<f64> {
    let mut t: Vec<f64> = (0..=350).map(|k| 1.5 + 0.005 * f64::from(k)).collect();
    t.extend((1..=60).map(|k| 3.25 + 0.25 * f64::from(k)));
    t
}

fn currents() -> Vec<f64> {
    (0..=60)
        .map(|k| 1e-6 * 10f64.powf(f64::from(k) / 20.0))
        .collect()
}

fn temperatures() -> Vec<f64> {
    (0..=14).map(|k| 1.4 + 0.05 * f64::from(k)).collect()
}

#[wasm_bindgen_test]
fn gl_fit_and_pauli_limit_give_the_papers_numbers() {
    assert!((pauli_limit(1.0).unwrap() - 1.857).abs() < 5e-4);
    // The GL laws at T_c = 2 K, ξ = 22.626 nm, d = 8.4313 nm (the paper's
    // 0.6 K fields) on 0.6–1.8 K, fitted back.
    let phi = 6.62607015e-34 / (2.0 * 1.602176634e-19) / (2.0 * std::f64::consts::PI) * 1e18;
    let t: Vec<f64> = (0..9).map(|k| 0.6 + 0.15 * f64::from(k)).collect();
    let hp: Vec<f64> = t
        .iter()
        .map(|&t| phi / 22.626f64.powi(2) * (1.0 - t / 2.0))
        .collect();
    let hl: Vec<f64> = t
        .iter()
        .map(|&t| phi * 12f64.sqrt() / (22.626 * 8.4313) * (1.0 - t / 2.0).sqrt())
        .collect();
    assert!((hp[0] - 0.45).abs() < 1e-3 && (hl[0] - 5.0).abs() < 1e-3);
    let f = fit_gl_hc2(typed(&t), typed(&hp), typed(&t), typed(&hl)).unwrap();
    assert!((num(&f, "params.xiNm") - 22.6).abs() < 0.05);
    assert!((num(&f, "params.dNm") / 8.43 - 1.0).abs() < 1e-3);
    assert!((num(&f, "params.tc") - 2.0).abs() < 1e-6);
    assert!(get(&f, "converged").as_bool().unwrap());
}

#[wasm_bindgen_test]
fn presets_give_the_papers_transition_temperatures_and_hn_tbkt() {
    let t = typed(&fig1b_grid());
    for (name, onset, zero) in [("LAO/KTO", 2.32, 1.66), ("YAO/KTO", 2.39, 1.70)] {
        let p = transport_preset(name).unwrap();
        let r = rt_model(p, t.clone()).unwrap();
        let tt = transition_temperatures(t.clone(), typed(&r), JsValue::UNDEFINED).unwrap();
        assert!((num(&tt, "onset") - onset).abs() < 0.02, "{name}");
        assert!((num(&tt, "zero") - zero).abs() < 0.02, "{name}");
    }
    let r = rt_model(transport_preset("LAO/KTO").unwrap(), t.clone()).unwrap();
    let f = fit_halperin_nelson(t.clone(), typed(&r), JsValue::UNDEFINED).unwrap();
    assert!((num(&f, "params.tBkt") - 1.878).abs() < 0.02);
    let keys: Vec<String> = Object::keys(&get(&f, "params").into())
        .iter()
        .map(|k| k.as_string().unwrap())
        .collect();
    assert_eq!(keys, ["r0", "b", "tBkt"]);
    let lin = hn_linearized(t, typed(&r), JsValue::UNDEFINED).unwrap();
    assert!(num(&lin, "tBkt").is_finite() && !get(&lin, "fit.covariance").is_undefined());
    // The points as Float64Arrays, then the rest in the struct's order.
    let (lt, ly) = (get(&lin, "t"), get(&lin, "y"));
    assert!(lt.is_instance_of::<Float64Array>() && ly.is_instance_of::<Float64Array>());
    let len = |v: &JsValue| v.unchecked_ref::<Float64Array>().length();
    assert!(len(&lt) > 3 && len(&lt) == len(&ly));
    assert_eq!(Array::from(&get(&lin, "inWindow")).length(), len(&lt));
    let keys: Vec<String> = Object::keys(&lin.clone().into())
        .iter()
        .map(|k| k.as_string().unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "t",
            "y",
            "inWindow",
            "fit",
            "tBkt",
            "tBktError",
            "b",
            "tMin",
            "tMax"
        ]
    );
}

/// `JSON.stringify(v)`: equal strings mean equal keys, in the same order,
/// and equal values (NaN is `null` in both).
fn json(v: &JsValue) -> String {
    js_sys::JSON::stringify(v).unwrap().into()
}

#[wasm_bindgen_test]
fn hn_exports_build_the_objects_serde_built() {
    use ktao::physics::halperin_nelson as core;
    use ktao::wasm::convert::{fit_to_js, to_js};
    let t = fig1b_grid();
    let r = rt_model(transport_preset("LAO/KTO").unwrap(), typed(&t)).unwrap();
    let w = core::HnWindow {
        t_min: Some(1.95),
        t_max: Some(2.3),
    };
    let options = obj(&[("tMin", 1.95.into()), ("tMax", 2.3.into())]);
    // fitHalperinNelson: the fit object, key for key.
    let fit = core::fit_halperin_nelson(&t, &r, &w).unwrap();
    let js = fit_halperin_nelson(typed(&t), typed(&r), options.clone()).unwrap();
    assert_eq!(json(&js), json(&to_js(&fit).unwrap()));
    assert!(Array::is_array(&get(&js, "covariance")));
    assert!(Array::is_array(
        &Reflect::get_u32(&get(&js, "covariance"), 2).unwrap()
    ));
    // hnLinearized: the same numbers; inWindow an array of booleans.
    let lin = core::hn_linearized(&t, &r, &w).unwrap();
    let js = hn_linearized(typed(&t), typed(&r), options).unwrap();
    assert_eq!(json(&get(&js, "fit")), json(&to_js(&lin.fit).unwrap()));
    assert_eq!(
        json(&get(&js, "inWindow")),
        json(&to_js(&lin.in_window).unwrap())
    );
    let in_window = Array::from(&get(&js, "inWindow"));
    assert!(in_window.iter().all(|b| b.as_bool().is_some()));
    assert!(in_window.iter().any(|b| b.as_bool() == Some(true)));
    assert!(in_window.iter().any(|b| b.as_bool() == Some(false)));
    assert_eq!(Float64Array::from(get(&js, "y")).to_vec(), lin.y);
    for (key, want) in [
        ("tBkt", lin.t_bkt),
        ("tBktError", lin.t_bkt_error),
        ("b", lin.b),
        ("tMin", lin.t_min),
        ("tMax", lin.t_max),
    ] {
        assert_eq!(num(&js, key), want, "{key}");
    }
    // A singular fit: NaN errors and covariance stay NaN (not null).
    let mut singular = fit.clone();
    singular.errors[1].1 = f64::NAN;
    singular.covariance[1][2] = f64::NAN;
    singular.converged = false;
    let js = fit_to_js(&singular);
    assert_eq!(json(&js), json(&to_js(&singular).unwrap()));
    assert!(num(&js, "errors.b").is_nan());
    assert!(!get(&js, "converged").as_bool().unwrap());
}

#[wasm_bindgen_test]
fn iv_family_gives_tbkt_1p793_and_ic_79_microamps() {
    let p = transport_preset("LAO/KTO").unwrap();
    let curves = iv_curves(p, typed(&temperatures()), typed(&currents())).unwrap();
    let a = bkt_alpha(curves.clone(), JsValue::UNDEFINED).unwrap();
    assert!(
        (num(&a, "tBkt") - 1.793).abs() < 0.01,
        "{}",
        num(&a, "tBkt")
    );
    let first = Array::from(&curves).get(0);
    // The arrays come back as Float64Arrays (one copy each), on the given currents.
    let current = get(&first, "current");
    assert!(
        current.is_instance_of::<Float64Array>()
            && get(&first, "voltage").is_instance_of::<Float64Array>()
    );
    assert_eq!(current.unchecked_ref::<Float64Array>().to_vec(), currents());
    let ic = critical_current(get(&first, "current"), get(&first, "voltage"), None).unwrap();
    assert!((ic - 79e-6).abs() < 2e-6, "{ic}");
}

#[wasm_bindgen_test]
fn power_laws_give_their_exponent_and_ohmic_curves_alpha_1() {
    let i = currents();
    let curve = |t: f64, f: &dyn Fn(f64) -> f64| {
        obj(&[
            ("temperature", t.into()),
            ("current", typed(&i)),
            (
                "voltage",
                typed(&i.iter().map(|&x| f(x)).collect::<Vec<_>>()),
            ),
        ])
    };
    let list = Array::new();
    list.push(&curve(1.5, &|x| 1e12 * x.powf(4.5)));
    list.push(&curve(1.6, &|x| 1e6 * x.powf(2.2)));
    list.push(&curve(1.7, &|x| 50.0 * x));
    let a = bkt_alpha(list.into(), JsValue::UNDEFINED).unwrap();
    let alpha: Vec<f64> = Array::from(&get(&a, "alpha"))
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    assert!((alpha[0] - 4.5).abs() < 1e-9 && (alpha[1] - 2.2).abs() < 1e-9);
    assert!((alpha[2] - 1.0).abs() < 1e-12);
}

#[wasm_bindgen_test]
fn hall_curves_give_the_papers_densities() {
    let b: Vec<f64> = (0..=72).map(|k| -9.0 + 0.25 * f64::from(k)).collect();
    for (name, n) in [("LAO/KTO", 7.28e13), ("YAO/KTO", 1.45e14)] {
        let rxy = hall_curve(transport_preset(name).unwrap(), typed(&b)).unwrap();
        let h = hall_density(typed(&b), typed(&rxy), Some(1568.0)).unwrap();
        assert!((num(&h, "nCm2") / n - 1.0).abs() < 0.005, "{name}");
        assert_eq!(get(&h, "carrier").as_string().unwrap(), "electrons");
        assert!(num(&h, "mobilityCm2Vs") > 0.0);
    }
}

fn canvas(w: u32, h: u32) -> HtmlCanvasElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let c: HtmlCanvasElement = doc.create_element("canvas").unwrap().dyn_into().unwrap();
    c.set_width(w);
    c.set_height(h);
    doc.body().unwrap().append_child(&c).unwrap();
    c
}

/// Pixels near (r, g, b) on the canvas.
fn count(c: &HtmlCanvasElement, (r0, g0, b0): (i32, i32, i32)) -> usize {
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let px = ctx
        .get_image_data(0.0, 0.0, c.width() as f64, c.height() as f64)
        .unwrap()
        .data()
        .0;
    px.chunks(4)
        .filter(|p| {
            (p[0] as i32 - r0).abs() < 40
                && (p[1] as i32 - g0).abs() < 40
                && (p[2] as i32 - b0).abs() < 40
        })
        .count()
}

#[wasm_bindgen_test]
fn every_figure_draws_into_a_real_canvas_and_exports_svg() {
    const VERMILLION: (i32, i32, i32) = (213, 94, 0);
    const BLUE: (i32, i32, i32) = (0, 114, 178);
    let c = canvas(900, 560);
    let res = draw_rt_canvas(c.clone(), rt_defaults().unwrap(), 1.0).unwrap();
    assert!((num(&res, "samples.0.transitions.onset") - 2.32).abs() < 0.02);
    // The frame of the main panel: 0–300 K on the linear axis.
    assert_eq!(num(&res, "frame.x.1"), 300.0);
    assert!(get(&res, "samples.0.edited").as_bool() == Some(true));
    assert!(count(&c, VERMILLION) > 300 && count(&c, BLUE) > 200);
    assert!(svg_rt(rt_defaults().unwrap(), 900.0, 560.0)
        .unwrap()
        .contains("R_s (Ω/□)"));

    let c = canvas(800, 500);
    let res = draw_hall_canvas(c.clone(), hall_defaults().unwrap(), 1.0).unwrap();
    assert!((num(&res, "samples.0.fit.nCm2") / 7.28e13 - 1.0).abs() < 0.005);
    assert!(num(&res, "frame.x.1") > 8.9 && num(&res, "frame.px.1") < 800.0);
    assert!(count(&c, VERMILLION) > 300 && count(&c, BLUE) > 300);
    assert!(svg_hall(JsValue::UNDEFINED, 800.0, 500.0)
        .unwrap()
        .contains("R_xy (Ω)"));

    let c = canvas(1100, 520);
    let res = draw_bkt_canvas(c.clone(), bkt_defaults().unwrap(), 1.0).unwrap();
    assert!((num(&res, "alpha.tBkt") - 1.793).abs() < 0.01);
    // α has standard errors of about 0.1, so T_BKT is known to a fraction of the 50 mK step.
    let e = num(&res, "alpha.tBktError");
    assert!(e > 0.0 && e < 0.05, "{e}");
    assert!((num(&res, "frame.x.0") + 6.0).abs() < 1e-9, "log₁₀ of 1 μA");
    assert!((num(&res, "criticalCurrent") - 79e-6).abs() < 2e-6);
    assert!(count(&c, VERMILLION) > 100);
    assert!(svg_bkt(JsValue::UNDEFINED, 1100.0, 520.0)
        .unwrap()
        .contains("V ∝ I³"));

    let c = canvas(800, 500);
    let res = draw_gl_hc2_canvas(c.clone(), gl_hc2_defaults().unwrap(), 1.0).unwrap();
    assert!(num(&res, "pauliRatio") > 1.0);
    assert!(num(&res, "frame.x.1") > 2.0);
    assert!(count(&c, VERMILLION) > 300 && count(&c, BLUE) > 300);
    assert!(svg_gl_hc2(JsValue::UNDEFINED, 800.0, 500.0)
        .unwrap()
        .contains("Pauli limit"));

    let c = canvas(1000, 460);
    let res =
        draw_halperin_nelson_canvas(c.clone(), halperin_nelson_defaults().unwrap(), 2.0).unwrap();
    assert!((num(&res, "fit.params.tBkt") - 1.878).abs() < 0.02);
    assert!(num(&res, "frame.px.1") < 1000.0);
    assert!(count(&c, VERMILLION) > 200 && count(&c, BLUE) > 50);
    assert!(svg_halperin_nelson(JsValue::UNDEFINED, 1000.0, 460.0)
        .unwrap()
        .contains("(d ln R/dT)"));
}
