import { ClientType } from '@crm/shared';
import {
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Category, Classification, Department, Tag } from './label.entity';
import { User } from './user.entity';

/** A company or a person that the business deals with. */
@Entity('clients')
// Free-text search (names, emails, phones): a trigram index on search_text, which a trigger fills.
@Index('clients_search_trgm_idx', { synchronize: false })
// Duplicate checks while typing and incoming-mail routing look clients up by normalised email,
// phone and tax id, and by domain: expression indexes (migration LookupIndexes).
@Index('clients_email_keys_idx', { synchronize: false })
@Index('clients_phone_keys_idx', { synchronize: false })
@Index('clients_tax_id_key_idx', { synchronize: false })
@Index('clients_domain_key_idx', { synchronize: false })
// The client list sorted by name in the organisation's language (migration OrganisationSettings).
@Index('clients_name_hu_idx', { synchronize: false })
@Index('clients_name_pl_idx', { synchronize: false })
@Index('clients_name_sk_idx', { synchronize: false })
@Index('clients_created_idx', ['createdAt'], { where: 'deleted_at IS NULL' })
// A Normal user's new clients per week, index-only: (owner_id, created_at) INCLUDE (id) (migration ClientOwnerIndex).
@Index('clients_owner_created_idx', { synchronize: false })
export class Client {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: ClientType, enumName: 'client_type', default: ClientType.Company })
  type: ClientType;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  emails: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  phones: string[];

  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  taxId: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  website: string | null;

  /** Lower-cased e-mail domain; incoming mail from it lands on the client's card. */
  @Index('clients_domain_idx')
  @Column({ type: 'varchar', length: 255, nullable: true })
  domain: string | null;

  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_id' })
  owner?: User | null;

  @Index('clients_department_id_idx')
  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne(() => Department, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'department_id' })
  department?: Department | null;

  @Column({ type: 'uuid', nullable: true })
  classificationId: string | null;

  @ManyToOne(() => Classification, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'classification_id' })
  classification?: Classification | null;

  /** Lower-cased names, emails and phones (also digits only), kept by a trigger; read-only here. */
  @Column({ type: 'text', default: '', select: false, insert: false, update: false })
  searchText: string;

  /** Phone keys (E.164 digits, national numbers read in the organisation's country), kept by a trigger; read-only here. */
  @Column({ type: 'text', array: true, default: () => "'{}'", select: false, insert: false, update: false })
  phoneKeys: string[];

  @OneToMany(() => Contact, (c) => c.client)
  contacts?: Contact[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @DeleteDateColumn({ type: 'timestamptz' })
  deletedAt: Date | null;
}

/** A person at a client. */
@Entity('contacts')
// By normalised email, for duplicate checks and incoming-mail routing (migration LookupIndexes).
@Index('contacts_email_keys_idx', { synchronize: false })
export class Contact {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('contacts_client_id_idx')
  @Column({ type: 'uuid' })
  clientId: string;

  @ManyToOne(() => Client, (c) => c.contacts, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id' })
  client?: Client;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Job title or role at the client. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  title: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  emails: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  phones: string[];

  @Column({ type: 'boolean', default: false })
  isPrimary: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @DeleteDateColumn({ type: 'timestamptz' })
  deletedAt: Date | null;
}

// A client's labels. The primary key (client_id, label) serves lookups by client; the one other index
// is (label, client_id), so a label's clients come sorted for a merge (migrations
// JoinTablesWithoutClientIndex, LabelClientIndexes).
@Entity('client_categories')
@Index('client_categories_category_client_idx', ['categoryId', 'clientId'])
export class ClientCategory {
  @PrimaryColumn({ type: 'uuid' })
  clientId: string;

  @PrimaryColumn({ type: 'uuid' })
  categoryId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'client_id' })
  client?: Client;

  @ManyToOne(() => Category, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'category_id' })
  category?: Category;
}

@Entity('client_tags')
@Index('client_tags_tag_client_idx', ['tagId', 'clientId'])
export class ClientTag {
  @PrimaryColumn({ type: 'uuid' })
  clientId: string;

  @PrimaryColumn({ type: 'uuid' })
  tagId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'client_id' })
  client?: Client;

  @ManyToOne(() => Tag, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'tag_id' })
  tag?: Tag;
}
