import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useDebouncedValue } from './useDebouncedValue';

/**
 * How a page's state lives in the URL's search parameters: `read` turns the parameters into the state
 * (defaults for what is absent or malformed), `write` gives each of the page's parameters its value
 * (undefined: leave it out). Parameters the codec does not name are kept.
 */
export interface UrlCodec<T> {
  keys: readonly string[];
  read(params: URLSearchParams): T;
  write(state: T): Record<string, string | undefined>;
}

/** Applies a state to a copy of the parameters, keeping the ones the codec does not own. */
export function writeParams<T>(codec: UrlCodec<T>, params: URLSearchParams, state: T): URLSearchParams {
  const next = new URLSearchParams(params);
  const values = codec.write(state);
  for (const key of codec.keys) {
    const value = values[key];
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, value);
  }
  return next;
}

/**
 * A list page's state (filters, sort, columns, page) kept in the URL, so Back, reload and a shared
 * link bring the same list. Changes replace the history entry: Back leaves the list rather than
 * stepping through every filter click.
 */
export function useUrlState<T>(codec: UrlCodec<T>) {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const state = useMemo(() => codec.read(new URLSearchParams(search)), [search]);
  const update = useCallback(
    (patch: Partial<T> | ((current: T) => Partial<T>)) =>
      setParams(
        (current) => {
          const now = codec.read(current);
          return writeParams(codec, current, { ...now, ...(typeof patch === 'function' ? patch(now) : patch) });
        },
        { replace: true },
      ),
    [codec, setParams],
  );
  return [state, update, params] as const;
}

/**
 * A free-text box backed by a URL value: typing shows at once, the URL (and so the query) follows once
 * typing pauses; a URL change from elsewhere (Back, a saved view) shows in the box.
 */
export function useUrlText(value: string, commit: (text: string) => void, delay = 300) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // The URL changed under the box (Back, a view): show what it says now.
    setShown(value);
    if (text.trim() !== value) setText(value);
  }
  const settled = useDebouncedValue(text.trim(), delay);
  useEffect(() => {
    if (settled !== value) commit(settled);
    // Only when the typed text settles, not when the URL changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);
  return [text, setText] as const;
}

/** A positive page number from the URL (1 when absent or malformed). */
export function readPage(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page > 1 ? page : 1;
}

/** A JSON object from the URL, or the fallback when absent or malformed. */
export function readJson<T>(params: URLSearchParams, key: string, fallback: T): T {
  const raw = params.get(key);
  if (!raw) return fallback;
  try {
    const value = JSON.parse(raw) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as T) : fallback;
  } catch {
    return fallback;
  }
}
