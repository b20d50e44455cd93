import { MigrationInterface, QueryRunner } from 'typeorm';

/** What the reports read index-only besides the totals: the history by card, the cards by client, the labels. */
export const INDEX_ONLY_SOURCES = ['card_status_changes', 'cards', 'client_tags', 'client_categories'];
/** Vacuumed (and so marked all-visible again) after 1% of a table's rows changed or were added, not PostgreSQL's 20%. */
export const VACUUM_OFTEN = { autovacuum_vacuum_scale_factor: '0.01', autovacuum_vacuum_insert_scale_factor: '0.01', autovacuum_analyze_scale_factor: '0.02' };

/** The totals tables (report_*_totals, card_*_totals) and the sources above, as one list. */
export const indexOnlyTablesSql = `SELECT c.relname FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace
  AND (c.relname LIKE 'report\\_%\\_totals' OR c.relname LIKE 'card\\_%\\_totals' OR c.relname = ANY($1::text[])) ORDER BY 1`;

/**
 * The reports read their totals, the history and the cards by index alone, which skips a table page
 * only while the visibility map says it is all-visible; a page changed since the last VACUUM is
 * read from the table. PostgreSQL vacuums a table once a fifth of it changed: after a mass action
 * of 125,000 cards (rolled back, at 1,000,000 cards) the funnel for two tags read 72,000 table
 * pages and took 150-167 ms instead of 89 until a manual VACUUM. These tables are vacuumed after 1%.
 */
export class VacuumForIndexOnlyReads1796065600000 implements MigrationInterface {
  name = 'VacuumForIndexOnlyReads1796065600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const settings = Object.entries(VACUUM_OFTEN).map(([k, v]) => `${k} = ${v}`).join(', ');
    for (const { relname } of await queryRunner.query(indexOnlyTablesSql, [INDEX_ONLY_SOURCES])) await queryRunner.query(`ALTER TABLE "${relname}" SET (${settings})`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const names = Object.keys(VACUUM_OFTEN).join(', ');
    for (const { relname } of await queryRunner.query(indexOnlyTablesSql, [INDEX_ONLY_SOURCES])) await queryRunner.query(`ALTER TABLE "${relname}" RESET (${names})`);
  }
}
