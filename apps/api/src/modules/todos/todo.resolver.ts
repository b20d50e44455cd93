import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentViewer } from '../../graphql/context';
import { TodoInput, TodoType } from './todo.types';

@Resolver(() => TodoType)
export class TodoResolver {
  @Authorized()
  @Query(() => [TodoType], { description: 'Open todos of a card by deadline, or done ones (newest first)' })
  todos(@Arg('cardId', () => ID) cardId: string, @Arg('done', { defaultValue: false }) done: boolean, @Ctx() ctx: Context) {
    return ctx.services.todos.list(currentViewer(ctx), cardId, done);
  }

  @Authorized()
  @Mutation(() => TodoType)
  createTodo(@Arg('cardId', () => ID) cardId: string, @Arg('input') input: TodoInput, @Ctx() ctx: Context) {
    return ctx.services.todos.create(currentViewer(ctx), cardId, input);
  }

  @Authorized()
  @Mutation(() => TodoType)
  updateTodo(@Arg('id', () => ID) id: string, @Arg('input') input: TodoInput, @Ctx() ctx: Context) {
    return ctx.services.todos.update(currentViewer(ctx), id, input);
  }

  @Authorized()
  @Mutation(() => TodoType, { description: 'Done todos move to History; false opens it again' })
  setTodoDone(@Arg('id', () => ID) id: string, @Arg('done') done: boolean, @Ctx() ctx: Context) {
    return ctx.services.todos.setDone(currentViewer(ctx), id, done);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Moves the todo to the trash' })
  deleteTodo(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.todos.delete(currentViewer(ctx), id);
  }
}
