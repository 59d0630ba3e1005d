//! Conversions between JavaScript values and Rust, with errors that name the parameter.

use super::object;
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

/// An options object whose every option is a number, read key by key
/// (a few calls into JavaScript where serde, or [`options`] with its object
/// of defaults, makes many): `keys` are the options, each absent,
/// `undefined` or `null` (→ `None`) or a number. Refused, naming the key as
/// [`options`] does: a value of another type, and a key that is not an
/// option.
pub fn number_options<const N: usize>(
    name: &str,
    value: &JsValue,
    keys: [&'static str; N],
) -> Result<[Option<f64>; N], JsError> {
    let mut out = [None; N];
    if value.is_null_or_undefined() {
        return Ok(out);
    }
    if !value.is_object() || Array::is_array(value) {
        return Err(JsError::new(&format!(
            "{name} must be an object of options"
        )));
    }
    // The options, then whether there is any other key: counted, without
    // making a string of any key unless there is.
    let mut own = 0;
    for (slot, key) in out.iter_mut().zip(keys) {
        let v = object::get(value, key).map_err(|_| {
            JsError::new(&format!("{name}.{key} could not be read: its getter threw"))
        })?;
        if let Some(x) = v.as_f64() {
            *slot = Some(x);
        } else if !(v.is_undefined() || v.is_null()) {
            return Err(JsError::new(&format!(
                "{name}.{key} must be a number, got {}",
                v.js_typeof().as_string().unwrap_or_default()
            )));
        }
        own += usize::from(object::has_own(value, key));
    }
    let all = js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>());
    if all.length() as usize != own {
        for key in all.iter().filter_map(|k| k.as_string()) {
            if !keys.contains(&key.as_str()) {
                return Err(JsError::new(&format!(
                    "{name}.{key} is not an option; the options are {}",
                    keys.join(", ")
                )));
            }
        }
    }
    Ok(out)
}

object::key_set!(
    /// The keys of a fit object.
    FitKeys {
        params: "params",
        errors: "errors",
        covariance: "covariance",
        rss: "rss",
        redchi: "redchi",
        aic: "aic",
        bic: "bic",
        n: "n",
        p: "p",
        iterations: "iterations",
        converged: "converged",
        message: "message",
    }
);

thread_local! {
    static FIT_KEYS: FitKeys = FitKeys::new();
}

/// A fit object, the same as [`fits_to_js`] makes — `{ params, errors,
/// covariance, rss, redchi, aic, bic, n, p, iterations, converged,
/// message }`, keys in that order, covariance as arrays of numbers — built
/// with [`object`]'s cheap properties (measured in Chromium for the two
/// parameters of hnLinearized's line: 0.7 µs, serde 1.6 µs).
pub fn fit_to_js(f: &FitReport) -> JsValue {
    let named = |pairs: &[(&'static str, f64)]| {
        let o = object::object();
        for (k, v) in pairs {
            object::put(&o, k, *v);
        }
        o
    };
    let covariance = Array::new_with_length(f.covariance.len() as u32);
    for (i, row) in f.covariance.iter().enumerate() {
        covariance.set(i as u32, object::numbers(row));
    }
    let (params, errors) = (named(&f.params), named(&f.errors));
    FIT_KEYS.with(|k| {
        let out = object::object();
        object::put_value_at(&out, &k.params, &params);
        object::put_value_at(&out, &k.errors, &errors);
        object::put_value_at(&out, &k.covariance, &covariance);
        for (key, v) in [
            (&k.rss, f.rss),
            (&k.redchi, f.redchi),
            (&k.aic, f.aic),
            (&k.bic, f.bic),
            (&k.n, f.n as f64),
            (&k.p, f.p as f64),
            (&k.iterations, f.iterations as f64),
        ] {
            object::put_at(&out, key, v);
        }
        object::put_value_at(&out, &k.converged, &JsValue::from_bool(f.converged));
        object::put_str_at(&out, &k.message, f.message);
        out
    })
}

/// An array of booleans, as serde makes it, filled run by run (a mask of a
/// window over sorted points is three runs: three calls into JavaScript,
/// where serde makes one per element).
pub fn bools(v: &[bool]) -> JsValue {
    let out = Array::new_with_length(v.len() as u32);
    let mut start = 0;
    while start < v.len() {
        let run = v[start..].iter().take_while(|&&b| b == v[start]).count();
        out.fill(
            &JsValue::from_bool(v[start]),
            start as u32,
            (start + run) as u32,
        );
        start += run;
    }
    out.into()
}
