import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';

interface SignatureEditorProps {
  label: string;
  /** The saved (server-sanitized) HTML; the editor starts from it and follows it after a save. */
  value: string;
  onChange: (html: string) => void;
}

/**
 * A small rich-text editor for a signature: bold, italic, links and line breaks (Enter). The browser
 * edits the HTML; the server keeps only those four things, so nothing else can reach a mail.
 */
export function SignatureEditor({ label, value, onChange }: SignatureEditorProps) {
  const { t } = useTranslation();
  const labelId = useId();
  const editorRef = useRef<HTMLDivElement>(null);
  const savedRange = useRef<Range | null>(null);
  const [linking, setLinking] = useState(false);
  const [url, setUrl] = useState('https://');

  useEffect(() => {
    const editor = editorRef.current;
    if (editor && editor.innerHTML !== value) editor.innerHTML = value;
  }, [value]);

  const emit = () => onChange(editorRef.current?.innerHTML ?? '');

  const rememberSelection = () => {
    const selection = window.getSelection();
    if (selection && selection.rangeCount > 0 && editorRef.current?.contains(selection.anchorNode)) savedRange.current = selection.getRangeAt(0).cloneRange();
  };
  const restoreSelection = () => {
    editorRef.current?.focus();
    const selection = window.getSelection();
    if (selection && savedRange.current) {
      selection.removeAllRanges();
      selection.addRange(savedRange.current);
    }
  };

  const format = (command: 'bold' | 'italic') => {
    restoreSelection();
    document.execCommand(command);
    emit();
  };

  const addLink = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const href = url.trim();
    setLinking(false);
    restoreSelection();
    if (/^(https?:\/\/|mailto:)\S+$/i.test(href)) {
      const selection = window.getSelection();
      if (!selection || selection.isCollapsed) {
        // Nothing selected: the address itself becomes the link's text.
        const safe = href.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
        document.execCommand('insertHTML', false, `<a href="${safe}">${safe}</a>`);
      } else document.execCommand('createLink', false, href);
      emit();
    }
    setUrl('https://');
  };

  return (
    <div className="rich-editor">
      <span id={labelId} className="field__label">
        {label}
      </span>
      <div className="rich-editor__toolbar" role="toolbar" aria-label={t('profile.signature.toolbar')}>
        <button type="button" className="rich-editor__tool" onMouseDown={(e) => e.preventDefault()} onClick={() => format('bold')} aria-label={t('profile.signature.bold')}>
          <b aria-hidden="true">B</b>
        </button>
        <button type="button" className="rich-editor__tool" onMouseDown={(e) => e.preventDefault()} onClick={() => format('italic')} aria-label={t('profile.signature.italic')}>
          <i aria-hidden="true">I</i>
        </button>
        <button
          type="button"
          className="rich-editor__tool rich-editor__tool--text"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            rememberSelection();
            setLinking(true);
          }}
          aria-expanded={linking}
        >
          {t('profile.signature.link')}
        </button>
      </div>
      {linking && (
        <form className="rich-editor__link" onSubmit={addLink}>
          <input
            className="input input--compact"
            type="url"
            aria-label={t('profile.signature.linkAddress')}
            value={url}
            autoFocus
            onChange={(e) => setUrl(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                setLinking(false);
                restoreSelection();
              }
            }}
          />
          <button type="submit" className="button button--secondary button--small">
            {t('profile.signature.addLink')}
          </button>
        </form>
      )}
      <div
        ref={editorRef}
        className="rich-editor__area input"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-labelledby={labelId}
        onInput={emit}
        onKeyUp={rememberSelection}
        onMouseUp={rememberSelection}
        onBlur={rememberSelection}
      />
      <p className="field__hint">{t('profile.signature.hint', { variable: '{{sender.signature}}' })}</p>
    </div>
  );
}
