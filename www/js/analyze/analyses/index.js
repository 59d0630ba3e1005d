// The analyses of analyze.html, in the order of the paper's figures they
// mirror. Each module declares its columns (roles: a quantity the reader
// finds by name, and the unit the library wants), how the file's rows are
// split, its options, and its readouts and exports; the page does the rest.
import * as hall from './hall.js';
import * as hc2Angle from './hc2-angle.js';
import * as rt from './rt.js';
import * as iv from './iv.js';
import * as loop from './loop.js';
import * as zfcFc from './zfc-fc.js';
import * as hc2Temperature from './hc2-temperature.js';

export const ANALYSES = Object.fromEntries([rt, hall, hc2Angle, iv, loop, hc2Temperature, zfcFc].map((m) => [m.id, m]));
