import type { TFunction } from '../../../app/i18n';
import type { DocumentFieldsFragment } from '../../../graphql/generated/graphql';

export interface UploadTarget {
  clientId: string;
  pipelineId: string;
  folder: string;
}

export class UploadError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly reason?: string,
    /** The values for the reason's placeholders (the size limit...). */
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
  }
}

/**
 * Sends one file to `POST /files` as multipart/form-data (the session cookie goes along), reporting
 * upload progress from 0 to 1. Resolves with the stored document or rejects with an UploadError.
 */
export function uploadFile(
  file: File,
  target: UploadTarget,
  onProgress: (fraction: number) => void = () => {},
): Promise<DocumentFieldsFragment> {
  return new Promise((resolve, reject) => {
    const query = new URLSearchParams({ clientId: target.clientId, pipelineId: target.pipelineId, folder: target.folder });
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/files?${query.toString()}`);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new UploadError('NETWORK', ''));
    xhr.onload = () => {
      let body: { document?: DocumentFieldsFragment; error?: { code?: string; message?: string; reason?: string; params?: Record<string, string | number> } } = {};
      try {
        body = JSON.parse(xhr.responseText || '{}');
      } catch {
        body = {};
      }
      if (xhr.status === 201 && body.document) {
        resolve(body.document);
        return;
      }
      const code = body.error?.code ?? (xhr.status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_USER_INPUT');
      reject(new UploadError(code, body.error?.message ?? '', body.error?.reason ?? (xhr.status === 413 ? 'FILE_TOO_LARGE' : undefined), body.error?.params));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** What the user reads when an upload fails; like `describeError`, a rejected input keeps the server's reason. */
export function describeUploadError(error: unknown, t: TFunction): string {
  if (error instanceof UploadError) {
    // A refusal with a code we have words for is said in the user's language; else the server's text.
    const reasoned = error.reason && (error.reason !== 'FILE_TOO_LARGE' || error.params) ? t(`serverReasons.${error.reason}`, { defaultValue: '', ...error.params }) : '';
    if (reasoned) return reasoned;
    if (error.code === 'BAD_USER_INPUT' && error.message) return error.message;
    if (error.reason === 'FILE_TOO_LARGE') return t('card.documents.tooLarge');
    const known = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'TOO_MANY_REQUESTS', 'NETWORK'];
    return t(`errors.${known.includes(error.code) ? error.code : 'INTERNAL_SERVER_ERROR'}`);
  }
  return t('errors.NETWORK');
}
