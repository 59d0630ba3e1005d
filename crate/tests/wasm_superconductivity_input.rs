//! Bad input to every superconductivity export is a JS `Error` naming the
//! parameter, never a trap: run in headless Chromium by
//! `wasm-pack test --headless --chrome crate --test wasm_superconductivity_input`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Float64Array, Object, Reflect};
use ktao::wasm::bkt::{bkt_alpha, critical_current, draw_bkt_canvas, iv_curves, svg_bkt};
use ktao::wasm::gl_hc2::{fit_gl_hc2, pauli_limit, svg_gl_hc2};
use ktao::wasm::hall::{hall_curve, hall_density, svg_hall};
use ktao::wasm::halperin_nelson::{fit_halperin_nelson, hn_linearized, svg_halperin_nelson};
use ktao::wasm::transport::{rt_model, svg_rt, transition_temperatures, transport_preset};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlCanvasElement;

#[path = "support/js.rs"]
mod js;
use js::message;

wasm_bindgen_test_configure!(run_in_browser);

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

fn currents() -> Vec<f64> {
    (0..=60)
        .map(|k| 1e-6 * 10f64.powf(f64::from(k) / 20.0))
        .collect()
}

fn canvas(w: u32, h: u32) -> HtmlCanvasElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let c: HtmlCanvasElement = doc.create_element("canvas").unwrap().dyn_into().unwrap();
    c.set_width(w);
    c.set_height(h);
    doc.body().unwrap().append_child(&c).unwrap();
    c
}

