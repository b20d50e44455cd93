import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { createDataSource, createMailTransport, deliveriesAtOnce, LocalDiskStorage, parseMailboxKey } from '@crm/db';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { DEFAULT_SCHEDULES, startWorker } from './worker';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);

  const dataSource = createDataSource(config.databaseUrl);
  await dataSource.initialize();

  const worker = await startWorker({
    redisUrl: config.redisUrl,
    dataSource,
    logger,
    concurrency: config.concurrency,
    shutdownGraceMs: config.shutdownGraceMs,
    prefix: config.queuePrefix,
    mail: createMailTransport(config.smtpUrl, config.mailDir, config.smtpPool),
    jobConcurrency: { deliverMail: deliveriesAtOnce(config.smtpPool) },
    engine: { timeZone: config.timeZone, messageDomain: config.mailDomain, mailFrom: config.mailFrom },
    campaigns: { timeZone: config.timeZone, messageDomain: config.mailDomain, publicUrl: config.publicUrl, unsubscribeSecret: config.unsubscribeSecret, tokenTtlDays: config.unsubscribeTtlDays },
    storage: new LocalDiskStorage(config.filesDir),
    mailbox: { key: parseMailboxKey(config.mailboxKey), maxBytes: config.inboundMaxBytes },
    // New mail over IDLE where the server offers it; the poll below stays the fallback and safety net.
    mailIdle: {},
    schedules: DEFAULT_SCHEDULES.map((s) => (s.job === 'scheduleMailSync' ? { ...s, everyMs: config.mailSyncEveryMs } : s)),
  });
  logger.info({ queues: Object.keys(worker.queues) }, 'worker started');

  // Liveness for container healthchecks: the file's age says whether this process still reaches Redis.
  let heartbeat: NodeJS.Timeout | undefined;
  if (config.heartbeatFile) {
    const file = config.heartbeatFile;
    const beat = async () => {
      try {
        await Object.values(worker.queues)[0].client.ping();
        await writeFile(file, new Date().toISOString());
      } catch (err) {
        logger.warn({ err }, 'heartbeat failed');
      }
    };
    void beat();
    heartbeat = setInterval(() => void beat(), 15_000);
  }

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    clearInterval(heartbeat);
    logger.info({ signal }, 'shutting down');
    let code = 0;
    try {
      await worker.close();
    } catch (err) {
      logger.error({ err }, 'error while stopping the queues');
      code = 1;
    }
    try {
      await dataSource.destroy();
    } catch (err) {
      logger.error({ err }, 'error while closing the database');
      code = 1;
    }
    logger.flush?.();
    process.exit(code);
  };
  process.on('SIGTERM', (s) => void stop(s));
  process.on('SIGINT', (s) => void stop(s));
}

main().catch((err) => {
  console.error('worker failed to start:', err);
  process.exit(1);
});
