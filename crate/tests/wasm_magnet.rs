//! The ferromagnet and loop-processing exports as JavaScript sees them, run
//! in headless Chromium by
//! `wasm-pack test --headless --chrome crate --test wasm_magnet`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Float64Array, Object, Reflect};
use ktao::wasm::loop_processing::{moment_per_cell, process_loop};
use ktao::wasm::magnet::{
    draw_magnet_loops_canvas, draw_zfc_fc_canvas, magnet_loops_defaults, magnet_preset,
    svg_magnet_loops, svg_zfc_fc, sw_loop, zfc_fc, zfc_fc_defaults,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

#[path = "support/js.rs"]
mod js;
use js::{get, message};

wasm_bindgen_test_configure!(run_in_browser);

fn num(v: &JsValue, path: &str) -> f64 {
    get(v, path).as_f64().unwrap_or(f64::NAN)
}

fn numbers(v: &JsValue) -> Vec<f64> {
    Float64Array::new(v).to_vec()
}

/// A plain JS object from (key, value) pairs.
fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o.into()
}

#[wasm_bindgen_test]
fn a_preset_loop_processes_to_0_2_bohr_magnetons_per_cell() {
    let preset = magnet_preset("LAO/KTO").unwrap();
    assert_eq!(num(&preset, "hMaxOe"), 1500.0);
    let l = sw_loop(preset).unwrap();
    let (h, m) = (get(&l, "h"), get(&l, "m"));
    assert_eq!(numbers(&h).len(), 400);
    // Typed arrays and plain arrays are both accepted.
    let typed: JsValue = Float64Array::from(numbers(&m).as_slice()).into();
    let r = process_loop(h, typed, JsValue::UNDEFINED).unwrap();
    let v = num(&r, "msMuBPerCell");
    assert!((v - 0.2).abs() < 0.02, "{v} μ_B/cell");
    assert!(num(&r, "hc") > 100.0 && num(&r, "hcError") > 0.0);
    assert_eq!(Array::from(&get(&r, "warnings")).length(), 0);
    assert_eq!(get(&r, "linear").as_bool(), Some(true));
    assert!((moment_per_cell(1.68e-7, 25.0, None).unwrap() - 0.2).abs() < 0.002);
}

#[wasm_bindgen_test]
fn zfc_fc_of_a_preset_is_split_at_300_k() {
    let z = zfc_fc(magnet_preset("YAO/KTO").unwrap()).unwrap();
    assert!(get(&z, "bifurcationK").is_null());
    let (zfc, fc) = (numbers(&get(&z, "zfc")), numbers(&get(&z, "fc")));
    let n = zfc.len() - 1;
    assert!(fc[n] - zfc[n] > 2e-8, "split {}", fc[n] - zfc[n]);
    assert_eq!(numbers(&get(&z, "temperature"))[n], 300.0);
}

