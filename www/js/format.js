// Number formatting for readouts: a value with its standard error, rounded as
// a physicist writes it (two significant digits of the error).

/** "0.1290 ± 0.0007" — or the value to four significant digits without an error. */
export function withError(value, error) {
  if (!Number.isFinite(value)) return String(value);
  if (!Number.isFinite(error) || error <= 0) return fixed(value);
  const digits = Math.max(0, 1 - Math.floor(Math.log10(error)));
  if (digits > 12) return `${value.toPrecision(4)} ± ${error.toPrecision(2)}`;
  return `${value.toFixed(digits)} ± ${error.toFixed(digits)}`;
}

/** Four significant digits, without exponent for everyday magnitudes. */
export function fixed(value) {
  if (!Number.isFinite(value)) return String(value);
  const a = Math.abs(value);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return value.toExponential(3);
  return Number(value.toPrecision(4)).toString();
}
