//! The binding layer: every export validates its input, calls the pure-Rust
//! core and converts the result. No physics here, and nothing that can panic:
//! a panic would trap the module for every figure on the page.

pub mod canvas;
pub mod convert;
pub mod hc2_angle;
pub mod loop_processing;
pub mod magnet;
