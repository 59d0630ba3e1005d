// The page state in the URL fragment, with a format version, so that a copied
// link reproduces the figure and its readouts exactly:
//   #v=1&h-perp=0.129&h-par=2.67&noise=2
// An old or malformed fragment falls back to the defaults with a visible note.
import { kebab } from './dom.js';
import { parseValue, formatValue } from './controls.js';

export const STATE_VERSION = '1';

/**
 * Reads control values from `entries` (URLSearchParams or [name, text] pairs
 * keyed by kebab-case names). Returns { state, notes } with only the valid
 * values in `state`; `keys` beyond the controls (e.g. 'figure') are ignored.
 */
export function decodeState(specs, entries, { ignore = [] } = {}) {
  const byName = new Map(specs.map((c) => [kebab(c.name), c]));
  const state = {};
  const notes = [];
  for (const [key, text] of entries) {
    if (key === 'v' || ignore.includes(key)) continue;
    const c = byName.get(key);
    if (!c) { notes.push(`ignored the unknown setting "${key}"`); continue; }
    const r = parseValue(c, text);
    if ('error' in r) notes.push(`${r.error}; using ${formatValue(c, c.paper)}`);
    else state[c.name] = r.value;
  }
  return { state, notes };
}

/** Reads the page's fragment: { state, notes } (see decodeState). */
export function readFragment(specs, hash = location.hash, options = {}) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const ignore = options.ignore ?? [];
  if ([...params.keys()].every((k) => ignore.includes(k))) return { state: {}, notes: [] };
  const v = params.get('v');
  if (v !== STATE_VERSION) {
    return {
      state: {},
      notes: [`this link was made for page state version ${v ?? '(none)'}, not ${STATE_VERSION}: showing the paper's values`],
    };
  }
  return decodeState(specs, params, options);
}

/** The fragment (without '#') for `state`, every control included. */
export function encodeState(specs, state, extra = {}) {
  const params = new URLSearchParams({ ...extra, v: STATE_VERSION });
  for (const c of specs) params.set(kebab(c.name), formatValue(c, state[c.name]));
  return params.toString();
}
