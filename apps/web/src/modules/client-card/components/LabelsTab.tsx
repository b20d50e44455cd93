import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import { Field } from '../../../ui/Field';
import { CloseIcon } from '../../../ui/icons';
import { useLabels } from '../../labels/hooks/useLabels';
import { useClientLabels } from '../hooks/useClientLabels';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import type { CardPageClient } from './types';

interface ChipsProps {
  items: readonly { id: string; name: string }[];
  empty: string;
  /** Accessible name of an item's remove button. */
  removeLabel: (name: string) => string;
  onRemove: (id: string, name: string) => void;
  disabled: boolean;
}

function Chips({ items, empty, removeLabel, onRemove, disabled }: ChipsProps) {
  if (items.length === 0) return <p className="table__muted">{empty}</p>;
  return (
    <ul className="chip-list label-chips">
      {items.map((item) => (
        <li key={item.id} className="chip chip--removable">
          {item.name}
          <button type="button" className="chip__remove" aria-label={removeLabel(item.name)} disabled={disabled} onClick={() => onRemove(item.id, item.name)}>
            <CloseIcon aria-hidden="true" />
          </button>
        </li>
      ))}
    </ul>
  );
}

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

/** Categories (many), classification (one or none) and tags (pick or create) of the client; each can be removed. */
export function LabelsTab({ client }: { client: CardPageClient }) {
  const { t } = useTranslation();
  const categories = useLabels('CATEGORY').labels;
  const classifications = useLabels('CLASSIFICATION').labels;
  const tags = useLabels('TAG').labels;
  const mutations = useClientLabels(client.id);
  const [category, setCategory] = useState('');
  const [tagName, setTagName] = useState('');
  const [notice, setNotice] = useState('');
  const freeCategories = categories.filter((c) => !client.categories.some((had) => had.id === c.id));
  const freeTags = tags.filter((tag) => !client.tags.some((had) => had.id === tag.id));
  // A classification that is archived stays visible as the current value.
  const classificationOptions =
    client.classification && !classifications.some((c) => c.id === client.classification!.id)
      ? [client.classification, ...classifications]
      : classifications;

  const announce = (done: unknown, message: string) => {
    if (done) setNotice(message);
  };

  const addCategory = async (event: FormEvent) => {
    event.preventDefault();
    const picked = categories.find((c) => c.id === category);
    if (!picked) return;
    const done = await mutations.setCategories([...ids(client.categories), picked.id]);
    if (done) setCategory('');
    announce(done, t('card.labels.added', { name: picked.name }));
  };

  const addTag = async (event: FormEvent) => {
    event.preventDefault();
    const name = tagName.trim();
    if (!name) return;
    const existing = tags.find((tag) => tag.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    const current = ids(client.tags);
    const done = existing
      ? await mutations.setTags(current.includes(existing.id) ? current : [...current, existing.id])
      : await mutations.createAndAddTag(name, current);
    if (done) setTagName('');
    announce(done, t(existing ? 'card.labels.added' : 'card.labels.tagCreated', { name: existing?.name ?? name }));
  };

  const removeLabel = (name: string) => t('card.labels.remove', { name });

  return (
    <div className="labels-tab">
      <div className="notice-region" role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      <ErrorAlert error={mutations.error} />
      <section className="card-section label-block" aria-labelledby="categories-heading">
        <h2 id="categories-heading" className="card-section__title">
          {t('card.labels.categories')}
        </h2>
        <Chips
          items={client.categories}
          empty={t('card.labels.noCategories')}
          removeLabel={removeLabel}
          disabled={mutations.loading}
          onRemove={(id, name) =>
            void mutations
              .setCategories(ids(client.categories).filter((c) => c !== id))
              .then((done) => announce(done, t('card.labels.removed', { name })))
          }
        />
        <form className="inline-form" onSubmit={(event) => void addCategory(event)}>
          <Field label={t('card.labels.addCategoryLabel')}>
            <select className="select" value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">{t('card.labels.pickCategory')}</option>
              {freeCategories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" className="button button--secondary" disabled={!category || mutations.loading}>
            {t('card.labels.addCategory')}
          </button>
        </form>
      </section>
      <section className="card-section label-block" aria-labelledby="classification-heading">
        <h2 id="classification-heading" className="card-section__title">
          {t('card.labels.classification')}
        </h2>
        <Field label={t('card.labels.classificationLabel')} hint={t('card.labels.classificationHint')}>
          <select
            className="select"
            value={client.classification?.id ?? ''}
            disabled={mutations.loading}
            onChange={(e) => {
              const picked = classificationOptions.find((c) => c.id === e.target.value) ?? null;
              void mutations
                .setClassification(picked?.id ?? null)
                .then((done) =>
                  announce(done, picked ? t('card.labels.classified', { name: picked.name }) : t('card.labels.unclassified')),
                );
            }}
          >
            <option value="">{t('card.labels.noClassification')}</option>
            {classificationOptions.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
      </section>
      <section className="card-section label-block" aria-labelledby="tags-heading">
        <h2 id="tags-heading" className="card-section__title">
          {t('card.labels.tags')}
        </h2>
        <Chips
          items={client.tags}
          empty={t('card.labels.noTags')}
          removeLabel={removeLabel}
          disabled={mutations.loading}
          onRemove={(id, name) =>
            void mutations.setTags(ids(client.tags).filter((tag) => tag !== id)).then((done) => announce(done, t('card.labels.removed', { name })))
          }
        />
        <form className="inline-form" onSubmit={(event) => void addTag(event)}>
          <Field label={t('card.labels.tagLabel')} hint={t('card.labels.tagHint')}>
            <input className="input" list="card-tag-options" value={tagName} onChange={(e) => setTagName(e.target.value)} autoComplete="off" />
          </Field>
          <datalist id="card-tag-options">
            {freeTags.map((tag) => (
              <option key={tag.id} value={tag.name} />
            ))}
          </datalist>
          <button type="submit" className="button button--secondary" disabled={!tagName.trim() || mutations.loading}>
            {tags.some((tag) => tag.name.toLocaleLowerCase() === tagName.trim().toLocaleLowerCase()) || !tagName.trim()
              ? t('card.labels.addTag')
              : t('card.labels.createTag')}
          </button>
        </form>
      </section>
    </div>
  );
}
