import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../ui/Field';
import { useLabels } from '../../labels/hooks/useLabels';
import { useCardLabels } from '../hooks/useCardLabels';
import { ErrorAlert } from './ErrorAlert';
import type { CardPageClient } from './types';

interface LabelsTabProps {
  client: CardPageClient;
  cardId: string;
  pipelineId: string;
}

function Chips({ items, empty }: { items: readonly { id: string; name: string }[]; empty: string }) {
  if (items.length === 0) return <p className="table__muted">{empty}</p>;
  return (
    <ul className="chip-list label-chips">
      {items.map((item) => (
        <li key={item.id} className="chip">
          {item.name}
        </li>
      ))}
    </ul>
  );
}

/** Categories (many), classification (one) and tags (pick or create) of the client. */
export function LabelsTab({ client, cardId, pipelineId }: LabelsTabProps) {
  const { t } = useTranslation();
  const categories = useLabels('CATEGORY').labels;
  const classifications = useLabels('CLASSIFICATION').labels;
  const tags = useLabels('TAG').labels;
  const mutations = useCardLabels(cardId, pipelineId);
  const [category, setCategory] = useState('');
  const [tagName, setTagName] = useState('');
  const [notice, setNotice] = useState('');
  const freeCategories = categories.filter((c) => !client.categories.some((had) => had.id === c.id));
  const freeTags = tags.filter((tag) => !client.tags.some((had) => had.id === tag.id));

  const addCategory = async (event: FormEvent) => {
    event.preventDefault();
    const picked = categories.find((c) => c.id === category);
    if (!picked) return;
    if (await mutations.addCategory(picked.id)) {
      setCategory('');
      setNotice(t('card.labels.added', { name: picked.name }));
    }
  };

  const addTag = async (event: FormEvent) => {
    event.preventDefault();
    const name = tagName.trim();
    if (!name) return;
    const existing = tags.find((tag) => tag.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    const done = existing ? await mutations.addTag(existing.id) : await mutations.createAndAddTag(name);
    if (done) {
      setTagName('');
      setNotice(t(existing ? 'card.labels.added' : 'card.labels.tagCreated', { name: existing?.name ?? name }));
    }
  };

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
        <Chips items={client.categories} empty={t('card.labels.noCategories')} />
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
              const picked = classifications.find((c) => c.id === e.target.value);
              if (picked)
                void mutations.setClassification(picked.id).then((done) => done && setNotice(t('card.labels.classified', { name: picked.name })));
            }}
          >
            {!client.classification && <option value="">{t('card.labels.noClassification')}</option>}
            {classifications.map((c) => (
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
        <Chips items={client.tags} empty={t('card.labels.noTags')} />
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