#[wasm_bindgen_test]
fn bad_input_is_a_js_error_naming_the_parameter_and_never_a_trap() {
    let bad = |pairs: &[(&str, JsValue)]| {
        let r = sw_loop(obj(pairs));
        assert!(r.is_err(), "{pairs:?} accepted");
        message(r)
    };
    assert!(bad(&[("hkOe", (-1.0).into())]).contains("hkOe must be a positive finite field in Oe"));
    assert!(bad(&[("hkOe", "abc".into())]).contains("opts.hkOe must be a number, got string"));
    assert!(bad(&[("hkOE", 1.0.into())])
        .contains("opts.hkOE is not an option; the options are ensemble, psiDeg"));
    assert!(bad(&[("temperatureK", f64::NAN.into())]).contains("temperatureK must lie between"));
    assert!(bad(&[("hkOe", JsValue::NULL)]).contains("opts.hkOe must be a number, got object"));
    assert!(bad(&[("ensemble", "cubic".into())]).contains("ensemble must be one of"));
    assert!(bad(&[("points", 401.0.into())]).contains("points must be even"));
    assert!(bad(&[("volumeNm3", (-5.0).into())]).contains("volumeNm3 must be a positive"));
    assert!(message(sw_loop(5.0.into())).contains("opts must be an object"));
    assert!(message(zfc_fc(obj(&[
        ("tMinK", 300.0.into()),
        ("tMaxK", 2.0.into())
    ])))
    .contains("tMaxK must be above tMinK"));
    assert!(message(magnet_preset("STO")).contains("sample must be one of"));
    assert!(message(magnet_loops_defaults(Some("STO".into()))).contains("sample must be one of"));

    let l = sw_loop(magnet_preset("LAO/KTO").unwrap()).unwrap();
    let (h, m) = (numbers(&get(&l, "h")), numbers(&get(&l, "m")));
    let arr = |v: &[f64]| -> JsValue { Float64Array::from(v).into() };
    let p = |h: &[f64], m: &[f64], o: JsValue| message(process_loop(arr(h), arr(m), o));
    assert!(p(&[], &[], JsValue::UNDEFINED).contains("hOe must not be empty"));
    let mut hn = h.clone();
    hn[5] = f64::NAN;
    assert!(p(&hn, &m, JsValue::UNDEFINED).contains("hOe[5] must be a finite number"));
    assert!(p(&h, &m[..9], JsValue::UNDEFINED).contains("mEmu has 9 values but hOe has 400"));
    assert!(p(&h[..200], &m[..200], JsValue::UNDEFINED).contains("must sweep a full loop"));
    assert!(p(&h, &m, obj(&[("areaMm2", (-25.0).into())])).contains("areaMm2 must be a positive"));
    assert!(
        p(&h, &m, obj(&[("thicknessNm", 0.0.into())])).contains("thicknessNm must be a positive")
    );
    assert!(p(&h, &m, obj(&[("hSatOe", 1499.0.into())])).contains("hSatOe = 1499 Oe leaves"));
    // An option whose default is unset may be null.
    assert!(process_loop(arr(&h), arr(&m), obj(&[("hSatOe", JsValue::NULL)])).is_ok());
    assert!(
        message(process_loop("x".into(), arr(&m), JsValue::UNDEFINED))
            .contains("hOe must be a Float64Array")
    );
    assert!(message(moment_per_cell(1e-7, -1.0, None)).contains("areaMm2 must be a positive"));
    assert!(message(moment_per_cell(f64::NAN, 25.0, None)).contains("mEmu must be a finite number"));

    // A loop that never saturates is usable but flagged.
    let soft = sw_loop(obj(&[("hkOe", 3000.0.into()), ("noiseEmu", 1e-10.into())])).unwrap();
    let r = process_loop(get(&soft, "h"), get(&soft, "m"), JsValue::UNDEFINED).unwrap();
    let warnings: Vec<String> = Array::from(&get(&r, "warnings"))
        .iter()
        .filter_map(|w| w.as_string())
        .collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("not saturated") || w.contains("not linear")),
        "{warnings:?}"
    );

    // Figure states.
    let s = |pairs: &[(&str, JsValue)]| message(svg_magnet_loops(obj(pairs), 600.0, 400.0));
    let unsorted: JsValue = Array::of2(&300.0.into(), &2.0.into()).into();
    assert!(s(&[("temperaturesK", unsorted)]).contains("temperaturesK must be strictly increasing"));
    assert!(s(&[("corrected", "yes".into())]).contains("state.corrected must be true or false"));
    assert!(s(&[("sample", "STO".into())]).contains("sample must be one of"));
    assert!(
        message(svg_zfc_fc(obj(&[("fieldOe", "50".into())]), 600.0, 400.0))
            .contains("state.fieldOe must be a number")
    );
    // The module still works after every refusal.
    assert!(sw_loop(JsValue::UNDEFINED).is_ok());
}

fn canvas(w: u32, h: u32) -> HtmlCanvasElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let c: HtmlCanvasElement = doc.create_element("canvas").unwrap().dyn_into().unwrap();
    c.set_width(w);
    c.set_height(h);
    doc.body().unwrap().append_child(&c).unwrap();
    c
}

