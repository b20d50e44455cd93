// A loopback SMTP server that accepts every message, in a process of its own (as a real mail
// server is never in the worker's process), so the benchmark can tell the sender's CPU time from
// the server's. Started by `startSinkProcess`; answers { port }, and { received, cpuMs } when told to stop.
//
// It stands in for a remote server and is deliberately lean (smtp-server cost about 0.3 ms of CPU
// a message here, much of it one socket write per reply): real SMTP over TCP, EHLO with
// PIPELINING, each command checked (its syntax and its order: MAIL, then RCPT, then DATA), the
// content read to the line with the single dot, and the replies to the commands that came in one
// read written back in one write. It keeps nothing and offers neither TLS nor AUTH.
import { fork } from 'node:child_process';
import { createServer, type Socket } from 'node:net';

export interface SinkProcess {
  port: number;
  /** How many messages it has received so far and the CPU time it has used. */
  usage(): Promise<{ received: number; cpuMs: number }>;
  /** Stops the server; how many messages it received and the CPU time it used. */
  stop(): Promise<{ received: number; cpuMs: number }>;
}

export async function startSinkProcess(): Promise<SinkProcess> {
  const child = fork(__filename, ['--sink'], { stdio: 'inherit' });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('error', reject);
  });
  const ask = (what: 'usage' | 'stop') =>
    new Promise<{ received: number; cpuMs: number }>((resolve) => {
      child.once('message', (m: { received: number; cpuMs: number }) => resolve(m));
      child.send(what);
    });
  return { port, usage: () => ask('usage'), stop: () => ask('stop') };
}

const END_OF_DATA = Buffer.from('\r\n.\r\n');
const DOT_LINE = Buffer.from('.\r\n');

/** Where a message's content (from its start) ends, after the line with the single dot; -1 until that has come. */
function contentEnd(content: Buffer): number {
  if (content.subarray(0, DOT_LINE.length).equals(DOT_LINE)) return DOT_LINE.length;
  const i = content.indexOf(END_OF_DATA);
  return i < 0 ? -1 : i + END_OF_DATA.length;
}

/** One SMTP session; `onMessage` is handed each message accepted (its content as sent, up to the end line). */
export function smtpSession(socket: Socket, onMessage: (content: Buffer) => void) {
  let buffer: Buffer = Buffer.alloc(0);
  let from: string | null = null;
  let recipients = 0;
  // Reading a message's content (the buffer then starts where the content does).
  let inData = false;
  socket.write('220 sink ESMTP\r\n');
  socket.on('data', (chunk: Buffer) => {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    const replies: string[] = [];
    let quit = false;
    for (;;) {
      if (inData) {
        const end = contentEnd(buffer);
        if (end < 0) break;
        const content = buffer.subarray(0, end - DOT_LINE.length);
        buffer = buffer.subarray(end);
        inData = false;
        from = null;
        recipients = 0;
        onMessage(content);
        replies.push('250 2.0.0 Ok: queued');
        continue;
      }
      const eol = buffer.indexOf('\r\n');
      if (eol < 0) break;
      const line = buffer.subarray(0, eol).toString('latin1');
      buffer = buffer.subarray(eol + 2);
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'EHLO') replies.push('250-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SMTPUTF8');
      else if (verb === 'HELO') replies.push('250 sink');
      else if (verb === 'MAIL') {
        const m = /^MAIL FROM:\s*<([^<>\s]*)>/i.exec(line);
        if (!m) replies.push('501 5.5.4 Syntax: MAIL FROM:<address>');
        else if (from !== null) replies.push('503 5.5.1 Nested MAIL command');
        else {
          from = m[1];
          replies.push('250 2.1.0 Ok');
        }
      } else if (verb === 'RCPT') {
        if (from === null) replies.push('503 5.5.1 MAIL first');
        else if (!/^RCPT TO:\s*<[^<>\s@]+@[^<>\s@]+>/i.test(line)) replies.push('501 5.1.3 Syntax: RCPT TO:<address>');
        else {
          recipients++;
          replies.push('250 2.1.5 Ok');
        }
      } else if (verb === 'DATA') {
        if (!recipients) replies.push('503 5.5.1 RCPT first');
        else {
          inData = true;
          replies.push('354 End data with <CR><LF>.<CR><LF>');
        }
      } else if (verb === 'RSET') {
        from = null;
        recipients = 0;
        replies.push('250 2.0.0 Ok');
      } else if (verb === 'NOOP') replies.push('250 2.0.0 Ok');
      else if (verb === 'QUIT') {
        replies.push('221 2.0.0 Bye');
        quit = true;
        break;
      } else replies.push('502 5.5.2 Command not recognized');
    }
    if (replies.length) socket.write(replies.join('\r\n') + '\r\n');
    if (quit) socket.end();
  });
  socket.on('error', () => socket.destroy());
}

if (process.argv.includes('--sink')) {
  let received = 0;
  const cpu = process.cpuUsage();
  const sink = createServer((socket) => {
    socket.setNoDelay(true);
    smtpSession(socket, () => received++);
  });
  sink.listen(0, '127.0.0.1', () => process.send!({ port: (sink.address() as { port: number }).port }));
  process.on('message', (m) => {
    const { user, system } = process.cpuUsage(cpu);
    process.send!({ received, cpuMs: (user + system) / 1000 }, () => {
      if (m === 'usage') return;
      sink.close();
      process.exit(0);
    });
  });
}
