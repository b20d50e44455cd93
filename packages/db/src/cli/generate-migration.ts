// Writes a migration with the SQL that makes the database match the entities.
// Usage: DATABASE_URL=... pnpm --filter @crm/db migration:generate AddSomething
// (the database is migrated first, so the new file holds only the difference).
import { writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createDataSource, runMigrations } from '../data-source';

async function main() {
  const name = process.argv[2];
  const url = process.env.DATABASE_URL;
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name) || !url) {
    console.error('Usage: DATABASE_URL=postgres://... migration:generate PascalCaseName');
    process.exit(2);
  }
  const ds = await createDataSource(url).initialize();
  await runMigrations(ds);
  const sql = await ds.driver.createSchemaBuilder().log();
  await ds.destroy();
  if (sql.upQueries.length === 0) {
    console.log('The entities and migrations agree: nothing to generate.');
    return;
  }
  const stamp = Date.now();
  const className = `${name}${stamp}`;
  const q = (s: string) => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  const up = sql.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
  const down = sql.downQueries
    .reverse()
    .map((x) => `    await queryRunner.query(${q(x.query)});`)
    .join('\n');
  const dir = path.join(__dirname, '..', 'migrations');
  const file = path.join(dir, `${stamp}-${name}.ts`);
  writeFileSync(
    file,
    `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${up}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down}
  }
}
`,
  );
  writeIndex(dir);
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}

function writeIndex(dir: string) {
  const files = readdirSync(dir)
    .filter((f) => /^\d+-\w+\.ts$/.test(f))
    .sort();
  const imports = files.map((f) => {
    const [stamp, name] = f.replace(/\.ts$/, '').split('-');
    return { cls: `${name}${stamp}`, mod: `./${f.replace(/\.ts$/, '')}` };
  });
  writeFileSync(
    path.join(dir, 'index.ts'),
    `// Every migration, in order. \`pnpm --filter @crm/db migration:generate <Name>\` writes a new one and this list.
${imports.map((i) => `import { ${i.cls} } from '${i.mod}';`).join('\n')}

export const MIGRATIONS: Function[] = [${imports.map((i) => i.cls).join(', ')}];
`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
