import pino from 'pino';

export type Logger = pino.Logger;

/** JSON logs (one line per event); LOG_LEVEL=silent in tests. */
export function createLogger(level: string, name = 'api'): Logger {
  return pino({ name, level, base: { service: name }, timestamp: pino.stdTimeFunctions.isoTime });
}
