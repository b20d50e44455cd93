import { formatPhone, phoneHref } from './phone';

describe('formatPhone', () => {
  it('shows the organisation country’s numbers nationally and others internationally', () => {
    expect(formatPhone('+48601234567', 'PL')).toBe('601 234 567');
    expect(formatPhone('601234567', 'PL')).toBe('601 234 567');
    expect(formatPhone('+421903123456', 'PL')).toBe('+421 903 123 456');
    expect(formatPhone('0903123456', 'SK')).toBe('0903 123 456');
    expect(formatPhone('+36201234567', 'HU')).toBe('06 20 123 4567');
    expect(formatPhone('+36201234567', 'SK')).toBe('+36 20 123 4567');
    expect(formatPhone('call me', 'HU')).toBe('call me');
    // Possible but not a valid Hungarian number (a Polish one without +48): kept as typed.
    expect(formatPhone('16-372-50-46', 'HU')).toBe('16-372-50-46');
    expect(phoneHref('601 234 567', 'PL')).toBe('tel:+48601234567');
  });
});