#[wasm_bindgen_test]
fn bad_input_is_a_js_error_naming_the_parameter_and_never_a_trap() {
    let ok = typed(&[1.0, 2.0, 3.0]);
    let lao = || transport_preset("LAO/KTO").unwrap();
    assert!(message(transport_preset("STO")).contains("name must be one of"));
    // fitGlHc2
    assert!(
        message(fit_gl_hc2(typed(&[]), typed(&[]), ok.clone(), ok.clone()))
            .contains("tPerp must not be empty")
    );
    assert!(message(fit_gl_hc2(
        ok.clone(),
        typed(&[1.0, 2.0]),
        ok.clone(),
        ok.clone()
    ))
    .contains("hPerp has 2 values but tPerp has 3"));
    assert!(message(fit_gl_hc2(
        ok.clone(),
        ok.clone(),
        typed(&[1.0, -2.0, 3.0]),
        ok.clone()
    ))
    .contains("tPar[1] must be positive"));
    assert!(message(fit_gl_hc2(
        ok.clone(),
        ok.clone(),
        ok.clone(),
        typed(&[1.0, f64::NAN, 3.0])
    ))
    .contains("hPar[1] must be a finite number"));
    assert!(
        message(fit_gl_hc2("x".into(), ok.clone(), ok.clone(), ok.clone()))
            .contains("tPerp must be a Float64Array")
    );
    assert!(message(pauli_limit(f64::NAN)).contains("tcK must be a positive"));
    assert!(message(pauli_limit(-1.0)).contains("tcK must be a positive"));
    // rtModel, transitionTemperatures
    assert!(message(rt_model(lao(), typed(&[-1.0]))).contains("temperatureK[0] must be positive"));
    assert!(message(rt_model(lao(), typed(&[f64::INFINITY])))
        .contains("temperatureK[0] must be a finite number"));
    assert!(message(rt_model(obj(&[("tBkt", 5.0.into())]), ok.clone()))
        .contains("params.tBkt must lie between"));
    assert!(message(rt_model(obj(&[("tc0", "hot".into())]), ok.clone())).contains("params"));
    assert!(message(transition_temperatures(
        typed(&[]),
        typed(&[]),
        JsValue::UNDEFINED
    ))
    .contains("t must not be empty"));
    assert!(message(transition_temperatures(
        typed(&[2.0, 1.0]),
        typed(&[1.0, 2.0]),
        JsValue::UNDEFINED
    ))
    .contains("t must be strictly increasing"));
    assert!(message(transition_temperatures(
        typed(&[1.0, 1.0]),
        typed(&[1.0, 2.0]),
        JsValue::UNDEFINED
    ))
    .contains("strictly increasing"));
    assert!(message(transition_temperatures(
        ok.clone(),
        typed(&[1.0]),
        JsValue::UNDEFINED
    ))
    .contains("r has 1 values but t has 3"));
    assert!(message(transition_temperatures(
        ok.clone(),
        ok.clone(),
        obj(&[("onset", 2.0.into())])
    ))
    .contains("options.onset must lie between"));
    // Halperin–Nelson
    assert!(message(fit_halperin_nelson(
        typed(&[2.0, 1.9, 2.1]),
        ok.clone(),
        JsValue::UNDEFINED
    ))
    .contains("t must be strictly increasing"));
    assert!(message(fit_halperin_nelson(
        ok.clone(),
        typed(&[1.0, f64::NAN, 2.0]),
        JsValue::UNDEFINED
    ))
    .contains("r[1] must be a finite number"));
    assert!(
        message(hn_linearized(ok.clone(), typed(&[1.0]), JsValue::UNDEFINED))
            .contains("r has 1 values but t has 3")
    );
    // The window options: read key by key, refused with the key's name.
    for (options, says) in [
        (
            obj(&[("tmin", 2.0.into())]),
            "options.tmin is not an option; the options are tMin, tMax",
        ),
        (
            obj(&[
                ("tMin", 2.0.into()),
                ("tMax", 3.0.into()),
                ("x", 1.0.into()),
            ]),
            "options.x is not an option",
        ),
        (
            obj(&[("tMin", "2".into())]),
            "options.tMin must be a number, got string",
        ),
        (
            obj(&[("tMax", true.into())]),
            "options.tMax must be a number, got boolean",
        ),
        (
            Array::of2(&1.0.into(), &2.0.into()).into(),
            "options must be an object of options",
        ),
        (5.0.into(), "options must be an object of options"),
    ] {
        for m in [
            message(fit_halperin_nelson(ok.clone(), ok.clone(), options.clone())),
            message(hn_linearized(ok.clone(), ok.clone(), options.clone())),
        ] {
            assert!(m.contains(says), "{m}");
        }
    }
    // An option inherited, not the object's own, does not hide an unknown key.
    let child: Object = Object::create(obj(&[("tMin", 2.0.into())]).unchecked_ref::<Object>());
    Reflect::set(&child, &"tmax".into(), &3.0.into()).unwrap();
    assert!(message(hn_linearized(ok.clone(), ok.clone(), child.into()))
        .contains("options.tmax is not an option"));
    let flat = obj(&[("tMin", 1.0.into()), ("tMax", 3.0.into())]);
    assert!(message(fit_halperin_nelson(
        ok.clone(),
        typed(&[5.0, 5.0, 5.0]),
        flat
    ))
    .contains("resistive transition"));
    // I–V
    assert!(message(iv_curves(lao(), typed(&[-1.5]), ok.clone()))
        .contains("temperaturesK[0] must be positive"));
    assert!(
        message(iv_curves(lao(), typed(&[1.5]), typed(&[1e-6, -1e-6])))
            .contains("currentsA[1] must be positive")
    );
    assert!(
        message(iv_curves(lao(), typed(&[1.5]), typed(&[2e-6, 1e-6])))
            .contains("currentsA must be strictly increasing")
    );
    assert!(message(iv_curves(lao(), typed(&[]), ok.clone()))
        .contains("temperaturesK must not be empty"));
    assert!(message(bkt_alpha(JsValue::from(3.0), JsValue::UNDEFINED))
        .contains("curves must be an array"));
    assert!(message(bkt_alpha(Array::new().into(), JsValue::UNDEFINED))
        .contains("curves must not be empty"));
    let c = |t: f64, i: &[f64], v: &[f64]| {
        obj(&[
            ("temperature", t.into()),
            ("current", typed(i)),
            ("voltage", typed(v)),
        ])
    };
    let two = |a: JsValue, b: JsValue| -> JsValue { Array::of2(&a, &b).into() };
    assert!(message(bkt_alpha(
        two(
            c(1.6, &[1.0, 2.0], &[1.0, 2.0]),
            c(1.5, &[1.0, 2.0], &[1.0, 2.0])
        ),
        JsValue::UNDEFINED
    ))
    .contains("curves[].temperature must be strictly increasing"));
    assert!(message(bkt_alpha(
        two(
            c(1.5, &[1.0, 2.0], &[1.0, 2.0]),
            c(1.5, &[1.0, 2.0], &[1.0, 2.0])
        ),
        JsValue::UNDEFINED
    ))
    .contains("strictly increasing"));
    assert!(message(bkt_alpha(
        two(
            c(1.5, &[-1.0, 2.0], &[1.0, 2.0]),
            c(1.6, &[1.0, 2.0], &[1.0, 2.0])
        ),
        JsValue::UNDEFINED
    ))
    .contains("curves[].current[0] must be positive"));
    assert!(message(bkt_alpha(
        two(
            c(1.5, &[1.0, 2.0], &[1.0]),
            c(1.6, &[1.0, 2.0], &[1.0, 2.0])
        ),
        JsValue::UNDEFINED
    ))
    .contains("curves[].voltage has 1 values"));
    assert!(message(bkt_alpha(
        two(
            c(1.5, &[1.0, 2.0], &[1.0, f64::NAN]),
            c(1.6, &[1.0, 2.0], &[1.0, 2.0])
        ),
        JsValue::UNDEFINED
    ))
    .contains("curves[].voltage[1] must be a finite number"));
    assert!(message(bkt_alpha(
        two(
            obj(&[("temperature", 1.5.into())]),
            c(1.6, &[1.0, 2.0], &[1.0, 2.0])
        ),
        JsValue::UNDEFINED
    ))
    .contains("curves[0].current must be a Float64Array"));
    let ohmic = |t: f64| {
        c(
            t,
            &currents(),
            &currents().iter().map(|i| 100.0 * i).collect::<Vec<_>>(),
        )
    };
    assert!(
        message(bkt_alpha(two(ohmic(1.5), ohmic(1.6)), JsValue::UNDEFINED))
            .contains("alpha never crosses 3")
    );
    assert!(message(critical_current(
        typed(&[1e-6, 2e-6]),
        typed(&[0.0, 1e-9]),
        None
    ))
    .contains("never reaches"));
    assert!(message(critical_current(
        typed(&[1e-6, -2e-6]),
        typed(&[0.0, 1e-9]),
        None
    ))
    .contains("current[1] must be positive"));
    assert!(message(critical_current(
        typed(&[1e-6, 2e-6]),
        typed(&[0.0, 1e-9]),
        Some(f64::NAN)
    ))
    .contains("threshold must be a positive"));
    // Hall
    assert!(
        message(hall_density(typed(&[]), typed(&[]), None)).contains("fieldT must not be empty")
    );
    assert!(message(hall_density(ok.clone(), typed(&[1.0]), None))
        .contains("rxyOhm has 1 values but fieldT has 3"));
    assert!(message(hall_density(
        ok.clone(),
        typed(&[1.0, f64::INFINITY, 2.0]),
        None
    ))
    .contains("rxyOhm[1] must be a finite number"));
    assert!(message(hall_density(ok.clone(), ok.clone(), Some(-3.0)))
        .contains("sheetResistanceOhm must be a positive"));
    assert!(
        message(hall_curve(obj(&[("nCm2", (-1.0).into())]), ok.clone())).contains("params.nCm2")
    );
    // Figures
    assert!(
        message(svg_rt(obj(&[("preset", "STO".into())]), 800.0, 500.0))
            .contains("state.preset must be one of")
    );
    assert!(message(svg_bkt(obj(&[("tStep", 0.0.into())]), 800.0, 500.0)).contains("state.tStep"));
    assert!(
        message(svg_hall(obj(&[("nLao", f64::NAN.into())]), 800.0, 500.0)).contains("state.nLao")
    );
    assert!(message(svg_gl_hc2(obj(&[("seed", 1.5.into())]), 800.0, 500.0)).contains("state.seed"));
    assert!(message(svg_halperin_nelson(
        obj(&[("tMin", 2.5.into()), ("tMax", 2.0.into())]),
        800.0,
        500.0
    ))
    .contains("options.tMax"));
    assert!(message(svg_gl_hc2(JsValue::UNDEFINED, 10.0, 500.0)).contains("width must be a size"));
    assert!(
        message(draw_bkt_canvas(canvas(1, 1), JsValue::UNDEFINED, 1.0)).contains("at least 40×40")
    );
    // The module still works after every refusal.
    assert!((pauli_limit(2.0).unwrap() - 3.714).abs() < 1e-3);
}

