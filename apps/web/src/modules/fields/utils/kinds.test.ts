import { cleanChoices, hasChoices, includesChoice, moveItem } from './kinds';

describe('custom field kinds', () => {
  it('only SELECT and MULTI_SELECT have choices', () => {
    expect(hasChoices('SELECT')).toBe(true);
    expect(hasChoices('MULTI_SELECT')).toBe(true);
    expect(hasChoices('TEXT')).toBe(false);
    expect(hasChoices('USER')).toBe(false);
  });

  it('cleans choices and reports an empty or duplicated list', () => {
    expect(cleanChoices([' Hot ', '', 'Cold'])).toEqual({ choices: ['Hot', 'Cold'] });
    expect(cleanChoices(['  ', ''])).toEqual({ choices: [], problem: 'empty' });
    expect(cleanChoices(['Hot', 'hot '])).toEqual({ choices: ['Hot', 'hot'], problem: 'duplicate' });
  });

  it('finds a choice ignoring case and spaces', () => {
    expect(includesChoice(['Hot', 'Cold'], ' cold')).toBe(true);
    expect(includesChoice(['Hot'], 'Warm')).toBe(false);
  });

  it('moves an item one place and stays put at the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
