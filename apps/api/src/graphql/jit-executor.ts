import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  astFromValue,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isInputObjectType,
  isListType,
  typeFromAST,
  valueFromASTUntyped,
  type ExecutionResult,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * Executes operations with graphql-jit: each distinct operation is compiled once into a function
 * that resolves and completes its fields without graphql-js's per-field interpretation. Apollo
 * Server still parses, validates, runs the plugins and formats errors; it takes a custom executor
 * only through its gateway interface, which is what this is (no federation involved).
 */
export function jitExecutor(schema: GraphQLSchema, cacheSize = 1000): ApolloServerOptionsWithGateway<object>['gateway'] {
  // Compiled operations by query hash and operation name, oldest dropped first.
  const compiled = new Map<string, CompiledQuery>();
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async load() {
      return {
        executor: async (request) => {
          const key = `${request.queryHash}:${request.operationName ?? ''}`;
          let query = compiled.get(key);
          if (!query) {
            const result = compileQuery(schema, request.document, request.operationName ?? undefined);
            if (!isCompiledQuery(result)) return withGraphQLErrors(result);
            query = result;
            compiled.set(key, query);
            if (compiled.size > cacheSize) compiled.delete(compiled.keys().next().value!);
          }
          const variables = withInputDefaults(schema, request.operation, request.request.variables ?? {});
          const result = await query.query(undefined, request.context, variables);
          if (result.errors?.length && !result.data) {
            // Variables that do not fit their types: graphql-js words these errors the way Apollo
            // Server recognises as the client's (BAD_USER_INPUT).
            const coercion = getVariableValues(schema, request.operation.variableDefinitions ?? [], request.request.variables ?? {});
            if (coercion.errors) return { errors: coercion.errors };
          }
          return withGraphQLErrors(result);
        },
      };
    },
    async stop() {
      compiled.clear();
    },
  };
}

/**
 * graphql-jit leaves out the defaults of input object fields a client did not send, and refuses a
 * non-null variable with a default that the client left out (graphql-js fills both in): fill them,
 * written as a client would write them.
 */
export function withInputDefaults(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...variables };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (!(name in out) && definition.defaultValue) out[name] = valueFromASTUntyped(definition.defaultValue);
    if (type && name in out) out[name] = fillDefaults(type, out[name]);
  }
  return out;
}

function fillDefaults(type: GraphQLInputType, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  const nullable = getNullableType(type);
  if (isListType(nullable)) return Array.isArray(value) ? value.map((v) => fillDefaults(nullable.ofType, v)) : fillDefaults(nullable.ofType, value);
  if (!isInputObjectType(nullable) || typeof value !== 'object') return value;
  const filled: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const field of Object.values(nullable.getFields())) {
    if (field.name in filled) filled[field.name] = fillDefaults(field.type, filled[field.name]);
    else if (field.defaultValue !== undefined) {
      const ast = astFromValue(field.defaultValue, field.type);
      if (ast) filled[field.name] = valueFromASTUntyped(ast);
    }
  }
  return filled;
}

/**
 * graphql-jit's errors leave `extensions` undefined, which Apollo Server's error handling does not
 * expect: rebuild them as graphql-js errors, keeping the message, locations, path and cause.
 */
function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((e) => {
    const error = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined, extensions: e.extensions ?? {} });
    if (e.locations) (error as { locations?: unknown }).locations = e.locations;
    return error;
  });
  return { ...result, errors };
}
