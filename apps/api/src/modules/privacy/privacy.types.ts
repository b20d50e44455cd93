import { registerEnumType } from 'type-graphql';

/** Whose personal data: a client (with its contacts) or one contact. */
export enum PersonalDataKind {
  CLIENT = 'CLIENT',
  CONTACT = 'CONTACT',
}
registerEnumType(PersonalDataKind, { name: 'PersonalDataKind', description: 'A client (with all its contacts) or one contact' });
