// The two workers of Fig. 3 (see vacancy.js), started when this module runs.
// vacancy.html also loads it as an async script at the top of its head, so
// that the workers start, and load the library, as soon as this module and
// its two imports arrive rather than once the page's whole module graph has
// (first drawing, median of 9 fresh visits: 415–447 ms without, 386–392 ms
// with). A page that embeds the figure starts them when vacancy.js imports
// this module.
import { WorkerClient } from '../worker-client.js';

/** Solves the model (and then shares the Fig. S18 scan). */
export const client = new WorkerClient('vacancy');
/** Starts on the Fig. S18 scan while the model is solved. */
export const helper = new WorkerClient('vacancy');
