//! The last few results of a computation, by the inputs that made them: a
//! page recomputes its figure whenever any control moves, and most of what
//! it shows did not change with that control.

use std::cell::RefCell;
use std::rc::Rc;
use std::thread::LocalKey;

/// Results kept in a thread-local list, the most recently used last.
pub(crate) type Memo<K, V> = RefCell<Vec<(K, Rc<V>)>>;

/// The result for `key` from `memo`, or `compute()`d and kept (the least
/// recently used of more than `capacity` entries is dropped).
pub(crate) fn remember<K: PartialEq + 'static, V: 'static, E>(
    memo: &'static LocalKey<Memo<K, V>>,
    capacity: usize,
    key: K,
    compute: impl FnOnce() -> Result<V, E>,
) -> Result<Rc<V>, E> {
    if let Some(v) = recall(memo, &key) {
        return Ok(v);
    }
    let v = Rc::new(compute()?);
    keep(memo, capacity, key, Rc::clone(&v));
    Ok(v)
}

/// The kept result for `key`, now the most recently used.
pub(crate) fn recall<K: PartialEq + 'static, V: 'static>(
    memo: &'static LocalKey<Memo<K, V>>,
    key: &K,
) -> Option<Rc<V>> {
    memo.with(|m| {
        let mut m = m.borrow_mut();
        let i = m.iter().position(|e| &e.0 == key)?;
        let entry = m.remove(i);
        let v = Rc::clone(&entry.1);
        m.push(entry);
        Some(v)
    })
}

/// Keeps `value` for `key`, dropping the least recently used beyond `capacity`.
pub(crate) fn keep<K: 'static, V: 'static>(
    memo: &'static LocalKey<Memo<K, V>>,
    capacity: usize,
    key: K,
    value: Rc<V>,
) {
    memo.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= capacity.max(1) {
            m.remove(0);
        }
        m.push((key, value));
    });
}
