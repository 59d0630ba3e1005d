//! What every figure shares: the device-pixel scale, fonts and the palette.

use plotters::style::RGBColor;

/// Okabe–Ito colours, distinguishable with every common colour-vision
/// deficiency (M. Okabe & K. Ito, *Color Universal Design*, 2008).
pub mod okabe_ito {
    use plotters::style::RGBColor;
    pub const BLACK: RGBColor = RGBColor(0, 0, 0);
    pub const ORANGE: RGBColor = RGBColor(230, 159, 0);
    pub const SKY_BLUE: RGBColor = RGBColor(86, 180, 233);
    pub const GREEN: RGBColor = RGBColor(0, 158, 115);
    pub const YELLOW: RGBColor = RGBColor(240, 228, 66);
    pub const BLUE: RGBColor = RGBColor(0, 114, 178);
    pub const VERMILLION: RGBColor = RGBColor(213, 94, 0);
    pub const PURPLE: RGBColor = RGBColor(204, 121, 167);
}

/// Light grey of grid lines.
pub const GRID: RGBColor = RGBColor(225, 225, 225);

/// How a figure is drawn on a particular surface.
#[derive(Debug, Clone)]
pub struct Style {
    /// Device pixels per CSS pixel (`devicePixelRatio`, 2 for a PNG export
    /// at twice the shown size); fonts, strokes and margins scale by it.
    pub scale: f64,
    /// CSS font family of all text.
    pub font: String,
}

impl Default for Style {
    fn default() -> Self {
        Self {
            scale: 1.0,
            font: "sans-serif".to_string(),
        }
    }
}

impl Style {
    /// A style at `scale` device pixels per CSS pixel (clamped to 0.5–8).
    pub fn with_scale(scale: f64) -> Self {
        let scale = if scale.is_finite() {
            scale.clamp(0.5, 8.0)
        } else {
            1.0
        };
        Self {
            scale,
            ..Self::default()
        }
    }
    /// `css_px` CSS pixels in device pixels.
    pub fn px(&self, css_px: f64) -> u32 {
        (css_px * self.scale).round().max(1.0) as u32
    }
    /// Font size in device pixels for `css_px` CSS pixels.
    pub fn font_px(&self, css_px: f64) -> f64 {
        css_px * self.scale
    }
}

/// The house look of a chart's mesh, in one call: 13 px tick labels, 14 px
/// axis descriptions, no minor grid, a light major grid and thin black axes,
/// all scaled by the device-pixel ratio.
pub trait HouseMesh<'b> {
    /// Applies the house look; chain it like any other mesh setting.
    fn house(&mut self, style: &'b Style) -> &mut Self;
}

impl<'a, 'b, X, Y, DB> HouseMesh<'b> for plotters::chart::MeshStyle<'a, 'b, X, Y, DB>
where
    X: plotters::coord::ranged1d::Ranged,
    Y: plotters::coord::ranged1d::Ranged,
    DB: plotters::prelude::DrawingBackend,
{
    fn house(&mut self, style: &'b Style) -> &mut Self {
        use plotters::style::{Color, BLACK, TRANSPARENT};
        self.label_style((style.font.as_str(), style.font_px(13.0)))
            .axis_desc_style((style.font.as_str(), style.font_px(14.0)))
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID.stroke_width(style.px(1.0)))
            .axis_style(BLACK.stroke_width(style.px(1.0)))
    }
}

/// The same look for a secondary axis (no grid of its own).
impl<'a, 'b, XT, YT, X, Y, DB> HouseMesh<'b>
    for plotters::chart::SecondaryMeshStyle<'a, 'b, X, Y, DB>
where
    X: plotters::coord::ranged1d::Ranged<ValueType = XT>
        + plotters::coord::ranged1d::ValueFormatter<XT>,
    Y: plotters::coord::ranged1d::Ranged<ValueType = YT>
        + plotters::coord::ranged1d::ValueFormatter<YT>,
    DB: plotters::prelude::DrawingBackend,
{
    fn house(&mut self, style: &'b Style) -> &mut Self {
        use plotters::style::{Color, BLACK};
        self.label_style((style.font.as_str(), style.font_px(13.0)))
            .axis_desc_style((style.font.as_str(), style.font_px(14.0)))
            .axis_style(BLACK.stroke_width(style.px(1.0)))
    }
}
