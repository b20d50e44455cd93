import { DataSource, LessThan } from 'typeorm';
import { Session } from '../entities';

/** Deletes sessions whose time ran out; returns how many. */
export async function purgeExpiredSessions(ds: DataSource, now: Date = new Date()): Promise<number> {
  const result = await ds.getRepository(Session).delete({ expiresAt: LessThan(now) });
  return result.affected ?? 0;
}
