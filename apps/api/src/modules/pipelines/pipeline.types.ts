import { StatusKind } from '@crm/shared';
import { IsEnum, IsHexColor, IsInt, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { StatusKindEnum } from '../../graphql/enums';
import { PLAIN } from '../../graphql/fields';

@ObjectType('Status', PLAIN)
export class StatusType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  pipelineId: string;

  @Field()
  name: string;

  @Field(() => StatusKindEnum)
  kind: StatusKind;

  @Field()
  color: string;

  @Field(() => Int)
  position: number;

  @Field(() => Date, { nullable: true })
  archivedAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'Chance in percent that an open card here is won (weighs the forecast)' })
  probability: number | null;
}

@ObjectType('Pipeline')
export class PipelineType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => Int)
  position: number;

  @Field(() => Date, { nullable: true })
  archivedAt: Date | null;

  @Field(() => [StatusType], { description: 'Ordered; archived statuses are included (see archivedAt).' })
  statuses: StatusType[];
}

@InputType()
export class CreateStatusInput {
  @Field(() => ID)
  @IsUUID()
  pipelineId: string;

  @Field()
  @Length(1, 120, { message: 'Enter a name of at most 120 characters.' })
  name: string;

  @Field(() => StatusKindEnum, { defaultValue: StatusKind.Open })
  @IsEnum(StatusKind)
  kind: StatusKind;

  @Field({ defaultValue: '#64748b' })
  @IsHexColor({ message: 'Pick a colour like #3366ff.' })
  color: string;
}

@InputType()
export class UpdateStatusInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 120, { message: 'Enter a name of at most 120 characters.' })
  name?: string;

  @Field(() => StatusKindEnum, { nullable: true })
  @IsOptional()
  @IsEnum(StatusKind)
  kind?: StatusKind;

  @Field({ nullable: true })
  @IsOptional()
  @IsHexColor({ message: 'Pick a colour like #3366ff.' })
  color?: string;

  @Field(() => Int, { nullable: true, description: 'Chance in percent (0–100) that an open card here is won; null clears it' })
  @IsOptional()
  @IsInt({ message: 'Enter a whole percentage.' })
  @Min(0, { message: 'Enter a percentage from 0 to 100.' })
  @Max(100, { message: 'Enter a percentage from 0 to 100.' })
  probability?: number | null;
}
