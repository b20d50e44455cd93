import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import type { Context } from '../../graphql/context';
import { AppError } from '../../graphql/errors';

/** What an API key may reach: read (queries) or write too, in the modules it names. */
export enum ApiKeyModule {
  CARDS = 'CARDS',
  CLIENTS = 'CLIENTS',
  TODOS = 'TODOS',
  MAIL = 'MAIL',
  REPORTS = 'REPORTS',
}

/** The key behind a request: its scopes travel in the context. */
export interface ApiKeyScope {
  id: string;
  name: string;
  canWrite: boolean;
  modules: string[];
}

/** Operations every key may call (who am I, the users to name as owner or assignee). */
const ALWAYS = new Set(['me', 'assignableUsers']);

/**
 * The root fields of each module. A field in no module (users, settings, automations, imports,
 * API keys and webhooks themselves) is refused to every key: those stay with people.
 */
export const MODULE_FIELDS: Record<ApiKeyModule, string[]> = {
  [ApiKeyModule.CARDS]: [
    'board', 'card', 'cardChanges', 'cardHistory', 'cards', 'columnCards', 'pipeline', 'pipelines', 'customFields', 'labels', 'massUpdates',
    'createCard', 'moveCard', 'updateCard', 'deleteCard', 'setCardFieldValues', 'addClientToPipeline', 'massUpdateCards', 'undoMassUpdate',
  ],
  [ApiKeyModule.CLIENTS]: [
    'client', 'clients', 'contacts', 'deals', 'notes', 'documents', 'documentFolders', 'possibleDuplicates', 'duplicateGroups', 'customFields', 'labels',
    'updateClient', 'deleteClient', 'mergeClients', 'createContact', 'updateContact', 'deleteContact', 'setPrimaryContact',
    'createDeal', 'updateDeal', 'deleteDeal', 'createNote', 'updateNote', 'deleteNote',
  ],
  [ApiKeyModule.TODOS]: ['todos', 'createTodo', 'updateTodo', 'setTodoDone', 'deleteTodo'],
  [ApiKeyModule.MAIL]: ['mail', 'inboundMail', 'inboundMailText', 'unsortedMails', 'unsortedContacts', 'emailTemplates', 'mailPreview', 'sendMail', 'resendMail', 'assignInboundMail'],
  [ApiKeyModule.REPORTS]: ['report', 'reportXlsx'],
};

/** Why a key may not run an operation (null when it may): READ_ONLY or MODULE (with the field). */
export function scopeRefusal(key: ApiKeyScope, operation: OperationDefinitionNode): { reason: 'API_KEY_READ_ONLY' | 'API_KEY_MODULE'; field?: string } | null {
  if (operation.operation === 'subscription') return { reason: 'API_KEY_MODULE' };
  if (operation.operation === 'mutation' && !key.canWrite) return { reason: 'API_KEY_READ_ONLY' };
  for (const selection of operation.selectionSet.selections) {
    // Fragments at the root are not expanded here: a key must name its root fields plainly.
    if (selection.kind !== Kind.FIELD) return { reason: 'API_KEY_MODULE' };
    const name = selection.name.value;
    if (name === '__typename' || ALWAYS.has(name)) continue;
    const allowed = key.modules.some((m) => MODULE_FIELDS[m as ApiKeyModule]?.includes(name));
    if (!allowed) return { reason: 'API_KEY_MODULE', field: name };
  }
  return null;
}

/** Refuses an operation outside the key's scopes before anything runs (403 with a reason code). */
export function apiKeyScopes(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          const key = contextValue.apiKey;
          if (!key || !operation) return;
          const refusal = scopeRefusal(key, operation);
          if (!refusal) return;
          const message = refusal.reason === 'API_KEY_READ_ONLY' ? 'This API key may only read.' : `This API key may not use ${refusal.field ?? 'this operation'}.`;
          const error = new AppError('FORBIDDEN', message, { reason: refusal.reason, ...(refusal.field ? { params: { field: refusal.field } } : {}) });
          throw new GraphQLError(error.message, { originalError: error, extensions: { http: { status: 403 } } });
        },
      };
    },
  };
}
