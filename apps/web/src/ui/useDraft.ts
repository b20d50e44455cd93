import { useState, type Dispatch, type SetStateAction } from 'react';

/**
 * A form's draft of `initial`, replaced by the new `initial` within the render that brings it (the
 * server's values on load and after a save). Set in an effect instead, the form would first be drawn
 * with the old draft for one frame (a test under load caught an empty form there).
 */
export function useDraft<T>(initial: T): [T, Dispatch<SetStateAction<T>>] {
  const [draft, setDraft] = useState(initial);
  const [loaded, setLoaded] = useState(initial);
  if (loaded !== initial) {
    setLoaded(initial);
    setDraft(initial);
  }
  return [draft, setDraft];
}
