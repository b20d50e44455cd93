import { erasePersonalData, exportPersonalData, PrivacyError, type FileStorage, type PersonalDataArchive, type PersonalDataSubject } from '@crm/db';
import type { DataSource } from 'typeorm';
import { AppError, notFound, refused } from '../../graphql/errors';
import { PersonalDataKind } from './privacy.types';

const subjectOf = (kind: PersonalDataKind, id: string): PersonalDataSubject => ({ kind: kind === PersonalDataKind.CLIENT ? 'client' : 'contact', id });

/** A person's data on request (GDPR): exported as one archive, or erased everywhere. Admins only (resolver and route). */
export class PrivacyService {
  constructor(
    private readonly ds: DataSource,
    private readonly storage: FileStorage,
    private readonly mailDir: string | null,
    /** Told after cards went with an erased client (automations let them go). */
    private readonly onCardsChanged: (pipelineId: string | null) => Promise<void> = async () => undefined,
  ) {}

  async exportArchive(kind: PersonalDataKind, id: string): Promise<PersonalDataArchive> {
    try {
      return await exportPersonalData(this.ds, subjectOf(kind, id), this.storage);
    } catch (err) {
      throw asAppError(err);
    }
  }

  /** Erases the person; `confirmName` is their name as the admin typed it. */
  async erase(actorId: string, kind: PersonalDataKind, id: string, confirmName: string): Promise<boolean> {
    try {
      await erasePersonalData(this.ds, subjectOf(kind, id), actorId, { files: this.storage, mailDir: this.mailDir }, confirmName);
    } catch (err) {
      throw asAppError(err);
    }
    if (kind === PersonalDataKind.CLIENT) await this.onCardsChanged(null);
    return true;
  }
}

function asAppError(err: unknown): unknown {
  if (!(err instanceof PrivacyError)) return err;
  if (err.code === 'SUBJECT_NOT_FOUND') return notFound('Client or contact');
  return refused('NAME_MISMATCH', 'The name typed is not the name of the client or contact.') as AppError;
}
