//! The exports as JavaScript sees them, run in headless Chromium by
//! `wasm-pack test --headless --chrome crate -- --test wasm`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Float64Array, Object, Reflect};
use ktao::wasm::hc2_angle::{draw_hc2_angle_canvas, fit_hc2_angle, hc2_angle, svg_hc2_angle};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

#[path = "support/js.rs"]
mod js;
use js::{get, message};

wasm_bindgen_test_configure!(run_in_browser);

fn typed(v: &[f64]) -> JsValue {
    Float64Array::from(v).into()
}

#[wasm_bindgen_test]
fn hc2_angle_takes_typed_arrays_and_plain_arrays() {
    let h = hc2_angle("tinkham", typed(&[0.0, 90.0, 45.0]), 0.45, 5.0).unwrap();
    assert_eq!(h[0], 0.45);
    assert_eq!(h[1], 5.0);
    // Tinkham at 45° from the implicit equation: h/(√2·0.45) + h²/(2·25) = 1.
    let x = h[2];
    assert!((x / (2f64.sqrt() * 0.45) + x * x / 50.0 - 1.0).abs() < 1e-12);
    let arr: JsValue = Array::of2(&0.0.into(), &90.0.into()).into();
    assert_eq!(hc2_angle("gl3d", arr, 0.45, 5.0).unwrap(), vec![0.45, 5.0]);
}

#[wasm_bindgen_test]
fn fit_returns_the_common_fit_object() {
    let t: Vec<f64> = (0..=36).map(|i| 5.0 * i as f64).collect();
    let h = hc2_angle("tinkham", typed(&t), 0.13, 2.7).unwrap();
    let r = fit_hc2_angle(typed(&t), typed(&h), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&r, "preferred").as_string().unwrap(), "tinkham");
    let v = get(&r, "tinkham.params.hPar").as_f64().unwrap();
    assert!((v - 2.7).abs() < 1e-6, "hPar {v}");
    for key in [
        "errors",
        "covariance",
        "rss",
        "redchi",
        "aic",
        "bic",
        "n",
        "p",
        "iterations",
        "converged",
        "message",
    ] {
        assert!(
            !get(&r, &format!("gl3d.{key}")).is_undefined(),
            "{key} missing"
        );
    }
    let keys: Vec<String> = Object::keys(&get(&r, "gl3d.params").into())
        .iter()
        .map(|k| k.as_string().unwrap())
        .collect();
    assert_eq!(keys, ["hPerp", "hPar"]);
    assert!(get(&r, "deltaAic").as_f64().unwrap() > 10.0);
}

