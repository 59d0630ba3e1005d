//! What the browser suites (`crate/tests/wasm*.rs`) read from JavaScript
//! values: a nested property, and the message of an export's Error.
// Each suite is its own crate and uses what it needs.
#![allow(dead_code)]

use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The property at a dotted `path` of `v` ("fit.params.tc").
pub fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.')
        .fold(v.clone(), |o, k| Reflect::get(&o, &k.into()).unwrap())
}

/// The message of the JS `Error` that `r` must be (a value fails the test).
#[track_caller]
pub fn message<T: std::fmt::Debug>(r: Result<T, JsError>) -> String {
    let err: JsValue = match r {
        Ok(v) => panic!(
            "expected an Error, got {}",
            &format!("{v:?}").chars().take(200).collect::<String>()
        ),
        Err(e) => e.into(),
    };
    let err: js_sys::Error = err.dyn_into().expect("a JS Error object");
    err.message().into()
}
