import { User } from '@crm/db';
import { Role } from '@crm/shared';
import type { TestApi } from '../../testing/api';
import { buildLabels } from '../../testing/factories';

/**
 * The people of the reports' API tests, each signed in (cookies by name): Alice and Bob (Normal), a
 * Manager limited to the first of two departments (hu), and an Admin.
 */
export async function buildReportPeople(api: TestApi) {
  const ds = api.db.dataSource;
  const hu = (await buildLabels(ds)).department;
  const pl = (await buildLabels(ds)).department;
  const alice = await api.buildUser({ role: Role.Normal, name: 'Alice' });
  const bob = await api.buildUser({ role: Role.Normal, name: 'Bob' });
  const manager = await api.buildUser({ role: Role.Manager, name: 'Manager HU' });
  const admin = await api.buildUser({ role: Role.Admin, name: 'Admin' });
  await ds.createQueryBuilder().relation(User, 'departments').of(manager).add(hu);
  const cookies: Record<string, string> = {};
  for (const u of [alice, bob, manager, admin]) cookies[u.name] = await api.login(u.email, u.password);
  return { hu, pl, alice, bob, manager, admin, cookies };
}
