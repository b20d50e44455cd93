import { GraphQLJSONObject } from 'graphql-scalars';
import { DuplicatePolicy } from '@crm/shared';
import { IsIn, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DuplicatePolicyEnum } from '../../graphql/enums';
import { BackgroundJobType } from '../jobs/job.types';


@InputType({ description: 'How to read the file; anything left out is detected' })
export class ImportSettingsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(['CSV', 'XLSX', 'VCARD'])
  format?: 'CSV' | 'XLSX' | 'VCARD';

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(['utf-8', 'utf-16le', 'utf-16be', 'windows-1250', 'iso-8859-2', 'windows-1252'])
  encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1250' | 'iso-8859-2' | 'windows-1252';

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn([',', ';', '\t', '|'])
  delimiter?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(1000)
  headerRow?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 120)
  sheet?: string;

  @Field(() => Boolean, { nullable: true, description: 'Import the rest when some rows cannot be read (they are rejected)' })
  @IsOptional()
  skipBrokenRows?: boolean;
}

@InputType()
export class ImportTargetInput {
  @Field(() => ID, { nullable: true, description: 'With a pipeline, every row gets a card there' })
  pipelineId?: string | null;

  @Field(() => ID, { nullable: true })
  statusId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Owner of new clients and cards (default: you)' })
  ownerId?: string | null;

  @Field(() => [ID], { defaultValue: [] })
  categoryIds: string[];

  @Field(() => [ID], { defaultValue: [] })
  tagIds: string[];

  @Field(() => ID, { nullable: true })
  departmentId?: string | null;

  @Field(() => DuplicatePolicyEnum, { defaultValue: DuplicatePolicy.Skip })
  duplicates: DuplicatePolicy;

  @Field({ defaultValue: false, description: 'Cards created start no automations' })
  noAutomations: boolean;

  @Field({ defaultValue: 'hu', description: 'Amounts are read in this language (decimal comma or point)' })
  @Matches(/^[a-z]{2}$/)
  locale: string;

  @Field(() => String, { nullable: true, description: "Phones without a country code are of this country (default: the organisation's phone country)" })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/)
  country?: string | null;

  @Field({ defaultValue: 'HUF', description: 'Currency of values without one' })
  @Matches(/^[A-Z]{3}$/)
  currency: string;
}

@InputType()
export class ImportInput {
  @Field({ description: 'The key POST /imports/upload answered with' })
  @Matches(/^imports\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/)
  fileKey: string;

  @Field()
  @Length(1, 255)
  fileName: string;

  @Field(() => ImportSettingsInput, { nullable: true })
  settings?: ImportSettingsInput | null;

  @Field(() => [String], { nullable: 'itemsAndList', description: 'Target of each column (null: ignored); left out: suggested' })
  mapping?: Array<string | null> | null;

  @Field(() => ImportTargetInput)
  target: ImportTargetInput;
}

@ObjectType()
export class ImportSettingsType {
  @Field()
  format: string;
  @Field()
  encoding: string;
  @Field()
  delimiter: string;
  @Field(() => Int)
  headerRow: number;
  @Field(() => String, { nullable: true })
  sheet: string | null;
  @Field()
  skipBrokenRows: boolean;
}

@ObjectType()
export class ImportCountsType {
  @Field(() => Int)
  created: number;
  @Field(() => Int)
  updated: number;
  @Field(() => Int)
  skipped: number;
  @Field(() => Int)
  rejected: number;
}

@ObjectType({ description: 'A problem with one cell (column null: with the row)' })
export class CellProblemType {
  @Field(() => Int, { nullable: true })
  column: number | null;
  @Field()
  code: string;
  @Field(() => GraphQLJSONObject, { nullable: true })
  params: Record<string, unknown> | null;
}

@ObjectType()
export class ImportPreviewRow {
  @Field(() => Int)
  rowNo: number;
  @Field({ description: 'CREATED, UPDATED, SKIPPED or REJECTED' })
  outcome: string;
  @Field(() => String, { nullable: true })
  reason: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true })
  reasonParams: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The row as it will be stored' })
  draft: Record<string, unknown> | null;
  @Field(() => [CellProblemType])
  problems: CellProblemType[];
}

@ObjectType()
export class ImportPreviewType {
  @Field(() => ImportSettingsType, { description: 'As detected, with your overrides' })
  settings: ImportSettingsType;
  @Field(() => [String], { description: 'An XLSX file’s sheets' })
  sheets: string[];
  @Field(() => [String])
  headers: string[];
  @Field(() => [String], { nullable: 'items' })
  mapping: Array<string | null>;
  @Field(() => [String], { description: 'Every field a column can map to (custom fields: custom.<id>)' })
  targets: string[];
  @Field(() => [[String]], { description: 'The first rows as read (the header among them)' })
  sample: string[][];
  @Field(() => [ImportPreviewRow], { description: 'The first rows as they will be stored' })
  rows: ImportPreviewRow[];
  @Field(() => ImportCountsType)
  counts: ImportCountsType;
  @Field(() => Int)
  rowsChecked: number;
  @Field({ description: 'The file has more rows than the counts cover' })
  more: boolean;
}

@ObjectType()
export class ImportRunType {
  @Field(() => ID)
  id: string;
  @Field()
  fileName: string;
  @Field()
  createdAt: Date;
  @Field(() => ImportCountsType)
  counts: ImportCountsType;
  @Field(() => Date, { nullable: true })
  undoneAt: Date | null;
  @Field({ description: 'Until when it can be undone' })
  undoUntil: Date;
  @Field(() => BackgroundJobType)
  job: BackgroundJobType;
  @Field(() => BackgroundJobType, { nullable: true, description: 'The undo, once asked for (the last one: a stopped undo is asked for again)' })
  undoJob: BackgroundJobType | null;
  @Field({ description: 'GET this path for the rejected rows as a file' })
  rejectsPath: string;
}

@ObjectType()
export class ImportMappingType {
  @Field(() => ID)
  id: string;
  @Field()
  name: string;
  @Field(() => GraphQLJSONObject, { description: '{ header name: target }' })
  columns: Record<string, string>;
}