/// Pixels of `c` within 40 per channel of each colour.
fn count(c: &HtmlCanvasElement, colours: &[(u8, u8, u8)]) -> Vec<usize> {
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let px = ctx
        .get_image_data(0.0, 0.0, c.width() as f64, c.height() as f64)
        .unwrap()
        .data()
        .0;
    colours
        .iter()
        .map(|&(r0, g0, b0)| {
            px.chunks(4)
                .filter(|p| {
                    (p[0] as i32 - r0 as i32).abs() < 40
                        && (p[1] as i32 - g0 as i32).abs() < 40
                        && (p[2] as i32 - b0 as i32).abs() < 40
                })
                .count()
        })
        .collect()
}

#[wasm_bindgen_test]
fn fig2_draws_every_loop_on_a_real_canvas_and_returns_the_readouts() {
    let c = canvas(900, 600);
    let state = magnet_loops_defaults(None).unwrap();
    let r = draw_magnet_loops_canvas(c.clone(), state, 1.0).unwrap();
    assert_eq!(get(&r, "sample").as_string().unwrap(), "LAO/KTO");
    assert_eq!(num(&r, "unitEmu"), 1e-7);
    let panels = Array::from(&get(&r, "panels"));
    assert_eq!(panels.length(), 2, "both samples");
    for (i, name) in ["LAO/KTO", "YAO/KTO"].iter().enumerate() {
        let p = panels.get(i as u32);
        assert_eq!(get(&p, "sample").as_string().unwrap(), *name);
        let loops = Array::from(&get(&p, "loops"));
        assert_eq!(loops.length(), 5);
        let first = loops.get(0);
        assert_eq!(num(&first, "temperatureK"), 1.8);
        assert!((num(&first, "report.msMuBPerCell") - 0.2).abs() < 0.025);
        assert_eq!(numbers(&get(&first, "report.mCorrected")).len(), 400);
        // Each panel has its own frame, side by side; the head's is the first.
        let x = num(&p, "frame.px.0");
        assert!(
            if i == 0 { x < 100.0 } else { x > 450.0 },
            "panel {i} at {x}"
        );
    }
    assert_eq!(num(&r, "frame.px.0"), num(&panels.get(0), "frame.px.0"));
    // Blue (1.8 K), vermillion (50 K) and pink (300 K) loops on the pixels.
    let n = count(&c, &[(0, 114, 178), (213, 94, 0), (204, 121, 167)]);
    assert!(n.iter().all(|&k| k > 300), "{n:?}");
    // The other sample's defaults draw too.
    let yao = magnet_loops_defaults(Some("YAO/KTO".into())).unwrap();
    assert_eq!(get(&yao, "sample").as_string().unwrap(), "YAO/KTO");
    assert!(draw_magnet_loops_canvas(canvas(600, 400), yao, 2.0).is_ok());
    assert!(message(draw_magnet_loops_canvas(
        canvas(1, 1),
        JsValue::UNDEFINED,
        1.0
    ))
    .contains("at least 40×40"));
}

#[wasm_bindgen_test]
fn fig_s5_draws_zfc_and_fc_on_a_real_canvas() {
    let c = canvas(900, 600);
    let r = draw_zfc_fc_canvas(c.clone(), zfc_fc_defaults(None).unwrap(), 1.0).unwrap();
    let panels = Array::from(&get(&r, "panels"));
    assert_eq!(panels.length(), 2, "both samples");
    for p in panels.iter() {
        assert!(get(&p, "curves.bifurcationK").is_null());
        assert!(num(&p, "subtractedEmu") < 0.0);
        assert_eq!(numbers(&get(&p, "curves.zfc")).len(), 150);
    }
    let n = count(&c, &[(0, 114, 178), (213, 94, 0)]);
    assert!(n.iter().all(|&k| k > 300), "{n:?}");
}

#[wasm_bindgen_test]
fn svg_exports_are_the_same_figures() {
    let svg = svg_magnet_loops(JsValue::UNDEFINED, 900.0, 600.0).unwrap();
    assert!(svg.contains("μ_B per interface unit cell") && svg.contains("#0072B2"));
    let svg = svg_zfc_fc(JsValue::UNDEFINED, 900.0, 600.0).unwrap();
    assert!(svg.contains("ZFC") && svg.contains("split persists to 300 K"));
}
