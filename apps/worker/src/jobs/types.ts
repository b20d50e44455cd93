import type { Job } from 'bull';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';

/** What every job handler gets besides its job. */
export interface JobContext {
  dataSource: DataSource;
  logger: Logger;
}

export type JobHandler<Payload = unknown, Result = unknown> = (job: Job<Payload>, ctx: JobContext) => Promise<Result>;
