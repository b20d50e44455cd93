import { dropTemplate, removeDir } from './global-setup.mjs';

export default async function globalTeardown() {
  const s = globalThis.__crmServices;
  if (!s) return;
  await dropTemplate();
  if (s.pg) {
    await s.pg.stop();
    removeDir(s.pgDir);
  }
  await s.redis?.stop();
}
