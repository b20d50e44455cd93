import { IsIn, IsInt, IsOptional, Length, Matches, Max, MaxLength, Min, ArrayMaxSize, ArrayMinSize } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { BackgroundJobType } from '../jobs/job.types';

@ObjectType({ description: "A connected IMAP mailbox: the caller's own, or one of the organisation's shared ones (the password is never returned)" })
export class MailAccountType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: "A shared mailbox's name (office@, Support); null for a user's own" })
  name: string | null;

  @Field()
  host: string;

  @Field(() => Int)
  port: number;

  @Field({ description: 'TLS (implicit, usually port 993), STARTTLS (usually 143) or NONE' })
  security: string;

  @Field()
  username: string;

  @Field(() => [String], { description: 'Folders synced, e.g. INBOX' })
  folders: string[];

  @Field(() => Int, { description: 'How many days back the first sync reads' })
  sinceDays: number;

  @Field()
  enabled: boolean;

  @Field(() => Int, { description: 'Messages stored from this mailbox so far' })
  messagesSynced: number;

  @Field(() => Date, { nullable: true })
  lastSyncAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the last sync failed: IMAP_AUTH_FAILED, IMAP_HOST_UNREACHABLE, IMAP_TLS_FAILED, IMAP_TIMEOUT, IMAP_FOLDER_MISSING, IMAP_FAILED, MAILBOX_KEY_MISSING, MAILBOX_SECRET_UNREADABLE' })
  lastErrorCode: string | null;

  @Field(() => Date, { nullable: true })
  lastErrorAt: Date | null;

  @Field(() => BackgroundJobType, { nullable: true, description: 'The latest sync (running or finished)' })
  syncJob: BackgroundJobType | null;
}

@ObjectType({ description: 'The mailbox settings page: whether the server may store passwords, and the connected mailbox' })
export class MailboxSettingsType {
  @Field({ description: 'MAILBOX_KEY is set: mailbox passwords can be stored encrypted' })
  keyConfigured: boolean;

  @Field(() => MailAccountType, { nullable: true })
  account: MailAccountType | null;
}

@ObjectType()
export class MailConnectionTestType {
  @Field()
  ok: boolean;

  @Field(() => String, { nullable: true, description: 'The error code when it failed (see MailAccount.lastErrorCode)' })
  code: string | null;
}

@InputType()
export class MailAccountInput {
  @Field()
  @Matches(/^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$|^\[?[0-9a-f:.]{2,45}\]?$/i, { message: 'Enter a host name such as imap.example.com.' })
  host: string;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'Enter a port between 1 and 65535.' })
  @Max(65535, { message: 'Enter a port between 1 and 65535.' })
  port: number;

  @Field()
  @IsIn(['TLS', 'STARTTLS', 'NONE'], { message: 'Choose TLS, STARTTLS or NONE.' })
  security: string;

  @Field()
  @Length(1, 320, { message: 'Enter the user name (usually the address).' })
  username: string;

  @Field(() => String, { nullable: true, description: 'The password or app password; omit to keep the stored one' })
  @IsOptional()
  @Length(1, 500, { message: 'Enter the password.' })
  password: string | null;

  @Field(() => [String], { nullable: true, description: 'Default: INBOX' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @MaxLength(200, { each: true })
  @Length(1, 200, { each: true, message: 'Enter folder names.' })
  folders: string[] | null;

  @Field(() => Int, { nullable: true, description: 'How many days back the first sync reads (default 30)' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'Enter between 1 and 3650 days.' })
  @Max(3650, { message: 'Enter between 1 and 3650 days.' })
  sinceDays: number | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  enabled: boolean | null;
}

@InputType({ description: "A shared mailbox's settings: a name besides the connection" })
export class SharedMailboxInput extends MailAccountInput {
  @Field()
  @Matches(/\S/, { message: 'Enter a name.' })
  @MaxLength(120, { message: 'Enter at most 120 characters.' })
  name: string;
}
