import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentViewer } from '../../graphql/context';
import { NoteInput, NoteType } from './note.types';

@Resolver(() => NoteType)
export class NoteResolver {
  @Authorized()
  @Query(() => [NoteType], { description: 'Notes of a card, newest first' })
  notes(@Arg('cardId', () => ID) cardId: string, @Ctx() ctx: Context) {
    return ctx.services.notes.list(currentViewer(ctx), cardId);
  }

  @Authorized()
  @Mutation(() => NoteType)
  createNote(@Arg('cardId', () => ID) cardId: string, @Arg('input') input: NoteInput, @Ctx() ctx: Context) {
    return ctx.services.notes.create(currentViewer(ctx), cardId, input.body);
  }

  @Authorized()
  @Mutation(() => NoteType, { description: 'Only its author may edit a note' })
  updateNote(@Arg('id', () => ID) id: string, @Arg('input') input: NoteInput, @Ctx() ctx: Context) {
    return ctx.services.notes.update(currentViewer(ctx), id, input.body);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Moves the note to the trash (its author only)' })
  deleteNote(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.notes.delete(currentViewer(ctx), id);
  }
}
