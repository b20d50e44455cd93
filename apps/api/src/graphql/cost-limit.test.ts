import { Kind, type DocumentNode, type FragmentDefinitionNode } from 'graphql';
import * as web from '../../../web/src/graphql/generated/graphql';
import { buildApiSchema } from './schema';
import { COST_LIMITS, exceededLimit, operationCost } from './cost-limit';

describe('GraphQL cost limits', () => {
  it('let every operation of the web app through with room to spare', async () => {
    const schema = await buildApiSchema();
    const documents = Object.entries(web).filter(([name, v]) => name.endsWith('Document') && (v as DocumentNode)?.kind === Kind.DOCUMENT) as Array<[string, DocumentNode]>;
    expect(documents.length).toBeGreaterThan(40);
    for (const [name, doc] of documents) {
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
      for (const op of doc.definitions) {
        if (op.kind !== Kind.OPERATION_DEFINITION) continue;
        // The largest pages the app asks for.
        const cost = operationCost(schema, op, fragments, { limit: 200, first: 50, page: { offset: 0, limit: 100 } });
        expect([name, exceededLimit(cost, { maxRootFields: COST_LIMITS.maxRootFields / 2, maxAliases: COST_LIMITS.maxAliases / 2, maxRows: COST_LIMITS.maxRows / 2, maxCost: COST_LIMITS.maxCost / 2 })]).toEqual([name, null]);
      }
    }
  });
});
