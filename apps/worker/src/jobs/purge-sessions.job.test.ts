import { createHash, randomBytes } from 'node:crypto';
import { Session, User } from '@crm/db';
import { createTestDatabase, type TestDatabase } from '@crm/db/testing';
import { JOBS, Role } from '@crm/shared';
import { enqueue } from '@crm/db';
import { startWorker, type Worker } from '../worker';
import { deletePrefix, silentLogger, testRedisUrl, uniquePrefix } from '../test/helpers';

const redisUrl = testRedisUrl();
const prefix = uniquePrefix('purge');
let db: TestDatabase;
let worker: Worker;

beforeAll(async () => {
  db = await createTestDatabase();
  // The real handlers (purge included), but no hourly schedule: the test enqueues the job itself.
  worker = await startWorker({ redisUrl, dataSource: db.dataSource, logger: silentLogger, prefix, schedules: [] });
});

afterAll(async () => {
  await worker?.close();
  await db?.drop();
  await deletePrefix(redisUrl, prefix);
});

function tokenHash(): string {
  return createHash('sha256').update(randomBytes(32)).digest('hex');
}

test('the purge job deletes expired sessions and keeps live ones', async () => {
  const user = await db.dataSource.getRepository(User).save(
    db.dataSource.getRepository(User).create({ email: 'purge@example.com', name: 'Purge Test', passwordHash: 'x', role: Role.Normal }),
  );
  const now = Date.now();
  const at = (offsetMs: number) => new Date(now + offsetMs);
  const sessions = db.dataSource.getRepository(Session);
  const expired = [tokenHash(), tokenHash()];
  const live = [tokenHash(), tokenHash()];
  await sessions.insert([
    { tokenHash: expired[0], userId: user.id, expiresAt: at(-60_000), lastSeenAt: at(-3_600_000) },
    { tokenHash: expired[1], userId: user.id, expiresAt: at(-86_400_000), lastSeenAt: at(-90_000_000) },
    { tokenHash: live[0], userId: user.id, expiresAt: at(3_600_000), lastSeenAt: at(0) },
    { tokenHash: live[1], userId: user.id, expiresAt: at(30 * 86_400_000), lastSeenAt: at(-60_000) },
  ]);

  const job = await enqueue(worker.queues, JOBS.purgeSessions, {});
  await expect(job.finished()).resolves.toEqual({ deleted: 2 });

  const left = await sessions.find({ select: { tokenHash: true } });
  expect(left.map((s) => s.tokenHash).sort()).toEqual([...live].sort());

  // Running it again finds nothing more to delete.
  const again = await enqueue(worker.queues, JOBS.purgeSessions, {});
  await expect(again.finished()).resolves.toEqual({ deleted: 0 });
});
