// The benchmark's HTTP client: JSON over kept-alive node:http connections, as plain as the floor's
// pg connection. undici's fetch, used before, spent 5-8 ms of its own (WHATWG streams, decoding)
// on each 120 KB board answer in the benchmark's process, more than the API spent making it.
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true });

/**
 * Milliseconds spent in requests so far, each from its start to its answer's last byte: what the API
 * and the network take. Decoding and parsing the answer (the caller's work, about 1 ms for a 120 KB
 * board in this process) come after and are not counted, as the floor does not count its caller's.
 */
export const httpClock = { ms: 0 };

export interface JsonResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any;
}

/** POSTs `payload` as JSON and parses the JSON answer. */
export function postJson(url: string, payload: unknown, headers: Record<string, string> = {}): Promise<JsonResponse> {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        httpClock.ms += Number(process.hrtime.bigint() - start) / 1e6;
        try {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        } catch (err) {
          reject(err);
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
