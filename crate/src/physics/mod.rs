//! One module per physical model of the paper.

pub mod annealing;
pub mod bkt;
pub mod constants;
pub mod gl_hc2;
pub mod hall;
pub mod halperin_nelson;
pub mod hc2_angle;
pub mod irreversibility;
pub mod loop_processing;
pub mod magnet;
pub mod resistive;
pub mod transport;
pub mod vacancy;
pub mod xmcd;
