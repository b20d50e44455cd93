import { useCallback, useRef, useState } from 'react';
import { saveFile } from '../../../ui/saveFile';

/** What the server's export route takes (packages/db export engine's ExportRequest). */
export type ExportFormat = 'csv' | 'csv-excel' | 'xlsx' | 'xml';
export type ExportSource =
  | { kind: 'cards'; pipelineId: string; filter?: unknown; sort?: unknown; columns?: string[] }
  | { kind: 'clients'; filter?: unknown; sort?: unknown }
  | { kind: 'view'; viewId: string };

export type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; bytes: number }
  | { phase: 'done'; bytes: number; fileName: string }
  | { phase: 'failed'; code: string };

/** The file name from Content-Disposition (its UTF-8 form when given). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const star = disposition && /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = disposition && /filename="([^"]+)"/i.exec(disposition);
  return plain ? plain[1] : fallback;
}


/**
 * POSTs an export and saves the streamed file, counting the bytes as they arrive (the server sends
 * no length: it does not know it before the end). Cancel aborts the request, which stops the export
 * on the server too.
 */
export function useExportDownload() {
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const start = useCallback(async (source: ExportSource, format: ExportFormat) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ phase: 'running', bytes: 0 });
    try {
      const res = await fetch('/exports', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ source, format }),
        signal: abort.signal,
      });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
        setState({ phase: 'failed', code: body?.error?.code ?? 'INTERNAL_SERVER_ERROR' });
        return;
      }
      const reader = res.body.getReader();
      const parts: BlobPart[] = [];
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        bytes += value.length;
        setState({ phase: 'running', bytes });
      }
      const fileName = fileNameOf(res.headers.get('content-disposition'), `export.${format === 'xlsx' ? 'xlsx' : format === 'xml' ? 'xml' : 'csv'}`);
      saveFile(new Blob(parts, { type: res.headers.get('content-type') ?? 'application/octet-stream' }), fileName);
      setState({ phase: 'done', bytes, fileName });
    } catch (err) {
      if (abort.signal.aborted) setState({ phase: 'idle' });
      else setState({ phase: 'failed', code: (err as Error).name === 'TypeError' ? 'NETWORK' : 'INTERNAL_SERVER_ERROR' });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, start, cancel };
}
