//! [`least_squares_second_order`]: fused values and Jacobian, as for
//! [`super::least_squares_fused`], and second derivatives, for a model that
//! may fit its data badly (see `lm.rs`, "Second-order steps").

use super::{check, lm, report, weigh_jacobian, weigh_residuals, FitError, FitReport};

/// [`super::least_squares_fused`] for a model that can also give its second
/// derivatives: `model(p, out, jac, hess)` writes f_i into `out`; with
/// `jac`, ∂f_i/∂p_j into `jac[j * n + i]`; with `hess` (given only with
/// `jac`), ∂²f_i/∂p_j∂p_k for the pairs j ≤ k, in the order (0,0), (0,1), …,
/// (0,p−1), (1,1), …, into `hess[pair * n + i]`. The minimiser asks for them
/// only near the minimum, where they turn its linear convergence on a
/// poorly fitting model into Newton's. The result, its stopping test and
/// its covariance are those of `least_squares_fused`.
pub fn least_squares_second_order<M>(
    model: M,
    names: &[&'static str],
    y: &[f64],
    sigma: Option<&[f64]>,
    p0: &[f64],
) -> Result<FitReport, FitError>
where
    M: Fn(&[f64], &mut [f64], Option<&mut [f64]>, Option<&mut [f64]>),
{
    let weights = check(y, sigma, p0)?;
    let mut second = SecondOrder {
        model: &model,
        y,
        weights: weights.as_deref(),
        scratch: Vec::new(),
    };
    let min = lm::minimise(&mut second, p0, y.len());
    report(min, names, y.len(), p0)
}

struct SecondOrder<'a, M> {
    model: &'a M,
    y: &'a [f64],
    weights: Option<&'a [f64]>,
    /// Values thrown away when only the Jacobian is asked for.
    scratch: Vec<f64>,
}

impl<M> lm::Residuals for SecondOrder<'_, M>
where
    M: Fn(&[f64], &mut [f64], Option<&mut [f64]>, Option<&mut [f64]>),
{
    const FUSED: bool = true;
    const SECOND_ORDER: bool = true;

    fn residuals(&mut self, p: &[f64], out: &mut [f64]) {
        (self.model)(p, out, None, None);
        weigh_residuals(out, self.y, self.weights);
    }

    fn jacobian(&mut self, p: &[f64], jac: &mut [f64]) {
        let mut values = std::mem::take(&mut self.scratch);
        values.resize(self.y.len(), 0.0);
        self.both(p, &mut values, jac);
        self.scratch = values;
    }

    fn both(&mut self, p: &[f64], out: &mut [f64], jac: &mut [f64]) {
        (self.model)(p, out, Some(jac), None);
        weigh_residuals(out, self.y, self.weights);
        weigh_jacobian(jac, self.y.len(), self.weights);
    }

    /// The residual r = (f − y)w has ∇²r = w ∇²f: the second derivatives
    /// are weighed like the Jacobian.
    fn all(&mut self, p: &[f64], out: &mut [f64], jac: &mut [f64], hess: &mut [f64]) {
        (self.model)(p, out, Some(jac), Some(hess));
        weigh_residuals(out, self.y, self.weights);
        weigh_jacobian(jac, self.y.len(), self.weights);
        weigh_jacobian(hess, self.y.len(), self.weights);
    }
}
