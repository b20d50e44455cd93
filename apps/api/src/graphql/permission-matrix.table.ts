// What each caller gets from each operation (permission-matrix.test.ts walks the schema and checks
// every row). A new operation needs a row here; the test names the ones without.
//
// access: who may call it at all: PUBLIC (anyone), SIGNED_IN (any role), NORMAL, MANAGER or ADMIN
//         (that role or a stronger one). Weaker callers get FORBIDDEN, anonymous ones UNAUTHENTICATED.
// hidden: the arguments name an object the callers may not see (another owner's card of a client in
//         another department, or what hangs off it): every caller allowed to call it gets NOT_FOUND.
//         Without it, allowed callers get anything but a permission error or an internal error.
// expect: exact outcomes for some callers, where the rule above does not say it.

export type Caller = 'anonymous' | 'RESTRICTED' | 'NORMAL' | 'MANAGER';
export const CALLERS: Caller[] = ['anonymous', 'RESTRICTED', 'NORMAL', 'MANAGER'];
export type Access = 'PUBLIC' | 'SIGNED_IN' | 'NORMAL' | 'MANAGER' | 'ADMIN';
export type Outcome = 'OK' | 'ALLOWED' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT' | 'INTERNAL_SERVER_ERROR';

export interface Entry {
  access: Access;
  hidden?: true;
  expect?: Partial<Record<Caller, Outcome>>;
  /** Calling it ends the caller's session (the test gives it a session of its own). */
  endsSession?: true;
}

/** The walk must reach at least this many operations (a broken walk would pass vacuously). */
export const MIN_OPERATIONS = 100;

const RANK: Record<Access, number> = { PUBLIC: 0, SIGNED_IN: 1, NORMAL: 2, MANAGER: 3, ADMIN: 4 };
const CALLER_RANK: Record<Caller, number> = { anonymous: 0, RESTRICTED: 1, NORMAL: 2, MANAGER: 3 };

export function expectedOutcome(entry: Entry, caller: Caller): Outcome {
  if (entry.expect?.[caller]) return entry.expect[caller]!;
  if (CALLER_RANK[caller] < RANK[entry.access]) return caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
  return entry.hidden ? 'NOT_FOUND' : 'ALLOWED';
}

const S: Entry = { access: 'SIGNED_IN' };
const H: Entry = { access: 'SIGNED_IN', hidden: true };
const N: Entry = { access: 'NORMAL' };
const NH: Entry = { access: 'NORMAL', hidden: true };
const M: Entry = { access: 'MANAGER' };
const A: Entry = { access: 'ADMIN' };

