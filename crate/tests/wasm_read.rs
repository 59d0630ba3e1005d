//! The reader exports as JavaScript sees them, in headless Chromium:
//! `wasm-pack test --headless --chrome crate --test wasm_read`.
#![cfg(target_arch = "wasm32")]

#[path = "support/arbitrary.rs"]
mod arbitrary;

use js_sys::{Array, Float64Array, Object, Reflect, Uint8Array};
use ktao::wasm::read::{
    draw_data_preview_canvas, read_data_file, read_defaults, split_by_set_point, split_by_sweep,
    svg_data_preview, unit_factor,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

#[path = "support/js.rs"]
mod js;
use js::{get, message};

wasm_bindgen_test_configure!(run_in_browser);

const XL: &[u8] = include_bytes!("../../../shared/fixtures/quantum-design/mpms-xl-zfc.dc.dat");
const PPMS: &[u8] =
    include_bytes!("../../../shared/fixtures/quantum-design/ppms-resistivity-tmr-hall.dat");

fn bytes(b: &[u8]) -> JsValue {
    Uint8Array::from(b).into()
}

fn column(file: &JsValue, header: &str) -> JsValue {
    Array::from(&get(file, "columns"))
        .iter()
        .find(|c| get(c, "header").as_string().as_deref() == Some(header))
        .unwrap_or_else(|| panic!("{header} missing"))
}

fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o.into()
}

#[wasm_bindgen_test]
fn reads_an_mpms_xl_file_into_typed_columns() {
    let f = read_data_file(bytes(XL), "zfc.dat", JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&f, "format").as_string().unwrap(), "multivu");
    assert_eq!(get(&f, "instrument").as_string().unwrap(), "MPMS-XL");
    assert_eq!(get(&f, "rows").as_f64().unwrap(), 42.0);
    assert_eq!(get(&f, "skippedRows").as_f64().unwrap(), 0.0);
    assert_eq!(
        get(&f, "quantities.moment").as_string().unwrap(),
        "Long Moment (emu)"
    );
    let m = column(&f, "Long Moment (emu)");
    assert_eq!(get(&m, "unit").as_string().unwrap(), "emu");
    let values: Float64Array = get(&m, "values").dyn_into().expect("a Float64Array");
    assert_eq!(values.length(), 42);
    // First and last values as the independent reading gives them.
    assert_eq!(values.get_index(0), 0.05397742);
    assert_eq!(values.get_index(41), 0.00744214);
    assert_eq!(
        get(&f, "metadata.time.first").as_string().unwrap(),
        "2016-11-29T21:54:22"
    );
    assert_eq!(
        get(&f, "metadata.time.utcOffsetMin").as_f64().unwrap(),
        -480.0
    );
    let info = Array::from(&get(&f, "metadata.info"));
    assert!(info
        .iter()
        .any(|e| get(&e, "key").as_string().as_deref() == Some("WEIGHT")
            && get(&e, "value").as_string().as_deref() == Some("48.400")));
    // An ArrayBuffer works too (File.arrayBuffer()).
    let buf = Uint8Array::from(PPMS).buffer();
    let p = read_data_file(buf.into(), "r.dat", JsValue::UNDEFINED).unwrap();
    assert_eq!(
        get(&p, "instrument").as_string().unwrap(),
        "PPMS Resistivity"
    );
    let r = Array::from(&get(&p, "quantities.resistance"));
    assert_eq!(r.length(), 2);
}

#[wasm_bindgen_test]
fn columns_named_in_options_replace_the_guesses_or_are_refused() {
    let cols = obj(&[("field", "Temperature (K)".into())]);
    let f = read_data_file(bytes(XL), "zfc.dat", obj(&[("columns", cols)])).unwrap();
    assert_eq!(
        get(&f, "quantities.field").as_string().unwrap(),
        "Temperature (K)"
    );
    let cols = obj(&[("moment", "Moment (emu)".into())]);
    let e = message(read_data_file(
        bytes(XL),
        "zfc.dat",
        obj(&[("columns", cols)]),
    ));
    assert!(
        e.starts_with("column \"Moment (emu)\" is not in the file; its columns are: Time, Comment"),
        "{e}"
    );
    let cols = obj(&[("temprature", "Time".into())]);
    let e = message(read_data_file(
        bytes(XL),
        "zfc.dat",
        obj(&[("columns", cols)]),
    ));
    assert!(
        e.starts_with("options.columns.temprature is not a quantity: use one of \"time\""),
        "{e}"
    );
    let e = message(read_data_file(
        bytes(XL),
        "zfc.dat",
        obj(&[("colums", obj(&[]))]),
    ));
    assert!(
        e.starts_with("options.colums is not an option: use columns"),
        "{e}"
    );
}

