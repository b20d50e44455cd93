import { useContext, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../../../app/i18n';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { CurrentUserContext } from '../../auth/hooks/useCurrentUser';
import { personalDataExportUrl } from '../graphql/privacy';
import type { PersonalDataKind } from '../../../graphql/generated/graphql';
import { useErasePersonalData } from '../hooks/usePersonalData';

/**
 * The "Personal data" menu, for admins (GDPR requests): download everything held about the client
 * (on the record page) or one contact (on the Contacts tab) as one archive, or erase it everywhere
 * after typing its name.
 */
export function PersonalDataMenu({
  kind = 'CLIENT',
  subject: client,
  onErased,
}: {
  kind?: PersonalDataKind;
  subject: { id: string; name: string };
  onErased: () => void;
}) {
  const { t } = useTranslation();
  const me = useContext(CurrentUserContext);
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const [confirmErase, setConfirmErase] = useState(false);
  const anchor = useRef<HTMLDivElement>(null);
  const eraser = useErasePersonalData(kind);

  // A click elsewhere or Escape closes the menu.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!anchor.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (me?.role !== 'ADMIN') return null;
  return (
    <div className="popover-anchor personal-data" ref={anchor}>
      <button
        type="button"
        className={`button ${kind === 'CLIENT' ? 'button--secondary' : 'button--ghost'} button--small`}
        aria-label={kind === 'CONTACT' ? t('privacy.menuOf', { name: client.name }) : undefined}
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((v) => !v)}
      >
        {t('privacy.menu')}
      </button>
      {open && (
        <div id={menuId} className="popover" role="group" aria-label={kind === 'CONTACT' ? t('privacy.menuOf', { name: client.name }) : t('privacy.menu')}>
          <a className="personal-data__item" href={personalDataExportUrl(kind, client.id)} download onClick={() => setOpen(false)}>
            {t('privacy.export')}
          </a>
          <button
            type="button"
            className="personal-data__item personal-data__item--danger"
            onClick={() => {
              setOpen(false);
              setConfirmErase(true);
            }}
          >
            {t('privacy.erase')}
          </button>
        </div>
      )}
      {confirmErase && (
        <ConfirmDialog
          title={t('privacy.eraseTitle', { name: client.name })}
          body={t(kind === 'CLIENT' ? 'privacy.eraseBody' : 'privacy.eraseContactBody')}
          confirmLabel={t('privacy.eraseConfirm')}
          typeToConfirm={{ expected: client.name, label: t('privacy.typeName', { name: client.name }) }}
          busy={eraser.loading}
          error={eraser.error}
          onClose={() => {
            eraser.clearError();
            setConfirmErase(false);
          }}
          onConfirm={(typed) =>
            void eraser.erase(client.id, typed).then((done) => {
              if (done) onErased();
            })
          }
        />
      )}
    </div>
  );
}
