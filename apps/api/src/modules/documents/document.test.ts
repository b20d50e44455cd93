import { Role } from '@crm/shared';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCards, buildPipeline } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('documents', () => {
  let api: TestApi;
  let cookie: string;
  let filesDir: string;
  beforeAll(async () => {
    filesDir = mkdtempSync(path.join(os.tmpdir(), 'crm-files-'));
    api = await startTestApi({ filesDir, fileMaxBytes: 64 * 1024 });
    const user = await api.buildUser({ role: Role.Normal });
    cookie = await api.login(user.email, user.password);
  });
  afterAll(async () => {
    await api.close();
    rmSync(filesDir, { recursive: true, force: true });
  });

  const upload = (q: Record<string, string>, name: string, body: Buffer, who: string | null = cookie) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(body)]), name);
    // A browser sends its origin with every POST; ours is the app's own.
    return fetch(`${api.url}/files?${new URLSearchParams(q)}`, { method: 'POST', body: form, headers: { origin: api.url, ...(who ? { cookie: who } : {}) } });
  };

  it('uploads a PDF into a folder, lists it, serves it in place, moves and copies it', async () => {
    const { pipeline, statuses } = await buildPipeline(api.db.dataSource);
    const other = await buildPipeline(api.db.dataSource);
    const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0] }]);
    const res = await upload({ clientId: card.clientId, pipelineId: pipeline.id, folder: 'Szerződések' }, 'Ajánlat 2026 – végleges.pdf', PDF);
    expect(res.status).toBe(201);
    const { document } = (await res.json()) as any;
    expect(document).toMatchObject({ name: 'Ajánlat 2026 – végleges.pdf', mimeType: 'application/pdf', size: PDF.length, folder: 'Szerződések', publicPath: null });

    const file = await fetch(`${api.url}${document.path}`, { headers: { cookie } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toMatch(/^inline; .*filename\*=UTF-8''Aj%C3%A1nlat/);
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
    const download = await fetch(`${api.url}${document.path}?download`, { headers: { cookie } });
    expect(download.headers.get('content-disposition')).toMatch(/^attachment/);

    const moved = await api.gql(`mutation($id: ID!, $to: DocumentPlaceInput!) { moveDocument(id: $id, to: $to) { folder pipelineId } }`, { id: document.id, to: { pipelineId: other.pipeline.id, folder: 'Archív' } }, cookie);
    expect(moved.data!.moveDocument).toEqual({ folder: 'Archív', pipelineId: other.pipeline.id });
    const copied = await api.gql(`mutation($id: ID!, $to: DocumentPlaceInput!) { copyDocument(id: $id, to: $to) { id path } }`, { id: document.id, to: { pipelineId: pipeline.id, folder: '' } }, cookie);
    const copy = await fetch(`${api.url}${copied.data!.copyDocument.path}`, { headers: { cookie } });
    expect(Buffer.from(await copy.arrayBuffer()).equals(PDF)).toBe(true);
    const list = await api.gql(`query($c: ID!) { documents(clientId: $c) { folder name } }`, { c: card.clientId }, cookie);
    expect(list.data!.documents).toEqual([{ folder: '', name: 'Ajánlat 2026 – végleges.pdf' }, { folder: 'Archív', name: 'Ajánlat 2026 – végleges.pdf' }]);
  });

  it('refuses files too large, of a type we do not take, empty, or without a session, storing nothing', async () => {
    const { pipeline, statuses } = await buildPipeline(api.db.dataSource);
    const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0] }]);
    const q = { clientId: card.clientId, pipelineId: pipeline.id };
    const big = await upload(q, 'big.pdf', Buffer.concat([PDF, Buffer.alloc(70 * 1024, 'x')]));
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FILE_TOO_LARGE' });
    const exe = await upload(q, 'invoice.pdf', Buffer.from('MZ\x90\x00 this is a program'));
    expect(exe.status).toBe(400);
    expect(((await exe.json()) as any).error.reason).toBe('FILE_TYPE');
    const empty = await upload(q, 'empty.txt', Buffer.alloc(0));
    expect(((await empty.json()) as any).error.reason).toBe('FILE_EMPTY');
    const anonymous = await upload(q, 'a.pdf', PDF, null);
    expect(anonymous.status).toBe(401);
    const list = await api.gql(`query($c: ID!) { documents(clientId: $c) { id } }`, { c: card.clientId }, cookie);
    expect(list.data!.documents).toEqual([]);
  });

  it('shares a public link that works until revoked, and hides files from those who may not see the client', async () => {
    const { pipeline, statuses } = await buildPipeline(api.db.dataSource);
    const owner = await api.buildUser();
    const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0], ownerId: owner.id }]);
    await api.db.dataSource.query(`UPDATE clients SET owner_id = $1 WHERE id = $2`, [owner.id, card.clientId]);
    const { document } = (await (await upload({ clientId: card.clientId, pipelineId: pipeline.id }, 'price list.pdf', PDF)).json()) as any;

    const shared = await api.gql(`mutation($id: ID!) { setDocumentShared(id: $id, shared: true) { publicPath } }`, { id: document.id }, cookie);
    const publicPath = shared.data!.setDocumentShared.publicPath;
    expect((await fetch(`${api.url}${publicPath}`)).status).toBe(200);
    await api.gql(`mutation($id: ID!) { setDocumentShared(id: $id, shared: false) { publicPath } }`, { id: document.id }, cookie);
    expect((await fetch(`${api.url}${publicPath}`)).status).toBe(404);

    const restricted = await api.buildUser({ role: Role.Restricted });
    const rc = await api.login(restricted.email, restricted.password);
    expect((await fetch(`${api.url}${document.path}`, { headers: { cookie: rc } })).status).toBe(404);
    expect((await upload({ clientId: card.clientId, pipelineId: pipeline.id }, 'x.pdf', PDF, rc)).status).toBe(404);
    const list = await api.gql(`query($c: ID!) { documents(clientId: $c) { id } }`, { c: card.clientId }, rc);
    expect(list.errors![0].extensions!.code).toBe('NOT_FOUND');

    await api.gql(`mutation($id: ID!) { deleteDocument(id: $id) }`, { id: document.id }, cookie);
    expect((await fetch(`${api.url}${document.path}`, { headers: { cookie } })).status).toBe(404);
  });
});
