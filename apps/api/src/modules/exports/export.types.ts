import { ArrayMaxSize, IsEnum, IsOptional, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CardFilter, CardSort } from '../cards/card.types';
import { ClientFilterInput, ClientSortInput } from '../clients/client.types';

/** The file's format: CSV (UTF-8 with BOM), CSV for Excel (';' and Windows-1250), XLSX or XML. */
export enum ExportFormatEnum {
  CSV = 'csv',
  CSV_EXCEL = 'csv-excel',
  XLSX = 'xlsx',
  XML = 'xml',
}
registerEnumType(ExportFormatEnum, { name: 'ExportFormat', description: 'CSV (UTF-8 with BOM), CSV for Excel (";" and Windows-1250), XLSX or XML (docs/export-format.md)' });

export enum ExportSourceKind {
  CARDS = 'cards',
  CLIENTS = 'clients',
  VIEW = 'view',
}
registerEnumType(ExportSourceKind, { name: 'ExportSourceKind', description: "A pipeline's card list, the client list or a saved view" });

/** What to export: the same filters, sorts and columns the lists take (or a saved view by id). */
@InputType({ description: 'An export: CARDS needs pipelineId (cardFilter, cardSort, columns optional); CLIENTS takes clientFilter, clientSort, columns; VIEW needs viewId' })
export class ExportInput {
  @Field(() => ExportFormatEnum)
  @IsEnum(ExportFormatEnum)
  format: ExportFormatEnum;

  @Field(() => ExportSourceKind)
  @IsEnum(ExportSourceKind)
  kind: ExportSourceKind;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  pipelineId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  viewId?: string;

  @Field(() => CardFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  cardFilter?: CardFilter;

  @Field(() => CardSort, { nullable: true })
  @IsOptional()
  @ValidateNested()
  cardSort?: CardSort;

  @Field(() => ClientFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  clientFilter?: ClientFilterInput;

  @Field(() => ClientSortInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  clientSort?: ClientSortInput;

  @Field(() => [String], { nullable: true, description: 'Column keys as the lists name them, in order' })
  @IsOptional()
  @ArrayMaxSize(60)
  @MaxLength(60, { each: true })
  columns?: string[];
}

@ObjectType({ description: 'An export prepared in the worker: its state and, once done, its file (GET /exports/jobs/:id/file)' })
export class PastExportType {
  @Field(() => ID, { description: 'The background job' })
  id: string;

  @Field({ description: 'QUEUED, RUNNING, CANCELLING, CANCELLED, DONE or FAILED' })
  state: string;

  @Field(() => String, { nullable: true, description: 'CSV, CSV_EXCEL, XLSX or XML' })
  format: string | null;

  @Field(() => String, { nullable: true, description: 'The file name, once done' })
  fileName: string | null;

  @Field(() => Int, { description: 'Rows written (so far)' })
  rows: number;

  @Field(() => Float, { nullable: true, description: 'The file size in bytes, once done' })
  bytes: number | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;
}