#[wasm_bindgen_test]
fn unreadable_files_are_js_errors_with_a_reason() {
    let none = JsValue::UNDEFINED;
    assert_eq!(
        message(read_data_file(bytes(b""), "x.dat", none.clone())),
        "bytes is empty: the file has no content"
    );
    assert!(message(read_data_file(
        bytes(b"\x89PNG\r\n\x1a\n\0\0"),
        "a.png",
        none.clone()
    ))
    .contains("binary file"));
    assert!(message(read_data_file(
        bytes(b"hello\nworld\n"),
        "notes.txt",
        none.clone()
    ))
    .contains("notes.txt is not a recognised data file"));
    assert!(message(read_data_file(
        bytes(b"T (K),R (Ohm)\n"),
        "r.csv",
        none.clone()
    ))
    .contains("r.csv has column names but no data rows"));
    assert!(
        message(read_data_file("text".into(), "x.csv", none.clone()))
            .contains("bytes must be a Uint8Array or an ArrayBuffer")
    );
    assert!(
        message(read_data_file(bytes(XL), "x.dat", 3.into())).contains("options must be an object")
    );
    // The module still works after every refusal.
    assert!(read_data_file(bytes(XL), "zfc.dat", none).is_ok());
}

#[wasm_bindgen_test]
fn segments_units_and_defaults() {
    let t = Float64Array::from(&[2.0, 2.001, 1.999, 2.05, 2.1, 3.0, 3.0, 3.001][..]);
    let s = split_by_set_point(t.into(), 0.01, None).unwrap();
    let s = Array::from(&s);
    assert_eq!(s.length(), 2);
    assert_eq!(get(&s.get(1), "start").as_f64().unwrap(), 5.0);
    assert_eq!(get(&s.get(1), "end").as_f64().unwrap(), 8.0);
    let h: JsValue = Array::of5(&0.into(), &5.into(), &10.into(), &5.into(), &0.into()).into();
    let b = Array::from(&split_by_sweep(h, None).unwrap());
    assert_eq!(get(&b.get(0), "direction").as_string().unwrap(), "up");
    assert_eq!(get(&b.get(1), "direction").as_string().unwrap(), "down");
    assert_eq!(get(&b.get(1), "from").as_f64().unwrap(), 10.0);
    assert!((unit_factor("kOe", "T").unwrap() - 0.1).abs() < 1e-15);
    assert_eq!(
        get(&read_defaults().unwrap(), "temperatureToleranceK").as_f64(),
        Some(0.05)
    );
    // Bad input names its parameter.
    let ok = || -> JsValue { Float64Array::from(&[1.0, 2.0][..]).into() };
    assert!(
        message(split_by_set_point(ok(), -1.0, None)).starts_with("tolerance must be a positive")
    );
    assert!(message(split_by_set_point(ok(), 1.0, Some(0.5)))
        .contains("minPoints must be a whole number"));
    assert_eq!(
        message(split_by_set_point(
            Float64Array::new_with_length(0).into(),
            1.0,
            None
        )),
        "values must not be empty"
    );
    assert!(message(split_by_sweep("x".into(), None)).contains("values must be a Float64Array"));
    assert!(
        message(split_by_sweep(ok(), Some(f64::NAN))).starts_with("hysteresis must be a positive")
    );
    assert!(message(unit_factor("K", "T")).contains("cannot convert K to T"));
    assert!(message(unit_factor("T", "parsec")).starts_with("to must be a unit"));
}

/// The native property test's stream, through the export: a panic here
/// would trap the module and fail the run.
#[wasm_bindgen_test]
fn arbitrary_bytes_give_a_file_or_an_error_never_a_trap() {
    let (mut ok, mut err) = (0, 0);
    for i in 0..2000 {
        let b = arbitrary::case(8, i);
        match read_data_file(bytes(&b), "arbitrary", JsValue::UNDEFINED) {
            Ok(f) => {
                let rows = get(&f, "rows").as_f64().unwrap();
                for c in Array::from(&get(&f, "columns")).iter() {
                    assert_eq!(Float64Array::from(get(&c, "values")).length() as f64, rows);
                }
                ok += 1;
            }
            Err(e) => {
                let e: JsValue = e.into();
                assert!(e.dyn_into::<js_sys::Error>().is_ok());
                err += 1;
            }
        }
        assert!(arbitrary::check(&b).is_ok(), "case {i}");
    }
    assert!(ok > 300 && err > 300, "{ok} read, {err} refused");
}

