import { cardRecordVisibility, Document, loadNameOrder, FileStorage, Pipeline, SqlParams } from '@crm/db';
import { randomBytes, randomUUID } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AppError, badFields, fieldProblem, fileTooLarge, notFound, refused } from '../../graphql/errors';
import { visibleClient } from '../access/guard';
import type { Viewer } from '@crm/db';
import { recordAudit } from '../audit/audit';
import type { DocumentPlaceInput, DocumentType } from './document.types';
import { ACCEPTED_EXTENSIONS, sniffType } from './file-type';

export interface Upload {
  clientId: string;
  pipelineId: string;
  folder: string;
  fileName: string;
  stream: Readable;
}

const SELECT = `SELECT d.*, u.name AS uploader_name FROM documents d LEFT JOIN users u ON u.id = d.uploaded_by_id`;

function toDocument(r: Record<string, any>): DocumentType {
  return {
    id: r.id,
    clientId: r.client_id,
    pipelineId: r.pipeline_id,
    folder: r.folder,
    name: r.name,
    mimeType: r.mime_type,
    size: Number(r.size),
    path: `/files/${r.id}`,
    publicPath: r.public_token ? `/public/files/${r.public_token}` : null,
    uploadedBy: r.uploaded_by_id ? { id: r.uploaded_by_id, name: r.uploader_name } : null,
    createdAt: r.created_at,
  };
}


/**
 * Documents of a client, in folders per pipeline: upload (type and size checked), view, move,
 * copy, trash, and public links that work until revoked.
 */
export class DocumentService {
  constructor(
    private readonly ds: DataSource,
    private readonly storage: FileStorage,
    private readonly maxBytes: number,
  ) {}

  async list(viewer: Viewer, clientId: string, pipelineId: string | null): Promise<DocumentType[]> {
    await visibleClient(this.ds.manager, viewer, clientId);
    const p = new SqlParams();
    const rows = await this.ds.query(
      `${SELECT} WHERE d.client_id = ${p.param(clientId)} AND (${p.param(pipelineId)}::uuid IS NULL OR d.pipeline_id = ${p.param(pipelineId)}) AND d.deleted_at IS NULL
         AND ${cardRecordVisibility(viewer, p, () => 'hc.client_id = d.client_id AND hc.pipeline_id = d.pipeline_id')} ORDER BY d.folder, ${(await loadNameOrder(this.ds.manager))('lower(d.name)')}`,
      p.values,
    );
    return rows.map(toDocument);
  }

  /**
   * A client's folder names in a pipeline: those made (kept even when empty, until deleted) and
   * those documents are in; '' (the top) first, then A–Z.
   */
  async folders(viewer: Viewer, clientId: string, pipelineId: string): Promise<string[]> {
    await visibleClient(this.ds.manager, viewer, clientId);
    if (!(await this.placeVisible(this.ds.manager, viewer, clientId, pipelineId))) throw notFound('Card');
    const rows: Array<{ name: string }> = await this.ds.query(
      `SELECT name FROM document_folders WHERE client_id = $1 AND pipeline_id = $2
       UNION SELECT folder FROM documents WHERE client_id = $1 AND pipeline_id = $2 AND deleted_at IS NULL AND folder <> ''`,
      [clientId, pipelineId],
    );
    return ['', ...rows.map((r) => r.name).sort((a, b) => a.localeCompare(b))];
  }

  /** Makes an (empty) folder, or keeps the one that is there. */
  async createFolder(viewer: Viewer, clientId: string, pipelineId: string, name: string): Promise<string[]> {
    const folder = name.trim();
    if (!folder) throw badFields('Name the folder.', { name: fieldProblem('FOLDER_NAME', 'Name the folder.') });
    await this.ds.transaction(async (em) => {
      await visibleClient(em, viewer, clientId);
      await this.checkPlace(em, viewer, clientId, pipelineId);
      await keepFolder(em, clientId, pipelineId, folder);
    });
    return this.folders(viewer, clientId, pipelineId);
  }