export const MATRIX: Record<string, Entry> = {
  // Signing in and out, and who is signed in.
  'Query.me': { access: 'PUBLIC' },
  // The test's sign-in has a wrong password: everyone is refused the same way.
  'Mutation.login': { access: 'PUBLIC', expect: { anonymous: 'UNAUTHENTICATED', RESTRICTED: 'UNAUTHENTICATED', NORMAL: 'UNAUTHENTICATED', MANAGER: 'UNAUTHENTICATED' } },
  'Mutation.logout': { access: 'PUBLIC', endsSession: true },
  'Mutation.updateMyProfile': S,
  'Mutation.changeMyPassword': S,
  'Mutation.setMyPhoto': S,
  'Mutation.removeMyPhoto': S,

  // The organisation's settings: everyone reads them, admins change them.
  'Query.organisation': S,
  'Mutation.updateOrganisationSettings': A,
  // The base currency and exchange rates: Admins only (the base itself is on Query.organisation).
  'Query.exchangeRates': A,
  'Mutation.setBaseCurrency': A,
  'Mutation.createExchangeRate': A,
  'Mutation.updateExchangeRate': A,
  'Mutation.deleteExchangeRate': A,
  // Filling a new client from the registries (answers NOT_CONFIGURED here: no registry in the test).
  'Query.lookupCompany': S,

  // Board, lists, cards.
  'Query.board': S,
  'Query.cards': S,
  'Query.columnCards': S,
  'Query.cardChanges': S,
  'Query.card': H,
  'Query.cardHistory': H,
  'Mutation.createCard': S,
  'Mutation.moveCard': H,
  'Mutation.massUpdateCards': H,
  'Mutation.updateCard': H,
  // Mass actions: one's own (admins: everyone's) for a while; another user's is as missing as none.
  'Query.massUpdates': S,
  'Mutation.undoMassUpdate': H,
  'Mutation.addClientToPipeline': H,
  'Mutation.deleteCard': H,
  'Mutation.setCardFieldValues': H,

  // Clients and what hangs off them.
  'Query.clients': S,
  'Query.client': H,
  'Query.contacts': H,
  'Query.deals': H,
  'Query.documents': H,
  'Query.possibleDuplicates': S,
  'Query.duplicateGroups': S,
  'Mutation.updateClient': H,
  'Mutation.deleteClient': H,
  'Mutation.mergeClients': { access: 'MANAGER', hidden: true },
  'Mutation.createContact': H,
  'Mutation.updateContact': H,
  'Mutation.setPrimaryContact': H,
  'Mutation.deleteContact': H,
  'Mutation.createDeal': H,
  'Mutation.updateDeal': H,
  'Mutation.deleteDeal': H,
  'Mutation.copyDocument': H,
  'Mutation.moveDocument': H,
  'Mutation.setDocumentShared': H,
  'Mutation.deleteDocument': H,
  'Query.documentFolders': H,
  'Mutation.createDocumentFolder': H,
  'Mutation.deleteDocumentFolder': H,

  // Notes, todos, mail.
  'Query.notes': H,
  'Query.todos': H,
  'Query.mail': H,
  'Query.mailPreview': H,
  'Query.inboundMail': H,
  'Mutation.createNote': H,
  'Mutation.updateNote': H,
  'Mutation.deleteNote': H,
  'Mutation.createTodo': H,
  'Mutation.updateTodo': H,
  'Mutation.setTodoDone': H,
  'Mutation.deleteTodo': H,
  'Mutation.sendMail': H,
  'Mutation.resendMail': H,

  // Unsorted contacts inbox.
  'Query.unsortedContacts': N,
  'Mutation.createClientsFromUnsorted': N,
  'Mutation.dismissUnsortedContacts': N,

  // Views: your own and the shared ones (another's private view is hidden).
  'Query.views': S,
  'Query.view': H,
  'Mutation.createView': S,
  'Mutation.updateView': H,
  'Mutation.deleteView': H,

  // Imports: managers and admins; another user's import or job is as missing as none.
  'Query.importPreview': M,
  'Query.importMaxMegabytes': M,
  'Mutation.startImport': M,
  'Mutation.startExport': M,
  'Query.pastExports': M,
  'Query.importRun': { access: 'MANAGER', hidden: true },
  'Query.importRuns': M,
  'Mutation.undoImport': { access: 'MANAGER', hidden: true },
  'Query.importMappings': M,
  'Mutation.saveImportMapping': M,
  'Query.backgroundJob': H,
  'Mutation.cancelBackgroundJob': H,

  // Incoming mail: the Unsorted inbox is for Normal users and up; a mail follows its client's visibility.
  'Query.unsortedMails': N,
  'Mutation.assignInboundMail': NH,
  'Query.inboundMailText': H,
  // Each user's own IMAP mailbox (synced mail is routed for everyone, like the Unsorted inbox).
  'Query.mailboxSettings': N,
  'Mutation.saveMailAccount': N,
  'Mutation.testMailAccount': N,
  'Mutation.syncMailAccount': N,
  'Mutation.deleteMailAccount': N,
  // The organisation's shared mailboxes: Admins only.
  'Query.sharedMailboxes': A,
  'Mutation.saveSharedMailbox': A,
  'Mutation.testSharedMailbox': A,
  'Mutation.syncSharedMailbox': A,
  'Mutation.deleteSharedMailbox': A,

  // Reports: managers read everyone in their scope, Normal users their own numbers.
  'Query.report': N,
  'Mutation.reportXlsx': N,
  // Saved reports: your own and the shared ones; another's private one is hidden. Sharing and the
  // weekly summary mail are for Managers and Admins.
  'Query.savedReports': N,
  'Mutation.createSavedReport': N,
  'Mutation.renameSavedReport': NH,
  'Mutation.deleteSavedReport': NH,
  'Mutation.subscribeSavedReport': { access: 'MANAGER', hidden: true },

  // Automations: managers build and run them; a Normal user reads them and changes only their own
  // (the one in the test is another user's, so it is FORBIDDEN to them).
  'Query.automations': N,
  'Query.automation': N,
  'Query.automationRuns': N,
  'Mutation.createAutomation': M,
  'Mutation.updateAutomation': M,
  'Mutation.activateAutomation': M,
  'Mutation.pauseAutomation': { access: 'NORMAL', expect: { NORMAL: 'FORBIDDEN' } },
  'Mutation.resumeAutomation': { access: 'NORMAL', expect: { NORMAL: 'FORBIDDEN' } },
  'Mutation.stopAutomation': { access: 'NORMAL', expect: { NORMAL: 'FORBIDDEN' } },
  'Mutation.deleteAutomation': { access: 'NORMAL', expect: { NORMAL: 'FORBIDDEN' } },
  'Mutation.sendTemplateToView': NH,

  // Templates: everyone reads them, managers edit them.
  'Query.emailTemplates': S,
  'Query.todoTemplates': S,
  'Mutation.createEmailTemplate': M,
  'Mutation.updateEmailTemplate': M,
  'Mutation.archiveEmailTemplate': M,
  'Mutation.saveTodoTemplate': M,
  'Mutation.archiveTodoTemplate': M,

  // Pipelines, columns, fields, labels: everyone reads them, admins change them (tags anyone may add).
  'Query.pipelines': S,
  'Query.pipeline': S,
  'Query.customFields': S,
  'Query.labels': S,
  'Mutation.createTag': S,
  'Mutation.createPipeline': A,
  'Mutation.renamePipeline': A,
  'Mutation.setPipelineArchived': A,
  'Mutation.createStatus': A,
  'Mutation.updateStatus': A,
  'Mutation.reorderStatuses': A,
  'Mutation.setStatusArchived': A,
  'Mutation.createCustomField': A,
  'Mutation.updateCustomField': A,
  'Mutation.reorderCustomFields': A,
  'Mutation.setCustomFieldArchived': A,
  'Mutation.createLabel': A,
  'Mutation.updateLabel': A,
  'Mutation.setLabelArchived': A,

  // Users: anyone picks an owner; admins manage users.
  'Query.assignableUsers': S,
  'Query.users': A,
  'Query.user': A,
  'Mutation.createUser': A,
  'Mutation.updateUser': A,
  'Mutation.setUserActive': A,
  'Mutation.setUserDepartments': A,
  'Mutation.resetUserPassword': A,

  // Distribution lists: Normal users use them within their scope; Managers and Admins build them.
  'Query.distributionLists': N,
  'Query.distributionList': N,
  'Query.listMembers': N,
  'Mutation.createDistributionList': M,
  'Mutation.updateDistributionList': M,
  'Mutation.archiveDistributionList': M,
  'Mutation.addListMembers': M,
  'Mutation.removeListMembers': M,
  // Campaigns: Managers and Admins send; consent follows the contact's client visibility.
  'Query.campaigns': M,
  'Query.campaign': M,
  'Query.campaignReview': M,
  'Query.campaignRecipients': M,
  'Mutation.createCampaign': M,
  'Mutation.updateCampaign': M,
  'Mutation.sendCampaign': M,
  'Mutation.testSendCampaign': M,
  'Mutation.pauseCampaign': M,
  'Mutation.resumeCampaign': M,
  'Mutation.cancelCampaign': M,
  'Query.suppressions': M,
  'Mutation.addSuppression': M,
  'Mutation.removeSuppression': M,
  'Query.campaignSettings': A,
  'Mutation.updateCampaignSettings': A,
  'Query.campaignTemplates': M,
  'Query.contactConsents': H,
  'Mutation.setContactConsent': NH,

  // Admin tools.
  'Query.auditLog': A,
  'Query.trash': A,
  'Mutation.restoreFromTrash': A,
  'Mutation.purgeFromTrash': A,
  // A person's data erased on request (GDPR).
  'Mutation.erasePersonalData': A,

  // Integrations: API keys (admins only).
  'Query.apiKeys': A,
  'Mutation.createApiKey': A,
  'Mutation.revokeApiKey': A,
  // Webhooks and their delivery log (admins only).
  'Query.webhooks': A,
  'Query.webhookDeliveries': A,
  'Query.webhookSettings': A,
  'Mutation.createWebhook': A,
  'Mutation.updateWebhook': A,
  'Mutation.deleteWebhook': A,
  'Mutation.redeliverWebhook': A,
  'Mutation.setWebhookSettings': A,
};

