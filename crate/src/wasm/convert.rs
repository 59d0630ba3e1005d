//! Conversions between JavaScript values and Rust, with errors that name the parameter.

use crate::fit::FitReport;
use js_sys::{Array, Float64Array};
use serde::{de::DeserializeOwned, Serialize};
use std::any::TypeId;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// A Rust value as a plain JS object (maps become objects, not `Map`s, and
/// a missing value, `None`, is `null`: a readout the page can test for).
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let ser = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    value
        .serialize(&ser)
        .map_err(|e| JsError::new(&format!("could not convert the result: {e}")))
}

/// [`to_js`] for a result that holds fit objects. Their messages, a fixed
/// set of strings, are interned first: each becomes a JS string once per
/// page, where otherwise every call decoded it afresh (with the parameter
/// names, which go as struct keys, a tenth of a fit's time in Chromium).
pub fn fits_to_js<'a, T: Serialize>(
    value: &T,
    fits: impl IntoIterator<Item = &'a FitReport>,
) -> Result<JsValue, JsError> {
    for f in fits {
        wasm_bindgen::intern(f.message);
    }
    to_js(value)
}

/// A plain JS options object as `T`; `name` is the parameter's name.
pub fn from_js<T: DeserializeOwned + Default>(name: &str, value: JsValue) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    if !value.is_object() {
        return Err(JsError::new(&format!(
            "{name} must be an object of options"
        )));
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("{name}: {e}")))
}

/// A `Float64Array`, an array of numbers, or (when `allow_scalar`) one number.
pub fn f64_array(name: &str, value: &JsValue, allow_scalar: bool) -> Result<Vec<f64>, JsError> {
    if let Some(a) = value.dyn_ref::<Float64Array>() {
        Ok(a.to_vec())
    } else if Array::is_array(value) {
        Ok(Float64Array::new(value).to_vec())
    } else if let (true, Some(v)) = (allow_scalar, value.as_f64()) {
        Ok(vec![v])
    } else {
        Err(JsError::new(&format!(
            "{name} must be a Float64Array or an array of numbers"
        )))
    }
}

/// Like [`f64_array`], but `undefined` or `null` mean "not given".
pub fn optional_f64_array(name: &str, value: &JsValue) -> Result<Option<Vec<f64>>, JsError> {
    if value.is_undefined() || value.is_null() {
        Ok(None)
    } else {
        f64_array(name, value, false).map(Some)
    }
}

/// A seed: a whole number from 0 to 2⁵³.
pub fn seed(name: &str, value: f64) -> Result<u64, JsError> {
    if value.is_finite() && value >= 0.0 && value.fract() == 0.0 && value <= 9_007_199_254_740_992.0
    {
        Ok(value as u64)
    } else {
        Err(JsError::new(&format!(
            "{name} must be a whole number from 0 to 2^53, got {value}"
        )))
    }
}

/// A whole number from `min` to `max` (a size or a count given as a JS number).
pub fn whole(name: &str, value: f64, min: usize, max: usize) -> Result<usize, JsError> {
    if value.is_finite() && value.fract() == 0.0 && value >= min as f64 && value <= max as f64 {
        Ok(value as usize)
    } else {
        Err(JsError::new(&format!(
            "{name} must be a whole number from {min} to {max}, got {value}"
        )))
    }
}

/// An optional JS callback: `undefined` or `null` mean none.
pub fn optional_function(name: &str, value: &JsValue) -> Result<Option<js_sys::Function>, JsError> {
    if value.is_undefined() || value.is_null() {
        Ok(None)
    } else {
        value
            .dyn_ref::<js_sys::Function>()
            .cloned()
            .map(Some)
            .ok_or_else(|| JsError::new(&format!("{name} must be a function or undefined")))
    }
}

/// What an option holds when it is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A string (a name, like `ensemble`).
    Text,
    /// `true` or `false`.
    Flag,
    /// An array of numbers, or the same as a comma-separated string.
    List,
    /// Anything: the reader of `T` checks it (e.g. a count or a list of sites).
    Any,
}

