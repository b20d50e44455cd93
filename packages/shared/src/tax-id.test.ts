import { checkTaxId, formatTaxId } from './tax-id';

describe('tax numbers of Hungary, Poland, Slovakia and Czechia', () => {
  it('accepts valid check digits in every usual form, and writes them the usual way', () => {
    expect(checkTaxId('10773381-2-44')).toEqual({ ok: true, country: 'HU', vat: false, normalized: '10773381244', formatted: '10773381-2-44' });
    expect(checkTaxId('hu 10773381')).toEqual({ ok: true, country: 'HU', vat: true, normalized: 'HU10773381', formatted: 'HU10773381' });
    expect(checkTaxId('526-104-08-28')).toEqual({ ok: true, country: 'PL', vat: false, normalized: '5261040828', formatted: '526-104-08-28' });
    expect(checkTaxId('PL 5261040828')).toMatchObject({ ok: true, country: 'PL', vat: true, normalized: 'PL5261040828' });
    expect(checkTaxId('SK2020317068')).toMatchObject({ ok: true, country: 'SK', vat: true, normalized: 'SK2020317068' });
    expect(checkTaxId('2020317068', 'SK')).toMatchObject({ ok: true, country: 'SK', vat: false });
    expect(checkTaxId('CZ45274649')).toMatchObject({ ok: true, country: 'CZ', normalized: 'CZ45274649' });
    expect(checkTaxId('CZ7103192745')).toMatchObject({ ok: true, country: 'CZ' });
  });

  it('refuses wrong check digits with a code per country', () => {
    expect(checkTaxId('10773382-2-44')).toEqual({ ok: false, code: 'TAX_ID_CHECKSUM', params: { country: 'HU' } });
    expect(checkTaxId('10773381-7-44')).toEqual({ ok: false, code: 'TAX_ID_CHECKSUM', params: { country: 'HU' } });
    expect(checkTaxId('PL5261040829')).toEqual({ ok: false, code: 'TAX_ID_CHECKSUM', params: { country: 'PL' } });
    expect(checkTaxId('SK2020317069')).toEqual({ ok: false, code: 'TAX_ID_CHECKSUM', params: { country: 'SK' } });
    expect(checkTaxId('CZ45274648')).toEqual({ ok: false, code: 'TAX_ID_CHECKSUM', params: { country: 'CZ' } });
    expect(checkTaxId('1234567890')).toMatchObject({ ok: false, code: 'TAX_ID_CHECKSUM' });
  });

  it('says what is wrong with the form or the country', () => {
    expect(checkTaxId('PL123')).toEqual({ ok: false, code: 'TAX_ID_FORMAT', params: { country: 'PL' } });
    expect(checkTaxId('DE123456789')).toEqual({ ok: false, code: 'TAX_ID_COUNTRY', params: { country: 'DE' } });
    expect(checkTaxId('abc')).toMatchObject({ ok: false, code: 'TAX_ID_FORMAT' });
    expect(checkTaxId('123')).toMatchObject({ ok: false, code: 'TAX_ID_FORMAT' });
  });

  it('writes a valid number in its usual form and leaves anything else as typed', () => {
    expect(formatTaxId('5261040828')).toBe('526-104-08-28');
    expect(formatTaxId('10773381244')).toBe('10773381-2-44');
    expect(formatTaxId('12345678-2-13')).toBe('12345678-2-13');
  });
});
