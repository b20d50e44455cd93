// A loopback SMTP server that accepts every message, in a process of its own (as a real mail
// server is never in the worker's process), so the benchmark can tell the sender's CPU time from
// the server's. Started by `startSinkProcess`; answers { port }, and { received, cpuMs } when told to stop.
import { fork } from 'node:child_process';
import { SMTPServer } from 'smtp-server';

export interface SinkProcess {
  port: number;
  /** Stops the server; how many messages it received and the CPU time it used. */
  stop(): Promise<{ received: number; cpuMs: number }>;
}

export async function startSinkProcess(): Promise<SinkProcess> {
  const child = fork(__filename, ['--sink'], { stdio: 'inherit' });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('error', reject);
  });
  return {
    port,
    stop: () =>
      new Promise((resolve) => {
        child.once('message', (m: { received: number; cpuMs: number }) => resolve(m));
        child.send('stop');
      }),
  };
}

if (process.argv.includes('--sink')) {
  let received = 0;
  const cpu = process.cpuUsage();
  const sink = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], logger: false, onData(stream, _s, cb) { stream.on('end', () => { received++; cb(); }); stream.resume(); } });
  sink.listen(0, '127.0.0.1', () => process.send!({ port: (sink.server.address() as { port: number }).port }));
  process.on('message', () => {
    const { user, system } = process.cpuUsage(cpu);
    process.send!({ received, cpuMs: (user + system) / 1000 }, () => sink.close(() => process.exit(0)));
  });
}