#[wasm_bindgen_test]
fn bad_input_is_a_js_error_naming_the_parameter_and_never_a_trap() {
    let ok = typed(&[0.0, 45.0, 90.0]);
    assert!(message(hc2_angle("bcs", ok.clone(), 1.0, 1.0)).contains("model must be one of"));
    assert!(
        message(hc2_angle("tinkham", typed(&[]), 1.0, 1.0)).contains("thetaDeg must not be empty")
    );
    assert!(message(hc2_angle("tinkham", typed(&[f64::NAN]), 1.0, 1.0))
        .contains("thetaDeg[0] must be a finite number"));
    assert!(message(hc2_angle("tinkham", ok.clone(), -0.3, 1.0))
        .contains("hPerp must be a positive finite field in tesla, got -0.3"));
    assert!(message(hc2_angle("tinkham", "abc".into(), 1.0, 1.0))
        .contains("thetaDeg must be a Float64Array"));
    let h = typed(&[0.1, 1.0, 2.0]);
    assert!(message(fit_hc2_angle(
        ok.clone(),
        typed(&[0.1, 1.0]),
        JsValue::UNDEFINED
    ))
    .contains("hc2 has 2 values but thetaDeg has 3"));
    assert!(message(fit_hc2_angle(
        typed(&[0.0, 90.0]),
        typed(&[0.1, 2.0]),
        JsValue::UNDEFINED
    ))
    .contains("needs at least 3 points"));
    assert!(message(fit_hc2_angle(
        ok.clone(),
        typed(&[0.1, f64::NAN, 2.0]),
        JsValue::UNDEFINED
    ))
    .contains("hc2[1] must be a finite number"));
    assert!(message(fit_hc2_angle(
        ok.clone(),
        h.clone(),
        typed(&[1.0, -1.0, 1.0])
    ))
    .contains("sigma[1] must be positive"));
    assert!(
        message(svg_hc2_angle(JsValue::UNDEFINED, -5.0, 300.0)).contains("width must be a size")
    );
    // The module still works after every refusal.
    assert_eq!(hc2_angle("gl3d", ok, 0.45, 5.0).unwrap()[2], 5.0);
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
fn drawing_into_a_real_canvas_puts_the_fits_on_its_pixels() {
    let c = canvas(800, 500);
    let result = draw_hc2_angle_canvas(c.clone(), JsValue::UNDEFINED, 1.0).unwrap();
    assert_eq!(
        get(&result, "fits.preferred").as_string().unwrap(),
        "tinkham"
    );
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let px = ctx.get_image_data(0.0, 0.0, 800.0, 500.0).unwrap().data().0;
    let rgb = |i: usize| (px[4 * i], px[4 * i + 1], px[4 * i + 2]);
    let n = px.len() / 4;
    let near = |(r, g, b): (u8, u8, u8), (r0, g0, b0): (u8, u8, u8)| {
        (r as i32 - r0 as i32).abs() < 40
            && (g as i32 - g0 as i32).abs() < 40
            && (b as i32 - b0 as i32).abs() < 40
    };
    let vermillion = (0..n).filter(|&i| near(rgb(i), (213, 94, 0))).count();
    let blue = (0..n).filter(|&i| near(rgb(i), (0, 114, 178))).count();
    let dark = (0..n).filter(|&i| near(rgb(i), (0, 0, 0))).count();
    assert!(
        vermillion > 500 && blue > 300 && dark > 1000,
        "{vermillion} {blue} {dark}"
    );
    // A 1×1 canvas is refused with a message, not a trap.
    assert!(
        message(draw_hc2_angle_canvas(canvas(1, 1), JsValue::UNDEFINED, 1.0))
            .contains("at least 40×40")
    );
}

#[wasm_bindgen_test]
fn svg_export_is_the_same_figure() {
    let svg = svg_hc2_angle(JsValue::UNDEFINED, 800.0, 500.0).unwrap();
    assert!(svg.contains("2D Tinkham") && svg.contains("#D55E00"));
}

#[wasm_bindgen_test]
fn xmcd_sketch_draws_and_refuses_bad_state() {
    use ktao::wasm::xmcd::{draw_xmcd_canvas, svg_xmcd};
    let r = draw_xmcd_canvas(canvas(700, 500), JsValue::UNDEFINED, 1.0).unwrap();
    let frame = get(&r, "frame.px");
    assert!(Array::from(&frame).length() == 2);
    let state = Object::new();
    Reflect::set(&state, &"polarisation".into(), &2.0.into()).unwrap();
    assert!(message(svg_xmcd(state.into(), 600.0, 400.0))
        .contains("polarisation must lie between 0 and 1, got 2"));
    assert!(
        message(draw_xmcd_canvas(canvas(700, 500), "text".into(), 1.0))
            .contains("state must be an object")
    );
}

/// The colour of pixel (x, y) of `c`, (r, g, b).
fn pixel(c: &HtmlCanvasElement, x: f64, y: f64) -> (u8, u8, u8) {
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let d = ctx.get_image_data(x, y, 1.0, 1.0).unwrap().data();
    (d[0], d[1], d[2])
}

#[wasm_bindgen_test]
fn the_canvas_backend_sets_each_style_it_draws_with_even_after_a_turned_label() {
    use ktao::wasm::canvas_backend::Canvas;
    use plotters::style::{Color, IntoFont, RGBColor, TextStyle};
    use plotters_backend::{DrawingBackend, FontTransform};
    const RED: RGBColor = RGBColor(220, 0, 0);
    const GREEN: RGBColor = RGBColor(0, 180, 0);
    const BLUE: RGBColor = RGBColor(0, 0, 230);
    let c = canvas(200, 100);
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let mut b = Canvas::new(c.clone(), ctx);
    b.draw_rect((0, 0), (40, 40), &GREEN.to_backend_color(), true)
        .unwrap();
    // A turned label sets its fill inside save()/restore(), which brings the
    // green fill back: the next blue fill must be sent again.
    let label = TextStyle::from(("sans-serif", 20).into_font())
        .color(&BLUE)
        .transform(FontTransform::Rotate90);
    b.draw_text("turned", &label, (150, 10)).unwrap();
    b.draw_rect((50, 0), (90, 40), &BLUE.to_backend_color(), true)
        .unwrap();
    assert_eq!(pixel(&c, 20.0, 20.0), (0, 180, 0));
    assert_eq!(pixel(&c, 70.0, 20.0), (0, 0, 230));
    // A path with repeated points strokes like one without; the stroke
    // colour changes between two paths of different colours.
    let thick = |col: RGBColor| col.stroke_width(5);
    b.draw_path(
        [(0, 60), (0, 60), (60, 60), (60, 60), (60, 60), (120, 60)],
        &thick(RED),
    )
    .unwrap();
    b.draw_path([(0, 80), (120, 80)], &thick(BLUE)).unwrap();
    b.draw_path([(0, 95), (120, 95)], &thick(RED)).unwrap();
    assert_eq!(pixel(&c, 100.0, 60.0), (220, 0, 0));
    assert_eq!(pixel(&c, 30.0, 60.0), (220, 0, 0));
    assert_eq!(pixel(&c, 100.0, 80.0), (0, 0, 230));
    assert_eq!(pixel(&c, 100.0, 95.0), (220, 0, 0));
}
