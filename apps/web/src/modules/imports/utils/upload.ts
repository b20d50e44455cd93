export interface UploadedImport {
  key: string;
  fileName: string;
  size: number;
}

export class ImportUploadError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly reason?: string,
    readonly params?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Sends a file (or pasted rows, as a file) to POST /imports/upload. */
export async function uploadImportFile(file: File): Promise<UploadedImport> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch('/imports/upload', { method: 'POST', body: form, credentials: 'include' });
  } catch {
    throw new ImportUploadError('NETWORK', '');
  }
  const body = (await res.json().catch(() => ({}))) as { upload?: UploadedImport; error?: { code?: string; message?: string; reason?: string; params?: Record<string, unknown> } };
  if (res.status === 201 && body.upload) return body.upload;
  throw new ImportUploadError(body.error?.code ?? 'INTERNAL_SERVER_ERROR', body.error?.message ?? '', body.error?.reason ?? (res.status === 413 ? 'FILE_TOO_LARGE' : undefined), body.error?.params);
}
