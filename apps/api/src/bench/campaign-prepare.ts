// Prepares one campaign in a process of its own, started with the worker's heap bound (as
// docker-compose.yml starts the worker), for the campaign bench: prints its time and its RSS sampled
// every 100 ms as one JSON line. Arguments: database URL, campaign id, campaign options as JSON.
import '../node-env';
import { createDataSource, loadCampaign, prepareCampaign } from '@crm/db';

async function main() {
  const [dbUrl, id, options] = process.argv.slice(2);
  const ds = await createDataSource(dbUrl, { poolSize: 4 }).initialize();
  const campaign = await loadCampaign(ds.manager, id);
  if (!campaign) throw new Error(`no campaign ${id}`);
  const rss = [process.memoryUsage().rss];
  const sampler = setInterval(() => rss.push(process.memoryUsage().rss), 100);
  const start = process.hrtime.bigint();
  await prepareCampaign(ds, campaign, JSON.parse(options));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  clearInterval(sampler);
  rss.push(process.memoryUsage().rss);
  await ds.destroy();
  process.stdout.write(`${JSON.stringify({ seconds, rss })}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
