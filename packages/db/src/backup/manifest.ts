// What a backup archive holds and the refusals shared by backup and restore.
//
// The archive is a gzip-compressed tar (`tar tzf` lists it):
//   manifest.json            first: format, when, the migrations applied, every table with its columns
//                            and row count, every sequence's value, the files' count and bytes
//   db/<table>/<n>.copy      each table's rows in PostgreSQL's COPY text format, in parts of at most
//                            a few MiB (a tar entry needs its size up front; the parts keep memory flat)
//   files/<path>             the files folder (FILES_DIR)
//   end.json                 last: the SHA-256 of every table's rows and of every file; a restore
//                            commits nothing before it has read and checked this
import { MIGRATIONS } from '../migrations';

export const BACKUP_FORMAT = 1;

export interface TableManifest {
  name: string;
  /** The columns copied, in order (generated columns are left out: PostgreSQL computes them again). */
  columns: string[];
  rows: number;
}

export interface SequenceManifest {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

export interface BackupManifest {
  format: number;
  createdAt: string;
  /** The migrations applied in the database when it was backed up, oldest first. */
  migrations: string[];
  tables: TableManifest[];
  sequences: SequenceManifest[];
  files: { count: number; bytes: number };
}

export interface BackupTrailer {
  /** Table name → SHA-256 (hex) of its COPY data. */
  tables: Record<string, string>;
  /** Path inside the files folder → SHA-256 (hex). */
  files: Record<string, string>;
}

export type BackupErrorCode =
  /** The file is not a backup archive of this kind, or it is damaged or cut short. */
  | 'BACKUP_CORRUPT'
  /** A backup format this code does not read. */
  | 'BACKUP_FORMAT_UNKNOWN'
  /** The backup was made by a newer version (migrations this code does not have). */
  | 'BACKUP_NEWER_THAN_CODE'
  /** The database or the files folder holds data and --force was not given. */
  | 'RESTORE_TARGET_NOT_EMPTY'
  /** The database user may not switch off triggers and foreign-key checks for the load. */
  | 'RESTORE_NOT_PERMITTED'
  /** The backup's data does not fit the schema its migrations make. */
  | 'RESTORE_FAILED'
  /** The output file exists already. */
  | 'BACKUP_EXISTS';

/** A refusal with a code (and params) the CLI prints as it is. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The migrations this code knows, by the name TypeORM records in the migrations table, oldest first. */
export function codeMigrationNames(): string[] {
  return MIGRATIONS.map((m) => {
    const ctor = m as unknown as new () => { name?: string };
    return new ctor().name || ctor.name;
  });
}

/** `"name"` with inner quotes doubled. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Checks the shape of a manifest read from an archive (never trust a file). */
export function parseManifest(text: string): BackupManifest {
  let m: BackupManifest;
  try {
    m = JSON.parse(text);
  } catch {
    throw new BackupError('BACKUP_CORRUPT', 'the manifest is not valid JSON');
  }
  if (!m || typeof m !== 'object') throw new BackupError('BACKUP_CORRUPT', 'the manifest is not an object');
  if (m.format !== BACKUP_FORMAT) throw new BackupError('BACKUP_FORMAT_UNKNOWN', `backup format ${String(m.format)} is not known to this version (it reads ${BACKUP_FORMAT})`, { format: m.format });
  const ok =
    Array.isArray(m.migrations) &&
    m.migrations.every((x) => typeof x === 'string') &&
    Array.isArray(m.tables) &&
    m.tables.every((t) => t && typeof t.name === 'string' && Array.isArray(t.columns) && t.columns.every((c) => typeof c === 'string') && Number.isInteger(t.rows)) &&
    Array.isArray(m.sequences) &&
    m.sequences.every((s) => s && typeof s.name === 'string' && /^-?\d+$/.test(s.lastValue) && typeof s.isCalled === 'boolean') &&
    m.files && Number.isInteger(m.files.count) && Number.isInteger(m.files.bytes);
  if (!ok) throw new BackupError('BACKUP_CORRUPT', 'the manifest is incomplete');
  return m;
}

/**
 * The code's migrations the backup had applied (to run before loading its rows); refuses a backup
 * with migrations this code does not know.
 */
export function migrationsToRun(manifest: BackupManifest, code: string[] = codeMigrationNames()): string[] {
  const known = new Set(code);
  const unknown = manifest.migrations.filter((m) => !known.has(m));
  if (unknown.length) {
    throw new BackupError(
      'BACKUP_NEWER_THAN_CODE',
      `the backup was made by a newer version of the CRM (migrations this version does not have: ${unknown.join(', ')}); restore it with that version or a later one`,
      { migrations: unknown },
    );
  }
  const wanted = new Set(manifest.migrations);
  return code.filter((m) => wanted.has(m));
}