/** Arguments the generic builder cannot make: valid inputs around the hidden ids (keyed by operation). */
export const ARGUMENTS: Record<string, (ids: Record<string, string>) => Record<string, unknown>> = {
  'Mutation.massUpdateCards': (ids) => ({ input: { pipelineId: ids.pipeline, cardIds: [ids.card], change: { clearOwner: true } } }),
  'Mutation.mergeClients': (ids) => ({ input: { primaryId: ids.client, otherIds: [ids.missing] } }),
  'Mutation.sendMail': (ids) => ({ input: { cardId: ids.card, contactIds: [ids.contact], subject: 'Hello', body: 'Hello', requestId: 'matrix-request' } }),
  // Everything changed since long ago: the hidden card must be neither among the cards nor the removed ids.
  'Query.cardChanges': (ids) => ({ pipelineId: ids.pipeline, since: '2000-01-01T00:00:00.000Z' }),
  // The hidden client's own address: no match may come back.
  'Query.possibleDuplicates': () => ({ input: { email: 'biuro@krakow-hidden.pl', domain: 'krakow-hidden.pl' } }),
  'Query.clients': () => ({ filter: { text: 'Kraków' } }),
  'Query.documents': (ids) => ({ clientId: ids.client, pipelineId: ids.pipeline }),
  'Query.inboundMailText': (ids) => ({ id: ids.inboundMail, charset: 'windows-1250' }),
  // A closed loopback port: the test fails at once, no network.
  'Mutation.testMailAccount': () => ({ input: { host: '127.0.0.1', port: 1, security: 'NONE', username: 'u', password: 'p' } }),
  'Mutation.saveMailAccount': () => ({ input: { host: '127.0.0.1', port: 1, security: 'NONE', username: 'u', password: 'p' } }),
  'Mutation.testSharedMailbox': () => ({ input: { host: '127.0.0.1', port: 1, security: 'NONE', username: 'u', password: 'p' } }),
  'Mutation.saveSharedMailbox': () => ({ input: { name: 'Office', host: '127.0.0.1', port: 1, security: 'NONE', username: 'u', password: 'p' } }),
  'Query.documentFolders': (ids) => ({ clientId: ids.client, pipelineId: ids.pipeline }),
  'Mutation.createDocumentFolder': (ids) => ({ clientId: ids.client, pipelineId: ids.pipeline, name: 'Contracts' }),
  'Mutation.deleteDocumentFolder': (ids) => ({ clientId: ids.client, pipelineId: ids.pipeline, name: 'Contracts' }),
  'Mutation.setContactConsent': (ids) => ({ input: { contactId: ids.contact, status: 'OPTED_IN', source: 'phone' } }),
};
