import pino, { type Logger, type LevelWithSilent } from 'pino';

/** JSON logs on stdout. */
export function createLogger(level: LevelWithSilent = 'info'): Logger {
  return pino({ level, base: { service: 'worker', pid: process.pid } });
}
