// The two workers of Fig. 3 (see vacancy.js). vacancy.html also loads this
// module as an async script at the top of its head, so that a worker needed
// at once starts, and loads the library, as soon as this module and its two
// imports arrive rather than once the page's whole module graph has.
//
// Which start at once: at the paper's values the page draws its first
// figure from the restart (vacancy.js), without a worker, and a worker
// starting meanwhile only takes the two cores' time from that drawing; the
// workers then start with the Fig. S18 scan, after it. A link with a state
// in its fragment needs a cold solution as soon as possible: its model
// worker starts now. The helper only ever works on the scan, after the
// model, so it always waits for its first call (the first drawing of a
// cold solution came 30 ms sooner without it competing).
import { WorkerClient } from '../worker-client.js';

const stateInLink = location.hash.length > 1;

/** Solves the model (and then shares the Fig. S18 scan). */
export const client = new WorkerClient('vacancy', { lazy: !stateInLink });
/** Shares the Fig. S18 scan once the model is solved. */
export const helper = new WorkerClient('vacancy', { lazy: true });
