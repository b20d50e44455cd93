import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsOptional, Length } from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ApiKeyModule } from './api-key.scopes';

registerEnumType(ApiKeyModule, { name: 'ApiKeyModule', description: 'A part of the API a key may reach' });

@ObjectType('ApiKey', { description: 'A key an integration sends as `Authorization: Bearer <key>`; the secret is shown once' })
export class ApiKeyType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'The first characters of the key, to tell keys apart' })
  prefix: string;

  @Field({ description: 'Write keys may run mutations; read keys only queries' })
  canWrite: boolean;

  @Field(() => [ApiKeyModule])
  modules: ApiKeyModule[];

  @Field(() => Date, { nullable: true })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Field(() => Date, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => ID, { description: 'The service user the key acts as (its name in History and the audit log)' })
  serviceUserId: string;

  @Field()
  createdAt: Date;
}

@ObjectType({ description: 'A new key and its secret (shown only in this answer)' })
export class CreatedApiKey {
  @Field(() => ApiKeyType)
  key: ApiKeyType;

  @Field()
  secret: string;
}

@InputType()
export class CreateApiKeyInput {
  @Field()
  @Length(1, 80, { message: 'Enter a name of at most 80 characters.' })
  name: string;

  @Field({ defaultValue: false })
  @IsBoolean()
  canWrite: boolean;

  @Field(() => [ApiKeyModule])
  @ArrayMinSize(1, { message: 'Choose at least one module.' })
  @ArrayMaxSize(10)
  @IsEnum(ApiKeyModule, { each: true })
  modules: ApiKeyModule[];

  @Field(() => Date, { nullable: true, description: 'When the key stops working; null for never' })
  @IsOptional()
  expiresAt?: Date | null;
}
