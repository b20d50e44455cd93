import { ReportPeriodPreset } from '@crm/shared';
import { ArrayMaxSize, IsEnum, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ReportPeriodPresetEnum } from '../../graphql/enums';
import { ReportFilterInput } from './report.types';

/** The widgets of the Reports page, in its order. */
export enum ReportWidget {
  FUNNEL = 'FUNNEL',
  OUTCOMES = 'OUTCOMES',
  OPEN_PIPELINE = 'OPEN_PIPELINE',
  FORECAST = 'FORECAST',
  WEEKLY = 'WEEKLY',
  ACTIVITY = 'ACTIVITY',
  TIME_IN_STATUS = 'TIME_IN_STATUS',
  AUTOMATIONS = 'AUTOMATIONS',
}
registerEnumType(ReportWidget, { name: 'ReportWidget' });

@ObjectType('SavedReportFilter', { description: 'The filter bar of a saved report' })
export class SavedReportFilter {
  @Field(() => ID)
  pipelineId: string;

  @Field(() => ReportPeriodPresetEnum)
  period: ReportPeriodPreset;

  @Field(() => String, { nullable: true })
  from: string | null;

  @Field(() => String, { nullable: true })
  to: string | null;

  @Field(() => [ID])
  ownerIds: string[];

  @Field(() => [ID])
  departmentIds: string[];

  @Field(() => [ID])
  categoryIds: string[];

  @Field(() => [ID])
  tagIds: string[];
}

@ObjectType('SavedReport', { description: 'A Reports page saved under a name, private or shared with the team' })
export class SavedReportType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => ID)
  ownerId: string;

  @Field({ description: 'Shared with everyone who reads reports (each under their own visibility)' })
  shared: boolean;

  @Field(() => SavedReportFilter)
  filter: SavedReportFilter;

  @Field({ description: 'Shows the previous period beside the figures' })
  compare: boolean;

  @Field(() => [ReportWidget], { description: 'The widgets shown; empty for all' })
  widgets: ReportWidget[];

  @Field({ description: 'The viewer may rename or delete it' })
  editable: boolean;

  @Field({ description: 'The viewer gets its weekly summary mail' })
  subscribed: boolean;
}

@InputType()
export class SavedReportInput {
  @Field()
  @Length(1, 120, { message: 'Enter a name of at most 120 characters.' })
  name: string;

  @Field({ defaultValue: false, description: 'Managers and Admins may share' })
  shared: boolean;

  @Field(() => ReportFilterInput)
  @ValidateNested()
  filter: ReportFilterInput;

  @Field({ defaultValue: false })
  compare: boolean;

  @Field(() => [ReportWidget], { defaultValue: [] })
  @IsEnum(ReportWidget, { each: true })
  @ArrayMaxSize(20)
  widgets: ReportWidget[];
}

@InputType()
export class RenameSavedReportInput {
  @Field()
  @Length(1, 120, { message: 'Enter a name of at most 120 characters.' })
  name: string;

  @Field({ nullable: true, description: 'Managers and Admins may share' })
  shared?: boolean;
}
