import { keyboardMove, PLACEHOLDER, placeholderOrder, SEQUENCE, SEQUENCE_END } from './sequenceKeyboard';

describe('keyboardMove', () => {
  it('brings a palette item in at the end, then moves it up and back out', () => {
    const entered = keyboardMove(['a', 'b'], 'palette:TODO_FOR_USER', 'left');
    expect(entered).toEqual({ order: ['a', 'b', PLACEHOLDER], target: SEQUENCE_END });
    const up = keyboardMove(entered!.order, 'palette:TODO_FOR_USER', 'up');
    expect(up).toEqual({ order: ['a', PLACEHOLDER, 'b'], target: 'b' });
    expect(keyboardMove(up!.order, 'palette:TODO_FOR_USER', 'right')?.order).toEqual(['a', 'b']);
    expect(keyboardMove([PLACEHOLDER, 'a'], 'palette:TODO_FOR_USER', 'up')).toBeNull();
  });

  it('moves a step one place and stops at the ends', () => {
    expect(keyboardMove(['a', 'b', 'c'], 'a', 'down')).toEqual({ order: ['b', 'a', 'c'], target: 'b' });
    expect(keyboardMove(['a', 'b', 'c'], 'a', 'up')).toBeNull();
    expect(keyboardMove(['a', 'b', 'c'], 'b', 'right')).toBeNull();
  });
});

describe('placeholderOrder', () => {
  it('goes before the step it is over, or after it when below the middle', () => {
    expect(placeholderOrder(['a', 'b'], 'b', false)).toEqual(['a', PLACEHOLDER, 'b']);
    expect(placeholderOrder(['a', PLACEHOLDER, 'b'], 'b', true)).toEqual(['a', 'b', PLACEHOLDER]);
    expect(placeholderOrder(['a', 'b'], SEQUENCE_END, false)).toEqual(['a', 'b', PLACEHOLDER]);
    expect(placeholderOrder(['a', PLACEHOLDER, 'b'], SEQUENCE, false)).toEqual(['a', PLACEHOLDER, 'b']);
  });
});
