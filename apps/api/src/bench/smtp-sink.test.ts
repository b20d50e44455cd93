import { createMailTransport, DEFAULT_SMTP_POOL } from '@crm/db';
import { createConnection, createServer, type AddressInfo, type Server } from 'node:net';
import { smtpSession } from './smtp-sink';

/** The benchmark's lean SMTP sink, in this process: what it accepted, and its address. */
async function startSink() {
  const received: string[] = [];
  const server: Server = createServer((socket) => smtpSession(socket, (content) => received.push(content.toString('utf8'))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Writes `lines` in one write once the greeting has come, and answers every reply line received until `replies` have come. */
async function converse(port: number, lines: string[], replies: number): Promise<string[]> {
  const socket = createConnection(port, '127.0.0.1');
  let text = '';
  let greeted = false;
  try {
    return await new Promise<string[]>((resolve, reject) => {
      socket.on('error', reject);
      socket.on('data', (chunk) => {
        text += chunk.toString('latin1');
        if (!greeted && text.includes('\r\n')) {
          greeted = true;
          text = text.slice(text.indexOf('\r\n') + 2);
          socket.write(lines.map((l) => `${l}\r\n`).join(''));
        }
        const got = text.split('\r\n').filter(Boolean);
        if (greeted && got.length >= replies) resolve(got);
      });
    });
  } finally {
    socket.destroy();
  }
}

describe('the benchmark SMTP sink', () => {
  it('takes pipelined mail from the pooled transport whole, a line with a single dot included', async () => {
    const sink = await startSink();
    const transport = createMailTransport(`smtp://127.0.0.1:${sink.port}`, '/nonexistent', { ...DEFAULT_SMTP_POOL, maxMessages: 2 });
    try {
      const sent = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          transport.send({ from: 'anna@crm.test', to: [`r${i}@d${i}.test`], subject: `Offer ${i}`, html: `<p>${i}</p>`, text: `Line one\n.\nLast line ${i}`, messageId: `<m${i}@crm.test>` }),
        ),
      );
      expect(sent.every((answer) => answer.startsWith('250'))).toBe(true);
      expect(sink.received).toHaveLength(5);
      for (let i = 0; i < 5; i++) {
        const message = sink.received.find((m) => m.includes(`Message-ID: <m${i}@crm.test>`))!;
        // The dot line arrives stuffed (as SMTP sends it), the message ends with its last part.
        expect(message).toContain('Line one\r\n..\r\nLast line');
        expect(message.trimEnd().endsWith('--')).toBe(true);
      }
    } finally {
      transport.close();
      await sink.close();
    }
  });

  it('answers commands out of order or malformed with an error, and a later message still arrives', async () => {
    const sink = await startSink();
    try {
      const replies = await converse(
        sink.port,
        ['EHLO client', 'RCPT TO:<a@b.test>', 'DATA', 'MAIL FROM:nobody', 'MAIL FROM:<anna@crm.test>', 'RCPT TO:<no-domain>', 'RCPT TO:<a@b.test>', 'DATA', 'Subject: x', '', 'body', '.', 'QUIT'],
        // EHLO's four lines, then one reply per command (the content's end line is answered).
        4 + 9,
      );
      expect(replies.slice(4).map((r) => r.slice(0, 3))).toEqual(['503', '503', '501', '250', '501', '250', '354', '250', '221']);
      expect(sink.received).toEqual(['Subject: x\r\n\r\nbody\r\n']);
    } finally {
      await sink.close();
    }
  });
});
