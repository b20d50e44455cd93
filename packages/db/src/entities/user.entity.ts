import { Role } from '@crm/shared';
import { Column, CreateDateColumn, Entity, Index, JoinTable, ManyToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Department } from './label.entity';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Index('users_email_key', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 255, select: false })
  passwordHash: string;

  @Column({ type: 'enum', enum: Role, enumName: 'user_role', default: Role.Normal })
  role: Role;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** An API key's service user: acts for the key, never signs in, listed nowhere. */
  @Column({ type: 'boolean', default: false })
  service: boolean;

  @Column({ type: 'varchar', length: 8, default: 'en' })
  locale: string;

  @Column({ type: 'text', nullable: true })
  signature: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  /** The profile photo's key in the file storage (a square image the user cropped), or null. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  photoKey: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  photoType: string | null;

  /** A user in departments sees only those departments' clients (admins and managers see all). */
  @ManyToMany(() => Department)
  @JoinTable({ name: 'user_departments', joinColumn: { name: 'user_id' }, inverseJoinColumn: { name: 'department_id' } })
  departments?: Department[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
