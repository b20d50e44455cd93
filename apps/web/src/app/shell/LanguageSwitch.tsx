import { useId } from 'react';
import { useTranslation } from '../i18n';
import { LOCALES } from '../domain';
import { useUpdateMyLocale } from '../../modules/auth/hooks/useUpdateMyLocale';

/** The language <select>; when `save` is set (signed in) the choice is stored on the profile too. */
export function LanguageSwitch({ save }: { save: boolean }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { changeLocale, error } = useUpdateMyLocale();
  return (
    <div className="language-switch">
      <label htmlFor={id} className="language-switch__label">
        {t('header.language')}
      </label>
      <select
        id={id}
        className="select select--compact"
        value={i18n.resolvedLanguage ?? i18n.language}
        onChange={(event) => void changeLocale(event.target.value, { save })}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale}>
            {t(`language.${locale}`)}
          </option>
        ))}
      </select>
      {error && (
        <span id={`${id}-error`} className="language-switch__error" role="alert">
          {error.message}
        </span>
      )}
    </div>
  );
}
