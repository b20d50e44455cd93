import { RichText, sanitizeSignature, signatureText } from './signature';
import { missingValues, renderMail, scanTemplate } from './template';

const hu = { locale: 'hu', timeZone: 'Europe/Budapest' };

describe('signatures', () => {
  it('keep the editor’s bold, italic, links and line breaks and drop everything else', () => {
    expect(sanitizeSignature('<div><strong>Anna</strong></div><div><em>Sales</em> <a href="mailto:anna@example.com" target="_blank">anna@example.com</a></div>')).toBe(
      '<strong>Anna</strong><br /><em>Sales</em> <a href="mailto:anna@example.com">anna@example.com</a>',
    );
    expect(sanitizeSignature('<span style="x" onmouseover="y">Hi</span><iframe src="https://evil"></iframe><a href="data:text/html,x">x</a>')).toBe('Hi<a>x</a>');
    expect(sanitizeSignature('  <br><p> </p>')).toBeNull();
    // Chrome's contentEditable: the first line bare, each next one in a div; an empty line is <div><br></div>.
    expect(sanitizeSignature('Anna<div><i>Sales</i></div><div><br></div><div>Budapest</div>')).toBe('Anna<br /><i>Sales</i><br /><br />Budapest');
  });

  it('read as text with their links’ addresses', () => {
    expect(signatureText('<b>Anna &amp; Co</b><br /><a href="https://example.com">Web</a><br /><a href="mailto:a@b.hu">a@b.hu</a>')).toBe('Anna & Co\nWeb (https://example.com)\na@b.hu');
  });

  it('render as HTML in the HTML part and as text in the text part of a mail', () => {
    const signature = RichText.fromSignature('<b>Anna</b><br /><a href="https://example.com">Web</a>');
    const context = { client: { name: '<Kft.>' }, sender: { name: 'Anna', signature } };
    const mail = renderMail('Hi', 'Kedves {{client.name}}!\n\n{{sender.signature}}', context, hu);
    expect(mail.html).toContain('<p>Kedves &lt;Kft.&gt;!</p>');
    expect(mail.html).toContain('<p><b>Anna</b><br /><a href="https://example.com">Web</a></p>');
    expect(mail.text).toBe('Kedves <Kft.>!\n\nAnna\nWeb (https://example.com)');
    expect(missingValues(scanTemplate('{{sender.signature}}'), context)).toEqual([]);
    expect(missingValues(scanTemplate('{{sender.signature}}'), { sender: { signature: RichText.fromSignature(null) } })).toEqual(['sender.signature']);
  });
});