/// Reads an options object as `T`, the one way every binding reads one:
/// `undefined` or `null` give `T::default()`; every value must be a number
/// except the keys listed in `kinds`; a wrong type, or a key `T` does not
/// have, is refused with the key's name before `T` is read. (serde-wasm-bindgen
/// reads only the fields it knows, so `deny_unknown_fields` alone would let a
/// typo pass, and its type errors do not name the key.) A number may also be
/// `null` where `T`'s default is `None`, an option that may be left unset.
pub fn options<T: DeserializeOwned + Serialize + Default + 'static>(
    name: &str,
    value: JsValue,
    kinds: &[(&str, Kind)],
) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    if !value.is_object() || Array::is_array(&value) {
        return Err(JsError::new(&format!(
            "{name} must be an object of options"
        )));
    }
    let (known, defaults) = known_options::<T>()?;
    check_options(name, &value, &known, &defaults, kinds)?;
    from_js(name, value)
}

/// The keys of an options type and its defaults as a JS object.
type Known = (Rc<[String]>, JsValue);

/// The part of [`options`] that does not depend on `T` (compiled once):
/// every key of `value` among `known`, of the kind `kinds` gives it.
fn check_options(
    name: &str,
    value: &JsValue,
    known: &[String],
    defaults: &JsValue,
    kinds: &[(&str, Kind)],
) -> Result<(), JsError> {
    for entry in js_sys::Object::entries(value.unchecked_ref::<js_sys::Object>()).iter() {
        let pair: Array = entry.unchecked_into();
        let key = pair.get(0).as_string().unwrap_or_default();
        let v = pair.get(1);
        if !known.contains(&key) {
            return Err(JsError::new(&format!(
                "{name}.{key} is not an option; the options are {}",
                known.join(", ")
            )));
        }
        let kind = kinds.iter().find(|(k, _)| *k == key).map(|(_, kind)| *kind);
        let (ok, want) = match kind {
            Some(Kind::Text) => (v.is_string(), "a string"),
            Some(Kind::Flag) => (v.as_bool().is_some(), "true or false"),
            Some(Kind::List) => (
                Array::is_array(&v) || v.is_string(),
                "an array of numbers or a comma-separated string",
            ),
            Some(Kind::Any) => (true, ""),
            None => {
                let nullable = js_sys::Reflect::get(defaults, &key.as_str().into())
                    .map(|d| d.is_null())
                    .unwrap_or(false);
                (
                    v.as_f64().is_some() || (nullable && (v.is_undefined() || v.is_null())),
                    "a number",
                )
            }
        };
        if !ok {
            return Err(JsError::new(&format!(
                "{name}.{key} must be {want}, got {}",
                v.js_typeof().as_string().unwrap_or_default()
            )));
        }
    }
    Ok(())
}

thread_local! {
    /// Per options type (a handful per page), worked out once.
    static KNOWN: RefCell<Vec<(TypeId, Known)>> = const { RefCell::new(Vec::new()) };
}

/// The keys of `T` and its defaults as a JS object, worked out once per type
/// (a page reads its state on every update).
fn known_options<T: Serialize + Default + 'static>() -> Result<Known, JsError> {
    let id = TypeId::of::<T>();
    if let Some(k) = KNOWN.with_borrow(|m| m.iter().find(|(t, _)| *t == id).map(|(_, k)| k.clone()))
    {
        return Ok(k);
    }
    let defaults = to_js(&T::default())?;
    let keys: Rc<[String]> = js_sys::Object::keys(defaults.unchecked_ref::<js_sys::Object>())
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    let entry = (keys, defaults);
    KNOWN.with_borrow_mut(|m| m.push((id, entry.clone())));
    Ok(entry)
}

/// A `Float64Array` copy of `v`: one copy, where serde would build a JS
/// array element by element (thousands of calls across the boundary).
pub fn f64s(v: &[f64]) -> JsValue {
    Float64Array::from(v).into()
}

/// Sets `key` of the object `target` (from [`to_js`]) to `value`.
/// The key is interned: it crosses into JavaScript once per page.
pub fn set(target: &JsValue, key: &'static str, value: JsValue) -> Result<(), JsError> {
    js_sys::Reflect::set(target, &wasm_bindgen::intern(key).into(), &value)
        .map(|_| ())
        .map_err(|_| JsError::new(&format!("could not set {key} on the result")))
}
