import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from './config';

/** Structured logs (JSON lines) in production; readable lines on a terminal. */
export function createLogger(config: Pick<Config, 'logLevel' | 'logFormat'>): Logger {
  const options = {
    level: config.logLevel,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
  };
  if (config.logFormat === 'pretty') {
    return pino(
      options,
      pretty({
        colorize: Boolean(process.stdout.isTTY),
        translateTime: 'SYS:HH:MM:ss',
        ignore: 'pid,hostname',
        sync: true,
      }),
    );
  }
  return pino(options);
}