  /** Deletes an empty folder; one with documents in it stays (move or delete them first). */
  async deleteFolder(viewer: Viewer, clientId: string, pipelineId: string, name: string): Promise<string[]> {
    await this.ds.transaction(async (em) => {
      await visibleClient(em, viewer, clientId);
      await this.checkPlace(em, viewer, clientId, pipelineId);
      const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM documents WHERE client_id = $1 AND pipeline_id = $2 AND folder = $3 AND deleted_at IS NULL`, [clientId, pipelineId, name]);
      if (n > 0) throw badFields('Move or delete the documents in this folder first.', { name: fieldProblem('FOLDER_NOT_EMPTY', 'Move or delete the documents in this folder first.') });
      await em.query(`DELETE FROM document_folders WHERE client_id = $1 AND pipeline_id = $2 AND name = $3`, [clientId, pipelineId, name]);
    });
    return this.folders(viewer, clientId, pipelineId);
  }

  private async get(em: EntityManager, id: string) {
    return toDocument((await em.query(`${SELECT} WHERE d.id = $1`, [id]))[0]);
  }

  private async visible(em: EntityManager, viewer: Viewer, id: string): Promise<Document> {
    const doc = await em.getRepository(Document).findOneBy({ id });
    if (!doc) throw notFound('Document');
    await visibleClient(em, viewer, doc.clientId);
    // A document in the folder of a card the viewer may not see is as missing as one that does not exist.
    if (!(await this.placeVisible(em, viewer, doc.clientId, doc.pipelineId))) throw notFound('Document');
    return doc;
  }

  /** Whether the viewer sees the documents of a client's pipeline folder (not those of a card hidden from them). */
  private async placeVisible(em: EntityManager, viewer: Viewer, clientId: string, pipelineId: string): Promise<boolean> {
    const p = new SqlParams();
    const match = () => `hc.client_id = ${p.param(clientId)} AND hc.pipeline_id = ${p.param(pipelineId)}`;
    const [{ visible }] = await em.query(`SELECT ${cardRecordVisibility(viewer, p, match)} AS visible`, p.values);
    return visible;
  }

  /** A place to put a document: a pipeline that exists, not the folder of a card hidden from the viewer. */
  private async checkPlace(em: EntityManager, viewer: Viewer, clientId: string, pipelineId: string) {
    if (!(await em.getRepository(Pipeline).existsBy({ id: pipelineId }))) throw refused('PIPELINE_MISSING', 'That pipeline does not exist.');
    if (!(await this.placeVisible(em, viewer, clientId, pipelineId))) throw notFound('Card');
  }

  /** Streams an upload to storage, checking its type by its first bytes and its size as it goes. */
  async upload(viewer: Viewer, upload: Upload): Promise<DocumentType> {
    await visibleClient(this.ds.manager, viewer, upload.clientId);
    await this.checkPlace(this.ds.manager, viewer, upload.clientId, upload.pipelineId);
    const fileName = cleanName(upload.fileName);
    if (!fileName) throw refused('FILE_NAME_MISSING', 'The file needs a name.');
    const key = `documents/${upload.clientId}/${randomUUID()}`;
    let mimeType: string | null = null;
    let head = Buffer.alloc(0);
    let bytes = 0;
    const maxBytes = this.maxBytes;
    const guard = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        if (bytes > maxBytes) return done(fileTooLarge(maxBytes));
        if (mimeType === null && head.length < 4096) {
          head = Buffer.concat([head, chunk]).subarray(0, 4096);
          if (head.length >= 16 || bytes === head.length) mimeType = sniffType(head, fileName);
          if (mimeType === null && head.length >= 16) return done(new AppError('BAD_USER_INPUT', `This type of file is not accepted. Upload ${ACCEPTED_EXTENSIONS}.`, { reason: 'FILE_TYPE' }));
        }
        done(null, chunk);
      },
    });
    let size: number;
    try {
      size = await this.storage.put(key, upload.stream.pipe(guard));
    } catch (err) {
      upload.stream.resume(); // drain what is left so the request can end
      throw err;
    }
    mimeType ??= sniffType(head, fileName);
    if (!mimeType || size === 0) {
      await this.storage.delete(key);
      throw new AppError('BAD_USER_INPUT', size === 0 ? 'The file is empty.' : `This type of file is not accepted. Upload ${ACCEPTED_EXTENSIONS}.`, { reason: size === 0 ? 'FILE_EMPTY' : 'FILE_TYPE' });
    }
    return this.ds.transaction(async (em) => {
      const doc = await em.getRepository(Document).save({ clientId: upload.clientId, pipelineId: upload.pipelineId, folder: upload.folder.trim(), name: fileName, mimeType: mimeType!, size: String(size), storageKey: key, uploadedById: viewer.id });
      await keepFolder(em, doc.clientId, doc.pipelineId, doc.folder);
      await recordAudit(em, [{ actorId: viewer.id, action: 'create', entity: 'document', entityId: doc.id, clientId: doc.clientId, changes: { name: [null, doc.name], folder: [null, doc.folder] } }]);
      return this.get(em, doc.id);
    });
  }

  /** A document's bytes for a viewer who may see its client. */
  async open(viewer: Viewer, id: string): Promise<{ doc: Document; body: Readable }> {
    const doc = await this.visible(this.ds.manager, viewer, id);
    if (doc.deletedAt) throw notFound('Document');
    return { doc, body: await this.storage.get(doc.storageKey) };
  }

  /** A document's bytes by its public link, while the link is shared. */
  /** A shared document by its public token; the link stops working while its client, or its card in that pipeline, is in the trash. */
  async openPublic(token: string): Promise<{ doc: Document; body: Readable }> {
    const doc = /^[A-Za-z0-9_-]{20,64}$/.test(token) ? await this.ds.getRepository(Document).findOneBy({ publicToken: token, deletedAt: IsNull() }) : null;
    if (!doc) throw notFound('Document');
    const [{ live }] = await this.ds.query(
      `SELECT EXISTS (SELECT 1 FROM clients WHERE id = $1 AND deleted_at IS NULL)
          AND (EXISTS (SELECT 1 FROM cards WHERE client_id = $1 AND pipeline_id = $2 AND deleted_at IS NULL)
               OR NOT EXISTS (SELECT 1 FROM cards WHERE client_id = $1 AND pipeline_id = $2)) AS live`,
      [doc.clientId, doc.pipelineId],
    );
    if (!live) throw notFound('Document');
    return { doc, body: await this.storage.get(doc.storageKey) };
  }

  move(viewer: Viewer, id: string, place: DocumentPlaceInput): Promise<DocumentType> {
    return this.ds.transaction(async (em) => {
      const doc = await this.visible(em, viewer, id);
      await this.checkPlace(em, viewer, doc.clientId, place.pipelineId);
      await em.getRepository(Document).update(id, { pipelineId: place.pipelineId, folder: place.folder.trim() });
      // The folder it leaves stays (even empty) until someone deletes it.
      await keepFolder(em, doc.clientId, doc.pipelineId, doc.folder);
      await keepFolder(em, doc.clientId, place.pipelineId, place.folder.trim());
      await recordAudit(em, [{ actorId: viewer.id, action: 'update', entity: 'document', entityId: id, clientId: doc.clientId, changes: { name: [doc.name, doc.name], folder: [doc.folder, place.folder.trim()], pipelineId: [doc.pipelineId, place.pipelineId] } }]);
      return this.get(em, id);
    });
  }

  copy(viewer: Viewer, id: string, place: DocumentPlaceInput): Promise<DocumentType> {
    return this.ds.transaction(async (em) => {
      const doc = await this.visible(em, viewer, id);
      await this.checkPlace(em, viewer, doc.clientId, place.pipelineId);
      const key = `documents/${doc.clientId}/${randomUUID()}`;
      await this.storage.copy(doc.storageKey, key);
      const copy = await em.getRepository(Document).save({
        clientId: doc.clientId,
        name: doc.name,
        mimeType: doc.mimeType,
        size: doc.size,
        pipelineId: place.pipelineId,
        folder: place.folder.trim(),
        storageKey: key,
        uploadedById: viewer.id,
      });
      await keepFolder(em, doc.clientId, copy.pipelineId, copy.folder);
      await recordAudit(em, [{ actorId: viewer.id, action: 'copy', entity: 'document', entityId: copy.id, clientId: doc.clientId, changes: { name: [null, copy.name], folder: [null, copy.folder], pipelineId: [null, copy.pipelineId], copiedFrom: [doc.id, copy.id] } }]);
      return this.get(em, copy.id);
    });
  }

  /** Shares a public link (a new secret), or revokes it. */
  setShared(viewer: Viewer, id: string, shared: boolean): Promise<DocumentType> {
    return this.ds.transaction(async (em) => {
      const doc = await this.visible(em, viewer, id);
      const token = shared ? randomBytes(24).toString('base64url') : null;
      await em.getRepository(Document).update(id, { publicToken: token });
      await recordAudit(em, [{ actorId: viewer.id, action: shared ? 'share' : 'unshare', entity: 'document', entityId: id, clientId: doc.clientId, changes: { shared: [!!doc.publicToken, shared] } }]);
      return this.get(em, id);
    });
  }

  /** To the trash (its public link stops working). */
  delete(viewer: Viewer, id: string): Promise<boolean> {
    return this.ds.transaction(async (em) => {
      const doc = await this.visible(em, viewer, id);
      await em.getRepository(Document).update(id, { publicToken: null });
      await em.getRepository(Document).softDelete(id);
      await keepFolder(em, doc.clientId, doc.pipelineId, doc.folder);
      await recordAudit(em, [{ actorId: viewer.id, action: 'delete', entity: 'document', entityId: id, clientId: doc.clientId, changes: { name: [doc.name, null] } }]);
      return true;
    });
  }
}

/** Remembers a folder, so it stays when its last document leaves ('' is the top: always there). */
async function keepFolder(em: EntityManager, clientId: string, pipelineId: string, name: string) {
  if (!name) return;
  await em.query(`INSERT INTO document_folders (client_id, pipeline_id, name) VALUES ($1, $2, $3) ON CONFLICT (client_id, pipeline_id, name) DO NOTHING`, [clientId, pipelineId, name]);
}

/** A file name safe to store and to send back in a header. */
export function cleanName(name: string): string {
  return name
    .replace(/[\u0000-\u001f\u007f/\\]/g, '')
    .trim()
    .slice(0, 255);
}