#[wasm_bindgen_test]
fn a_misspelt_or_mistyped_option_is_refused_by_name_not_ignored() {
    // rtModel({ tc0, tbkt }) would otherwise draw the preset's T_BKT.
    let params = obj(&[("tc0", 2.1.into()), ("tbkt", 1.8.into())]);
    let m = message(rt_model(params, typed(&[1.5, 2.0])));
    assert!(m.contains("params.tbkt is not an option"), "{m}");
    assert!(m.contains("tBkt"), "the message lists the options: {m}");
    let m = message(rt_model(obj(&[("name", 3.0.into())]), typed(&[2.0])));
    assert!(m.contains("params.name must be a string"), "{m}");
    let m = message(transition_temperatures(
        typed(&[1.0, 2.0, 3.0]),
        typed(&[0.0, 1.0, 2.0]),
        obj(&[("onSet", 0.8.into())]),
    ));
    assert!(m.contains("options.onSet is not an option"), "{m}");
    let m = message(svg_rt(obj(&[("logT", "yes".into())]), 800.0, 500.0));
    assert!(m.contains("state.logT must be true or false"), "{m}");
    let m = message(svg_bkt(obj(&[("tBKT", 1.9.into())]), 800.0, 500.0));
    assert!(m.contains("state.tBKT is not an option"), "{m}");
    let m = message(svg_hall(obj(&[("nLAO", 7e13.into())]), 800.0, 500.0));
    assert!(m.contains("state.nLAO is not an option"), "{m}");
    let m = message(svg_gl_hc2(obj(&[("xi", 20.0.into())]), 800.0, 500.0));
    assert!(m.contains("state.xi is not an option"), "{m}");
    let curves = iv_curves(lao_js(), typed(&[1.5, 1.6]), typed(&currents())).unwrap();
    let m = message(bkt_alpha(curves, obj(&[("vmin", 1e-7.into())])));
    assert!(m.contains("window.vmin is not an option"), "{m}");
    // The right names still work.
    let ok = obj(&[("tc0", 2.1.into()), ("tBkt", 1.8.into())]);
    assert_eq!(rt_model(ok, typed(&[1.5, 3.0])).unwrap().len(), 2);
}

fn lao_js() -> JsValue {
    transport_preset("LAO/KTO").unwrap()
}
