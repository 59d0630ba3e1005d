//! The vacancy-model and annealing exports as JavaScript sees them, run in
//! headless Chromium by
//! `wasm-pack test --headless --chrome crate --test wasm_vacancy`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Float64Array, Function, Object, Reflect};
use ktao::wasm::annealing::{
    annealing, annealing_defaults, annealing_figure_defaults, annealing_paper_pressures,
    draw_annealing_canvas, svg_annealing,
};
use ktao::wasm::vacancy::{
    draw_vacancy_model_canvas, svg_vacancy_model, u_scan, vacancy_model, vacancy_model_defaults,
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
    get(v, path).as_f64().unwrap()
}

/// A plain JS object from (key, value) pairs.
fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o.into()
}

/// A small, fast slab for the checks that need no calibration.
fn small(extra: &[(&str, JsValue)]) -> JsValue {
    let mut pairs = vec![("size", 2.0.into()), ("layers", 4.0.into())];
    pairs.extend(extra.iter().cloned());
    obj(&pairs)
}

#[wasm_bindgen_test]
fn the_defaults_give_the_calibrated_interface_moment() {
    let r = vacancy_model(JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap();
    let m = num(&r, "maxMoment");
    assert!((m - 0.124).abs() <= 0.01, "largest Ta moment {m}");
    assert!(get(&r, "converged").as_bool().unwrap());
    assert!((num(&r, "electrons") - 2.0).abs() < 1e-8);
    assert_eq!(
        num(&r, "maxMomentSite") as usize / 16,
        0,
        "not on the interface layer"
    );
    let layers = Array::from(&get(&r, "pdos.layers"));
    assert_eq!(layers.length(), 6);
    // The defaults object is a valid options object: the same answer back.
    let again = vacancy_model(vacancy_model_defaults().unwrap(), JsValue::UNDEFINED).unwrap();
    assert_eq!(num(&again, "maxMoment"), m);
}

#[wasm_bindgen_test]
fn progress_is_reported_and_false_or_a_throw_cancels() {
    let seen = Array::new();
    let record = Closure::<dyn FnMut(f64, f64) -> bool>::new({
        let seen = seen.clone();
        move |it: f64, res: f64| {
            seen.push(&Array::of2(&it.into(), &res.into()));
            true
        }
    });
    let f: &Function = record.as_ref().unchecked_ref();
    let r = vacancy_model(small(&[]), f.clone().into()).unwrap();
    assert_eq!(seen.length() as f64, num(&r, "iterations"));
    let stop = Function::new_with_args("it, res", "return it < 3;");
    assert!(message(vacancy_model(small(&[]), stop.into())).contains("cancelled at iteration 3"));
    let throws = Function::new_with_args("it, res", "throw new Error('stop');");
    assert!(message(vacancy_model(small(&[]), throws.into())).contains("onProgress threw"));
    let scan_stop = Function::new_with_args("point, it, res", "return point < 1;");
    assert!(message(u_scan(
        small(&[]),
        Float64Array::from(&[0.0, 1.0][..]).into(),
        scan_stop.into()
    ))
    .contains("cancelled"));
}

#[wasm_bindgen_test]
fn vacancies_by_position_and_the_u_scan() {
    let site = obj(&[
        ("layer", 0.0.into()),
        ("m", 1.0.into()),
        ("n", 0.0.into()),
        ("axis", "y".into()),
    ]);
    let r = vacancy_model(
        small(&[("vacancies", Array::of1(&site).into())]),
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert_eq!(get(&r, "vacancySites.0.axis").as_string().unwrap(), "y");
    assert!((num(&r, "electrons") - 2.0).abs() < 1e-8);
    let scan = u_scan(
        JsValue::UNDEFINED,
        Float64Array::from(&[0.0, 1.0, 1.5][..]).into(),
        JsValue::UNDEFINED,
    )
    .unwrap();
    let m: Vec<f64> = Float64Array::new(&get(&scan, "maxMoment")).to_vec();
    assert_eq!(m[0], 0.0);
    assert!(m[1] > 0.1 && m[2] >= m[1]);
}

#[wasm_bindgen_test]
fn annealing_orders_the_papers_four_samples() {
    let s = annealing(
        annealing_defaults().unwrap(),
        Float64Array::from(&annealing_paper_pressures()[..]).into(),
    )
    .unwrap();
    let field = |i: u32, k: &str| num(&Array::from(&s).get(i), k);
    for i in 0..3 {
        assert!(field(i + 1, "sheetResistance") > field(i, "sheetResistance"));
        assert!(field(i + 1, "carrierDensityCm2") < field(i, "carrierDensityCm2"));
        assert!(field(i + 1, "momentPerCell") < field(i, "momentPerCell"));
    }
    assert!(field(3, "momentPerCell") < 0.1 * field(0, "momentPerCell"));
    // One number is accepted as well as an array.
    assert_eq!(
        Array::from(&annealing(JsValue::UNDEFINED, 0.0.into()).unwrap()).length(),
        1
    );
}

#[wasm_bindgen_test]
fn a_results_density_restarts_the_loop_in_one_step() {
    let cold = vacancy_model(small(&[]), JsValue::UNDEFINED).unwrap();
    let density = get(&cold, "density");
    assert_eq!(Array::from(&density).length(), 6 * 4 * 2 * 2);
    let warm = vacancy_model(small(&[("startDensity", density)]), JsValue::UNDEFINED).unwrap();
    assert_eq!(num(&warm, "iterations"), 1.0);
    assert!(num(&cold, "iterations") > 1.0);
    assert!((num(&warm, "maxMoment") - num(&cold, "maxMoment")).abs() < 1e-8);
    // The defaults name the option, with no start density.
    assert!(get(&vacancy_model_defaults().unwrap(), "startDensity").is_null());
    // A drawing that computes everything takes a restart for the model and
    // still scans U_eff from the polarised start.
    let svg = svg_vacancy_model(
        small(&[("startDensity", get(&cold, "density"))]),
        600.0,
        400.0,
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("U"));
}

#[wasm_bindgen_test]
fn bad_input_is_a_js_error_naming_the_parameter_and_never_a_trap() {
    let model =
        |extra: &[(&str, JsValue)]| message(vacancy_model(small(extra), JsValue::UNDEFINED));
    assert!(model(&[("layers", 0.0.into())])
        .contains("layers must be a whole number from 1 to 64, got 0"));
    assert!(model(&[("size", (-2.0).into())])
        .contains("size must be a whole number from 1 to 32, got -2"));
    assert!(model(&[("size", 2.5.into())]).contains("size must be a whole number"));
    assert!(model(&[("uEff", f64::NAN.into())]).contains("uEff must lie between 0 and 10, got NaN"));
    assert!(model(&[("smearing", 0.0.into())])
        .contains("smearing must be a positive finite energy in eV"));
    assert!(model(&[("doping", 5.99.into())]).contains("do not fit into the t2g bands"));
    assert!(model(&[("uEf", 1.0.into())]).contains("opts.uEf is not an option; the options are"));
    let outside = obj(&[
        ("layer", 3.0.into()),
        ("m", 0.0.into()),
        ("n", 0.0.into()),
        ("axis", "x".into()),
    ]);
    assert!(model(&[("vacancies", Array::of1(&outside).into())]).contains("lies outside the slab"));
    let bad_axis = obj(&[
        ("layer", 0.0.into()),
        ("m", 0.0.into()),
        ("n", 0.0.into()),
        ("axis", "w".into()),
    ]);
    assert!(model(&[("vacancies", Array::of1(&bad_axis).into())])
        .contains("vacancies[0].axis must be one of"));
    assert!(model(&[("vacancies", 0.5.into())]).contains("vacancies must be a whole number"));
    assert!(model(&[("vacancies", "two".into())]).contains("vacancies must be a count or an array"));
    assert!(model(&[("startDensity", "n".into())])
        .contains("startDensity must be a Float64Array or an array of numbers"));
    assert!(
        model(&[("startDensity", Float64Array::from(&[0.5; 3][..]).into())])
            .contains("startDensity has 3 values but the slab has 96 spin-orbitals")
    );
    let mut n = [0.0; 96];
    n[5] = f64::NAN;
    assert!(
        model(&[("startDensity", Float64Array::from(&n[..]).into())])
            .contains("startDensity[5] must be a finite number")
    );
    n[5] = -0.25;
    assert!(
        model(&[("startDensity", Float64Array::from(&n[..]).into())])
            .contains("startDensity[5] must lie between 0 and 1, got -0.25")
    );
    assert!(message(u_scan(
        small(&[("startDensity", Float64Array::from(&[0.0; 96][..]).into())]),
        Float64Array::from(&[1.0][..]).into(),
        JsValue::UNDEFINED,
    ))
    .contains("startDensity is for vacancyModel"));
    assert!(
        message(vacancy_model("abc".into(), JsValue::UNDEFINED)).contains("opts must be an object")
    );
    assert!(
        message(vacancy_model(small(&[]), 3.0.into())).contains("onProgress must be a function")
    );
    let scan = |u: &[f64]| {
        message(u_scan(
            small(&[]),
            Float64Array::from(u).into(),
            JsValue::UNDEFINED,
        ))
    };
    assert!(scan(&[]).contains("uValues must not be empty"));
    assert!(scan(&[0.5, f64::NAN]).contains("uValues[1] must be a finite number"));
    assert!(scan(&[-1.0]).contains("uValues[0] must lie between 0 and 10"));
    let anneal = |p: &[f64]| message(annealing(JsValue::UNDEFINED, Float64Array::from(p).into()));
    assert!(anneal(&[]).contains("pO2Mbar must not be empty"));
    assert!(anneal(&[-1.0]).contains("pO2Mbar[0] must lie between 0 and 10000"));
    assert!(anneal(&[f64::INFINITY]).contains("pO2Mbar[0] must be a finite number"));
    assert!(
        message(annealing(obj(&[("mobility", 0.0.into())]), 1.0.into()))
            .contains("mobility must be a positive finite")
    );
    assert!(
        message(annealing(obj(&[("exponant", 0.2.into())]), 1.0.into()))
            .contains("opts.exponant is not an option; the options are")
    );
    assert!(message(svg_vacancy_model(
        small(&[]),
        -5.0,
        300.0,
        JsValue::UNDEFINED
    ))
    .contains("width must be a size"));
    // The module still works after every refusal.
    assert!(vacancy_model(small(&[]), JsValue::UNDEFINED).is_ok());
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
fn drawing_a_workers_result_puts_both_spins_on_the_canvas() {
    // What a page does: the worker computes, the main thread draws.
    let model = vacancy_model(JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap();
    let scan = u_scan(
        JsValue::UNDEFINED,
        Float64Array::from(&[0.0, 0.5, 1.0, 1.5][..]).into(),
        JsValue::UNDEFINED,
    )
    .unwrap();
    let computed = obj(&[("model", model.clone()), ("scan", scan)]);
    let c = canvas(1000, 700);
    let r =
        draw_vacancy_model_canvas(c.clone(), JsValue::UNDEFINED, 1.0, computed.clone()).unwrap();
    assert_eq!(num(&r, "maxMoment"), num(&model, "maxMoment"));
    assert_eq!(num(&r, "maxMomentLayer"), 0.0);
    assert_eq!(Array::from(&get(&r, "scan.uEff")).length(), 4);
    // The pointer readout's frame is the Fig. S18 panel's: U_eff from 0 eV.
    assert_eq!(num(&r, "frame.x.0"), 0.0);
    assert!(num(&r, "frame.x.1") >= 1.5);
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let px = ctx
        .get_image_data(0.0, 0.0, 1000.0, 700.0)
        .unwrap()
        .data()
        .0;
    let near = |i: usize, (r0, g0, b0): (i32, i32, i32)| {
        (i32::from(px[4 * i]) - r0).abs() < 40
            && (i32::from(px[4 * i + 1]) - g0).abs() < 40
            && (i32::from(px[4 * i + 2]) - b0).abs() < 40
    };
    let n = px.len() / 4;
    let vermillion = (0..n).filter(|&i| near(i, (213, 94, 0))).count();
    let blue = (0..n).filter(|&i| near(i, (0, 114, 178))).count();
    assert!(vermillion > 500 && blue > 300, "{vermillion} {blue}");
    // A result that does not fit its own sizes is refused, not drawn.
    Reflect::set(&model, &"siteMoments".into(), &Array::of1(&1.0.into())).unwrap();
    let broken = obj(&[("model", model)]);
    let m = message(draw_vacancy_model_canvas(
        canvas(400, 300),
        JsValue::UNDEFINED,
        1.0,
        broken,
    ));
    assert!(
        m.contains("computed.model: siteMoments must hold one moment per Ta"),
        "{m}"
    );
}

#[wasm_bindgen_test]
fn the_svg_export_is_the_same_figure() {
    let svg = svg_vacancy_model(small(&[]), 900.0, 600.0, JsValue::UNDEFINED).unwrap();
    assert!(svg.contains("Moment against U_eff (Fig. S18)") && svg.contains("#D55E00"));
}

#[wasm_bindgen_test]
fn fig5_draws_five_samples_in_the_papers_order() {
    let c = canvas(1100, 700);
    let r = draw_annealing_canvas(c, annealing_figure_defaults().unwrap(), 1.0).unwrap();
    let samples = Array::from(&get(&r, "samples"));
    assert_eq!(samples.length(), 5);
    let field = |i: u32, k: &str| num(&samples.get(i), k);
    for i in 0..3 {
        assert!(field(i + 1, "sheetResistance") > field(i, "sheetResistance"));
        assert!(field(i + 1, "hall.nCm2") < field(i, "hall.nCm2"));
    }
    assert_eq!(get(&samples.get(4), "fifth").as_bool(), Some(true));
    assert_eq!(
        get(&samples.get(0), "label").as_string().unwrap(),
        "as grown"
    );
    // The curves come as Float64Arrays on the result's grids.
    let t = Float64Array::from(get(&r, "temperatureK")).length();
    assert_eq!(Float64Array::from(get(&samples.get(2), "rs")).length(), t);
    // The frame is panel (a)'s, in log₁₀ T.
    assert!((num(&r, "frame.x.1") - 300f64.log10()).abs() < 1e-9);
    // Missing keys take the paper's values.
    let svg = svg_annealing(obj(&[("exponent", 0.25.into())]), 900.0, 600.0).unwrap();
    assert!(svg.contains("(d) m–H at 300 K") && svg.contains("10⁻⁴ mbar (yours)"));
}

#[wasm_bindgen_test]
fn fig5_bad_state_is_a_js_error_naming_the_control() {
    let draw = |state: JsValue| message(draw_annealing_canvas(canvas(400, 300), state, 1.0));
    assert!(draw(obj(&[("pO2Mbar", f64::NAN.into())])).contains("state.pO2Mbar"));
    assert!(draw(obj(&[("pO2Mbar", (-1.0).into())]))
        .contains("state.pO2Mbar must lie between 0 and 10000, got -1"));
    assert!(draw(obj(&[("exponent", 0.0.into())]))
        .contains("exponent must be a positive finite exponent"));
    assert!(draw(obj(&[("exponent", "1/6".into())])).contains("state.exponent must be a number"));
    assert!(draw(obj(&[("pressure", 1.0.into())])).contains("state.pressure is not an option"));
    assert!(draw("abc".into()).contains("state must be an object"));
    assert!(message(svg_annealing(JsValue::UNDEFINED, 0.0, 300.0)).contains("width must be"));
    assert!(
        message(draw_annealing_canvas(canvas(4, 3), JsValue::UNDEFINED, 1.0)).contains("canvas")
    );
    // And the module still draws.
    assert!(draw_annealing_canvas(canvas(400, 300), JsValue::UNDEFINED, 1.0).is_ok());
}
