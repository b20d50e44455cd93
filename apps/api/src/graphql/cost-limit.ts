import type { ApolloServerPlugin } from '@apollo/server';
import {
  FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  GraphQLField,
  GraphQLSchema,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  type FieldNode,
  type GraphQLCompositeType,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import type { Context } from './context';
import { AppError } from './errors';

export interface CostLimits {
  /** Fields at the root of one operation (each alias counts). */
  maxRootFields: number;
  /** Aliased fields anywhere in one operation. */
  maxAliases: number;
  /** Rows asked for across the whole operation: the sum of every page size (limit, first, page.limit), times the pages around it. */
  maxRows: number;
  /** Fields resolved, each times the page sizes around it. */
  maxCost: number;
}

export const COST_LIMITS: CostLimits = { maxRootFields: 20, maxAliases: 20, maxRows: 1000, maxCost: 25_000 };

export interface OperationCost {
  rootFields: number;
  aliases: number;
  rows: number;
  cost: number;
}

/** The page size a field asks for (its `limit`, `first` or `page.limit`, defaults included), or null for a field that is not paged. */
function pageSize(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): number | null {
  if (!field.args.some((a) => a.name === 'limit' || a.name === 'first' || a.name === 'page')) return null;
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(field, node, variables);
  } catch {
    return null; // invalid arguments fail in execution with their own error
  }
  const page = args.page as { limit?: unknown } | undefined;
  // `page` left out: the resolvers' default page (50).
  const size = args.limit ?? args.first ?? (field.args.some((a) => a.name === 'page') ? (page?.limit ?? 50) : null);
  return typeof size === 'number' && Number.isFinite(size) ? Math.max(0, size) : null;
}

/** Measures an operation as it would run with these variables (fragments expanded). */
export function operationCost(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>, variables: Record<string, unknown> = {}): OperationCost {
  const total: OperationCost = { rootFields: 0, aliases: 0, rows: 0, cost: 0 };
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  const walk = (set: SelectionSetNode, type: GraphQLCompositeType, times: number, atRoot: boolean, spread: Set<string>) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (atRoot) total.rootFields += 1;
        if (sel.alias) total.aliases += 1;
        total.cost += times;
        const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[sel.name.value] : undefined;
        if (!field || !sel.selectionSet) continue; // __typename, introspection (bounded by the depth limit), leaves
        const size = pageSize(field, sel, variables);
        if (size !== null) total.rows += times * size;
        const inner = getNamedType(field.type);
        if (isCompositeType(inner)) walk(sel.selectionSet, inner, times * Math.max(size ?? 1, 1), false, spread);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        walk(sel.selectionSet, on && isCompositeType(on) ? on : type, times, atRoot, spread);
      } else {
        const fragment = fragments[sel.name.value];
        if (!fragment || spread.has(sel.name.value)) continue;
        const on = schema.getType(fragment.typeCondition.name.value);
        walk(fragment.selectionSet, on && isCompositeType(on) ? on : type, times, atRoot, new Set(spread).add(sel.name.value));
      }
    }
  };
  if (root) walk(operation.selectionSet, root, 1, true, new Set());
  return total;
}

/** Which limit an operation breaks, if any. */
export function exceededLimit(cost: OperationCost, limits: CostLimits): { limit: keyof CostLimits; max: number; actual: number } | null {
  const checks: Array<[keyof CostLimits, number]> = [
    ['maxRootFields', cost.rootFields],
    ['maxAliases', cost.aliases],
    ['maxRows', cost.rows],
    ['maxCost', cost.cost],
  ];
  for (const [limit, actual] of checks) if (actual > limits[limit]) return { limit, max: limits[limit], actual };
  return null;
}

/**
 * Refuses, before anything runs, an operation that asks for too much at once: too many root
 * fields or aliases, too many rows across all its pages (100 aliased 500-card pages are 50,000
 * rows), or too many fields in all. Runs once the operation and its variables are known, so a
 * page size passed as a variable counts like one written inline.
 */
export function costLimitPlugin(limits: CostLimits = COST_LIMITS): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
          const over = exceededLimit(operationCost(schema, operation, fragments, request.variables ?? {}), limits);
          if (!over) return;
          const error = new AppError('BAD_USER_INPUT', `The request asks for too much at once (${over.limit} ${over.actual} > ${over.max}); split it up.`, {
            reason: 'QUERY_TOO_LARGE',
            limit: over.limit,
            max: over.max,
            actual: over.actual,
          });
          throw new GraphQLError(error.message, { originalError: error, extensions: { http: { status: 400 } } });
        },
      };
    },
  };
}
