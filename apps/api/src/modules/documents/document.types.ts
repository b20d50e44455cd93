import { IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { UserRef } from '../cards/card.types';

@ObjectType('Document')
export class DocumentType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  clientId: string;

  @Field(() => ID)
  pipelineId: string;

  @Field({ description: "Folder within the pipeline's documents ('' is the top)" })
  folder: string;

  @Field()
  name: string;

  @Field()
  mimeType: string;

  @Field(() => Float, { description: 'Bytes' })
  size: number;

  @Field({ description: 'Path to view it (signed-in users who may see the client)' })
  path: string;

  @Field(() => String, { nullable: true, description: 'Path anyone can open until the link is revoked' })
  publicPath: string | null;

  @Field(() => UserRef, { nullable: true })
  uploadedBy: UserRef | null;

  @Field()
  createdAt: Date;
}

@InputType()
export class DocumentPlaceInput {
  @Field(() => ID)
  @IsUUID()
  pipelineId: string;

  @Field({ defaultValue: '' })
  @MaxLength(200)
  @Matches(/^[^/\\\u0000]*$/, { message: 'A folder name cannot contain slashes.' })
  folder: string;
}

@ArgsType()
export class FolderArgs {
  @Field(() => ID)
  @IsUUID()
  clientId: string;

  @Field(() => ID)
  @IsUUID()
  pipelineId: string;

  @Field()
  @Length(1, 200, { message: 'Name the folder (at most 200 characters).' })
  @Matches(/^[^/\\\u0000]*$/, { message: 'A folder name cannot contain slashes.' })
  name: string;
}
