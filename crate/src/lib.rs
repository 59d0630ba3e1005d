//! # ktao
//!
//! Models, fits and figures for the interactive supplement of Ning *et al.*,
//! *Coexistence of ferromagnetism and superconductivity at KTaO₃
//! heterointerfaces* (2024).
//!
//! The physics is pure Rust (`f64` and slices in, plain structs out) and is
//! tested natively; [`plot`] draws every figure on any `plotters` backend
//! (canvas in the browser, SVG for export and tests); `wasm` is the thin
//! `wasm-bindgen` layer that only validates, converts and calls.

pub mod analysis;
pub mod fast_exp;
pub mod fit;
pub mod input;
pub mod physics;
pub mod plot;
pub mod read;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
