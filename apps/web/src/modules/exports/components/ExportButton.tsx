import { useState } from 'react';
import { useTranslation } from '../../../app/i18n';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import type { ExportSource } from '../hooks/useExportDownload';
import { ExportDialog } from './ExportDialog';

/** "Export" beside a list: for admins and managers (the server refuses everyone else anyway). */
export function ExportButton({ source, total }: { source: ExportSource; total?: number }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [open, setOpen] = useState(false);
  if (user.role !== 'ADMIN' && user.role !== 'MANAGER') return null;
  return (
    <>
      <button type="button" className="button button--secondary button--small" onClick={() => setOpen(true)}>
        {t('exports.button')}
      </button>
      {open && <ExportDialog source={source} total={total} onClose={() => setOpen(false)} />}
    </>
  );
}
