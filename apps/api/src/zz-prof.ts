import { createDataSource } from '@crm/db';
import { Role } from '@crm/shared';
import { PipelineService } from './modules/pipelines/pipeline.service';
import { ReportService } from './modules/reports/report.service';
(async () => {
  const ds = createDataSource(process.env.DATABASE_URL!);
  await ds.initialize();
  const [{ id }] = await ds.query(`SELECT id FROM pipelines WHERE name = 'Sales'`);
  const svc = new ReportService(ds, new PipelineService(ds), 'Europe/Budapest');
  const viewer = { id: '00000000-0000-0000-0000-000000000000', role: Role.Manager, departmentIds: [] };
  const r = await svc.report(viewer, { pipelineId: id, period: 'THIS_YEAR' as any });
  for (const w of ['funnel', 'outcomes', 'openPipeline', 'activity', 'weekly'] as const) {
    const t = Date.now();
    await (svc as any)[w](r.scope);
    console.log(w, Date.now() - t, 'ms');
  }
  await ds.destroy();
})();
