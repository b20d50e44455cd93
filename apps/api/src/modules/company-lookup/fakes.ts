// Local stand-ins of the registries for tests: HTTP servers on 127.0.0.1 answering as the real
// services do (the recorded answers in fixtures/), so no test reaches the network.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GUS_FOUND_5261040828, GUS_NOT_FOUND, MTOM_CONTENT_TYPE, mtom, responseEnvelope } from './fixtures/gus';
import { VIES_INVALID, VIES_MS_UNAVAILABLE, VIES_VALID_HU, VIES_VALID_PL } from './fixtures/vies';

export interface Fake {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

const body = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (text += c));
    req.on('end', () => resolve(text));
  });

async function listen(server: Server, path: string): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
}

const closer = (server: Server) => () => new Promise<void>((resolve) => server.close(() => resolve()));

/** VIES: PL 5261040828 and HU 12345676 are registered; SK numbers meet a member state that is down; the rest are not registered. */
export async function startFakeVies(): Promise<Fake> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const m = /^\/taxation_customs\/vies\/rest-api\/ms\/([A-Z]{2})\/vat\/(\w+)$/.exec(req.url ?? '');
    if (req.method !== 'GET' || !m) {
      res.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ actionSucceed: false, errorWrappers: [{ error: 'NOT_FOUND' }] }));
      return;
    }
    const [, country, number] = m;
    const answer =
      country === 'PL' && number === '5261040828' ? VIES_VALID_PL : country === 'HU' && number === '12345676' ? VIES_VALID_HU : country === 'SK' ? VIES_MS_UNAVAILABLE(number) : VIES_INVALID(number);
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
  });
  const url = await listen(server, '/taxation_customs/vies/rest-api');
  return { url, requests, close: closer(server) };
}

/**
 * GUS BIR 1.1: Zaloguj with the key gives a session id; DaneSzukajPodmioty with a live `sid` header
 * finds 5261040828 and nothing else; with an unknown or expired sid it answers an empty result, as
 * the real service does. `expireSessions()` forgets every session.
 */
export async function startFakeGus(key: string): Promise<Fake & { expireSessions(): void }> {
  const requests: string[] = [];
  const sessions = new Set<string>();
  let n = 0;
  const server = createServer(async (req, res) => {
    const text = await body(req);
    const action = /<wsa:Action>[^<]*\/(\w+)<\/wsa:Action>/.exec(text)?.[1] ?? '';
    requests.push(action);
    if (req.method !== 'POST' || !String(req.headers['content-type']).startsWith('application/soap+xml')) {
      res.writeHead(415).end();
      return;
    }
    const reply = (result: string) => res.writeHead(200, { 'Content-Type': MTOM_CONTENT_TYPE }).end(mtom(responseEnvelope(action, result)));
    if (action === 'Zaloguj') {
      if (/<ns:pKluczUzytkownika>([^<]*)</.exec(text)?.[1] !== key) return reply('');
      const sid = `sid${++n}x${'0'.repeat(16)}`.slice(0, 20);
      sessions.add(sid);
      return reply(sid);
    }
    if (action === 'DaneSzukajPodmioty') {
      const sid = String(req.headers.sid ?? '');
      if (!sessions.has(sid)) return reply('');
      const nip = /<dat:Nip>(\d+)<\/dat:Nip>/.exec(text)?.[1] ?? '';
      return reply(nip === '5261040828' ? GUS_FOUND_5261040828 : GUS_NOT_FOUND(nip));
    }
    res.writeHead(500).end();
  });
  const url = await listen(server, '/wsBIR/UslugaBIRzewnPubl.svc');
  return { url, requests, close: closer(server), expireSessions: () => sessions.clear() };
}
