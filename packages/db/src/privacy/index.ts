export { erasePersonalData, ERASED, suppressionKey } from './erase';
export type { ErasureResult, PrivacyStores } from './erase';
export { exportPersonalData } from './export';
export type { PersonalDataArchive } from './export';
export { bytesMention } from './scan';
export { loadPerson, PrivacyError, termsOf } from './subject';
export type { Person, PersonalDataKind, PersonalDataSubject } from './subject';
