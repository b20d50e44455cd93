import { Document, FileStorage, Pipeline } from '@crm/db';
import { randomBytes, randomUUID } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AppError, badInput, notFound } from '../../graphql/errors';
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

export const tooLarge = (maxBytes: number) => new AppError('BAD_USER_INPUT', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`, { reason: 'FILE_TOO_LARGE' });

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
    const rows = await this.ds.query(`${SELECT} WHERE d.client_id = $1 AND ($2::uuid IS NULL OR d.pipeline_id = $2) AND d.deleted_at IS NULL ORDER BY d.folder, lower(d.name)`, [clientId, pipelineId]);
    return rows.map(toDocument);
  }

  private async get(em: EntityManager, id: string) {
    return toDocument((await em.query(`${SELECT} WHERE d.id = $1`, [id]))[0]);
  }

  private async visible(em: EntityManager, viewer: Viewer, id: string): Promise<Document> {
    const doc = await em.getRepository(Document).findOneBy({ id });
    if (!doc) throw notFound('Document');
    await visibleClient(em, viewer, doc.clientId);
    return doc;
  }

  private async checkPipeline(em: EntityManager, pipelineId: string) {
    if (!(await em.getRepository(Pipeline).existsBy({ id: pipelineId }))) throw badInput('That pipeline does not exist.');
  }

  /** Streams an upload to storage, checking its type by its first bytes and its size as it goes. */
  async upload(viewer: Viewer, upload: Upload): Promise<DocumentType> {
    await visibleClient(this.ds.manager, viewer, upload.clientId);
    await this.checkPipeline(this.ds.manager, upload.pipelineId);
    const fileName = cleanName(upload.fileName);
    if (!fileName) throw badInput('The file needs a name.');
    const key = `documents/${upload.clientId}/${randomUUID()}`;
    let mimeType: string | null = null;
    let head = Buffer.alloc(0);
    let bytes = 0;
    const maxBytes = this.maxBytes;
    const guard = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        if (bytes > maxBytes) return done(tooLarge(maxBytes));
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
      await this.checkPipeline(em, place.pipelineId);
      await em.getRepository(Document).update(id, { pipelineId: place.pipelineId, folder: place.folder.trim() });
      await recordAudit(em, [{ actorId: viewer.id, action: 'update', entity: 'document', entityId: id, clientId: doc.clientId, changes: { folder: [doc.folder, place.folder.trim()], pipelineId: [doc.pipelineId, place.pipelineId] } }]);
      return this.get(em, id);
    });
  }

  copy(viewer: Viewer, id: string, place: DocumentPlaceInput): Promise<DocumentType> {
    return this.ds.transaction(async (em) => {
      const doc = await this.visible(em, viewer, id);
      await this.checkPipeline(em, place.pipelineId);
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
      await recordAudit(em, [{ actorId: viewer.id, action: 'create', entity: 'document', entityId: copy.id, clientId: doc.clientId, changes: { copiedFrom: [doc.id, copy.id] } }]);
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
      await recordAudit(em, [{ actorId: viewer.id, action: 'delete', entity: 'document', entityId: id, clientId: doc.clientId, changes: { name: [doc.name, null] } }]);
      return true;
    });
  }
}

/** A file name safe to store and to send back in a header. */
export function cleanName(name: string): string {
  return name
    .replace(/[\u0000-\u001f\u007f/\\]/g, '')
    .trim()
    .slice(0, 255);
}
