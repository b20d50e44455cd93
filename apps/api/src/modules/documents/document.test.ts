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
  it('serves a UTF-8 text file with its charset, and one in another encoding without claiming UTF-8', async () => {
    const { pipeline, statuses } = await buildPipeline(api.db.dataSource);
    const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0] }]);
    const q = { clientId: card.clientId, pipelineId: pipeline.id };
    const utf8 = Buffer.from('Árvíztűrő tükörfúrógép – jegyzet\n', 'utf8');
    const up = (await (await upload(q, 'jegyzet.txt', utf8)).json()) as any;
    const file = await fetch(`${api.url}${up.document.path}`, { headers: { cookie } });
    expect(file.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await file.text()).toBe('Árvíztűrő tükörfúrógép – jegyzet\n');
    // "ő" in Windows-1250 is 0xF5: not UTF-8, so no charset is claimed.
    const latin = Buffer.from([0x41, 0x72, 0x76, 0xed, 0x7a, 0x74, 0xfb, 0x72, 0xf5, 0x0a, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47]);
    const up2 = (await (await upload(q, 'regi.txt', latin)).json()) as any;
    const old = await fetch(`${api.url}${up2.document.path}`, { headers: { cookie } });
    expect(old.headers.get('content-type')).toBe('text/plain');
  });

  it('keeps a folder when its last document leaves, until it is deleted; a copy is logged with its name', async () => {
    const { pipeline, statuses } = await buildPipeline(api.db.dataSource);
    const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0] }]);
    const vars = { c: card.clientId, p: pipeline.id };
    const FOLDERS = `query($c: ID!, $p: ID!) { documentFolders(clientId: $c, pipelineId: $p) }`;
    const made = await api.gql(`mutation($c: ID!, $p: ID!, $n: String!) { createDocumentFolder(clientId: $c, pipelineId: $p, name: $n) }`, { ...vars, n: 'Üres' }, cookie);
    expect(made.data!.createDocumentFolder).toEqual(['', 'Üres']);
    const up = (await (await upload({ clientId: card.clientId, pipelineId: pipeline.id, folder: 'Szerződések' }, 'a.pdf', PDF)).json()) as any;
    expect((await api.gql(FOLDERS, vars, cookie)).data!.documentFolders).toEqual(['', 'Szerződések', 'Üres']);

    const copied = await api.gql(`mutation($id: ID!, $to: DocumentPlaceInput!) { copyDocument(id: $id, to: $to) { id } }`, { id: up.document.id, to: { pipelineId: pipeline.id, folder: 'Üres' } }, cookie);
    expect(copied.errors).toBeUndefined();
    const [log] = await api.db.dataSource.query(`SELECT action, changes FROM audit_log WHERE entity_id = $1`, [copied.data!.copyDocument.id]);
    expect(log).toEqual({ action: 'copy', changes: expect.objectContaining({ name: [null, 'a.pdf'], folder: [null, 'Üres'] }) });

    // The folder empties: it stays.
    await api.gql(`mutation($id: ID!) { deleteDocument(id: $id) }`, { id: up.document.id }, cookie);
    expect((await api.gql(FOLDERS, vars, cookie)).data!.documentFolders).toEqual(['', 'Szerződések', 'Üres']);
    const DELETE = `mutation($c: ID!, $p: ID!, $n: String!) { deleteDocumentFolder(clientId: $c, pipelineId: $p, name: $n) }`;
    const notEmpty = await api.gql(DELETE, { ...vars, n: 'Üres' }, cookie);
    expect(notEmpty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const deleted = await api.gql(DELETE, { ...vars, n: 'Szerződések' }, cookie);
    expect(deleted.data!.deleteDocumentFolder).toEqual(['', 'Üres']);
  });
});