fn canvas(w: u32, h: u32) -> web_sys::HtmlCanvasElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let c: web_sys::HtmlCanvasElement = doc.create_element("canvas").unwrap().dyn_into().unwrap();
    c.set_width(w);
    c.set_height(h);
    doc.body().unwrap().append_child(&c).unwrap();
    c
}

#[wasm_bindgen_test]
fn preview_draws_a_read_file_and_refuses_bad_state() {
    let f = read_data_file(bytes(PPMS), "r.dat", JsValue::UNDEFINED).unwrap();
    let x = get(&column(&f, "Magnetic Field (Oe)"), "values");
    let y = get(&column(&f, "Bridge 1 Resistance (Ohms)"), "values");
    let segments = split_by_sweep(x.clone(), None).unwrap();
    let state = obj(&[
        ("x", x.clone()),
        ("y", y.clone()),
        ("xLabel", "Magnetic Field (Oe)".into()),
        ("yLabel", "Bridge 1 Resistance (Ω)".into()),
        ("segments", segments),
    ]);
    let c = canvas(700, 450);
    let r = draw_data_preview_canvas(c.clone(), state.clone(), 1.0).unwrap();
    let px = Array::from(&get(&r, "frame.px"));
    assert!(px.get(1).as_f64().unwrap() > px.get(0).as_f64().unwrap());
    // The x axis spans the ±1 T sweeps (5 % padding).
    let fx = Array::from(&get(&r, "frame.x"));
    assert!(fx.get(0).as_f64().unwrap() < -10_000.0 && fx.get(1).as_f64().unwrap() > 10_000.0);
    let ctx: web_sys::CanvasRenderingContext2d =
        c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let data = ctx.get_image_data(0.0, 0.0, 700.0, 450.0).unwrap().data().0;
    // Seven branches (±1 T sweeps) in Okabe–Ito colours: many saturated pixels.
    let saturated = data
        .chunks_exact(4)
        .filter(|p| {
            let (hi, lo) = (p[0].max(p[1]).max(p[2]), p[0].min(p[1]).min(p[2]));
            hi - lo > 80
        })
        .count();
    assert!(saturated > 1000, "{saturated} saturated pixels");
    assert_eq!(
        Array::from(&split_by_sweep(x.clone(), None).unwrap()).length(),
        7
    );
    let svg = svg_data_preview(state, 600.0, 400.0).unwrap();
    assert!(svg.contains("Bridge 1 Resistance (Ω)"));
    let bad = obj(&[
        ("x", x.clone()),
        ("y", Float64Array::new_with_length(3).into()),
    ]);
    assert!(
        message(svg_data_preview(bad, 600.0, 400.0)).starts_with("y has 3 values but x has 1401")
    );
    let seg = Array::of1(&obj(&[("start", 0.into()), ("end", 5000.into())]));
    let bad = obj(&[("x", x.clone()), ("y", y.clone()), ("segments", seg.into())]);
    assert!(message(svg_data_preview(bad, 600.0, 400.0))
        .starts_with("segments.end must lie between 1 and 1401"));
    let seg = Array::of1(&obj(&[("start", (-1).into()), ("end", 5.into())]));
    let bad = obj(&[("x", x), ("y", y), ("segments", seg.into())]);
    assert!(message(svg_data_preview(bad, 600.0, 400.0))
        .contains("segments.start must be a whole number"));
    assert!(message(svg_data_preview(obj(&[]), 600.0, 400.0))
        .starts_with("state.x must be a Float64Array"));
    let huge = obj(&[
        ("x", Float64Array::from(&[1.0, 1e308][..]).into()),
        ("y", Float64Array::from(&[1.0, 2.0][..]).into()),
    ]);
    assert_eq!(
        message(draw_data_preview_canvas(canvas(300, 200), huge, 1.0)),
        "x[1] must be at most 1e100 in magnitude, got 1e308"
    );
}
