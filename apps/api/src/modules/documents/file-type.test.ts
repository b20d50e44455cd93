import { sniffType } from './file-type';

describe('file type sniffing', () => {
  it('recognises files by their bytes, not their names', () => {
    expect(sniffType(Buffer.from('%PDF-1.7\n...'), 'offer.pdf')).toBe('application/pdf');
    expect(sniffType(Buffer.from('%PDF-1.7\n...'), 'renamed.txt')).toBe('application/pdf');
    expect(sniffType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'logo.png')).toBe('image/png');
    expect(sniffType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1]), 'contract.docx')).toContain('wordprocessingml');
    expect(sniffType(Buffer.from('név;email\nÉva;eva@example.hu\n'), 'export.csv')).toBe('text/csv');
  });

  it('refuses executables, scripts and files that pretend', () => {
    expect(sniffType(Buffer.from('MZ\x90\x00'), 'setup.exe')).toBeNull();
    expect(sniffType(Buffer.from('<svg onload="alert(1)">'), 'image.svg')).toBeNull();
    expect(sniffType(Buffer.from('<html><script>'), 'page.html')).toBeNull();
    expect(sniffType(Buffer.from('MZ\x90\x00'), 'invoice.pdf')).toBeNull();
    expect(sniffType(Buffer.from([0x50, 0x4b, 0x03, 0x04]), 'app.apk')).toBeNull();
  });
});
