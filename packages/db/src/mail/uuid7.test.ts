import { uuid7 } from './uuid7';

describe('uuid7', () => {
  it('makes valid version 7 ids that sort in the order they were made, also within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => uuid7(1_800_000_000_000 + Math.floor(i / 1000)));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps its order when the clock steps back', () => {
    const a = uuid7(1_900_000_000_000);
    const b = uuid7(1_899_999_999_000);
    expect(b > a).toBe(true);
  });
});
