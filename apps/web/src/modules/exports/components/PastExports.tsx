import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { useTranslation } from '../../../app/i18n';
import { formatDateTime } from '../../../ui/datetime';
import { PAST_EXPORTS_QUERY } from '../graphql/exports';

/** The file of a finished background export (GET, the session cookie goes along). */
export const exportJobFileUrl = (jobId: string) => `/exports/jobs/${encodeURIComponent(jobId)}/file`;

const FORMAT_KEYS: Record<string, string> = { CSV: 'csv', CSV_EXCEL: 'csv-excel', XLSX: 'xlsx', XML: 'xml' };

/** The user's latest background exports with their download links (read again when `version` changes: a job finished). */
export function PastExports({ version }: { version?: string | null }) {
  const { t, i18n } = useTranslation();
  const { data, refetch } = useQuery(PAST_EXPORTS_QUERY, { fetchPolicy: 'cache-and-network' });
  useEffect(() => {
    if (version) void refetch();
  }, [version, refetch]);
  if (!data?.pastExports.length) return null;
  return (
    <section aria-label={t('exports.past')}>
      <h3 className="field__label">{t('exports.past')}</h3>
      <ul className="plain-list">
        {data.pastExports.map((e) => {
          const name = e.fileName ?? (e.format && FORMAT_KEYS[e.format] ? t(`exports.formats.${FORMAT_KEYS[e.format]}.name`) : t('exports.title'));
          return (
            <li key={e.id}>
              {e.state === 'DONE' ? (
                <a href={exportJobFileUrl(e.id)} download>
                  {name}
                </a>
              ) : (
                <span>{name}</span>
              )}{' '}
              <span className="table__muted">
                {formatDateTime(e.createdAt, i18n.language)} · {t('exports.pastRows', { count: e.rows })} · {t(`jobs.states.${e.state}`)}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
