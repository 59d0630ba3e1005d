//! Plain JavaScript objects written and read property by property, for the
//! exports whose time is mostly the conversion of their input and result
//! (the Halperin–Nelson ones, a few microseconds each).
//!
//! A property is one call into JavaScript, `target[key] = value`, with the
//! key a JS string made once per page — looked up by the address of its
//! `&'static str`, or, for a fixed set of keys, held in a struct
//! (`key_set!`) — and a number passed as a number. Measured in Chromium:
//! `Reflect.set` with a key from `wasm_bindgen::intern` took 0.3–0.4 µs a
//! property (two look-ups of the key by its text, a copy of the key, a JS
//! value made for the number and dropped again, Reflect's try/catch); a
//! looked-up key about 50 ns, a key of a key set about 35 ns (the call
//! itself). serde-wasm-bindgen caches its keys too but makes a JS value of
//! every number: a fit object took it 1.6 µs, [`super::convert::fit_to_js`]
//! 0.7 µs.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// An object or array seen as its properties.
    #[wasm_bindgen(js_name = Object)]
    type Props;
    #[wasm_bindgen(method, indexing_setter)]
    fn set_number(this: &Props, key: &JsValue, value: f64);
    #[wasm_bindgen(method, indexing_setter)]
    fn set_value(this: &Props, key: &JsValue, value: &JsValue);
    #[wasm_bindgen(method, indexing_setter)]
    fn set_element(this: &Props, index: u32, value: f64);
    // Reading an object of the caller's may run a getter that throws: the
    // exception comes back as an Err, never through Rust frames.
    #[wasm_bindgen(method, indexing_getter, catch)]
    fn get_value(this: &Props, key: &JsValue) -> Result<JsValue, JsValue>;
}

thread_local! {
    /// The keys as JS strings, by the address and length of their text (a
    /// few dozen per module: a scan costs what hashing would, measured).
    static KEYS: RefCell<Vec<(usize, usize, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` with `key` as a JS string, made on its first use. The key is
/// cloned out of the cache (a slot of wasm-bindgen's table, no call into
/// JavaScript) so that `f` runs with the cache free: a getter of the
/// caller's may call back into the module.
fn with_key<R>(key: &'static str, f: impl FnOnce(&JsValue) -> R) -> R {
    let id = (key.as_ptr() as usize, key.len());
    let k = KEYS.with_borrow_mut(|keys| {
        if let Some((_, _, k)) = keys.iter().find(|(p, n, _)| (*p, *n) == id) {
            return k.clone();
        }
        let k = JsValue::from_str(key);
        keys.push((id.0, id.1, k.clone()));
        k
    });
    f(&k)
}

/// Declares a struct of JS strings for a fixed set of keys, one field per
/// key, made when first used (keep it in a `thread_local!`): writing with
/// [`put_at`] and [`put_value_at`] then skips [`put`]'s look-up and copy of
/// the key, a third of a property's time.
macro_rules! key_set {
    ($(#[$meta:meta])* $name:ident { $($field:ident: $text:literal),* $(,)? }) => {
        $(#[$meta])*
        pub(crate) struct $name {
            $(pub(crate) $field: wasm_bindgen::JsValue,)*
        }
        impl $name {
            pub(crate) fn new() -> Self {
                Self { $($field: wasm_bindgen::JsValue::from_str($text),)* }
            }
        }
    };
}
pub(crate) use key_set;

/// `target[key] = value` for a number and a key of a `key_set!`.
pub fn put_at(target: &JsValue, key: &JsValue, value: f64) {
    target.unchecked_ref::<Props>().set_number(key, value);
}

/// `target[key] = value` for a key of a `key_set!`.
pub fn put_value_at(target: &JsValue, key: &JsValue, value: &JsValue) {
    target.unchecked_ref::<Props>().set_value(key, value);
}

/// A new empty object.
pub fn object() -> JsValue {
    js_sys::Object::new().into()
}

/// `target[key] = value` for a number.
pub fn put(target: &JsValue, key: &'static str, value: f64) {
    with_key(key, |k| {
        target.unchecked_ref::<Props>().set_number(k, value)
    });
}

/// `target[key] = value`.
pub fn put_value(target: &JsValue, key: &'static str, value: &JsValue) {
    with_key(key, |k| target.unchecked_ref::<Props>().set_value(k, value));
}

/// `target[key] = value` for a string that is always the same text (a
/// message): made into a JS string once, like the keys.
pub fn put_str(target: &JsValue, key: &'static str, value: &'static str) {
    with_key(value, |v| put_value(target, key, v));
}

/// [`put_str`] with a key of a `key_set!`.
pub fn put_str_at(target: &JsValue, key: &JsValue, value: &'static str) {
    with_key(value, |v| put_value_at(target, key, v));
}

/// `target[key]` of an object from the caller; `Err` if a getter throws.
pub fn get(target: &JsValue, key: &'static str) -> Result<JsValue, JsValue> {
    with_key(key, |k| target.unchecked_ref::<Props>().get_value(k))
}

/// Whether `target` has `key` as its own property (`Object.hasOwn`).
pub fn has_own(target: &JsValue, key: &'static str) -> bool {
    with_key(key, |k| {
        js_sys::Object::has_own(target.unchecked_ref::<js_sys::Object>(), k)
    })
}

/// A plain array of numbers (where the caller expects an `Array`, not a
/// `Float64Array`): one call per element, each a number. (`Array.from` of
/// a view of the module's memory is one call, but measured slower for the
/// rows of a covariance matrix: it iterates the view.)
pub fn numbers(values: &[f64]) -> JsValue {
    let out = js_sys::Array::new_with_length(values.len() as u32);
    let props = out.unchecked_ref::<Props>();
    for (i, v) in values.iter().enumerate() {
        props.set_element(i as u32, *v);
    }
    out.into()
}
