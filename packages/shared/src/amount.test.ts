import { formatAmount, parseAmount } from './amount';

const ok = (text: string, locale = 'hu') => {
  const r = parseAmount(text, locale);
  if (!r.ok) throw new Error(`${text}: ${r.code}`);
  return r.value;
};
const code = (text: string, locale = 'hu') => {
  const r = parseAmount(text, locale);
  return r.ok ? `ok:${r.value}` : r.code;
};

describe('parseAmount', () => {
  it('reads amounts as Hungarians, Poles and Slovaks write them', () => {
    expect(ok('1 250 000')).toBe('1250000');
    expect(ok('1\u00a0250\u00a0000,50')).toBe('1250000.50');
    expect(ok('1\u202f250,5', 'pl')).toBe('1250.5');
    expect(ok('1.250.000')).toBe('1250000');
    expect(ok('1.250.000,50', 'sk')).toBe('1250000.50');
    expect(ok('1250000,50')).toBe('1250000.50');
    expect(ok('1.250', 'hu')).toBe('1250');
    expect(ok('12,5')).toBe('12.5');
    expect(ok('0,25')).toBe('0.25');
  });

  it('never changes the value: 1250000,50 is not 1,250,001', () => {
    expect(ok('1250000,50')).not.toBe('1250001');
    expect(code('1250000,505')).toBe('AMOUNT_TOO_PRECISE');
    expect(ok('10,50')).toBe('10.50');
    expect(code('10,500')).toBe('AMOUNT_AMBIGUOUS');
  });

  it('reads English grouping and decimals', () => {
    expect(ok('1,250,000.50', 'en')).toBe('1250000.50');
    expect(ok('1,250', 'en')).toBe('1250');
    expect(ok('1250.5', 'en')).toBe('1250.5');
    expect(ok('1250000.50', 'hu')).toBe('1250000.50');
  });

  it('refuses what two readings would give different values', () => {
    expect(code('1,250', 'hu')).toBe('AMOUNT_AMBIGUOUS');
    expect(code('1.250', 'en')).toBe('AMOUNT_AMBIGUOUS');
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '1,2,3', '12 34', '1.25.000', '1..2', '1,250.000,5', '--5', '5 Ft']) expect(code(bad)).toBe('AMOUNT_INVALID');
    expect(code('1234567890123')).toBe('AMOUNT_TOO_LARGE');
  });

  it('keeps the sign', () => {
    expect(ok('-1 000')).toBe('-1000');
    expect(ok('+5')).toBe('5');
  });
});

describe('formatAmount', () => {
  it('shows HUF without decimals, others with two, in the locale', () => {
    expect(formatAmount('1250000', 'HUF', 'hu')).toBe('1\u00a0250\u00a0000\u00a0Ft');
    expect(formatAmount('1234.5', 'PLN', 'pl')).toBe('1234,50\u00a0zł');
    expect(formatAmount('1234.5', 'EUR', 'sk')).toBe('1\u00a0234,50\u00a0€');
    expect(formatAmount('10.25', 'HUF', 'hu')).toBe('10,25\u00a0Ft');
  });
  it('keeps fillér as two digits, and writes CZK and each language its own way', () => {
    expect(formatAmount(1250000.5, 'HUF', 'hu')).toBe('1\u00a0250\u00a0000,50\u00a0Ft');
    expect(formatAmount('12345.5', 'PLN', 'pl')).toBe('12\u00a0345,50\u00a0zł');
    expect(formatAmount('1234.5', 'CZK', 'sk')).toBe('1\u00a0234,50\u00a0CZK');
    expect(formatAmount('1234.5', 'EUR', 'en')).toBe('€1,234.50');
  });
});
