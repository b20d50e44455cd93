import { BackgroundJob, requestCancel, visibleBackgroundJob, type Viewer } from '@crm/db';
import { jobProgress } from '@crm/shared';
import type { DataSource } from 'typeorm';
import { notFound } from '../../graphql/errors';
import type { BackgroundJobType } from './job.types';

export function toBackgroundJob(job: BackgroundJob): BackgroundJobType {
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    ...jobProgress(job),
    errorCode: job.errorCode,
    errorParams: job.errorParams,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  };
}

/** Any long work, as its creator (or an admin) sees it; cancelling asks it to stop between batches. */
export class BackgroundJobService {
  constructor(private readonly ds: DataSource) {}

  async get(viewer: Viewer, id: string): Promise<BackgroundJobType> {
    const job = await visibleBackgroundJob(this.ds.manager, viewer, id);
    if (!job) throw notFound('Job');
    return toBackgroundJob(job);
  }

  async cancel(viewer: Viewer, id: string): Promise<BackgroundJobType> {
    const job = await requestCancel(this.ds, viewer, id);
    if (!job) throw notFound('Job');
    return toBackgroundJob(job);
  }
}
