import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { ProfileFragment } from '../../../graphql/generated/graphql';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { initials } from '../../../ui/initials';
import { usePhoto } from '../hooks/useProfile';
import { cropToDataUrl, squareCrop } from '../utils/crop';

const ACCEPTED = ['image/png', 'image/jpeg', 'image/webp'];
const PREVIEW = 200;

/** The profile photo: upload an image, choose the square to keep (zoom and position), save; or remove it. */
export function PhotoSection({ profile, onSaved }: { profile: ProfileFragment; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const { setPhoto, removePhoto, loading, error } = usePhoto();
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  const [zoom, setZoom] = useState(1);
  const [pan, setPan] = useState({ x: 0.5, y: 0.5 });
  const [problem, setProblem] = useState<string | null>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!image || !canvas || !context) return;
    const crop = squareCrop(image.naturalWidth, image.naturalHeight, zoom, pan.x, pan.y);
    context.clearRect(0, 0, PREVIEW, PREVIEW);
    context.drawImage(image, crop.x, crop.y, crop.size, crop.size, 0, 0, PREVIEW, PREVIEW);
  }, [image, zoom, pan]);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    setProblem(null);
    if (!file) return;
    if (!ACCEPTED.includes(file.type)) {
      setProblem(t('profile.photo.wrongType'));
      return;
    }
    if (file.size > 15 * 1024 * 1024) {
      setProblem(t('profile.photo.tooLarge'));
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      const loaded = new Image();
      loaded.onload = () => {
        setZoom(1);
        setPan({ x: 0.5, y: 0.5 });
        setImage(loaded);
      };
      loaded.onerror = () => setProblem(t('profile.photo.wrongType'));
      loaded.src = String(reader.result);
    };
    reader.readAsDataURL(file);
  };

  const save = async () => {
    if (!image) return;
    const saved = await setPhoto(cropToDataUrl(image, squareCrop(image.naturalWidth, image.naturalHeight, zoom, pan.x, pan.y)));
    if (saved) {
      setImage(null);
      onSaved(t('profile.photo.saved'));
    }
  };

  const remove = async () => {
    if (await removePhoto()) onSaved(t('profile.photo.removed'));
  };

  return (
    <section className="panel profile-section" aria-labelledby="profile-photo">
      <h2 id="profile-photo" className="panel__title">
        {t('profile.photo.title')}
      </h2>
      <ErrorAlert error={error} />
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
      {image ? (
        <div className="photo-crop">
          <canvas ref={canvasRef} width={PREVIEW} height={PREVIEW} className="photo-crop__preview" role="img" aria-label={t('profile.photo.preview')} />
          <div className="photo-crop__controls">
            <label className="field">
              <span className="field__label">{t('profile.photo.zoom')}</span>
              <input type="range" min={1} max={4} step={0.05} value={zoom} onChange={(e) => setZoom(Number(e.target.value))} />
            </label>
            <label className="field">
              <span className="field__label">{t('profile.photo.horizontal')}</span>
              <input type="range" min={0} max={1} step={0.01} value={pan.x} onChange={(e) => setPan((p) => ({ ...p, x: Number(e.target.value) }))} />
            </label>
            <label className="field">
              <span className="field__label">{t('profile.photo.vertical')}</span>
              <input type="range" min={0} max={1} step={0.01} value={pan.y} onChange={(e) => setPan((p) => ({ ...p, y: Number(e.target.value) }))} />
            </label>
            <div className="photo-crop__actions">
              <button type="button" className="button button--secondary" onClick={() => setImage(null)}>
                {t('common.cancel')}
              </button>
              <button type="button" className="button button--primary" disabled={loading} aria-busy={loading} onClick={() => void save()}>
                {t('profile.photo.save')}
              </button>
            </div>
          </div>
        </div>
      ) : (
        <div className="profile-photo">
          {profile.photoUrl ? (
            <img className="profile-photo__image" src={profile.photoUrl} alt={t('profile.photo.alt', { name: profile.name })} width={96} height={96} />
          ) : (
            <span className="profile-photo__initials" aria-hidden="true">
              {initials(profile.name)}
            </span>
          )}
          <div className="profile-photo__actions">
            <button type="button" className="button button--secondary" onClick={() => fileRef.current?.click()}>
              {profile.photoUrl ? t('profile.photo.change') : t('profile.photo.upload')}
            </button>
            {profile.photoUrl && (
              <button type="button" className="button button--ghost" disabled={loading} onClick={() => void remove()}>
                {t('profile.photo.remove')}
              </button>
            )}
            <p className="field__hint">{t('profile.photo.hint')}</p>
          </div>
          <input ref={fileRef} type="file" accept={ACCEPTED.join(',')} className="visually-hidden" aria-label={t('profile.photo.upload')} tabIndex={-1} onChange={choose} />
        </div>
      )}
    </section>
  );
}
