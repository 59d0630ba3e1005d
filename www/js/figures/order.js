// Controls whose values must keep an order (T_BKT below T_c0, the lowest
// temperature below the highest): moving one past the other pushes the other
// along, so that a reader dragging a slider sees a figure, not an error.
// A state given whole (a link, an element's attributes) is not changed: one
// out of order still gets the figure's message.

/**
 * The `linked` values that keep state[low] < state[high] once control `name`
 * takes `value` (the page snaps them to the other slider's step and range).
 * @returns {object|null}
 */
export function keepOrder(name, value, state, [low, high], gap) {
  if (name === high && !(state[low] < value)) return { [low]: value - gap };
  if (name === low && !(value < state[high])) return { [high]: value + gap };
  return null;
}

/** Throws `message` unless state[low] < state[high]. */
export function checkOrder(state, [low, high], message) {
  if (!(state[low] < state[high])) throw new Error(message);
}
