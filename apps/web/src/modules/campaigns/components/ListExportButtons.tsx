import { useTranslation } from 'react-i18next';

/**
 * Downloads of a list for mail merge (postal), E.164 numbers (SMS) or addresses (email), as CSV or
 * XLSX; a postal list also prints as address labels (PDF, A4 3 x 8).
 */
export function ListExportButtons({ list }: { list: { id: string; channel: string } }) {
  const { t } = useTranslation();
  return (
    <span className="list-export" role="group" aria-label={t(`campaigns.lists.export.${list.channel}`)}>
      {['csv', 'xlsx'].map((format) => (
        <a key={format} className="button button--secondary button--small" href={`/lists/${list.id}/export?format=${format}`} download>
          {t(`campaigns.lists.export.${format}`)}
        </a>
      ))}
      {list.channel === 'POSTAL' && (
        <a className="button button--secondary button--small" href={`/lists/${list.id}/export?format=pdf`} download title={t('campaigns.labels.hint')}>
          {t('campaigns.labels.button')}
        </a>
      )}
    </span>
  );
}
