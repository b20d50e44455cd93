import { linksOf, withTracking } from './tracking';
import { verifyRecipientToken, verifyUnsubscribeToken } from './token';

const O = { publicUrl: 'https://crm.example/', unsubscribeSecret: 'secret-of-enough-length' };
const R = '11111111-2222-4333-8444-555555555555';

describe('tracked links', () => {
  const html = '<html><body><p>See https://shop.example/a?x=1&amp;y=2. Or <a href="https://docs.example/b">the docs</a>, mailto:me@x.test.</p>\n</body></html>';

  it('finds the addresses linked and written out, decoded, without trailing punctuation', () => {
    expect(linksOf(html)).toEqual(['https://shop.example/a?x=1&y=2', 'https://docs.example/b']);
  });

  it('sends each through its signed tracked address and adds the pixel; tokens serve one purpose only', () => {
    const ids = new Map([['https://shop.example/a?x=1&y=2', 'aaaaaaaa-0000-4000-8000-000000000001'], ['https://docs.example/b', 'aaaaaaaa-0000-4000-8000-000000000002']]);
    const out = withTracking(html, ids, O, R);
    const clicks = [...out.matchAll(/href="https:\/\/crm\.example\/t\/c\/([0-9a-f-]+)\/([^"]+)"/g)];
    expect(clicks.map((m) => m[1])).toEqual(['aaaaaaaa-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000002']);
    // The address written out stays readable as the link's text.
    expect(out).toContain('>https://shop.example/a?x=1&amp;y=2</a>. Or');
    expect(out).toContain('>the docs</a>');
    const [, linkId, token] = clicks[0];
    expect(verifyRecipientToken(O.unsubscribeSecret, token, `click:${linkId}`)).toEqual({ ok: true, recipientId: R });
    expect(verifyRecipientToken(O.unsubscribeSecret, token, 'click:aaaaaaaa-0000-4000-8000-000000000002').ok).toBe(false);
    expect(verifyUnsubscribeToken(O.unsubscribeSecret, token).ok).toBe(false);
    const pixel = /<img src="https:\/\/crm\.example\/t\/o\/([^"]+)" width="1" height="1"/.exec(out)!;
    expect(verifyRecipientToken(O.unsubscribeSecret, pixel[1], 'open')).toEqual({ ok: true, recipientId: R });
    expect(out.indexOf(pixel[0])).toBeLessThan(out.indexOf('</body>'));
  });
});
