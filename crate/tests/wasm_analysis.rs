//! The analysis exports as the page analyze.html calls them, in headless
//! Chromium: `wasm-pack test --headless --chrome crate --test wasm_analysis`.
//! A real file read, its columns handed to each kind of analysis, drawn
//! into a real canvas and as SVG; bad calls refused with a message that
//! names the parameter, never a panic.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Float64Array, Object, Reflect, Uint8Array};
use ktao::wasm::analysis::{
    analysis_defaults, analyze, draw_analysis, svg_analysis, zfc_fc_branches,
};
use ktao::wasm::read::read_data_file;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

#[path = "support/js.rs"]
mod js;
use js::{get, message};

wasm_bindgen_test_configure!(run_in_browser);

const MPMS3: &[u8] = include_bytes!("../../../shared/fixtures/quantum-design/mpms3-vsm-mh.dat");
const XL: &[u8] = include_bytes!("../../../shared/fixtures/quantum-design/mpms-xl-zfc.dc.dat");

fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o.into()
}

/// Rows `start..end` of the column with this header, as a Float64Array.
fn column(file: &JsValue, header: &str, start: u32, end: u32) -> JsValue {
    let c = Array::from(&get(file, "columns"))
        .iter()
        .find(|c| get(c, "header").as_string().as_deref() == Some(header))
        .unwrap_or_else(|| panic!("{header} missing"));
    let v: Float64Array = get(&c, "values").unchecked_into();
    v.subarray(start, end).into()
}

fn canvas() -> web_sys::HtmlCanvasElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let c: web_sys::HtmlCanvasElement = doc.create_element("canvas").unwrap().unchecked_into();
    c.set_width(900);
    c.set_height(560);
    c
}

fn loop_data() -> JsValue {
    let f = read_data_file(Uint8Array::from(MPMS3).into(), "mh.dat", JsValue::UNDEFINED).unwrap();
    obj(&[
        ("field", column(&f, "Magnetic Field (Oe)", 0, 374)),
        ("moment", column(&f, "Moment (emu)", 0, 374)),
    ])
}

#[wasm_bindgen_test]
fn a_loop_from_a_real_file_is_analysed_and_drawn_in_both_views() {
    let data = loop_data();
    let c = canvas();
    for view in ["corrected", "raw"] {
        let options = obj(&[("areaMm2", 25.0.into()), ("view", view.into())]);
        let r = draw_analysis(c.clone(), "loop", data.clone(), options.clone(), 1.0).unwrap();
        assert_eq!(get(&r, "kind").as_string().unwrap(), "loop");
        assert_eq!(get(&r, "view").as_string().unwrap(), view);
        let ms = get(&r, "report.ms").as_f64().unwrap();
        assert!((ms - 0.951).abs() < 0.005, "{ms}");
        assert!(get(&r, "report.mCorrected").is_instance_of::<Float64Array>());
        assert!(get(&r, "hOe").is_instance_of::<Float64Array>());
        assert!(get(&r, "frame.px").is_object());
        let svg = svg_analysis("loop", data.clone(), options, 800.0, 500.0).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("fitted where"));
    }
    // The canvas holds a drawing: the pixels are not all white.
    let ctx: web_sys::CanvasRenderingContext2d =
        c.get_context("2d").unwrap().unwrap().unchecked_into();
    let px = ctx.get_image_data(0.0, 0.0, 900.0, 560.0).unwrap().data();
    let ink = px.chunks(4).filter(|p| p[0] < 200).count();
    assert!(ink > 2000, "{ink} dark pixels");
}

#[wasm_bindgen_test]
fn a_zfc_run_alone_gives_its_branch_and_says_why_there_is_no_t_irr() {
    let f = read_data_file(Uint8Array::from(XL).into(), "zfc.dat", JsValue::UNDEFINED).unwrap();
    let t = column(&f, "Temperature (K)", 0, 42);
    let runs = zfc_fc_branches(t.clone()).unwrap();
    assert_eq!(Array::from(&runs).length(), 1);
    assert_eq!(get(&runs, "0.end").as_f64(), Some(42.0));
    let data = obj(&[
        ("zfcTemperature", t),
        ("zfcMoment", column(&f, "Long Moment (emu)", 0, 42)),
    ]);
    let r = analyze("zfc-fc", data, JsValue::UNDEFINED).unwrap();
    assert!(get(&r, "bifurcation").is_null());
    assert!(get(&r, "message")
        .as_string()
        .unwrap()
        .contains("one branch"));
    assert_eq!(get(&r, "zfcPeakK").as_f64(), Some(1.999591));
}

#[wasm_bindgen_test]
fn every_kind_has_defaults_and_bad_calls_name_what_is_wrong() {
    for kind in [
        "loop",
        "zfc-fc",
        "rt",
        "iv",
        "hall",
        "hc2-angle",
        "hc2-temperature",
    ] {
        assert!(analysis_defaults(kind).unwrap().is_object(), "{kind}");
    }
    assert_eq!(
        get(&analysis_defaults("loop").unwrap(), "areaMm2").as_f64(),
        Some(25.0)
    );
    assert_eq!(
        get(&analysis_defaults("iv").unwrap(), "toleranceK").as_f64(),
        Some(0.01)
    );
    let data = loop_data();
    let e = message(analyze("fit", data.clone(), JsValue::UNDEFINED));
    assert!(e.contains("kind must be one of \"loop\""), "{e}");
    let e = message(analyze(
        "loop",
        obj(&[("field", get(&data, "field"))]),
        JsValue::UNDEFINED,
    ));
    assert!(e.contains("data.moment is missing"), "{e}");
    let e = message(analyze(
        "loop",
        obj(&[
            ("field", get(&data, "field")),
            ("moments", get(&data, "moment")),
        ]),
        JsValue::UNDEFINED,
    ));
    assert!(
        e.contains("data.moments is not a column of this analysis"),
        "{e}"
    );
    let e = message(analyze(
        "loop",
        data.clone(),
        obj(&[("areaMm2", (-1.0).into())]),
    ));
    assert!(e.contains("areaMm2 must be a positive"), "{e}");
    let e = message(analyze(
        "loop",
        data.clone(),
        obj(&[("view", "side".into())]),
    ));
    assert!(
        e.contains("options.view must be one of \"corrected\", \"raw\""),
        "{e}"
    );
    let e = message(analyze("loop", data.clone(), obj(&[("hSat", 5.0.into())])));
    assert!(e.contains("options.hSat is not an option"), "{e}");
    let e = message(analyze(
        "hall",
        obj(&[
            ("field", Array::of2(&1.0.into(), &2.0.into()).into()),
            ("hall", Array::of2(&1.0.into(), &2.0.into()).into()),
        ]),
        JsValue::UNDEFINED,
    ));
    assert!(e.contains("R_xy(B): 2 rows hold a number"), "{e}");
    let e = message(draw_analysis(
        canvas(),
        "loop",
        JsValue::NULL,
        JsValue::UNDEFINED,
        1.0,
    ));
    assert!(e.contains("data must be an object of columns"), "{e}");
}
