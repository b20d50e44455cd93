import { atLeast, Role } from '@crm/shared';
import { MaxLength, MinLength } from 'class-validator';
import { Arg, ArgsType, Args, Authorized, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Context, currentUser } from '../../graphql/context';
import { ChangePasswordInput, CreateUserInput, PasswordRule, UpdateProfileInput, UpdateUserInput } from './user.inputs';
import { UserRef } from '../cards/card.types';
import { UserType } from './user.type';

@ArgsType()
class ResetPasswordArgs {
  @Field(() => ID)
  id: string;

  @Field()
  @MinLength(PasswordRule.min, { message: PasswordRule.message })
  @MaxLength(200)
  password: string;
}

const ADMIN = atLeast(Role.Admin);

@Resolver(() => UserType)
export class UserResolver {
  @Authorized(ADMIN)
  @Query(() => [UserType])
  users(@Ctx() ctx: Context): Promise<UserType[]> {
    return ctx.services.users.list();
  }

  @Authorized(ADMIN)
  @Query(() => UserType)
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<UserType> {
    return ctx.services.users.get(id);
  }

  @Authorized(ADMIN)
  @Mutation(() => UserType)
  createUser(@Arg('input') input: CreateUserInput, @Ctx() ctx: Context): Promise<UserType> {
    return ctx.services.users.create(currentUser(ctx), input);
  }

  @Authorized(ADMIN)
  @Mutation(() => UserType)
  updateUser(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateUserInput, @Ctx() ctx: Context): Promise<UserType> {
    return ctx.services.users.update(currentUser(ctx), id, input);
  }

  @Authorized(ADMIN)
  @Mutation(() => UserType)
  setUserActive(@Arg('id', () => ID) id: string, @Arg('active') active: boolean, @Ctx() ctx: Context): Promise<UserType> {
    return ctx.services.users.setActive(currentUser(ctx), id, active);
  }

  @Authorized(ADMIN)
  @Mutation(() => Boolean)
  async resetUserPassword(@Args() { id, password }: ResetPasswordArgs, @Ctx() ctx: Context): Promise<boolean> {
    await ctx.services.users.resetPassword(currentUser(ctx), id, password);
    return true;
  }

  @Authorized()
  @Query(() => [UserRef], { description: 'Active users, for owner and assignee pickers' })
  assignableUsers(@Ctx() ctx: Context) {
    return ctx.services.users.assignable();
  }

  @Authorized(ADMIN)
  @Mutation(() => UserType, { description: "Sets a user's departments (none: sees every department)" })
  setUserDepartments(@Arg('id', () => ID) id: string, @Arg('departmentIds', () => [ID]) departmentIds: string[], @Ctx() ctx: Context) {
    return ctx.services.users.setDepartments(currentUser(ctx), id, departmentIds);
  }

  // No @Authorized here: `login` returns the user before a session exists, and a User is only ever
  // reached through guarded fields or as oneself. The photo's address itself needs a session.
  @FieldResolver(() => String, { nullable: true, description: "The user's photo (a square image), served to signed-in users" })
  photoUrl(@Root() user: UserType): string | null {
    // The key changes with every upload, so the address does too and browsers may cache each one.
    return user.photoKey ? `/files/avatars/${user.id}?v=${user.photoKey.split('/').pop()}` : null;
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Changes the own password (the current one is required); ends every other session' })
  async changeMyPassword(@Arg('input') input: ChangePasswordInput, @Ctx() ctx: Context): Promise<boolean> {
    await ctx.services.users.changeMyPassword(currentUser(ctx), ctx.sessionTokenHash, input.currentPassword, input.newPassword);
    return true;
  }

  @Authorized()
  @Mutation(() => UserType, { description: 'Sets the own photo: a PNG, JPEG or WebP image (data URL or base64), cropped to a square by the browser' })
  setMyPhoto(@Arg('image') image: string, @Ctx() ctx: Context): Promise<UserType> {
    return ctx.services.users.setMyPhoto(currentUser(ctx), image);
  }

  @Authorized()
  @Mutation(() => UserType)
  removeMyPhoto(@Ctx() ctx: Context): Promise<UserType> {
    return ctx.services.users.removeMyPhoto(currentUser(ctx));
  }

  @Authorized()
  @Mutation(() => UserType)
  updateMyProfile(@Arg('input') input: UpdateProfileInput, @Ctx() ctx: Context): Promise<UserType> {
    return ctx.services.users.updateProfile(currentUser(ctx), input);
  }
}
