/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AuditLog($filter: AuditFilterInput, $before: ID, $limit: Int! = 50) {\n    auditLog(filter: $filter, before: $before, limit: $limit) {\n      ...HistoryEntryFields\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  fragment CurrentUser on User {\n    id\n    name\n    email\n    role\n    locale\n    photoUrl\n  }\n": typeof types.CurrentUserFragmentDoc,
    "\n  query Me {\n    me {\n      ...CurrentUser\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...CurrentUser\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation UpdateMyLocale($locale: String!) {\n    updateMyProfile(input: { locale: $locale }) {\n      id\n      locale\n    }\n  }\n": typeof types.UpdateMyLocaleDocument,
    "\n  fragment AutomationStepFields on AutomationStep {\n    id\n    kind\n    delayDays\n    weekday\n    hour\n    emailTemplateId\n    todoTemplateId\n    recipient\n    recipientUserId\n    sender\n    senderUserId\n  }\n": typeof types.AutomationStepFieldsFragmentDoc,
    "\n  fragment AutomationFields on Automation {\n    id\n    pipelineId\n    name\n    state\n    triggerKind\n    triggerStatusId\n    triggerViewId\n    mode\n    onlyNew\n    reEnrol\n    stopOnReply\n    activatedAt\n    updatedAt\n    stats {\n      enrolled\n      stepsDone\n      stepsPending\n      failures\n      skipped\n    }\n    createdById\n    pausedReason\n    problems {\n      step\n      field\n      code\n    }\n    steps {\n      ...AutomationStepFields\n    }\n  }\n": typeof types.AutomationFieldsFragmentDoc,
    "\n  query Automations($pipelineId: ID!) {\n    automations(pipelineId: $pipelineId) {\n      ...AutomationFields\n    }\n  }\n": typeof types.AutomationsDocument,
    "\n  query Automation($id: ID!) {\n    automation(id: $id) {\n      ...AutomationFields\n    }\n  }\n": typeof types.AutomationDocument,
    "\n  query AutomationRuns($automationId: ID!, $status: String, $limit: Int! = 200) {\n    automationRuns(automationId: $automationId, status: $status, limit: $limit) {\n      id\n      cardId\n      clientName\n      step\n      stepKind\n      dueAt\n      status\n      finishedAt\n      result\n      error\n    }\n  }\n": typeof types.AutomationRunsDocument,
    "\n  query AutomationEditorOptions($pipelineId: ID!) {\n    views(kind: CARDS, pipelineId: $pipelineId) {\n      id\n      name\n    }\n    emailTemplates(pipelineId: $pipelineId) {\n      id\n      name\n      category\n    }\n    todoTemplates(pipelineId: $pipelineId) {\n      id\n      title\n    }\n    assignableUsers {\n      id\n      name\n    }\n  }\n": typeof types.AutomationEditorOptionsDocument,
    "\n  query AutomationPreviewCard($pipelineId: ID!) {\n    cards(pipelineId: $pipelineId, filter: {}, page: { limit: 1, offset: 0 }) {\n      items {\n        id\n        client {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.AutomationPreviewCardDocument,
    "\n  mutation CreateAutomation($input: AutomationInput!) {\n    createAutomation(input: $input) {\n      ...AutomationFields\n    }\n  }\n": typeof types.CreateAutomationDocument,
    "\n  mutation UpdateAutomation($id: ID!, $input: AutomationInput!) {\n    updateAutomation(id: $id, input: $input) {\n      ...AutomationFields\n    }\n  }\n": typeof types.UpdateAutomationDocument,
    "\n  mutation ActivateAutomation($id: ID!) {\n    activateAutomation(id: $id) {\n      ...AutomationFields\n    }\n  }\n": typeof types.ActivateAutomationDocument,
    "\n  mutation PauseAutomation($id: ID!) {\n    pauseAutomation(id: $id) {\n      ...AutomationFields\n    }\n  }\n": typeof types.PauseAutomationDocument,
    "\n  mutation ResumeAutomation($id: ID!) {\n    resumeAutomation(id: $id) {\n      ...AutomationFields\n    }\n  }\n": typeof types.ResumeAutomationDocument,
    "\n  mutation StopAutomation($id: ID!) {\n    stopAutomation(id: $id) {\n      ...AutomationFields\n    }\n  }\n": typeof types.StopAutomationDocument,
    "\n  mutation DeleteAutomation($id: ID!) {\n    deleteAutomation(id: $id)\n  }\n": typeof types.DeleteAutomationDocument,
    "\n  mutation SendTemplateToView($viewId: ID!, $emailTemplateId: ID!, $name: String) {\n    sendTemplateToView(viewId: $viewId, emailTemplateId: $emailTemplateId, name: $name) {\n      ...AutomationFields\n    }\n  }\n": typeof types.SendTemplateToViewDocument,
    "\n  fragment BoardCard on Card {\n    id\n    pipelineId\n    statusId\n    position\n    value\n    currency\n    updatedAt\n    client {\n      id\n      name\n      type\n    }\n    owner {\n      id\n      name\n    }\n    nextTodo {\n      id\n      title\n      deadline\n      assigneeId\n    }\n  }\n": typeof types.BoardCardFragmentDoc,
    "\n  query Board($pipelineId: ID!, $filter: CardFilterInput) {\n    board(pipelineId: $pipelineId, filter: $filter) {\n      status {\n        id\n        name\n        kind\n        color\n      }\n      count\n      sums {\n        currency\n        amount\n      }\n      cards {\n        ...BoardCard\n      }\n      endCursor\n      hasMore\n    }\n  }\n": typeof types.BoardDocument,
    "\n  query ColumnCards($statusId: ID!, $after: String, $first: Int!, $filter: CardFilterInput) {\n    columnCards(statusId: $statusId, after: $after, first: $first, filter: $filter) {\n      cards {\n        ...BoardCard\n      }\n      endCursor\n      hasMore\n    }\n  }\n": typeof types.ColumnCardsDocument,
    "\n  fragment BoardChanges on CardChanges {\n    cards {\n      ...BoardCard\n    }\n    removedIds\n    serverTime\n    reset\n    columns {\n      statusId\n      count\n      sums {\n        currency\n        amount\n      }\n    }\n  }\n": typeof types.BoardChangesFragmentDoc,
    "\n  query CardChanges($pipelineId: ID!, $since: DateTimeISO!, $filter: CardFilterInput) {\n    cardChanges(pipelineId: $pipelineId, since: $since, filter: $filter) {\n      ...BoardChanges\n    }\n  }\n": typeof types.CardChangesDocument,
    "\n  subscription BoardChangesLive($pipelineId: ID!, $filter: CardFilterInput) {\n    boardChanges(pipelineId: $pipelineId, filter: $filter) {\n      initial\n      changes {\n        ...BoardChanges\n      }\n    }\n  }\n": typeof types.BoardChangesLiveDocument,
    "\n  mutation MoveCard($input: MoveCardInput!) {\n    moveCard(input: $input) {\n      ...BoardCard\n    }\n  }\n": typeof types.MoveCardDocument,
    "\n  mutation CreateCard($input: CreateCardInput!) {\n    createCard(input: $input) {\n      ...BoardCard\n    }\n  }\n": typeof types.CreateCardDocument,
    "\n  fragment DistributionListFields on DistributionList {\n    id\n    name\n    kind\n    channel\n    recipients\n    role\n    clientCount\n    updatedAt\n    filter {\n      text\n      type\n      categoryIds\n      classificationIds\n      tagIds\n      departmentIds\n      ownerIds\n      pipelineIds\n      statusIds\n      custom {\n        fieldId\n        value\n        min\n        max\n      }\n    }\n  }\n": typeof types.DistributionListFieldsFragmentDoc,
    "\n  query DistributionLists {\n    distributionLists {\n      ...DistributionListFields\n    }\n  }\n": typeof types.DistributionListsDocument,
    "\n  query DistributionList($id: ID!, $text: String, $page: PageInput) {\n    distributionList(id: $id) {\n      ...DistributionListFields\n    }\n    listMembers(listId: $id, text: $text, page: $page) {\n      total\n      items {\n        ...ClientRow\n      }\n    }\n  }\n": typeof types.DistributionListDocument,
    "\n  mutation CreateDistributionList($input: DistributionListInput!) {\n    createDistributionList(input: $input) {\n      ...DistributionListFields\n    }\n  }\n": typeof types.CreateDistributionListDocument,
    "\n  mutation UpdateDistributionList($id: ID!, $input: DistributionListInput!) {\n    updateDistributionList(id: $id, input: $input) {\n      ...DistributionListFields\n    }\n  }\n": typeof types.UpdateDistributionListDocument,
    "\n  mutation ArchiveDistributionList($id: ID!) {\n    archiveDistributionList(id: $id)\n  }\n": typeof types.ArchiveDistributionListDocument,
    "\n  mutation AddListMembers($input: AddListMembersInput!) {\n    addListMembers(input: $input)\n  }\n": typeof types.AddListMembersDocument,
    "\n  mutation RemoveListMembers($listId: ID!, $clientIds: [ID!]!) {\n    removeListMembers(listId: $listId, clientIds: $clientIds)\n  }\n": typeof types.RemoveListMembersDocument,
    "\n  fragment CampaignFields on Campaign {\n    id\n    name\n    listId\n    listName\n    templateId\n    templateName\n    fromName\n    fromAddress\n    replyTo\n    scheduledAt\n    status\n    perMinute\n    perDomainPerMinute\n    tracking\n    startedAt\n    finishedAt\n    createdAt\n    totals {\n      recipients\n      queued\n      sent\n      failed\n      bounced\n      unsubscribed\n      complained\n      replied\n      skipped\n      cancelled\n      opened\n      clicked\n    }\n  }\n": typeof types.CampaignFieldsFragmentDoc,
    "\n  query Campaigns {\n    campaigns {\n      ...CampaignFields\n    }\n  }\n": typeof types.CampaignsDocument,
    "\n  query CampaignOptions {\n    distributionLists {\n      id\n      name\n      channel\n      clientCount\n    }\n    campaignTemplates {\n      id\n      name\n      pipelineName\n    }\n  }\n": typeof types.CampaignOptionsDocument,
    "\n  query Campaign($id: ID!, $state: String, $page: PageInput) {\n    campaign(id: $id) {\n      ...CampaignFields\n    }\n    campaignRecipients(campaignId: $id, state: $state, page: $page) {\n      total\n      items {\n        id\n        clientId\n        clientName\n        contactName\n        email\n        state\n        skipReason\n        missing\n        at\n      }\n    }\n  }\n": typeof types.CampaignDocument,
    "\n  query CampaignReview($id: ID!) {\n    campaignReview(id: $id) {\n      recipients\n      clients\n      noAddress\n      hidden\n      suppressed {\n        reason\n        count\n      }\n      missingValues {\n        email\n        clientName\n        missing\n      }\n      previews {\n        email\n        clientName\n        subject\n        html\n        text\n      }\n    }\n  }\n": typeof types.CampaignReviewDocument,
    "\n  mutation CreateCampaign($input: CampaignInput!) {\n    createCampaign(input: $input) {\n      ...CampaignFields\n    }\n  }\n": typeof types.CreateCampaignDocument,
    "\n  mutation SendCampaign($id: ID!, $confirmMissing: Boolean) {\n    sendCampaign(id: $id, confirmMissing: $confirmMissing) {\n      ...CampaignFields\n    }\n  }\n": typeof types.SendCampaignDocument,
    "\n  mutation TestSendCampaign($id: ID!) {\n    testSendCampaign(id: $id)\n  }\n": typeof types.TestSendCampaignDocument,
    "\n  mutation PauseCampaign($id: ID!) {\n    pauseCampaign(id: $id) {\n      ...CampaignFields\n    }\n  }\n": typeof types.PauseCampaignDocument,
    "\n  mutation ResumeCampaign($id: ID!) {\n    resumeCampaign(id: $id) {\n      ...CampaignFields\n    }\n  }\n": typeof types.ResumeCampaignDocument,
    "\n  mutation CancelCampaign($id: ID!) {\n    cancelCampaign(id: $id) {\n      ...CampaignFields\n    }\n  }\n": typeof types.CancelCampaignDocument,
    "\n  query ContactConsents($contactId: ID!) {\n    contactConsents(contactId: $contactId) {\n      id\n      email\n      status\n      source\n      createdAt\n    }\n  }\n": typeof types.ContactConsentsDocument,
    "\n  mutation SetContactConsent($input: ConsentInput!) {\n    setContactConsent(input: $input) {\n      id\n    }\n  }\n": typeof types.SetContactConsentDocument,
    "\n  query Suppressions($search: String, $page: PageInput) {\n    suppressions(search: $search, page: $page) {\n      total\n      items {\n        email\n        reason\n        scope\n        source\n        campaignName\n        createdByName\n        createdAt\n      }\n    }\n  }\n": typeof types.SuppressionsDocument,
    "\n  mutation AddSuppression($input: AddSuppressionInput!) {\n    addSuppression(input: $input) {\n      email\n      reason\n    }\n  }\n": typeof types.AddSuppressionDocument,
    "\n  mutation RemoveSuppression($input: RemoveSuppressionInput!) {\n    removeSuppression(input: $input)\n  }\n": typeof types.RemoveSuppressionDocument,
    "\n  fragment CampaignSettingsFields on CampaignSettings {\n    perMinute\n    perDomainPerMinute\n    defaultPerMinute\n    defaultPerDomainPerMinute\n    tracking\n  }\n": typeof types.CampaignSettingsFieldsFragmentDoc,
    "\n  query CampaignSettings {\n    campaignSettings {\n      ...CampaignSettingsFields\n    }\n  }\n": typeof types.CampaignSettingsDocument,
    "\n  mutation UpdateCampaignSettings($input: CampaignSettingsInput!) {\n    updateCampaignSettings(input: $input) {\n      ...CampaignSettingsFields\n    }\n  }\n": typeof types.UpdateCampaignSettingsDocument,
    "\n  query ListCustomFields {\n    customFields {\n      id\n      pipelineId\n      label\n      kind\n      options\n      position\n    }\n  }\n": typeof types.ListCustomFieldsDocument,
    "\n  mutation UpdateCampaign($id: ID!, $input: CampaignInput!) {\n    updateCampaign(id: $id, input: $input) {\n      ...CampaignFields\n    }\n  }\n": typeof types.UpdateCampaignDocument,
    "\n  fragment CardRow on Card {\n    id\n    statusId\n    value\n    currency\n    createdAt\n    updatedAt\n    client {\n      id\n      name\n      type\n      emails\n      phones\n      department {\n        id\n        name\n      }\n      classification {\n        id\n        name\n      }\n      categories {\n        id\n        name\n      }\n      tags {\n        id\n        name\n      }\n    }\n    owner {\n      id\n      name\n    }\n    nextTodo {\n      id\n      title\n      deadline\n      assigneeId\n    }\n    customValues\n  }\n": typeof types.CardRowFragmentDoc,
    "\n  query CardListCustomFields($pipelineId: ID!) {\n    customFields(pipelineId: $pipelineId) {\n      id\n      label\n      kind\n      options\n      position\n    }\n  }\n": typeof types.CardListCustomFieldsDocument,
    "\n  query CardList($pipelineId: ID!, $filter: CardFilterInput, $sort: CardSortInput, $page: PageInput) {\n    cards(pipelineId: $pipelineId, filter: $filter, sort: $sort, page: $page) {\n      items {\n        ...CardRow\n      }\n      total\n    }\n  }\n": typeof types.CardListDocument,
    "\n  mutation MassUpdateCards($input: MassUpdateCardsInput!) {\n    massUpdateCards(input: $input) {\n      matched\n      changed\n      undoId\n      undoUntil\n    }\n  }\n": typeof types.MassUpdateCardsDocument,
    "\n  subscription CardListLive($pipelineId: ID!, $filter: CardFilterInput) {\n    boardChanges(pipelineId: $pipelineId, filter: $filter) {\n      initial\n      changes {\n        serverTime\n      }\n    }\n  }\n": typeof types.CardListLiveDocument,
    "\n  fragment MassUpdateRow on MassUpdate {\n    id\n    actor {\n      id\n      name\n    }\n    pipelineName\n    fields\n    changed\n    createdAt\n    undoUntil\n    undoneAt\n    canUndo\n  }\n": typeof types.MassUpdateRowFragmentDoc,
    "\n  query MassUpdates($limit: Int) {\n    massUpdates(limit: $limit) {\n      ...MassUpdateRow\n    }\n  }\n": typeof types.MassUpdatesDocument,
    "\n  mutation UndoMassUpdate($id: ID!) {\n    undoMassUpdate(id: $id) {\n      restored\n    }\n  }\n": typeof types.UndoMassUpdateDocument,
    "\n  mutation UpdateCard($id: ID!, $input: UpdateCardInput!) {\n    updateCard(id: $id, input: $input) {\n      id\n      statusId\n      value\n      currency\n      expectedCloseDate\n      owner {\n        id\n        name\n      }\n    }\n  }\n": typeof types.UpdateCardDocument,
    "\n  mutation AddClientToPipeline($input: AddClientToPipelineInput!) {\n    addClientToPipeline(input: $input) {\n      id\n      pipelineId\n      statusId\n    }\n  }\n": typeof types.AddClientToPipelineDocument,
    "\n  mutation DeleteCard($id: ID!) {\n    deleteCard(id: $id)\n  }\n": typeof types.DeleteCardDocument,
    "\n  mutation DeleteClient($id: ID!) {\n    deleteClient(id: $id)\n  }\n": typeof types.DeleteClientDocument,
    "\n  mutation UpdateClient($id: ID!, $input: UpdateClientInput!) {\n    updateClient(id: $id, input: $input) {\n      client {\n        id\n        name\n        type\n        emails\n        phones\n        address\n        taxId\n        website\n        domain\n        updatedAt\n        owner {\n          id\n          name\n        }\n        department {\n          id\n          name\n        }\n        classification {\n          id\n          name\n        }\n        categories {\n          id\n          name\n        }\n        tags {\n          id\n          name\n        }\n      }\n      possibleDuplicates {\n        id\n        name\n      }\n    }\n  }\n": typeof types.UpdateClientDocument,
    "\n  subscription ClientChangedLive($clientId: ID!) {\n    clientChanged(clientId: $clientId) {\n      clientId\n      initial\n    }\n  }\n": typeof types.ClientChangedLiveDocument,
    "\n  fragment ContactFields on Contact {\n    id\n    name\n    title\n    emails\n    phones\n    isPrimary\n  }\n": typeof types.ContactFieldsFragmentDoc,
    "\n  query ClientContacts($clientId: ID!) {\n    contacts(clientId: $clientId) {\n      ...ContactFields\n    }\n  }\n": typeof types.ClientContactsDocument,
    "\n  mutation CreateContact($clientId: ID!, $input: ContactInput!) {\n    createContact(clientId: $clientId, input: $input) {\n      ...ContactFields\n    }\n  }\n": typeof types.CreateContactDocument,
    "\n  mutation UpdateContact($id: ID!, $input: ContactInput!) {\n    updateContact(id: $id, input: $input) {\n      ...ContactFields\n    }\n  }\n": typeof types.UpdateContactDocument,
    "\n  mutation SetPrimaryContact($id: ID!) {\n    setPrimaryContact(id: $id) {\n      ...ContactFields\n    }\n  }\n": typeof types.SetPrimaryContactDocument,
    "\n  mutation DeleteContact($id: ID!) {\n    deleteContact(id: $id)\n  }\n": typeof types.DeleteContactDocument,
    "\n  fragment DealFields on Deal {\n    id\n    clientId\n    cardId\n    title\n    amount\n    currency\n    date\n    state\n    createdAt\n  }\n": typeof types.DealFieldsFragmentDoc,
    "\n  query ClientDeals($clientId: ID!) {\n    deals(clientId: $clientId) {\n      ...DealFields\n    }\n  }\n": typeof types.ClientDealsDocument,
    "\n  mutation CreateDeal($clientId: ID!, $input: DealInput!) {\n    createDeal(clientId: $clientId, input: $input) {\n      ...DealFields\n    }\n  }\n": typeof types.CreateDealDocument,
    "\n  mutation UpdateDeal($id: ID!, $input: DealInput!) {\n    updateDeal(id: $id, input: $input) {\n      ...DealFields\n    }\n  }\n": typeof types.UpdateDealDocument,
    "\n  mutation DeleteDeal($id: ID!) {\n    deleteDeal(id: $id)\n  }\n": typeof types.DeleteDealDocument,
    "\n  fragment DocumentFields on Document {\n    id\n    clientId\n    pipelineId\n    folder\n    name\n    mimeType\n    size\n    path\n    publicPath\n    createdAt\n    uploadedBy {\n      id\n      name\n    }\n  }\n": typeof types.DocumentFieldsFragmentDoc,
    "\n  query ClientDocuments($clientId: ID!, $pipelineId: ID) {\n    documents(clientId: $clientId, pipelineId: $pipelineId) {\n      ...DocumentFields\n    }\n  }\n": typeof types.ClientDocumentsDocument,
    "\n  mutation MoveDocument($id: ID!, $to: DocumentPlaceInput!) {\n    moveDocument(id: $id, to: $to) {\n      ...DocumentFields\n    }\n  }\n": typeof types.MoveDocumentDocument,
    "\n  mutation CopyDocument($id: ID!, $to: DocumentPlaceInput!) {\n    copyDocument(id: $id, to: $to) {\n      ...DocumentFields\n    }\n  }\n": typeof types.CopyDocumentDocument,
    "\n  mutation DeleteDocument($id: ID!) {\n    deleteDocument(id: $id)\n  }\n": typeof types.DeleteDocumentDocument,
    "\n  mutation SetDocumentShared($id: ID!, $shared: Boolean!) {\n    setDocumentShared(id: $id, shared: $shared) {\n      ...DocumentFields\n    }\n  }\n": typeof types.SetDocumentSharedDocument,
    "\n  query DocumentFolders($clientId: ID!, $pipelineId: ID!) {\n    documentFolders(clientId: $clientId, pipelineId: $pipelineId)\n  }\n": typeof types.DocumentFoldersDocument,
    "\n  mutation CreateDocumentFolder($clientId: ID!, $pipelineId: ID!, $name: String!) {\n    createDocumentFolder(clientId: $clientId, pipelineId: $pipelineId, name: $name)\n  }\n": typeof types.CreateDocumentFolderDocument,
    "\n  mutation DeleteDocumentFolder($clientId: ID!, $pipelineId: ID!, $name: String!) {\n    deleteDocumentFolder(clientId: $clientId, pipelineId: $pipelineId, name: $name)\n  }\n": typeof types.DeleteDocumentFolderDocument,
    "\n  query CardCustomFields($cardId: ID!, $pipelineId: ID!) {\n    card(id: $cardId) {\n      id\n      customValues\n    }\n    customFields(pipelineId: $pipelineId) {\n      id\n      label\n      kind\n      options\n      required\n      position\n    }\n  }\n": typeof types.CardCustomFieldsDocument,
    "\n  mutation SetCardFieldValues($cardId: ID!, $values: [FieldValueInput!]!) {\n    setCardFieldValues(cardId: $cardId, values: $values)\n  }\n": typeof types.SetCardFieldValuesDocument,
    "\n  fragment NoteFields on Note {\n    id\n    cardId\n    body\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n": typeof types.NoteFieldsFragmentDoc,
    "\n  query CardNotes($cardId: ID!) {\n    notes(cardId: $cardId) {\n      ...NoteFields\n    }\n  }\n": typeof types.CardNotesDocument,
    "\n  mutation CreateNote($cardId: ID!, $input: NoteInput!) {\n    createNote(cardId: $cardId, input: $input) {\n      ...NoteFields\n    }\n  }\n": typeof types.CreateNoteDocument,
    "\n  mutation UpdateNote($id: ID!, $input: NoteInput!) {\n    updateNote(id: $id, input: $input) {\n      ...NoteFields\n    }\n  }\n": typeof types.UpdateNoteDocument,
    "\n  mutation DeleteNote($id: ID!) {\n    deleteNote(id: $id)\n  }\n": typeof types.DeleteNoteDocument,
    "\n  mutation ErasePersonalData($kind: PersonalDataKind!, $id: ID!, $confirmName: String!) {\n    erasePersonalData(kind: $kind, id: $id, confirmName: $confirmName)\n  }\n": typeof types.ErasePersonalDataDocument,
    "\n  fragment TodoFields on Todo {\n    id\n    cardId\n    title\n    text\n    deadline\n    doneAt\n    createdAt\n    assignee {\n      id\n      name\n    }\n  }\n": typeof types.TodoFieldsFragmentDoc,
    "\n  query CardTodos($cardId: ID!, $done: Boolean! = false) {\n    todos(cardId: $cardId, done: $done) {\n      ...TodoFields\n    }\n  }\n": typeof types.CardTodosDocument,
    "\n  mutation CreateTodo($cardId: ID!, $input: TodoInput!) {\n    createTodo(cardId: $cardId, input: $input) {\n      ...TodoFields\n    }\n  }\n": typeof types.CreateTodoDocument,
    "\n  mutation UpdateTodo($id: ID!, $input: TodoInput!) {\n    updateTodo(id: $id, input: $input) {\n      ...TodoFields\n    }\n  }\n": typeof types.UpdateTodoDocument,
    "\n  mutation SetTodoDone($id: ID!, $done: Boolean!) {\n    setTodoDone(id: $id, done: $done) {\n      ...TodoFields\n    }\n  }\n": typeof types.SetTodoDoneDocument,
    "\n  mutation DeleteTodo($id: ID!) {\n    deleteTodo(id: $id)\n  }\n": typeof types.DeleteTodoDocument,
    "\n  query CardHistory($cardId: ID!, $kinds: [HistoryKind!]) {\n    cardHistory(cardId: $cardId, kinds: $kinds) {\n      ...HistoryEntryFields\n    }\n  }\n": typeof types.CardHistoryDocument,
    "\n  fragment HistoryEntryFields on HistoryEntry {\n    id\n    at\n    action\n    entity\n    entityId\n    kind\n    changes\n    names\n    actor {\n      id\n      name\n    }\n  }\n": typeof types.HistoryEntryFieldsFragmentDoc,
    "\n  query ClientDetail($id: ID!) {\n    client(id: $id) {\n      id\n      name\n      type\n      emails\n      phones\n      address\n      taxId\n      website\n      domain\n      createdAt\n      updatedAt\n      owner {\n        id\n        name\n      }\n      department {\n        id\n        name\n      }\n      classification {\n        id\n        name\n      }\n      categories {\n        id\n        name\n      }\n      tags {\n        id\n        name\n      }\n      contacts {\n        id\n        name\n        title\n        emails\n        phones\n        isPrimary\n      }\n      cards {\n        id\n        pipelineId\n        pipelineName\n        statusId\n        statusName\n        statusColor\n        value\n        currency\n        expectedCloseDate\n        createdAt\n        owner {\n          id\n          name\n        }\n        nextTodo {\n          id\n          title\n          deadline\n          assigneeId\n        }\n      }\n    }\n  }\n": typeof types.ClientDetailDocument,
    "\n  fragment ClientRow on Client {\n    id\n    name\n    type\n    emails\n    phones\n    createdAt\n    owner {\n      id\n      name\n    }\n    department {\n      id\n      name\n    }\n    classification {\n      id\n      name\n    }\n    tags {\n      id\n      name\n    }\n  }\n": typeof types.ClientRowFragmentDoc,
    "\n  query ClientList($filter: ClientFilterInput, $sort: ClientSortInput, $page: PageInput) {\n    clients(filter: $filter, sort: $sort, page: $page) {\n      items {\n        ...ClientRow\n      }\n      total\n    }\n  }\n": typeof types.ClientListDocument,
    "\n  query LookupCompany($taxId: String!, $country: String) {\n    lookupCompany(taxId: $taxId, country: $country) {\n      code\n      taxIdError\n      country\n      taxId\n      name\n      address\n      vatStatus\n      regon\n      sources\n    }\n  }\n": typeof types.LookupCompanyDocument,
    "\n  query DuplicateGroups($limit: Int!) {\n    duplicateGroups(limit: $limit) {\n      reason\n      value\n      matches {\n        reason\n        value\n      }\n      clients {\n        id\n        name\n        type\n        emails\n        phones\n        taxId\n        domain\n        createdAt\n        owner {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.DuplicateGroupsDocument,
    "\n  mutation MergeClients($input: MergeClientsInput!) {\n    mergeClients(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.MergeClientsDocument,
    "\n  query PossibleDuplicates($input: DuplicateProbeInput!) {\n    possibleDuplicates(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.PossibleDuplicatesDocument,
    "\n  mutation StartExport($input: ExportInput!) {\n    startExport(input: $input) {\n      ...BackgroundJobFields\n    }\n  }\n": typeof types.StartExportDocument,
    "\n  query PastExports {\n    pastExports(limit: 5) {\n      id\n      state\n      format\n      fileName\n      rows\n      createdAt\n    }\n  }\n": typeof types.PastExportsDocument,
    "\n  fragment CustomFieldSettings on CustomField {\n    id\n    pipelineId\n    label\n    kind\n    options\n    required\n    position\n    archivedAt\n  }\n": typeof types.CustomFieldSettingsFragmentDoc,
    "\n  query CustomFieldsSettings($pipelineId: ID!, $includeArchived: Boolean!) {\n    customFields(pipelineId: $pipelineId, includeArchived: $includeArchived) {\n      ...CustomFieldSettings\n    }\n  }\n": typeof types.CustomFieldsSettingsDocument,
    "\n  mutation CreateCustomField($pipelineId: ID!, $input: CustomFieldInput!) {\n    createCustomField(pipelineId: $pipelineId, input: $input) {\n      ...CustomFieldSettings\n    }\n  }\n": typeof types.CreateCustomFieldDocument,
    "\n  mutation UpdateCustomField($id: ID!, $input: CustomFieldInput!) {\n    updateCustomField(id: $id, input: $input) {\n      ...CustomFieldSettings\n    }\n  }\n": typeof types.UpdateCustomFieldDocument,
    "\n  mutation ReorderCustomFields($pipelineId: ID!, $fieldIds: [ID!]!) {\n    reorderCustomFields(pipelineId: $pipelineId, fieldIds: $fieldIds) {\n      ...CustomFieldSettings\n    }\n  }\n": typeof types.ReorderCustomFieldsDocument,
    "\n  mutation SetCustomFieldArchived($id: ID!, $archived: Boolean!) {\n    setCustomFieldArchived(id: $id, archived: $archived) {\n      ...CustomFieldSettings\n    }\n  }\n": typeof types.SetCustomFieldArchivedDocument,
    "\n  fragment BackgroundJobFields on BackgroundJobType {\n    id\n    kind\n    state\n    rowsDone\n    rowsTotal\n    rowsPerSecond\n    secondsLeft\n    errorCode\n    errorParams\n    finishedAt\n  }\n": typeof types.BackgroundJobFieldsFragmentDoc,
    "\n  fragment ImportRunFields on ImportRunType {\n    id\n    fileName\n    createdAt\n    undoneAt\n    undoUntil\n    rejectsPath\n    counts {\n      created\n      updated\n      skipped\n      rejected\n    }\n    job {\n      ...BackgroundJobFields\n    }\n    undoJob {\n      ...BackgroundJobFields\n    }\n  }\n": typeof types.ImportRunFieldsFragmentDoc,
    "\n  query BackgroundJob($id: ID!) {\n    backgroundJob(id: $id) {\n      ...BackgroundJobFields\n    }\n  }\n": typeof types.BackgroundJobDocument,
    "\n  mutation CancelBackgroundJob($id: ID!) {\n    cancelBackgroundJob(id: $id) {\n      ...BackgroundJobFields\n    }\n  }\n": typeof types.CancelBackgroundJobDocument,
    "\n  query ImportPreview($input: ImportInput!) {\n    importPreview(input: $input) {\n      settings {\n        format\n        encoding\n        delimiter\n        headerRow\n        sheet\n        skipBrokenRows\n      }\n      sheets\n      headers\n      mapping\n      targets\n      sample\n      counts {\n        created\n        updated\n        skipped\n        rejected\n      }\n      rowsChecked\n      more\n      rows {\n        rowNo\n        outcome\n        reason\n        reasonParams\n        draft\n        problems {\n          column\n          code\n          params\n        }\n      }\n    }\n  }\n": typeof types.ImportPreviewDocument,
    "\n  mutation StartImport($input: ImportInput!) {\n    startImport(input: $input) {\n      ...ImportRunFields\n    }\n  }\n": typeof types.StartImportDocument,
    "\n  query ImportRun($id: ID!) {\n    importRun(id: $id) {\n      ...ImportRunFields\n    }\n  }\n": typeof types.ImportRunDocument,
    "\n  query ImportRuns {\n    importRuns(limit: 10) {\n      ...ImportRunFields\n    }\n  }\n": typeof types.ImportRunsDocument,
    "\n  mutation UndoImport($id: ID!) {\n    undoImport(id: $id) {\n      ...ImportRunFields\n    }\n  }\n": typeof types.UndoImportDocument,
    "\n  mutation SaveImportMapping($name: String!, $headers: [String!]!, $mapping: [String]!) {\n    saveImportMapping(name: $name, headers: $headers, mapping: $mapping) {\n      id\n      name\n    }\n  }\n": typeof types.SaveImportMappingDocument,
    "\n  query ImportTargetOptions {\n    importMaxMegabytes\n    pipelines {\n      id\n      name\n      statuses {\n        id\n        name\n      }\n    }\n    departments: labels(kind: DEPARTMENT) {\n      id\n      name\n    }\n    categories: labels(kind: CATEGORY) {\n      id\n      name\n    }\n  }\n": typeof types.ImportTargetOptionsDocument,
    "\n  query ImportCustomFields($pipelineId: ID!) {\n    customFields(pipelineId: $pipelineId) {\n      id\n      label\n    }\n  }\n": typeof types.ImportCustomFieldsDocument,
    "\n  query UnsortedContacts {\n    unsortedContacts {\n      id\n      email\n      name\n      seenCount\n      lastSeenAt\n      source\n    }\n  }\n": typeof types.UnsortedContactsDocument,
    "\n  mutation CreateClientsFromUnsorted($ids: [ID!]!, $categoryId: ID) {\n    createClientsFromUnsorted(ids: $ids, categoryId: $categoryId)\n  }\n": typeof types.CreateClientsFromUnsortedDocument,
    "\n  mutation DismissUnsortedContacts($ids: [ID!]!) {\n    dismissUnsortedContacts(ids: $ids)\n  }\n": typeof types.DismissUnsortedContactsDocument,
    "\n  query UnsortedMails {\n    unsortedMails {\n      id\n      fromAddress\n      fromName\n      subject\n      kind\n      receivedAt\n      candidateClientIds\n      attachments {\n        name\n        inline\n      }\n    }\n  }\n": typeof types.UnsortedMailsDocument,
    "\n  mutation AssignInboundMail($id: ID!, $clientId: ID!) {\n    assignInboundMail(id: $id, clientId: $clientId) {\n      ...InboundMailFields\n    }\n  }\n": typeof types.AssignInboundMailDocument,
    "\n  query MailClientSearch($text: String!) {\n    clients(filter: { text: $text }, page: { limit: 10 }) {\n      items {\n        id\n        name\n      }\n    }\n  }\n": typeof types.MailClientSearchDocument,
    "\n  query MailCandidate($id: ID!) {\n    client(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.MailCandidateDocument,
    "\n  mutation CreateCardForMail($input: CreateCardInput!) {\n    createCard(input: $input) {\n      id\n      client {\n        id\n      }\n    }\n  }\n": typeof types.CreateCardForMailDocument,
    "\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    canWrite\n    modules\n    expiresAt\n    revokedAt\n    lastUsedAt\n    createdAt\n  }\n": typeof types.ApiKeyRowFragmentDoc,
    "\n  query ApiKeys {\n    apiKeys {\n      ...ApiKeyRow\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      key {\n        ...ApiKeyRow\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyRow\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  fragment WebhookRow on Webhook {\n    id\n    url\n    events\n    active\n    disabledReason\n    disabledAt\n    createdAt\n  }\n": typeof types.WebhookRowFragmentDoc,
    "\n  fragment WebhookDeliveryRow on WebhookDelivery {\n    id\n    event\n    state\n    attempts\n    responseCode\n    lastError\n    durationMs\n    requestBody\n    createdAt\n    lastAttemptAt\n  }\n": typeof types.WebhookDeliveryRowFragmentDoc,
    "\n  query Webhooks {\n    webhooks {\n      ...WebhookRow\n    }\n    webhookSettings {\n      allowPrivateTargets\n    }\n  }\n": typeof types.WebhooksDocument,
    "\n  mutation CreateWebhook($input: WebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        ...WebhookRow\n      }\n    }\n  }\n": typeof types.CreateWebhookDocument,
    "\n  mutation SetWebhookActive($id: ID!, $active: Boolean!) {\n    updateWebhook(id: $id, active: $active) {\n      ...WebhookRow\n    }\n  }\n": typeof types.SetWebhookActiveDocument,
    "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n": typeof types.DeleteWebhookDocument,
    "\n  mutation SetWebhookSettings($allowPrivateTargets: Boolean!) {\n    setWebhookSettings(allowPrivateTargets: $allowPrivateTargets) {\n      allowPrivateTargets\n    }\n  }\n": typeof types.SetWebhookSettingsDocument,
    "\n  query WebhookDeliveries($webhookId: ID!, $filter: WebhookDeliveryFilter, $before: ID) {\n    webhookDeliveries(webhookId: $webhookId, filter: $filter, before: $before) {\n      ...WebhookDeliveryRow\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      ...WebhookDeliveryRow\n    }\n  }\n": typeof types.RedeliverWebhookDocument,
    "\n  fragment LabelFields on Label {\n    id\n    kind\n    name\n    color\n    archivedAt\n  }\n": typeof types.LabelFieldsFragmentDoc,
    "\n  query Labels($kind: LabelKind!, $includeArchived: Boolean! = false) {\n    labels(kind: $kind, includeArchived: $includeArchived) {\n      ...LabelFields\n    }\n  }\n": typeof types.LabelsDocument,
    "\n  mutation CreateLabel($input: LabelInput!) {\n    createLabel(input: $input) {\n      ...LabelFields\n    }\n  }\n": typeof types.CreateLabelDocument,
    "\n  mutation UpdateLabel($id: ID!, $input: LabelInput!) {\n    updateLabel(id: $id, input: $input) {\n      ...LabelFields\n    }\n  }\n": typeof types.UpdateLabelDocument,
    "\n  mutation SetLabelArchived($kind: LabelKind!, $id: ID!, $archived: Boolean!) {\n    setLabelArchived(kind: $kind, id: $id, archived: $archived) {\n      ...LabelFields\n    }\n  }\n": typeof types.SetLabelArchivedDocument,
    "\n  mutation CreateTag($name: String!) {\n    createTag(name: $name) {\n      ...LabelFields\n    }\n  }\n": typeof types.CreateTagDocument,
    "\n  query MailPreview($input: MailDraftInput!) {\n    mailPreview(input: $input) {\n      subject\n      html\n      text\n      missing\n    }\n  }\n": typeof types.MailPreviewDocument,
    "\n  mutation SendMail($input: SendMailInput!) {\n    sendMail(input: $input) {\n      queued\n      mailIds\n    }\n  }\n": typeof types.SendMailDocument,
    "\n  query Mail($id: ID!) {\n    mail(id: $id) {\n      id\n      to\n      subject\n      html\n      text\n      status\n      lastError\n      sentAt\n      createdAt\n    }\n  }\n": typeof types.MailDocument,
    "\n  query SendMailContext($cardId: ID!, $clientId: ID!) {\n    card(id: $cardId) {\n      id\n      pipelineId\n    }\n    contacts(clientId: $clientId) {\n      id\n      name\n      title\n      emails\n      isPrimary\n    }\n  }\n": typeof types.SendMailContextDocument,
    "\n  fragment InboundMailFields on InboundMail {\n    id\n    fromAddress\n    fromName\n    toAddresses\n    subject\n    text\n    html\n    kind\n    clientId\n    sentAt\n    receivedAt\n    detectedCharset\n    documentIds\n    candidateClientIds\n    attachments {\n      name\n      mimeType\n      size\n      inline\n    }\n  }\n": typeof types.InboundMailFieldsFragmentDoc,
    "\n  query InboundMail($id: ID!) {\n    inboundMail(id: $id) {\n      ...InboundMailFields\n      inlineImages {\n        contentId\n        dataUrl\n      }\n      calendarEvents {\n        summary\n        start\n        end\n        location\n        organizer\n        method\n      }\n    }\n  }\n": typeof types.InboundMailDocument,
    "\n  mutation ResendMail($id: ID!) {\n    resendMail(id: $id) {\n      id\n      status\n      lastError\n    }\n  }\n": typeof types.ResendMailDocument,
    "\n  query InboundMailText($id: ID!, $charset: String!) {\n    inboundMailText(id: $id, charset: $charset) {\n      text\n      html\n    }\n  }\n": typeof types.InboundMailTextDocument,
    "\n  fragment MailAccountFields on MailAccountType {\n    id\n    name\n    host\n    port\n    security\n    username\n    folders\n    sinceDays\n    enabled\n    messagesSynced\n    lastSyncAt\n    lastErrorCode\n    lastErrorAt\n    syncJob {\n      ...BackgroundJobFields\n    }\n  }\n": typeof types.MailAccountFieldsFragmentDoc,
    "\n  query MailboxSettings {\n    mailboxSettings {\n      keyConfigured\n      account {\n        ...MailAccountFields\n      }\n    }\n  }\n": typeof types.MailboxSettingsDocument,
    "\n  mutation SaveMailAccount($input: MailAccountInput!) {\n    saveMailAccount(input: $input) {\n      ...MailAccountFields\n    }\n  }\n": typeof types.SaveMailAccountDocument,
    "\n  mutation TestMailAccount($input: MailAccountInput!) {\n    testMailAccount(input: $input) {\n      ok\n      code\n    }\n  }\n": typeof types.TestMailAccountDocument,
    "\n  mutation SyncMailAccount {\n    syncMailAccount {\n      ...MailAccountFields\n    }\n  }\n": typeof types.SyncMailAccountDocument,
    "\n  mutation DeleteMailAccount {\n    deleteMailAccount\n  }\n": typeof types.DeleteMailAccountDocument,
    "\n  query SharedMailboxes {\n    sharedMailboxes {\n      ...MailAccountFields\n    }\n  }\n": typeof types.SharedMailboxesDocument,
    "\n  mutation SaveSharedMailbox($id: ID, $input: SharedMailboxInput!) {\n    saveSharedMailbox(id: $id, input: $input) {\n      ...MailAccountFields\n    }\n  }\n": typeof types.SaveSharedMailboxDocument,
    "\n  mutation TestSharedMailbox($id: ID, $input: MailAccountInput!) {\n    testSharedMailbox(id: $id, input: $input) {\n      ok\n      code\n    }\n  }\n": typeof types.TestSharedMailboxDocument,
    "\n  mutation SyncSharedMailbox($id: ID!) {\n    syncSharedMailbox(id: $id) {\n      ...MailAccountFields\n    }\n  }\n": typeof types.SyncSharedMailboxDocument,
    "\n  mutation DeleteSharedMailbox($id: ID!) {\n    deleteSharedMailbox(id: $id)\n  }\n": typeof types.DeleteSharedMailboxDocument,
    "\n  fragment ExchangeRateFields on ExchangeRate {\n    id\n    currency\n    baseCurrency\n    validFrom\n    rate\n    updatedAt\n  }\n": typeof types.ExchangeRateFieldsFragmentDoc,
    "\n  query ExchangeRates {\n    exchangeRates {\n      ...ExchangeRateFields\n    }\n  }\n": typeof types.ExchangeRatesDocument,
    "\n  mutation SetBaseCurrency($currency: String) {\n    setBaseCurrency(currency: $currency) {\n      ...OrganisationSettings\n    }\n  }\n": typeof types.SetBaseCurrencyDocument,
    "\n  mutation CreateExchangeRate($input: ExchangeRateInput!) {\n    createExchangeRate(input: $input) {\n      ...ExchangeRateFields\n    }\n  }\n": typeof types.CreateExchangeRateDocument,
    "\n  mutation UpdateExchangeRate($id: ID!, $input: ExchangeRateInput!) {\n    updateExchangeRate(id: $id, input: $input) {\n      ...ExchangeRateFields\n    }\n  }\n": typeof types.UpdateExchangeRateDocument,
    "\n  mutation DeleteExchangeRate($id: ID!) {\n    deleteExchangeRate(id: $id)\n  }\n": typeof types.DeleteExchangeRateDocument,
    "\n  fragment OrganisationSettings on Organisation {\n    timeZone\n    language\n    defaultCountry\n    defaultTimeZone\n    companyLookupCountries\n    baseCurrency\n  }\n": typeof types.OrganisationSettingsFragmentDoc,
    "\n  query Organisation {\n    organisation {\n      ...OrganisationSettings\n    }\n  }\n": typeof types.OrganisationDocument,
    "\n  mutation UpdateOrganisationSettings($input: OrganisationSettingsInput!) {\n    updateOrganisationSettings(input: $input) {\n      ...OrganisationSettings\n    }\n  }\n": typeof types.UpdateOrganisationSettingsDocument,
    "\n  mutation CreatePipeline($name: String!) {\n    createPipeline(name: $name) {\n      ...PipelineFields\n    }\n  }\n": typeof types.CreatePipelineDocument,
    "\n  mutation RenamePipeline($id: ID!, $name: String!) {\n    renamePipeline(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n": typeof types.RenamePipelineDocument,
    "\n  mutation SetPipelineArchived($id: ID!, $archived: Boolean!) {\n    setPipelineArchived(id: $id, archived: $archived) {\n      id\n      archivedAt\n    }\n  }\n": typeof types.SetPipelineArchivedDocument,
    "\n  mutation CreateStatus($input: CreateStatusInput!) {\n    createStatus(input: $input) {\n      ...StatusFields\n    }\n  }\n": typeof types.CreateStatusDocument,
    "\n  mutation UpdateStatus($id: ID!, $input: UpdateStatusInput!) {\n    updateStatus(id: $id, input: $input) {\n      ...StatusFields\n    }\n  }\n": typeof types.UpdateStatusDocument,
    "\n  mutation ReorderStatuses($pipelineId: ID!, $statusIds: [ID!]!) {\n    reorderStatuses(pipelineId: $pipelineId, statusIds: $statusIds) {\n      ...PipelineFields\n    }\n  }\n": typeof types.ReorderStatusesDocument,
    "\n  mutation SetStatusArchived($id: ID!, $archived: Boolean!) {\n    setStatusArchived(id: $id, archived: $archived) {\n      ...StatusFields\n    }\n  }\n": typeof types.SetStatusArchivedDocument,
    "\n  fragment StatusFields on Status {\n    id\n    pipelineId\n    name\n    kind\n    color\n    position\n    archivedAt\n    probability\n  }\n": typeof types.StatusFieldsFragmentDoc,
    "\n  fragment PipelineFields on Pipeline {\n    id\n    name\n    position\n    archivedAt\n    statuses {\n      ...StatusFields\n    }\n  }\n": typeof types.PipelineFieldsFragmentDoc,
    "\n  query Pipelines($includeArchived: Boolean! = false) {\n    pipelines(includeArchived: $includeArchived) {\n      ...PipelineFields\n    }\n  }\n": typeof types.PipelinesDocument,
    "\n  fragment Profile on User {\n    id\n    name\n    email\n    role\n    locale\n    signature\n    photoUrl\n  }\n": typeof types.ProfileFragmentDoc,
    "\n  query MyProfile {\n    me {\n      ...Profile\n    }\n  }\n": typeof types.MyProfileDocument,
    "\n  mutation UpdateMyProfile($input: UpdateProfileInput!) {\n    updateMyProfile(input: $input) {\n      ...Profile\n    }\n  }\n": typeof types.UpdateMyProfileDocument,
    "\n  mutation SetMyPhoto($image: String!) {\n    setMyPhoto(image: $image) {\n      ...Profile\n    }\n  }\n": typeof types.SetMyPhotoDocument,
    "\n  mutation RemoveMyPhoto {\n    removeMyPhoto {\n      ...Profile\n    }\n  }\n": typeof types.RemoveMyPhotoDocument,
    "\n  mutation ChangeMyPassword($input: ChangePasswordInput!) {\n    changeMyPassword(input: $input)\n  }\n": typeof types.ChangeMyPasswordDocument,
    "\n  fragment ReportCardFilter on CardFilter {\n    statusIds\n    ownerIds\n    unowned\n    departmentIds\n    categoryIds\n    tagIds\n    outcomes\n    createdFrom\n    createdTo\n    enteredStatusIds\n    enteredFrom\n    enteredTo\n    statusChangedFrom\n    statusChangedTo\n  }\n": typeof types.ReportCardFilterFragmentDoc,
    "\n  fragment ReportMoney on MoneySum {\n    currency\n    amount\n  }\n": typeof types.ReportMoneyFragmentDoc,
    "\n  fragment ReportBaseMoney on BaseMoney {\n    currency\n    amount\n    missing {\n      currency\n      count\n    }\n  }\n": typeof types.ReportBaseMoneyFragmentDoc,
    "\n  fragment ReportOutcome on OutcomeFigure {\n    count\n    previousCount\n    sums {\n      ...ReportMoney\n    }\n    currencyMode\n    inBase {\n      ...ReportBaseMoney\n    }\n    cards {\n      ...ReportCardFilter\n    }\n  }\n": typeof types.ReportOutcomeFragmentDoc,
    "\n  query Report($filter: ReportFilterInput!) {\n    report(filter: $filter) {\n      pipelineId\n      currencyMode\n      baseCurrency\n      period {\n        fromDay\n        toDay\n        previousFromDay\n        previousToDay\n        timeZone\n      }\n      funnel {\n        status {\n          id\n          name\n          kind\n          color\n        }\n        entered\n        previousEntered\n        convertedToNext\n        conversion\n        cards {\n          ...ReportCardFilter\n        }\n      }\n      outcomes {\n        currencyMode\n        winRate\n        previousWinRate\n        won {\n          ...ReportOutcome\n        }\n        lost {\n          ...ReportOutcome\n        }\n      }\n      openPipeline {\n        status {\n          id\n          name\n          color\n        }\n        count\n        sums {\n          ...ReportMoney\n        }\n        currencyMode\n        inBase {\n          ...ReportBaseMoney\n        }\n        cards {\n          ...ReportCardFilter\n        }\n      }\n      forecast {\n        month\n        count\n        withoutProbability\n        sums {\n          ...ReportMoney\n        }\n        weighted {\n          ...ReportMoney\n        }\n        currencyMode\n        inBase {\n          ...ReportBaseMoney\n        }\n        weightedInBase {\n          ...ReportBaseMoney\n        }\n      }\n      activity {\n        user {\n          id\n          name\n        }\n        todosDone\n        overdueTodos\n        mailsSent\n        repliesReceived\n        notes\n        cardsMoved\n        cardsWon\n        wonCards {\n          ...ReportCardFilter\n        }\n      }\n      timeInStatus {\n        status {\n          id\n          name\n          color\n        }\n        stays\n        averageDays\n        medianDays\n      }\n      automations {\n        id\n        name\n        state\n        enrolled\n        stepsDone\n        mailSteps\n        failures\n      }\n      weekly {\n        week\n        newCards\n        newClients\n        cards {\n          ...ReportCardFilter\n        }\n      }\n    }\n  }\n": typeof types.ReportDocument,
    "\n  mutation ReportXlsx($input: ReportTableInput!) {\n    reportXlsx(input: $input)\n  }\n": typeof types.ReportXlsxDocument,
    "\n  fragment SavedReportFields on SavedReport {\n    id\n    name\n    ownerId\n    shared\n    editable\n    subscribed\n    compare\n    widgets\n    filter {\n      pipelineId\n      period\n      from\n      to\n      ownerIds\n      departmentIds\n      categoryIds\n      tagIds\n    }\n  }\n": typeof types.SavedReportFieldsFragmentDoc,
    "\n  query SavedReports {\n    savedReports {\n      ...SavedReportFields\n    }\n  }\n": typeof types.SavedReportsDocument,
    "\n  mutation CreateSavedReport($input: SavedReportInput!) {\n    createSavedReport(input: $input) {\n      ...SavedReportFields\n    }\n  }\n": typeof types.CreateSavedReportDocument,
    "\n  mutation RenameSavedReport($id: ID!, $input: RenameSavedReportInput!) {\n    renameSavedReport(id: $id, input: $input) {\n      ...SavedReportFields\n    }\n  }\n": typeof types.RenameSavedReportDocument,
    "\n  mutation DeleteSavedReport($id: ID!) {\n    deleteSavedReport(id: $id)\n  }\n": typeof types.DeleteSavedReportDocument,
    "\n  mutation SubscribeSavedReport($id: ID!, $subscribed: Boolean!) {\n    subscribeSavedReport(id: $id, subscribed: $subscribed) {\n      ...SavedReportFields\n    }\n  }\n": typeof types.SubscribeSavedReportDocument,
    "\n  fragment EmailTemplateFields on EmailTemplate {\n    id\n    pipelineId\n    name\n    category\n    subject\n    body\n    archivedAt\n    updatedAt\n  }\n": typeof types.EmailTemplateFieldsFragmentDoc,
    "\n  query EmailTemplates($pipelineId: ID!) {\n    emailTemplates(pipelineId: $pipelineId) {\n      ...EmailTemplateFields\n    }\n  }\n": typeof types.EmailTemplatesDocument,
    "\n  mutation CreateEmailTemplate($input: EmailTemplateInput!) {\n    createEmailTemplate(input: $input) {\n      ...EmailTemplateFields\n    }\n  }\n": typeof types.CreateEmailTemplateDocument,
    "\n  mutation UpdateEmailTemplate($id: ID!, $input: EmailTemplateInput!) {\n    updateEmailTemplate(id: $id, input: $input) {\n      ...EmailTemplateFields\n    }\n  }\n": typeof types.UpdateEmailTemplateDocument,
    "\n  mutation ArchiveEmailTemplate($id: ID!) {\n    archiveEmailTemplate(id: $id)\n  }\n": typeof types.ArchiveEmailTemplateDocument,
    "\n  fragment TodoTemplateFields on TodoTemplate {\n    id\n    pipelineId\n    title\n    text\n    deadlineOffsetDays\n    deadlineTime\n  }\n": typeof types.TodoTemplateFieldsFragmentDoc,
    "\n  query TodoTemplates($pipelineId: ID) {\n    todoTemplates(pipelineId: $pipelineId) {\n      ...TodoTemplateFields\n    }\n  }\n": typeof types.TodoTemplatesDocument,
    "\n  mutation SaveTodoTemplate($id: ID, $input: TodoTemplateInput!) {\n    saveTodoTemplate(id: $id, input: $input) {\n      ...TodoTemplateFields\n    }\n  }\n": typeof types.SaveTodoTemplateDocument,
    "\n  mutation ArchiveTodoTemplate($id: ID!) {\n    archiveTodoTemplate(id: $id)\n  }\n": typeof types.ArchiveTodoTemplateDocument,
    "\n  query TemplateCustomFields($pipelineId: ID!) {\n    customFields(pipelineId: $pipelineId) {\n      id\n      label\n      kind\n    }\n  }\n": typeof types.TemplateCustomFieldsDocument,
    "\n  query TemplatePreviewCards($pipelineId: ID!, $text: String) {\n    cards(pipelineId: $pipelineId, filter: { text: $text }, page: { limit: 8, offset: 0 }) {\n      items {\n        id\n        client {\n          id\n          name\n        }\n      }\n      total\n    }\n  }\n": typeof types.TemplatePreviewCardsDocument,
    "\n  query Trash($kind: TrashKind) {\n    trash(kind: $kind) {\n      id\n      kind\n      name\n      clientName\n      deletedAt\n      deletedBy {\n        id\n        name\n      }\n    }\n  }\n": typeof types.TrashDocument,
    "\n  mutation RestoreFromTrash($id: ID!, $kind: TrashKind!) {\n    restoreFromTrash(id: $id, kind: $kind)\n  }\n": typeof types.RestoreFromTrashDocument,
    "\n  mutation PurgeFromTrash($id: ID!, $kind: TrashKind!) {\n    purgeFromTrash(id: $id, kind: $kind)\n  }\n": typeof types.PurgeFromTrashDocument,
    "\n  fragment UserRow on User {\n    id\n    name\n    email\n    role\n    locale\n    active\n    lastLoginAt\n    departments {\n      id\n      name\n    }\n  }\n": typeof types.UserRowFragmentDoc,
    "\n  query Users {\n    users {\n      ...UserRow\n    }\n  }\n": typeof types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserRow\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...UserRow\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation SetUserActive($id: ID!, $active: Boolean!) {\n    setUserActive(id: $id, active: $active) {\n      ...UserRow\n    }\n  }\n": typeof types.SetUserActiveDocument,
    "\n  mutation ResetUserPassword($id: ID!, $password: String!) {\n    resetUserPassword(id: $id, password: $password)\n  }\n": typeof types.ResetUserPasswordDocument,
    "\n  query AssignableUsers {\n    assignableUsers {\n      id\n      name\n    }\n  }\n": typeof types.AssignableUsersDocument,
    "\n  mutation SetUserDepartments($id: ID!, $departmentIds: [ID!]!) {\n    setUserDepartments(id: $id, departmentIds: $departmentIds) {\n      ...UserRow\n    }\n  }\n": typeof types.SetUserDepartmentsDocument,
    "\n  mutation CreateView($input: ViewInput!) {\n    createView(input: $input) {\n      ...ViewFields\n    }\n  }\n": typeof types.CreateViewDocument,
    "\n  mutation UpdateView($id: ID!, $input: ViewInput!) {\n    updateView(id: $id, input: $input) {\n      ...ViewFields\n    }\n  }\n": typeof types.UpdateViewDocument,
    "\n  mutation DeleteView($id: ID!) {\n    deleteView(id: $id)\n  }\n": typeof types.DeleteViewDocument,
    "\n  fragment ViewFields on View {\n    id\n    kind\n    name\n    pipelineId\n    shared\n    editable\n    ownerId\n    columns\n    sort {\n      field\n      customFieldId\n      direction\n    }\n    filter {\n      categoryIds\n      classificationIds\n      createdFrom\n      createdTo\n      custom {\n        fieldId\n        value\n      }\n      departmentIds\n      outcomes\n      ownerIds\n      statusIds\n      tagIds\n      text\n      todoAssigneeId\n      unowned\n    }\n  }\n": typeof types.ViewFieldsFragmentDoc,
    "\n  query Views($kind: ViewKind, $pipelineId: ID) {\n    views(kind: $kind, pipelineId: $pipelineId) {\n      ...ViewFields\n    }\n  }\n": typeof types.ViewsDocument,
};
const documents: Documents = {
    "\n  query AuditLog($filter: AuditFilterInput, $before: ID, $limit: Int! = 50) {\n    auditLog(filter: $filter, before: $before, limit: $limit) {\n      ...HistoryEntryFields\n    }\n  }\n": types.AuditLogDocument,
    "\n  fragment CurrentUser on User {\n    id\n    name\n    email\n    role\n    locale\n    photoUrl\n  }\n": types.CurrentUserFragmentDoc,
    "\n  query Me {\n    me {\n      ...CurrentUser\n    }\n  }\n": types.MeDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...CurrentUser\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation UpdateMyLocale($locale: String!) {\n    updateMyProfile(input: { locale: $locale }) {\n      id\n      locale\n    }\n  }\n": types.UpdateMyLocaleDocument,
    "\n  fragment AutomationStepFields on AutomationStep {\n    id\n    kind\n    delayDays\n    weekday\n    hour\n    emailTemplateId\n    todoTemplateId\n    recipient\n    recipientUserId\n    sender\n    senderUserId\n  }\n": types.AutomationStepFieldsFragmentDoc,
    "\n  fragment AutomationFields on Automation {\n    id\n    pipelineId\n    name\n    state\n    triggerKind\n    triggerStatusId\n    triggerViewId\n    mode\n    onlyNew\n    reEnrol\n    stopOnReply\n    activatedAt\n    updatedAt\n    stats {\n      enrolled\n      stepsDone\n      stepsPending\n      failures\n      skipped\n    }\n    createdById\n    pausedReason\n    problems {\n      step\n      field\n      code\n    }\n    steps {\n      ...AutomationStepFields\n    }\n  }\n": types.AutomationFieldsFragmentDoc,
    "\n  query Automations($pipelineId: ID!) {\n    automations(pipelineId: $pipelineId) {\n      ...AutomationFields\n    }\n  }\n": types.AutomationsDocument,
    "\n  query Automation($id: ID!) {\n    automation(id: $id) {\n      ...AutomationFields\n    }\n  }\n": types.AutomationDocument,
    "\n  query AutomationRuns($automationId: ID!, $status: String, $limit: Int! = 200) {\n    automationRuns(automationId: $automationId, status: $status, limit: $limit) {\n      id\n      cardId\n      clientName\n      step\n      stepKind\n      dueAt\n      status\n      finishedAt\n      result\n      error\n    }\n  }\n": types.AutomationRunsDocument,
    "\n  query AutomationEditorOptions($pipelineId: ID!) {\n    views(kind: CARDS, pipelineId: $pipelineId) {\n      id\n      name\n    }\n    emailTemplates(pipelineId: $pipelineId) {\n      id\n      name\n      category\n    }\n    todoTemplates(pipelineId: $pipelineId) {\n      id\n      title\n    }\n    assignableUsers {\n      id\n      name\n    }\n  }\n": types.AutomationEditorOptionsDocument,
    "\n  query AutomationPreviewCard($pipelineId: ID!) {\n    cards(pipelineId: $pipelineId, filter: {}, page: { limit: 1, offset: 0 }) {\n      items {\n        id\n        client {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.AutomationPreviewCardDocument,
    "\n  mutation CreateAutomation($input: AutomationInput!) {\n    createAutomation(input: $input) {\n      ...AutomationFields\n    }\n  }\n": types.CreateAutomationDocument,
    "\n  mutation UpdateAutomation($id: ID!, $input: AutomationInput!) {\n    updateAutomation(id: $id, input: $input) {\n      ...AutomationFields\n    }\n  }\n": types.UpdateAutomationDocument,
    "\n  mutation ActivateAutomation($id: ID!) {\n    activateAutomation(id: $id) {\n      ...AutomationFields\n    }\n  }\n": types.ActivateAutomationDocument,
    "\n  mutation PauseAutomation($id: ID!) {\n    pauseAutomation(id: $id) {\n      ...AutomationFields\n    }\n  }\n": types.PauseAutomationDocument,
    "\n  mutation ResumeAutomation($id: ID!) {\n    resumeAutomation(id: $id) {\n      ...AutomationFields\n    }\n  }\n": types.ResumeAutomationDocument,
    "\n  mutation StopAutomation($id: ID!) {\n    stopAutomation(id: $id) {\n      ...AutomationFields\n    }\n  }\n": types.StopAutomationDocument,
    "\n  mutation DeleteAutomation($id: ID!) {\n    deleteAutomation(id: $id)\n  }\n": types.DeleteAutomationDocument,
    "\n  mutation SendTemplateToView($viewId: ID!, $emailTemplateId: ID!, $name: String) {\n    sendTemplateToView(viewId: $viewId, emailTemplateId: $emailTemplateId, name: $name) {\n      ...AutomationFields\n    }\n  }\n": types.SendTemplateToViewDocument,
    "\n  fragment BoardCard on Card {\n    id\n    pipelineId\n    statusId\n    position\n    value\n    currency\n    updatedAt\n    client {\n      id\n      name\n      type\n    }\n    owner {\n      id\n      name\n    }\n    nextTodo {\n      id\n      title\n      deadline\n      assigneeId\n    }\n  }\n": types.BoardCardFragmentDoc,
    "\n  query Board($pipelineId: ID!, $filter: CardFilterInput) {\n    board(pipelineId: $pipelineId, filter: $filter) {\n      status {\n        id\n        name\n        kind\n        color\n      }\n      count\n      sums {\n        currency\n        amount\n      }\n      cards {\n        ...BoardCard\n      }\n      endCursor\n      hasMore\n    }\n  }\n": types.BoardDocument,
    "\n  query ColumnCards($statusId: ID!, $after: String, $first: Int!, $filter: CardFilterInput) {\n    columnCards(statusId: $statusId, after: $after, first: $first, filter: $filter) {\n      cards {\n        ...BoardCard\n      }\n      endCursor\n      hasMore\n    }\n  }\n": types.ColumnCardsDocument,
    "\n  fragment BoardChanges on CardChanges {\n    cards {\n      ...BoardCard\n    }\n    removedIds\n    serverTime\n    reset\n    columns {\n      statusId\n      count\n      sums {\n        currency\n        amount\n      }\n    }\n  }\n": types.BoardChangesFragmentDoc,
    "\n  query CardChanges($pipelineId: ID!, $since: DateTimeISO!, $filter: CardFilterInput) {\n    cardChanges(pipelineId: $pipelineId, since: $since, filter: $filter) {\n      ...BoardChanges\n    }\n  }\n": types.CardChangesDocument,
    "\n  subscription BoardChangesLive($pipelineId: ID!, $filter: CardFilterInput) {\n    boardChanges(pipelineId: $pipelineId, filter: $filter) {\n      initial\n      changes {\n        ...BoardChanges\n      }\n    }\n  }\n": types.BoardChangesLiveDocument,
    "\n  mutation MoveCard($input: MoveCardInput!) {\n    moveCard(input: $input) {\n      ...BoardCard\n    }\n  }\n": types.MoveCardDocument,
    "\n  mutation CreateCard($input: CreateCardInput!) {\n    createCard(input: $input) {\n      ...BoardCard\n    }\n  }\n": types.CreateCardDocument,
    "\n  fragment DistributionListFields on DistributionList {\n    id\n    name\n    kind\n    channel\n    recipients\n    role\n    clientCount\n    updatedAt\n    filter {\n      text\n      type\n      categoryIds\n      classificationIds\n      tagIds\n      departmentIds\n      ownerIds\n      pipelineIds\n      statusIds\n      custom {\n        fieldId\n        value\n        min\n        max\n      }\n    }\n  }\n": types.DistributionListFieldsFragmentDoc,
    "\n  query DistributionLists {\n    distributionLists {\n      ...DistributionListFields\n    }\n  }\n": types.DistributionListsDocument,
    "\n  query DistributionList($id: ID!, $text: String, $page: PageInput) {\n    distributionList(id: $id) {\n      ...DistributionListFields\n    }\n    listMembers(listId: $id, text: $text, page: $page) {\n      total\n      items {\n        ...ClientRow\n      }\n    }\n  }\n": types.DistributionListDocument,
    "\n  mutation CreateDistributionList($input: DistributionListInput!) {\n    createDistributionList(input: $input) {\n      ...DistributionListFields\n    }\n  }\n": types.CreateDistributionListDocument,
    "\n  mutation UpdateDistributionList($id: ID!, $input: DistributionListInput!) {\n    updateDistributionList(id: $id, input: $input) {\n      ...DistributionListFields\n    }\n  }\n": types.UpdateDistributionListDocument,
    "\n  mutation ArchiveDistributionList($id: ID!) {\n    archiveDistributionList(id: $id)\n  }\n": types.ArchiveDistributionListDocument,
    "\n  mutation AddListMembers($input: AddListMembersInput!) {\n    addListMembers(input: $input)\n  }\n": types.AddListMembersDocument,
    "\n  mutation RemoveListMembers($listId: ID!, $clientIds: [ID!]!) {\n    removeListMembers(listId: $listId, clientIds: $clientIds)\n  }\n": types.RemoveListMembersDocument,
    "\n  fragment CampaignFields on Campaign {\n    id\n    name\n    listId\n    listName\n    templateId\n    templateName\n    fromName\n    fromAddress\n    replyTo\n    scheduledAt\n    status\n    perMinute\n    perDomainPerMinute\n    tracking\n    startedAt\n    finishedAt\n    createdAt\n    totals {\n      recipients\n      queued\n      sent\n      failed\n      bounced\n      unsubscribed\n      complained\n      replied\n      skipped\n      cancelled\n      opened\n      clicked\n    }\n  }\n": types.CampaignFieldsFragmentDoc,
    "\n  query Campaigns {\n    campaigns {\n      ...CampaignFields\n    }\n  }\n": types.CampaignsDocument,
    "\n  query CampaignOptions {\n    distributionLists {\n      id\n      name\n      channel\n      clientCount\n    }\n    campaignTemplates {\n      id\n      name\n      pipelineName\n    }\n  }\n": types.CampaignOptionsDocument,
    "\n  query Campaign($id: ID!, $state: String, $page: PageInput) {\n    campaign(id: $id) {\n      ...CampaignFields\n    }\n    campaignRecipients(campaignId: $id, state: $state, page: $page) {\n      total\n      items {\n        id\n        clientId\n        clientName\n        contactName\n        email\n        state\n        skipReason\n        missing\n        at\n      }\n    }\n  }\n": types.CampaignDocument,
    "\n  query CampaignReview($id: ID!) {\n    campaignReview(id: $id) {\n      recipients\n      clients\n      noAddress\n      hidden\n      suppressed {\n        reason\n        count\n      }\n      missingValues {\n        email\n        clientName\n        missing\n      }\n      previews {\n        email\n        clientName\n        subject\n        html\n        text\n      }\n    }\n  }\n": types.CampaignReviewDocument,
    "\n  mutation CreateCampaign($input: CampaignInput!) {\n    createCampaign(input: $input) {\n      ...CampaignFields\n    }\n  }\n": types.CreateCampaignDocument,
    "\n  mutation SendCampaign($id: ID!, $confirmMissing: Boolean) {\n    sendCampaign(id: $id, confirmMissing: $confirmMissing) {\n      ...CampaignFields\n    }\n  }\n": types.SendCampaignDocument,
    "\n  mutation TestSendCampaign($id: ID!) {\n    testSendCampaign(id: $id)\n  }\n": types.TestSendCampaignDocument,
    "\n  mutation PauseCampaign($id: ID!) {\n    pauseCampaign(id: $id) {\n      ...CampaignFields\n    }\n  }\n": types.PauseCampaignDocument,
    "\n  mutation ResumeCampaign($id: ID!) {\n    resumeCampaign(id: $id) {\n      ...CampaignFields\n    }\n  }\n": types.ResumeCampaignDocument,
    "\n  mutation CancelCampaign($id: ID!) {\n    cancelCampaign(id: $id) {\n      ...CampaignFields\n    }\n  }\n": types.CancelCampaignDocument,
    "\n  query ContactConsents($contactId: ID!) {\n    contactConsents(contactId: $contactId) {\n      id\n      email\n      status\n      source\n      createdAt\n    }\n  }\n": types.ContactConsentsDocument,
    "\n  mutation SetContactConsent($input: ConsentInput!) {\n    setContactConsent(input: $input) {\n      id\n    }\n  }\n": types.SetContactConsentDocument,
    "\n  query Suppressions($search: String, $page: PageInput) {\n    suppressions(search: $search, page: $page) {\n      total\n      items {\n        email\n        reason\n        scope\n        source\n        campaignName\n        createdByName\n        createdAt\n      }\n    }\n  }\n": types.SuppressionsDocument,
    "\n  mutation AddSuppression($input: AddSuppressionInput!) {\n    addSuppression(input: $input) {\n      email\n      reason\n    }\n  }\n": types.AddSuppressionDocument,
    "\n  mutation RemoveSuppression($input: RemoveSuppressionInput!) {\n    removeSuppression(input: $input)\n  }\n": types.RemoveSuppressionDocument,
    "\n  fragment CampaignSettingsFields on CampaignSettings {\n    perMinute\n    perDomainPerMinute\n    defaultPerMinute\n    defaultPerDomainPerMinute\n    tracking\n  }\n": types.CampaignSettingsFieldsFragmentDoc,
    "\n  query CampaignSettings {\n    campaignSettings {\n      ...CampaignSettingsFields\n    }\n  }\n": types.CampaignSettingsDocument,
    "\n  mutation UpdateCampaignSettings($input: CampaignSettingsInput!) {\n    updateCampaignSettings(input: $input) {\n      ...CampaignSettingsFields\n    }\n  }\n": types.UpdateCampaignSettingsDocument,
    "\n  query ListCustomFields {\n    customFields {\n      id\n      pipelineId\n      label\n      kind\n      options\n      position\n    }\n  }\n": types.ListCustomFieldsDocument,
    "\n  mutation UpdateCampaign($id: ID!, $input: CampaignInput!) {\n    updateCampaign(id: $id, input: $input) {\n      ...CampaignFields\n    }\n  }\n": types.UpdateCampaignDocument,
    "\n  fragment CardRow on Card {\n    id\n    statusId\n    value\n    currency\n    createdAt\n    updatedAt\n    client {\n      id\n      name\n      type\n      emails\n      phones\n      department {\n        id\n        name\n      }\n      classification {\n        id\n        name\n      }\n      categories {\n        id\n        name\n      }\n      tags {\n        id\n        name\n      }\n    }\n    owner {\n      id\n      name\n    }\n    nextTodo {\n      id\n      title\n      deadline\n      assigneeId\n    }\n    customValues\n  }\n": types.CardRowFragmentDoc,
    "\n  query CardListCustomFields($pipelineId: ID!) {\n    customFields(pipelineId: $pipelineId) {\n      id\n      label\n      kind\n      options\n      position\n    }\n  }\n": types.CardListCustomFieldsDocument,
    "\n  query CardList($pipelineId: ID!, $filter: CardFilterInput, $sort: CardSortInput, $page: PageInput) {\n    cards(pipelineId: $pipelineId, filter: $filter, sort: $sort, page: $page) {\n      items {\n        ...CardRow\n      }\n      total\n    }\n  }\n": types.CardListDocument,
    "\n  mutation MassUpdateCards($input: MassUpdateCardsInput!) {\n    massUpdateCards(input: $input) {\n      matched\n      changed\n      undoId\n      undoUntil\n    }\n  }\n": types.MassUpdateCardsDocument,
    "\n  subscription CardListLive($pipelineId: ID!, $filter: CardFilterInput) {\n    boardChanges(pipelineId: $pipelineId, filter: $filter) {\n      initial\n      changes {\n        serverTime\n      }\n    }\n  }\n": types.CardListLiveDocument,
    "\n  fragment MassUpdateRow on MassUpdate {\n    id\n    actor {\n      id\n      name\n    }\n    pipelineName\n    fields\n    changed\n    createdAt\n    undoUntil\n    undoneAt\n    canUndo\n  }\n": types.MassUpdateRowFragmentDoc,
    "\n  query MassUpdates($limit: Int) {\n    massUpdates(limit: $limit) {\n      ...MassUpdateRow\n    }\n  }\n": types.MassUpdatesDocument,
    "\n  mutation UndoMassUpdate($id: ID!) {\n    undoMassUpdate(id: $id) {\n      restored\n    }\n  }\n": types.UndoMassUpdateDocument,
    "\n  mutation UpdateCard($id: ID!, $input: UpdateCardInput!) {\n    updateCard(id: $id, input: $input) {\n      id\n      statusId\n      value\n      currency\n      expectedCloseDate\n      owner {\n        id\n        name\n      }\n    }\n  }\n": types.UpdateCardDocument,
    "\n  mutation AddClientToPipeline($input: AddClientToPipelineInput!) {\n    addClientToPipeline(input: $input) {\n      id\n      pipelineId\n      statusId\n    }\n  }\n": types.AddClientToPipelineDocument,
    "\n  mutation DeleteCard($id: ID!) {\n    deleteCard(id: $id)\n  }\n": types.DeleteCardDocument,
    "\n  mutation DeleteClient($id: ID!) {\n    deleteClient(id: $id)\n  }\n": types.DeleteClientDocument,
    "\n  mutation UpdateClient($id: ID!, $input: UpdateClientInput!) {\n    updateClient(id: $id, input: $input) {\n      client {\n        id\n        name\n        type\n        emails\n        phones\n        address\n        taxId\n        website\n        domain\n        updatedAt\n        owner {\n          id\n          name\n        }\n        department {\n          id\n          name\n        }\n        classification {\n          id\n          name\n        }\n        categories {\n          id\n          name\n        }\n        tags {\n          id\n          name\n        }\n      }\n      possibleDuplicates {\n        id\n        name\n      }\n    }\n  }\n": types.UpdateClientDocument,
    "\n  subscription ClientChangedLive($clientId: ID!) {\n    clientChanged(clientId: $clientId) {\n      clientId\n      initial\n    }\n  }\n": types.ClientChangedLiveDocument,
    "\n  fragment ContactFields on Contact {\n    id\n    name\n    title\n    emails\n    phones\n    isPrimary\n  }\n": types.ContactFieldsFragmentDoc,
    "\n  query ClientContacts($clientId: ID!) {\n    contacts(clientId: $clientId) {\n      ...ContactFields\n    }\n  }\n": types.ClientContactsDocument,
    "\n  mutation CreateContact($clientId: ID!, $input: ContactInput!) {\n    createContact(clientId: $clientId, input: $input) {\n      ...ContactFields\n    }\n  }\n": types.CreateContactDocument,
    "\n  mutation UpdateContact($id: ID!, $input: ContactInput!) {\n    updateContact(id: $id, input: $input) {\n      ...ContactFields\n    }\n  }\n": types.UpdateContactDocument,
    "\n  mutation SetPrimaryContact($id: ID!) {\n    setPrimaryContact(id: $id) {\n      ...ContactFields\n    }\n  }\n": types.SetPrimaryContactDocument,
    "\n  mutation DeleteContact($id: ID!) {\n    deleteContact(id: $id)\n  }\n": types.DeleteContactDocument,
    "\n  fragment DealFields on Deal {\n    id\n    clientId\n    cardId\n    title\n    amount\n    currency\n    date\n    state\n    createdAt\n  }\n": types.DealFieldsFragmentDoc,
    "\n  query ClientDeals($clientId: ID!) {\n    deals(clientId: $clientId) {\n      ...DealFields\n    }\n  }\n": types.ClientDealsDocument,
    "\n  mutation CreateDeal($clientId: ID!, $input: DealInput!) {\n    createDeal(clientId: $clientId, input: $input) {\n      ...DealFields\n    }\n  }\n": types.CreateDealDocument,
    "\n  mutation UpdateDeal($id: ID!, $input: DealInput!) {\n    updateDeal(id: $id, input: $input) {\n      ...DealFields\n    }\n  }\n": types.UpdateDealDocument,
    "\n  mutation DeleteDeal($id: ID!) {\n    deleteDeal(id: $id)\n  }\n": types.DeleteDealDocument,
    "\n  fragment DocumentFields on Document {\n    id\n    clientId\n    pipelineId\n    folder\n    name\n    mimeType\n    size\n    path\n    publicPath\n    createdAt\n    uploadedBy {\n      id\n      name\n    }\n  }\n": types.DocumentFieldsFragmentDoc,
    "\n  query ClientDocuments($clientId: ID!, $pipelineId: ID) {\n    documents(clientId: $clientId, pipelineId: $pipelineId) {\n      ...DocumentFields\n    }\n  }\n": types.ClientDocumentsDocument,
    "\n  mutation MoveDocument($id: ID!, $to: DocumentPlaceInput!) {\n    moveDocument(id: $id, to: $to) {\n      ...DocumentFields\n    }\n  }\n": types.MoveDocumentDocument,
    "\n  mutation CopyDocument($id: ID!, $to: DocumentPlaceInput!) {\n    copyDocument(id: $id, to: $to) {\n      ...DocumentFields\n    }\n  }\n": types.CopyDocumentDocument,
    "\n  mutation DeleteDocument($id: ID!) {\n    deleteDocument(id: $id)\n  }\n": types.DeleteDocumentDocument,
    "\n  mutation SetDocumentShared($id: ID!, $shared: Boolean!) {\n    setDocumentShared(id: $id, shared: $shared) {\n      ...DocumentFields\n    }\n  }\n": types.SetDocumentSharedDocument,
    "\n  query DocumentFolders($clientId: ID!, $pipelineId: ID!) {\n    documentFolders(clientId: $clientId, pipelineId: $pipelineId)\n  }\n": types.DocumentFoldersDocument,
    "\n  mutation CreateDocumentFolder($clientId: ID!, $pipelineId: ID!, $name: String!) {\n    createDocumentFolder(clientId: $clientId, pipelineId: $pipelineId, name: $name)\n  }\n": types.CreateDocumentFolderDocument,
    "\n  mutation DeleteDocumentFolder($clientId: ID!, $pipelineId: ID!, $name: String!) {\n    deleteDocumentFolder(clientId: $clientId, pipelineId: $pipelineId, name: $name)\n  }\n": types.DeleteDocumentFolderDocument,
    "\n  query CardCustomFields($cardId: ID!, $pipelineId: ID!) {\n    card(id: $cardId) {\n      id\n      customValues\n    }\n    customFields(pipelineId: $pipelineId) {\n      id\n      label\n      kind\n      options\n      required\n      position\n    }\n  }\n": types.CardCustomFieldsDocument,
    "\n  mutation SetCardFieldValues($cardId: ID!, $values: [FieldValueInput!]!) {\n    setCardFieldValues(cardId: $cardId, values: $values)\n  }\n": types.SetCardFieldValuesDocument,
    "\n  fragment NoteFields on Note {\n    id\n    cardId\n    body\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n": types.NoteFieldsFragmentDoc,
    "\n  query CardNotes($cardId: ID!) {\n    notes(cardId: $cardId) {\n      ...NoteFields\n    }\n  }\n": types.CardNotesDocument,
    "\n  mutation CreateNote($cardId: ID!, $input: NoteInput!) {\n    createNote(cardId: $cardId, input: $input) {\n      ...NoteFields\n    }\n  }\n": types.CreateNoteDocument,
    "\n  mutation UpdateNote($id: ID!, $input: NoteInput!) {\n    updateNote(id: $id, input: $input) {\n      ...NoteFields\n    }\n  }\n": types.UpdateNoteDocument,
    "\n  mutation DeleteNote($id: ID!) {\n    deleteNote(id: $id)\n  }\n": types.DeleteNoteDocument,
    "\n  mutation ErasePersonalData($kind: PersonalDataKind!, $id: ID!, $confirmName: String!) {\n    erasePersonalData(kind: $kind, id: $id, confirmName: $confirmName)\n  }\n": types.ErasePersonalDataDocument,
    "\n  fragment TodoFields on Todo {\n    id\n    cardId\n    title\n    text\n    deadline\n    doneAt\n    createdAt\n    assignee {\n      id\n      name\n    }\n  }\n": types.TodoFieldsFragmentDoc,
    "\n  query CardTodos($cardId: ID!, $done: Boolean! = false) {\n    todos(cardId: $cardId, done: $done) {\n      ...TodoFields\n    }\n  }\n": types.CardTodosDocument,
    "\n  mutation CreateTodo($cardId: ID!, $input: TodoInput!) {\n    createTodo(cardId: $cardId, input: $input) {\n      ...TodoFields\n    }\n  }\n": types.CreateTodoDocument,
    "\n  mutation UpdateTodo($id: ID!, $input: TodoInput!) {\n    updateTodo(id: $id, input: $input) {\n      ...TodoFields\n    }\n  }\n": types.UpdateTodoDocument,
    "\n  mutation SetTodoDone($id: ID!, $done: Boolean!) {\n    setTodoDone(id: $id, done: $done) {\n      ...TodoFields\n    }\n  }\n": types.SetTodoDoneDocument,
    "\n  mutation DeleteTodo($id: ID!) {\n    deleteTodo(id: $id)\n  }\n": types.DeleteTodoDocument,
    "\n  query CardHistory($cardId: ID!, $kinds: [HistoryKind!]) {\n    cardHistory(cardId: $cardId, kinds: $kinds) {\n      ...HistoryEntryFields\n    }\n  }\n": types.CardHistoryDocument,
    "\n  fragment HistoryEntryFields on HistoryEntry {\n    id\n    at\n    action\n    entity\n    entityId\n    kind\n    changes\n    names\n    actor {\n      id\n      name\n    }\n  }\n": types.HistoryEntryFieldsFragmentDoc,
    "\n  query ClientDetail($id: ID!) {\n    client(id: $id) {\n      id\n      name\n      type\n      emails\n      phones\n      address\n      taxId\n      website\n      domain\n      createdAt\n      updatedAt\n      owner {\n        id\n        name\n      }\n      department {\n        id\n        name\n      }\n      classification {\n        id\n        name\n      }\n      categories {\n        id\n        name\n      }\n      tags {\n        id\n        name\n      }\n      contacts {\n        id\n        name\n        title\n        emails\n        phones\n        isPrimary\n      }\n      cards {\n        id\n        pipelineId\n        pipelineName\n        statusId\n        statusName\n        statusColor\n        value\n        currency\n        expectedCloseDate\n        createdAt\n        owner {\n          id\n          name\n        }\n        nextTodo {\n          id\n          title\n          deadline\n          assigneeId\n        }\n      }\n    }\n  }\n": types.ClientDetailDocument,
    "\n  fragment ClientRow on Client {\n    id\n    name\n    type\n    emails\n    phones\n    createdAt\n    owner {\n      id\n      name\n    }\n    department {\n      id\n      name\n    }\n    classification {\n      id\n      name\n    }\n    tags {\n      id\n      name\n    }\n  }\n": types.ClientRowFragmentDoc,
    "\n  query ClientList($filter: ClientFilterInput, $sort: ClientSortInput, $page: PageInput) {\n    clients(filter: $filter, sort: $sort, page: $page) {\n      items {\n        ...ClientRow\n      }\n      total\n    }\n  }\n": types.ClientListDocument,
    "\n  query LookupCompany($taxId: String!, $country: String) {\n    lookupCompany(taxId: $taxId, country: $country) {\n      code\n      taxIdError\n      country\n      taxId\n      name\n      address\n      vatStatus\n      regon\n      sources\n    }\n  }\n": types.LookupCompanyDocument,
    "\n  query DuplicateGroups($limit: Int!) {\n    duplicateGroups(limit: $limit) {\n      reason\n      value\n      matches {\n        reason\n        value\n      }\n      clients {\n        id\n        name\n        type\n        emails\n        phones\n        taxId\n        domain\n        createdAt\n        owner {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.DuplicateGroupsDocument,
    "\n  mutation MergeClients($input: MergeClientsInput!) {\n    mergeClients(input: $input) {\n      id\n      name\n    }\n  }\n": types.MergeClientsDocument,
    "\n  query PossibleDuplicates($input: DuplicateProbeInput!) {\n    possibleDuplicates(input: $input) {\n      id\n      name\n    }\n  }\n": types.PossibleDuplicatesDocument,
    "\n  mutation StartExport($input: ExportInput!) {\n    startExport(input: $input) {\n      ...BackgroundJobFields\n    }\n  }\n": types.StartExportDocument,
    "\n  query PastExports {\n    pastExports(limit: 5) {\n      id\n      state\n      format\n      fileName\n      rows\n      createdAt\n    }\n  }\n": types.PastExportsDocument,
    "\n  fragment CustomFieldSettings on CustomField {\n    id\n    pipelineId\n    label\n    kind\n    options\n    required\n    position\n    archivedAt\n  }\n": types.CustomFieldSettingsFragmentDoc,
    "\n  query CustomFieldsSettings($pipelineId: ID!, $includeArchived: Boolean!) {\n    customFields(pipelineId: $pipelineId, includeArchived: $includeArchived) {\n      ...CustomFieldSettings\n    }\n  }\n": types.CustomFieldsSettingsDocument,
    "\n  mutation CreateCustomField($pipelineId: ID!, $input: CustomFieldInput!) {\n    createCustomField(pipelineId: $pipelineId, input: $input) {\n      ...CustomFieldSettings\n    }\n  }\n": types.CreateCustomFieldDocument,
    "\n  mutation UpdateCustomField($id: ID!, $input: CustomFieldInput!) {\n    updateCustomField(id: $id, input: $input) {\n      ...CustomFieldSettings\n    }\n  }\n": types.UpdateCustomFieldDocument,
    "\n  mutation ReorderCustomFields($pipelineId: ID!, $fieldIds: [ID!]!) {\n    reorderCustomFields(pipelineId: $pipelineId, fieldIds: $fieldIds) {\n      ...CustomFieldSettings\n    }\n  }\n": types.ReorderCustomFieldsDocument,
    "\n  mutation SetCustomFieldArchived($id: ID!, $archived: Boolean!) {\n    setCustomFieldArchived(id: $id, archived: $archived) {\n      ...CustomFieldSettings\n    }\n  }\n": types.SetCustomFieldArchivedDocument,
    "\n  fragment BackgroundJobFields on BackgroundJobType {\n    id\n    kind\n    state\n    rowsDone\n    rowsTotal\n    rowsPerSecond\n    secondsLeft\n    errorCode\n    errorParams\n    finishedAt\n  }\n": types.BackgroundJobFieldsFragmentDoc,
    "\n  fragment ImportRunFields on ImportRunType {\n    id\n    fileName\n    createdAt\n    undoneAt\n    undoUntil\n    rejectsPath\n    counts {\n      created\n      updated\n      skipped\n      rejected\n    }\n    job {\n      ...BackgroundJobFields\n    }\n    undoJob {\n      ...BackgroundJobFields\n    }\n  }\n": types.ImportRunFieldsFragmentDoc,
    "\n  query BackgroundJob($id: ID!) {\n    backgroundJob(id: $id) {\n      ...BackgroundJobFields\n    }\n  }\n": types.BackgroundJobDocument,
    "\n  mutation CancelBackgroundJob($id: ID!) {\n    cancelBackgroundJob(id: $id) {\n      ...BackgroundJobFields\n    }\n  }\n": types.CancelBackgroundJobDocument,
    "\n  query ImportPreview($input: ImportInput!) {\n    importPreview(input: $input) {\n      settings {\n        format\n        encoding\n        delimiter\n        headerRow\n        sheet\n        skipBrokenRows\n      }\n      sheets\n      headers\n      mapping\n      targets\n      sample\n      counts {\n        created\n        updated\n        skipped\n        rejected\n      }\n      rowsChecked\n      more\n      rows {\n        rowNo\n        outcome\n        reason\n        reasonParams\n        draft\n        problems {\n          column\n          code\n          params\n        }\n      }\n    }\n  }\n": types.ImportPreviewDocument,
    "\n  mutation StartImport($input: ImportInput!) {\n    startImport(input: $input) {\n      ...ImportRunFields\n    }\n  }\n": types.StartImportDocument,
    "\n  query ImportRun($id: ID!) {\n    importRun(id: $id) {\n      ...ImportRunFields\n    }\n  }\n": types.ImportRunDocument,
    "\n  query ImportRuns {\n    importRuns(limit: 10) {\n      ...ImportRunFields\n    }\n  }\n": types.ImportRunsDocument,
    "\n  mutation UndoImport($id: ID!) {\n    undoImport(id: $id) {\n      ...ImportRunFields\n    }\n  }\n": types.UndoImportDocument,
    "\n  mutation SaveImportMapping($name: String!, $headers: [String!]!, $mapping: [String]!) {\n    saveImportMapping(name: $name, headers: $headers, mapping: $mapping) {\n      id\n      name\n    }\n  }\n": types.SaveImportMappingDocument,
    "\n  query ImportTargetOptions {\n    importMaxMegabytes\n    pipelines {\n      id\n      name\n      statuses {\n        id\n        name\n      }\n    }\n    departments: labels(kind: DEPARTMENT) {\n      id\n      name\n    }\n    categories: labels(kind: CATEGORY) {\n      id\n      name\n    }\n  }\n": types.ImportTargetOptionsDocument,
    "\n  query ImportCustomFields($pipelineId: ID!) {\n    customFields(pipelineId: $pipelineId) {\n      id\n      label\n    }\n  }\n": types.ImportCustomFieldsDocument,
    "\n  query UnsortedContacts {\n    unsortedContacts {\n      id\n      email\n      name\n      seenCount\n      lastSeenAt\n      source\n    }\n  }\n": types.UnsortedContactsDocument,
    "\n  mutation CreateClientsFromUnsorted($ids: [ID!]!, $categoryId: ID) {\n    createClientsFromUnsorted(ids: $ids, categoryId: $categoryId)\n  }\n": types.CreateClientsFromUnsortedDocument,
    "\n  mutation DismissUnsortedContacts($ids: [ID!]!) {\n    dismissUnsortedContacts(ids: $ids)\n  }\n": types.DismissUnsortedContactsDocument,
    "\n  query UnsortedMails {\n    unsortedMails {\n      id\n      fromAddress\n      fromName\n      subject\n      kind\n      receivedAt\n      candidateClientIds\n      attachments {\n        name\n        inline\n      }\n    }\n  }\n": types.UnsortedMailsDocument,
    "\n  mutation AssignInboundMail($id: ID!, $clientId: ID!) {\n    assignInboundMail(id: $id, clientId: $clientId) {\n      ...InboundMailFields\n    }\n  }\n": types.AssignInboundMailDocument,
    "\n  query MailClientSearch($text: String!) {\n    clients(filter: { text: $text }, page: { limit: 10 }) {\n      items {\n        id\n        name\n      }\n    }\n  }\n": types.MailClientSearchDocument,
    "\n  query MailCandidate($id: ID!) {\n    client(id: $id) {\n      id\n      name\n    }\n  }\n": types.MailCandidateDocument,
    "\n  mutation CreateCardForMail($input: CreateCardInput!) {\n    createCard(input: $input) {\n      id\n      client {\n        id\n      }\n    }\n  }\n": types.CreateCardForMailDocument,
    "\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    canWrite\n    modules\n    expiresAt\n    revokedAt\n    lastUsedAt\n    createdAt\n  }\n": types.ApiKeyRowFragmentDoc,
    "\n  query ApiKeys {\n    apiKeys {\n      ...ApiKeyRow\n    }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      key {\n        ...ApiKeyRow\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyRow\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  fragment WebhookRow on Webhook {\n    id\n    url\n    events\n    active\n    disabledReason\n    disabledAt\n    createdAt\n  }\n": types.WebhookRowFragmentDoc,
    "\n  fragment WebhookDeliveryRow on WebhookDelivery {\n    id\n    event\n    state\n    attempts\n    responseCode\n    lastError\n    durationMs\n    requestBody\n    createdAt\n    lastAttemptAt\n  }\n": types.WebhookDeliveryRowFragmentDoc,
    "\n  query Webhooks {\n    webhooks {\n      ...WebhookRow\n    }\n    webhookSettings {\n      allowPrivateTargets\n    }\n  }\n": types.WebhooksDocument,
    "\n  mutation CreateWebhook($input: WebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        ...WebhookRow\n      }\n    }\n  }\n": types.CreateWebhookDocument,
    "\n  mutation SetWebhookActive($id: ID!, $active: Boolean!) {\n    updateWebhook(id: $id, active: $active) {\n      ...WebhookRow\n    }\n  }\n": types.SetWebhookActiveDocument,
    "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n": types.DeleteWebhookDocument,
    "\n  mutation SetWebhookSettings($allowPrivateTargets: Boolean!) {\n    setWebhookSettings(allowPrivateTargets: $allowPrivateTargets) {\n      allowPrivateTargets\n    }\n  }\n": types.SetWebhookSettingsDocument,
    "\n  query WebhookDeliveries($webhookId: ID!, $filter: WebhookDeliveryFilter, $before: ID) {\n    webhookDeliveries(webhookId: $webhookId, filter: $filter, before: $before) {\n      ...WebhookDeliveryRow\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      ...WebhookDeliveryRow\n    }\n  }\n": types.RedeliverWebhookDocument,
    "\n  fragment LabelFields on Label {\n    id\n    kind\n    name\n    color\n    archivedAt\n  }\n": types.LabelFieldsFragmentDoc,
    "\n  query Labels($kind: LabelKind!, $includeArchived: Boolean! = false) {\n    labels(kind: $kind, includeArchived: $includeArchived) {\n      ...LabelFields\n    }\n  }\n": types.LabelsDocument,
    "\n  mutation CreateLabel($input: LabelInput!) {\n    createLabel(input: $input) {\n      ...LabelFields\n    }\n  }\n": types.CreateLabelDocument,
    "\n  mutation UpdateLabel($id: ID!, $input: LabelInput!) {\n    updateLabel(id: $id, input: $input) {\n      ...LabelFields\n    }\n  }\n": types.UpdateLabelDocument,
    "\n  mutation SetLabelArchived($kind: LabelKind!, $id: ID!, $archived: Boolean!) {\n    setLabelArchived(kind: $kind, id: $id, archived: $archived) {\n      ...LabelFields\n    }\n  }\n": types.SetLabelArchivedDocument,
    "\n  mutation CreateTag($name: String!) {\n    createTag(name: $name) {\n      ...LabelFields\n    }\n  }\n": types.CreateTagDocument,
    "\n  query MailPreview($input: MailDraftInput!) {\n    mailPreview(input: $input) {\n      subject\n      html\n      text\n      missing\n    }\n  }\n": types.MailPreviewDocument,
    "\n  mutation SendMail($input: SendMailInput!) {\n    sendMail(input: $input) {\n      queued\n      mailIds\n    }\n  }\n": types.SendMailDocument,
    "\n  query Mail($id: ID!) {\n    mail(id: $id) {\n      id\n      to\n      subject\n      html\n      text\n      status\n      lastError\n      sentAt\n      createdAt\n    }\n  }\n": types.MailDocument,
    "\n  query SendMailContext($cardId: ID!, $clientId: ID!) {\n    card(id: $cardId) {\n      id\n      pipelineId\n    }\n    contacts(clientId: $clientId) {\n      id\n      name\n      title\n      emails\n      isPrimary\n    }\n  }\n": types.SendMailContextDocument,
    "\n  fragment InboundMailFields on InboundMail {\n    id\n    fromAddress\n    fromName\n    toAddresses\n    subject\n    text\n    html\n    kind\n    clientId\n    sentAt\n    receivedAt\n    detectedCharset\n    documentIds\n    candidateClientIds\n    attachments {\n      name\n      mimeType\n      size\n      inline\n    }\n  }\n": types.InboundMailFieldsFragmentDoc,
    "\n  query InboundMail($id: ID!) {\n    inboundMail(id: $id) {\n      ...InboundMailFields\n      inlineImages {\n        contentId\n        dataUrl\n      }\n      calendarEvents {\n        summary\n        start\n        end\n        location\n        organizer\n        method\n      }\n    }\n  }\n": types.InboundMailDocument,
    "\n  mutation ResendMail($id: ID!) {\n    resendMail(id: $id) {\n      id\n      status\n      lastError\n    }\n  }\n": types.ResendMailDocument,
    "\n  query InboundMailText($id: ID!, $charset: String!) {\n    inboundMailText(id: $id, charset: $charset) {\n      text\n      html\n    }\n  }\n": types.InboundMailTextDocument,
    "\n  fragment MailAccountFields on MailAccountType {\n    id\n    name\n    host\n    port\n    security\n    username\n    folders\n    sinceDays\n    enabled\n    messagesSynced\n    lastSyncAt\n    lastErrorCode\n    lastErrorAt\n    syncJob {\n      ...BackgroundJobFields\n    }\n  }\n": types.MailAccountFieldsFragmentDoc,
    "\n  query MailboxSettings {\n    mailboxSettings {\n      keyConfigured\n      account {\n        ...MailAccountFields\n      }\n    }\n  }\n": types.MailboxSettingsDocument,
    "\n  mutation SaveMailAccount($input: MailAccountInput!) {\n    saveMailAccount(input: $input) {\n      ...MailAccountFields\n    }\n  }\n": types.SaveMailAccountDocument,
    "\n  mutation TestMailAccount($input: MailAccountInput!) {\n    testMailAccount(input: $input) {\n      ok\n      code\n    }\n  }\n": types.TestMailAccountDocument,
    "\n  mutation SyncMailAccount {\n    syncMailAccount {\n      ...MailAccountFields\n    }\n  }\n": types.SyncMailAccountDocument,
    "\n  mutation DeleteMailAccount {\n    deleteMailAccount\n  }\n": types.DeleteMailAccountDocument,
    "\n  query SharedMailboxes {\n    sharedMailboxes {\n      ...MailAccountFields\n    }\n  }\n": types.SharedMailboxesDocument,
    "\n  mutation SaveSharedMailbox($id: ID, $input: SharedMailboxInput!) {\n    saveSharedMailbox(id: $id, input: $input) {\n      ...MailAccountFields\n    }\n  }\n": types.SaveSharedMailboxDocument,
    "\n  mutation TestSharedMailbox($id: ID, $input: MailAccountInput!) {\n    testSharedMailbox(id: $id, input: $input) {\n      ok\n      code\n    }\n  }\n": types.TestSharedMailboxDocument,
    "\n  mutation SyncSharedMailbox($id: ID!) {\n    syncSharedMailbox(id: $id) {\n      ...MailAccountFields\n    }\n  }\n": types.SyncSharedMailboxDocument,
    "\n  mutation DeleteSharedMailbox($id: ID!) {\n    deleteSharedMailbox(id: $id)\n  }\n": types.DeleteSharedMailboxDocument,
    "\n  fragment ExchangeRateFields on ExchangeRate {\n    id\n    currency\n    baseCurrency\n    validFrom\n    rate\n    updatedAt\n  }\n": types.ExchangeRateFieldsFragmentDoc,
    "\n  query ExchangeRates {\n    exchangeRates {\n      ...ExchangeRateFields\n    }\n  }\n": types.ExchangeRatesDocument,
    "\n  mutation SetBaseCurrency($currency: String) {\n    setBaseCurrency(currency: $currency) {\n      ...OrganisationSettings\n    }\n  }\n": types.SetBaseCurrencyDocument,
    "\n  mutation CreateExchangeRate($input: ExchangeRateInput!) {\n    createExchangeRate(input: $input) {\n      ...ExchangeRateFields\n    }\n  }\n": types.CreateExchangeRateDocument,
    "\n  mutation UpdateExchangeRate($id: ID!, $input: ExchangeRateInput!) {\n    updateExchangeRate(id: $id, input: $input) {\n      ...ExchangeRateFields\n    }\n  }\n": types.UpdateExchangeRateDocument,
    "\n  mutation DeleteExchangeRate($id: ID!) {\n    deleteExchangeRate(id: $id)\n  }\n": types.DeleteExchangeRateDocument,
    "\n  fragment OrganisationSettings on Organisation {\n    timeZone\n    language\n    defaultCountry\n    defaultTimeZone\n    companyLookupCountries\n    baseCurrency\n  }\n": types.OrganisationSettingsFragmentDoc,
    "\n  query Organisation {\n    organisation {\n      ...OrganisationSettings\n    }\n  }\n": types.OrganisationDocument,
    "\n  mutation UpdateOrganisationSettings($input: OrganisationSettingsInput!) {\n    updateOrganisationSettings(input: $input) {\n      ...OrganisationSettings\n    }\n  }\n": types.UpdateOrganisationSettingsDocument,
    "\n  mutation CreatePipeline($name: String!) {\n    createPipeline(name: $name) {\n      ...PipelineFields\n    }\n  }\n": types.CreatePipelineDocument,
    "\n  mutation RenamePipeline($id: ID!, $name: String!) {\n    renamePipeline(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n": types.RenamePipelineDocument,
    "\n  mutation SetPipelineArchived($id: ID!, $archived: Boolean!) {\n    setPipelineArchived(id: $id, archived: $archived) {\n      id\n      archivedAt\n    }\n  }\n": types.SetPipelineArchivedDocument,
    "\n  mutation CreateStatus($input: CreateStatusInput!) {\n    createStatus(input: $input) {\n      ...StatusFields\n    }\n  }\n": types.CreateStatusDocument,
    "\n  mutation UpdateStatus($id: ID!, $input: UpdateStatusInput!) {\n    updateStatus(id: $id, input: $input) {\n      ...StatusFields\n    }\n  }\n": types.UpdateStatusDocument,
    "\n  mutation ReorderStatuses($pipelineId: ID!, $statusIds: [ID!]!) {\n    reorderStatuses(pipelineId: $pipelineId, statusIds: $statusIds) {\n      ...PipelineFields\n    }\n  }\n": types.ReorderStatusesDocument,
    "\n  mutation SetStatusArchived($id: ID!, $archived: Boolean!) {\n    setStatusArchived(id: $id, archived: $archived) {\n      ...StatusFields\n    }\n  }\n": types.SetStatusArchivedDocument,
    "\n  fragment StatusFields on Status {\n    id\n    pipelineId\n    name\n    kind\n    color\n    position\n    archivedAt\n    probability\n  }\n": types.StatusFieldsFragmentDoc,
    "\n  fragment PipelineFields on Pipeline {\n    id\n    name\n    position\n    archivedAt\n    statuses {\n      ...StatusFields\n    }\n  }\n": types.PipelineFieldsFragmentDoc,
    "\n  query Pipelines($includeArchived: Boolean! = false) {\n    pipelines(includeArchived: $includeArchived) {\n      ...PipelineFields\n    }\n  }\n": types.PipelinesDocument,
    "\n  fragment Profile on User {\n    id\n    name\n    email\n    role\n    locale\n    signature\n    photoUrl\n  }\n": types.ProfileFragmentDoc,
    "\n  query MyProfile {\n    me {\n      ...Profile\n    }\n  }\n": types.MyProfileDocument,
    "\n  mutation UpdateMyProfile($input: UpdateProfileInput!) {\n    updateMyProfile(input: $input) {\n      ...Profile\n    }\n  }\n": types.UpdateMyProfileDocument,
    "\n  mutation SetMyPhoto($image: String!) {\n    setMyPhoto(image: $image) {\n      ...Profile\n    }\n  }\n": types.SetMyPhotoDocument,
    "\n  mutation RemoveMyPhoto {\n    removeMyPhoto {\n      ...Profile\n    }\n  }\n": types.RemoveMyPhotoDocument,
    "\n  mutation ChangeMyPassword($input: ChangePasswordInput!) {\n    changeMyPassword(input: $input)\n  }\n": types.ChangeMyPasswordDocument,
    "\n  fragment ReportCardFilter on CardFilter {\n    statusIds\n    ownerIds\n    unowned\n    departmentIds\n    categoryIds\n    tagIds\n    outcomes\n    createdFrom\n    createdTo\n    enteredStatusIds\n    enteredFrom\n    enteredTo\n    statusChangedFrom\n    statusChangedTo\n  }\n": types.ReportCardFilterFragmentDoc,
    "\n  fragment ReportMoney on MoneySum {\n    currency\n    amount\n  }\n": types.ReportMoneyFragmentDoc,
    "\n  fragment ReportBaseMoney on BaseMoney {\n    currency\n    amount\n    missing {\n      currency\n      count\n    }\n  }\n": types.ReportBaseMoneyFragmentDoc,
    "\n  fragment ReportOutcome on OutcomeFigure {\n    count\n    previousCount\n    sums {\n      ...ReportMoney\n    }\n    currencyMode\n    inBase {\n      ...ReportBaseMoney\n    }\n    cards {\n      ...ReportCardFilter\n    }\n  }\n": types.ReportOutcomeFragmentDoc,
    "\n  query Report($filter: ReportFilterInput!) {\n    report(filter: $filter) {\n      pipelineId\n      currencyMode\n      baseCurrency\n      period {\n        fromDay\n        toDay\n        previousFromDay\n        previousToDay\n        timeZone\n      }\n      funnel {\n        status {\n          id\n          name\n          kind\n          color\n        }\n        entered\n        previousEntered\n        convertedToNext\n        conversion\n        cards {\n          ...ReportCardFilter\n        }\n      }\n      outcomes {\n        currencyMode\n        winRate\n        previousWinRate\n        won {\n          ...ReportOutcome\n        }\n        lost {\n          ...ReportOutcome\n        }\n      }\n      openPipeline {\n        status {\n          id\n          name\n          color\n        }\n        count\n        sums {\n          ...ReportMoney\n        }\n        currencyMode\n        inBase {\n          ...ReportBaseMoney\n        }\n        cards {\n          ...ReportCardFilter\n        }\n      }\n      forecast {\n        month\n        count\n        withoutProbability\n        sums {\n          ...ReportMoney\n        }\n        weighted {\n          ...ReportMoney\n        }\n        currencyMode\n        inBase {\n          ...ReportBaseMoney\n        }\n        weightedInBase {\n          ...ReportBaseMoney\n        }\n      }\n      activity {\n        user {\n          id\n          name\n        }\n        todosDone\n        overdueTodos\n        mailsSent\n        repliesReceived\n        notes\n        cardsMoved\n        cardsWon\n        wonCards {\n          ...ReportCardFilter\n        }\n      }\n      timeInStatus {\n        status {\n          id\n          name\n          color\n        }\n        stays\n        averageDays\n        medianDays\n      }\n      automations {\n        id\n        name\n        state\n        enrolled\n        stepsDone\n        mailSteps\n        failures\n      }\n      weekly {\n        week\n        newCards\n        newClients\n        cards {\n          ...ReportCardFilter\n        }\n      }\n    }\n  }\n": types.ReportDocument,
    "\n  mutation ReportXlsx($input: ReportTableInput!) {\n    reportXlsx(input: $input)\n  }\n": types.ReportXlsxDocument,
    "\n  fragment SavedReportFields on SavedReport {\n    id\n    name\n    ownerId\n    shared\n    editable\n    subscribed\n    compare\n    widgets\n    filter {\n      pipelineId\n      period\n      from\n      to\n      ownerIds\n      departmentIds\n      categoryIds\n      tagIds\n    }\n  }\n": types.SavedReportFieldsFragmentDoc,
    "\n  query SavedReports {\n    savedReports {\n      ...SavedReportFields\n    }\n  }\n": types.SavedReportsDocument,
    "\n  mutation CreateSavedReport($input: SavedReportInput!) {\n    createSavedReport(input: $input) {\n      ...SavedReportFields\n    }\n  }\n": types.CreateSavedReportDocument,
    "\n  mutation RenameSavedReport($id: ID!, $input: RenameSavedReportInput!) {\n    renameSavedReport(id: $id, input: $input) {\n      ...SavedReportFields\n    }\n  }\n": types.RenameSavedReportDocument,
    "\n  mutation DeleteSavedReport($id: ID!) {\n    deleteSavedReport(id: $id)\n  }\n": types.DeleteSavedReportDocument,
    "\n  mutation SubscribeSavedReport($id: ID!, $subscribed: Boolean!) {\n    subscribeSavedReport(id: $id, subscribed: $subscribed) {\n      ...SavedReportFields\n    }\n  }\n": types.SubscribeSavedReportDocument,
    "\n  fragment EmailTemplateFields on EmailTemplate {\n    id\n    pipelineId\n    name\n    category\n    subject\n    body\n    archivedAt\n    updatedAt\n  }\n": types.EmailTemplateFieldsFragmentDoc,
    "\n  query EmailTemplates($pipelineId: ID!) {\n    emailTemplates(pipelineId: $pipelineId) {\n      ...EmailTemplateFields\n    }\n  }\n": types.EmailTemplatesDocument,
    "\n  mutation CreateEmailTemplate($input: EmailTemplateInput!) {\n    createEmailTemplate(input: $input) {\n      ...EmailTemplateFields\n    }\n  }\n": types.CreateEmailTemplateDocument,
    "\n  mutation UpdateEmailTemplate($id: ID!, $input: EmailTemplateInput!) {\n    updateEmailTemplate(id: $id, input: $input) {\n      ...EmailTemplateFields\n    }\n  }\n": types.UpdateEmailTemplateDocument,
    "\n  mutation ArchiveEmailTemplate($id: ID!) {\n    archiveEmailTemplate(id: $id)\n  }\n": types.ArchiveEmailTemplateDocument,
    "\n  fragment TodoTemplateFields on TodoTemplate {\n    id\n    pipelineId\n    title\n    text\n    deadlineOffsetDays\n    deadlineTime\n  }\n": types.TodoTemplateFieldsFragmentDoc,
    "\n  query TodoTemplates($pipelineId: ID) {\n    todoTemplates(pipelineId: $pipelineId) {\n      ...TodoTemplateFields\n    }\n  }\n": types.TodoTemplatesDocument,
    "\n  mutation SaveTodoTemplate($id: ID, $input: TodoTemplateInput!) {\n    saveTodoTemplate(id: $id, input: $input) {\n      ...TodoTemplateFields\n    }\n  }\n": types.SaveTodoTemplateDocument,
    "\n  mutation ArchiveTodoTemplate($id: ID!) {\n    archiveTodoTemplate(id: $id)\n  }\n": types.ArchiveTodoTemplateDocument,
    "\n  query TemplateCustomFields($pipelineId: ID!) {\n    customFields(pipelineId: $pipelineId) {\n      id\n      label\n      kind\n    }\n  }\n": types.TemplateCustomFieldsDocument,
    "\n  query TemplatePreviewCards($pipelineId: ID!, $text: String) {\n    cards(pipelineId: $pipelineId, filter: { text: $text }, page: { limit: 8, offset: 0 }) {\n      items {\n        id\n        client {\n          id\n          name\n        }\n      }\n      total\n    }\n  }\n": types.TemplatePreviewCardsDocument,
    "\n  query Trash($kind: TrashKind) {\n    trash(kind: $kind) {\n      id\n      kind\n      name\n      clientName\n      deletedAt\n      deletedBy {\n        id\n        name\n      }\n    }\n  }\n": types.TrashDocument,
    "\n  mutation RestoreFromTrash($id: ID!, $kind: TrashKind!) {\n    restoreFromTrash(id: $id, kind: $kind)\n  }\n": types.RestoreFromTrashDocument,
    "\n  mutation PurgeFromTrash($id: ID!, $kind: TrashKind!) {\n    purgeFromTrash(id: $id, kind: $kind)\n  }\n": types.PurgeFromTrashDocument,
    "\n  fragment UserRow on User {\n    id\n    name\n    email\n    role\n    locale\n    active\n    lastLoginAt\n    departments {\n      id\n      name\n    }\n  }\n": types.UserRowFragmentDoc,
    "\n  query Users {\n    users {\n      ...UserRow\n    }\n  }\n": types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserRow\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...UserRow\n    }\n  }\n": types.UpdateUserDocument,
    "\n  mutation SetUserActive($id: ID!, $active: Boolean!) {\n    setUserActive(id: $id, active: $active) {\n      ...UserRow\n    }\n  }\n": types.SetUserActiveDocument,
    "\n  mutation ResetUserPassword($id: ID!, $password: String!) {\n    resetUserPassword(id: $id, password: $password)\n  }\n": types.ResetUserPasswordDocument,
    "\n  query AssignableUsers {\n    assignableUsers {\n      id\n      name\n    }\n  }\n": types.AssignableUsersDocument,
    "\n  mutation SetUserDepartments($id: ID!, $departmentIds: [ID!]!) {\n    setUserDepartments(id: $id, departmentIds: $departmentIds) {\n      ...UserRow\n    }\n  }\n": types.SetUserDepartmentsDocument,
    "\n  mutation CreateView($input: ViewInput!) {\n    createView(input: $input) {\n      ...ViewFields\n    }\n  }\n": types.CreateViewDocument,
    "\n  mutation UpdateView($id: ID!, $input: ViewInput!) {\n    updateView(id: $id, input: $input) {\n      ...ViewFields\n    }\n  }\n": types.UpdateViewDocument,
    "\n  mutation DeleteView($id: ID!) {\n    deleteView(id: $id)\n  }\n": types.DeleteViewDocument,
    "\n  fragment ViewFields on View {\n    id\n    kind\n    name\n    pipelineId\n    shared\n    editable\n    ownerId\n    columns\n    sort {\n      field\n      customFieldId\n      direction\n    }\n    filter {\n      categoryIds\n      classificationIds\n      createdFrom\n      createdTo\n      custom {\n        fieldId\n        value\n      }\n      departmentIds\n      outcomes\n      ownerIds\n      statusIds\n      tagIds\n      text\n      todoAssigneeId\n      unowned\n    }\n  }\n": types.ViewFieldsFragmentDoc,
    "\n  query Views($kind: ViewKind, $pipelineId: ID) {\n    views(kind: $kind, pipelineId: $pipelineId) {\n      ...ViewFields\n    }\n  }\n": types.ViewsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditFilterInput, $before: ID, $limit: Int! = 50) {\n    auditLog(filter: $filter, before: $before, limit: $limit) {\n      ...HistoryEntryFields\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($filter: AuditFilterInput, $before: ID, $limit: Int! = 50) {\n    auditLog(filter: $filter, before: $before, limit: $limit) {\n      ...HistoryEntryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CurrentUser on User {\n    id\n    name\n    email\n    role\n    locale\n    photoUrl\n  }\n"): (typeof documents)["\n  fragment CurrentUser on User {\n    id\n    name\n    email\n    role\n    locale\n    photoUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...CurrentUser\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...CurrentUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...CurrentUser\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...CurrentUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMyLocale($locale: String!) {\n    updateMyProfile(input: { locale: $locale }) {\n      id\n      locale\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMyLocale($locale: String!) {\n    updateMyProfile(input: { locale: $locale }) {\n      id\n      locale\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AutomationStepFields on AutomationStep {\n    id\n    kind\n    delayDays\n    weekday\n    hour\n    emailTemplateId\n    todoTemplateId\n    recipient\n    recipientUserId\n    sender\n    senderUserId\n  }\n"): (typeof documents)["\n  fragment AutomationStepFields on AutomationStep {\n    id\n    kind\n    delayDays\n    weekday\n    hour\n    emailTemplateId\n    todoTemplateId\n    recipient\n    recipientUserId\n    sender\n    senderUserId\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AutomationFields on Automation {\n    id\n    pipelineId\n    name\n    state\n    triggerKind\n    triggerStatusId\n    triggerViewId\n    mode\n    onlyNew\n    reEnrol\n    stopOnReply\n    activatedAt\n    updatedAt\n    stats {\n      enrolled\n      stepsDone\n      stepsPending\n      failures\n      skipped\n    }\n    createdById\n    pausedReason\n    problems {\n      step\n      field\n      code\n    }\n    steps {\n      ...AutomationStepFields\n    }\n  }\n"): (typeof documents)["\n  fragment AutomationFields on Automation {\n    id\n    pipelineId\n    name\n    state\n    triggerKind\n    triggerStatusId\n    triggerViewId\n    mode\n    onlyNew\n    reEnrol\n    stopOnReply\n    activatedAt\n    updatedAt\n    stats {\n      enrolled\n      stepsDone\n      stepsPending\n      failures\n      skipped\n    }\n    createdById\n    pausedReason\n    problems {\n      step\n      field\n      code\n    }\n    steps {\n      ...AutomationStepFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Automations($pipelineId: ID!) {\n    automations(pipelineId: $pipelineId) {\n      ...AutomationFields\n    }\n  }\n"): (typeof documents)["\n  query Automations($pipelineId: ID!) {\n    automations(pipelineId: $pipelineId) {\n      ...AutomationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Automation($id: ID!) {\n    automation(id: $id) {\n      ...AutomationFields\n    }\n  }\n"): (typeof documents)["\n  query Automation($id: ID!) {\n    automation(id: $id) {\n      ...AutomationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AutomationRuns($automationId: ID!, $status: String, $limit: Int! = 200) {\n    automationRuns(automationId: $automationId, status: $status, limit: $limit) {\n      id\n      cardId\n      clientName\n      step\n      stepKind\n      dueAt\n      status\n      finishedAt\n      result\n      error\n    }\n  }\n"): (typeof documents)["\n  query AutomationRuns($automationId: ID!, $status: String, $limit: Int! = 200) {\n    automationRuns(automationId: $automationId, status: $status, limit: $limit) {\n      id\n      cardId\n      clientName\n      step\n      stepKind\n      dueAt\n      status\n      finishedAt\n      result\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AutomationEditorOptions($pipelineId: ID!) {\n    views(kind: CARDS, pipelineId: $pipelineId) {\n      id\n      name\n    }\n    emailTemplates(pipelineId: $pipelineId) {\n      id\n      name\n      category\n    }\n    todoTemplates(pipelineId: $pipelineId) {\n      id\n      title\n    }\n    assignableUsers {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query AutomationEditorOptions($pipelineId: ID!) {\n    views(kind: CARDS, pipelineId: $pipelineId) {\n      id\n      name\n    }\n    emailTemplates(pipelineId: $pipelineId) {\n      id\n      name\n      category\n    }\n    todoTemplates(pipelineId: $pipelineId) {\n      id\n      title\n    }\n    assignableUsers {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AutomationPreviewCard($pipelineId: ID!) {\n    cards(pipelineId: $pipelineId, filter: {}, page: { limit: 1, offset: 0 }) {\n      items {\n        id\n        client {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AutomationPreviewCard($pipelineId: ID!) {\n    cards(pipelineId: $pipelineId, filter: {}, page: { limit: 1, offset: 0 }) {\n      items {\n        id\n        client {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAutomation($input: AutomationInput!) {\n    createAutomation(input: $input) {\n      ...AutomationFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAutomation($input: AutomationInput!) {\n    createAutomation(input: $input) {\n      ...AutomationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAutomation($id: ID!, $input: AutomationInput!) {\n    updateAutomation(id: $id, input: $input) {\n      ...AutomationFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAutomation($id: ID!, $input: AutomationInput!) {\n    updateAutomation(id: $id, input: $input) {\n      ...AutomationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivateAutomation($id: ID!) {\n    activateAutomation(id: $id) {\n      ...AutomationFields\n    }\n  }\n"): (typeof documents)["\n  mutation ActivateAutomation($id: ID!) {\n    activateAutomation(id: $id) {\n      ...AutomationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseAutomation($id: ID!) {\n    pauseAutomation(id: $id) {\n      ...AutomationFields\n    }\n  }\n"): (typeof documents)["\n  mutation PauseAutomation($id: ID!) {\n    pauseAutomation(id: $id) {\n      ...AutomationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeAutomation($id: ID!) {\n    resumeAutomation(id: $id) {\n      ...AutomationFields\n    }\n  }\n"): (typeof documents)["\n  mutation ResumeAutomation($id: ID!) {\n    resumeAutomation(id: $id) {\n      ...AutomationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StopAutomation($id: ID!) {\n    stopAutomation(id: $id) {\n      ...AutomationFields\n    }\n  }\n"): (typeof documents)["\n  mutation StopAutomation($id: ID!) {\n    stopAutomation(id: $id) {\n      ...AutomationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAutomation($id: ID!) {\n    deleteAutomation(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteAutomation($id: ID!) {\n    deleteAutomation(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTemplateToView($viewId: ID!, $emailTemplateId: ID!, $name: String) {\n    sendTemplateToView(viewId: $viewId, emailTemplateId: $emailTemplateId, name: $name) {\n      ...AutomationFields\n    }\n  }\n"): (typeof documents)["\n  mutation SendTemplateToView($viewId: ID!, $emailTemplateId: ID!, $name: String) {\n    sendTemplateToView(viewId: $viewId, emailTemplateId: $emailTemplateId, name: $name) {\n      ...AutomationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BoardCard on Card {\n    id\n    pipelineId\n    statusId\n    position\n    value\n    currency\n    updatedAt\n    client {\n      id\n      name\n      type\n    }\n    owner {\n      id\n      name\n    }\n    nextTodo {\n      id\n      title\n      deadline\n      assigneeId\n    }\n  }\n"): (typeof documents)["\n  fragment BoardCard on Card {\n    id\n    pipelineId\n    statusId\n    position\n    value\n    currency\n    updatedAt\n    client {\n      id\n      name\n      type\n    }\n    owner {\n      id\n      name\n    }\n    nextTodo {\n      id\n      title\n      deadline\n      assigneeId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Board($pipelineId: ID!, $filter: CardFilterInput) {\n    board(pipelineId: $pipelineId, filter: $filter) {\n      status {\n        id\n        name\n        kind\n        color\n      }\n      count\n      sums {\n        currency\n        amount\n      }\n      cards {\n        ...BoardCard\n      }\n      endCursor\n      hasMore\n    }\n  }\n"): (typeof documents)["\n  query Board($pipelineId: ID!, $filter: CardFilterInput) {\n    board(pipelineId: $pipelineId, filter: $filter) {\n      status {\n        id\n        name\n        kind\n        color\n      }\n      count\n      sums {\n        currency\n        amount\n      }\n      cards {\n        ...BoardCard\n      }\n      endCursor\n      hasMore\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ColumnCards($statusId: ID!, $after: String, $first: Int!, $filter: CardFilterInput) {\n    columnCards(statusId: $statusId, after: $after, first: $first, filter: $filter) {\n      cards {\n        ...BoardCard\n      }\n      endCursor\n      hasMore\n    }\n  }\n"): (typeof documents)["\n  query ColumnCards($statusId: ID!, $after: String, $first: Int!, $filter: CardFilterInput) {\n    columnCards(statusId: $statusId, after: $after, first: $first, filter: $filter) {\n      cards {\n        ...BoardCard\n      }\n      endCursor\n      hasMore\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BoardChanges on CardChanges {\n    cards {\n      ...BoardCard\n    }\n    removedIds\n    serverTime\n    reset\n    columns {\n      statusId\n      count\n      sums {\n        currency\n        amount\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment BoardChanges on CardChanges {\n    cards {\n      ...BoardCard\n    }\n    removedIds\n    serverTime\n    reset\n    columns {\n      statusId\n      count\n      sums {\n        currency\n        amount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CardChanges($pipelineId: ID!, $since: DateTimeISO!, $filter: CardFilterInput) {\n    cardChanges(pipelineId: $pipelineId, since: $since, filter: $filter) {\n      ...BoardChanges\n    }\n  }\n"): (typeof documents)["\n  query CardChanges($pipelineId: ID!, $since: DateTimeISO!, $filter: CardFilterInput) {\n    cardChanges(pipelineId: $pipelineId, since: $since, filter: $filter) {\n      ...BoardChanges\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BoardChangesLive($pipelineId: ID!, $filter: CardFilterInput) {\n    boardChanges(pipelineId: $pipelineId, filter: $filter) {\n      initial\n      changes {\n        ...BoardChanges\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription BoardChangesLive($pipelineId: ID!, $filter: CardFilterInput) {\n    boardChanges(pipelineId: $pipelineId, filter: $filter) {\n      initial\n      changes {\n        ...BoardChanges\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveCard($input: MoveCardInput!) {\n    moveCard(input: $input) {\n      ...BoardCard\n    }\n  }\n"): (typeof documents)["\n  mutation MoveCard($input: MoveCardInput!) {\n    moveCard(input: $input) {\n      ...BoardCard\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCard($input: CreateCardInput!) {\n    createCard(input: $input) {\n      ...BoardCard\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCard($input: CreateCardInput!) {\n    createCard(input: $input) {\n      ...BoardCard\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DistributionListFields on DistributionList {\n    id\n    name\n    kind\n    channel\n    recipients\n    role\n    clientCount\n    updatedAt\n    filter {\n      text\n      type\n      categoryIds\n      classificationIds\n      tagIds\n      departmentIds\n      ownerIds\n      pipelineIds\n      statusIds\n      custom {\n        fieldId\n        value\n        min\n        max\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment DistributionListFields on DistributionList {\n    id\n    name\n    kind\n    channel\n    recipients\n    role\n    clientCount\n    updatedAt\n    filter {\n      text\n      type\n      categoryIds\n      classificationIds\n      tagIds\n      departmentIds\n      ownerIds\n      pipelineIds\n      statusIds\n      custom {\n        fieldId\n        value\n        min\n        max\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DistributionLists {\n    distributionLists {\n      ...DistributionListFields\n    }\n  }\n"): (typeof documents)["\n  query DistributionLists {\n    distributionLists {\n      ...DistributionListFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DistributionList($id: ID!, $text: String, $page: PageInput) {\n    distributionList(id: $id) {\n      ...DistributionListFields\n    }\n    listMembers(listId: $id, text: $text, page: $page) {\n      total\n      items {\n        ...ClientRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query DistributionList($id: ID!, $text: String, $page: PageInput) {\n    distributionList(id: $id) {\n      ...DistributionListFields\n    }\n    listMembers(listId: $id, text: $text, page: $page) {\n      total\n      items {\n        ...ClientRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDistributionList($input: DistributionListInput!) {\n    createDistributionList(input: $input) {\n      ...DistributionListFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateDistributionList($input: DistributionListInput!) {\n    createDistributionList(input: $input) {\n      ...DistributionListFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDistributionList($id: ID!, $input: DistributionListInput!) {\n    updateDistributionList(id: $id, input: $input) {\n      ...DistributionListFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateDistributionList($id: ID!, $input: DistributionListInput!) {\n    updateDistributionList(id: $id, input: $input) {\n      ...DistributionListFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveDistributionList($id: ID!) {\n    archiveDistributionList(id: $id)\n  }\n"): (typeof documents)["\n  mutation ArchiveDistributionList($id: ID!) {\n    archiveDistributionList(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddListMembers($input: AddListMembersInput!) {\n    addListMembers(input: $input)\n  }\n"): (typeof documents)["\n  mutation AddListMembers($input: AddListMembersInput!) {\n    addListMembers(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveListMembers($listId: ID!, $clientIds: [ID!]!) {\n    removeListMembers(listId: $listId, clientIds: $clientIds)\n  }\n"): (typeof documents)["\n  mutation RemoveListMembers($listId: ID!, $clientIds: [ID!]!) {\n    removeListMembers(listId: $listId, clientIds: $clientIds)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CampaignFields on Campaign {\n    id\n    name\n    listId\n    listName\n    templateId\n    templateName\n    fromName\n    fromAddress\n    replyTo\n    scheduledAt\n    status\n    perMinute\n    perDomainPerMinute\n    tracking\n    startedAt\n    finishedAt\n    createdAt\n    totals {\n      recipients\n      queued\n      sent\n      failed\n      bounced\n      unsubscribed\n      complained\n      replied\n      skipped\n      cancelled\n      opened\n      clicked\n    }\n  }\n"): (typeof documents)["\n  fragment CampaignFields on Campaign {\n    id\n    name\n    listId\n    listName\n    templateId\n    templateName\n    fromName\n    fromAddress\n    replyTo\n    scheduledAt\n    status\n    perMinute\n    perDomainPerMinute\n    tracking\n    startedAt\n    finishedAt\n    createdAt\n    totals {\n      recipients\n      queued\n      sent\n      failed\n      bounced\n      unsubscribed\n      complained\n      replied\n      skipped\n      cancelled\n      opened\n      clicked\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Campaigns {\n    campaigns {\n      ...CampaignFields\n    }\n  }\n"): (typeof documents)["\n  query Campaigns {\n    campaigns {\n      ...CampaignFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignOptions {\n    distributionLists {\n      id\n      name\n      channel\n      clientCount\n    }\n    campaignTemplates {\n      id\n      name\n      pipelineName\n    }\n  }\n"): (typeof documents)["\n  query CampaignOptions {\n    distributionLists {\n      id\n      name\n      channel\n      clientCount\n    }\n    campaignTemplates {\n      id\n      name\n      pipelineName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Campaign($id: ID!, $state: String, $page: PageInput) {\n    campaign(id: $id) {\n      ...CampaignFields\n    }\n    campaignRecipients(campaignId: $id, state: $state, page: $page) {\n      total\n      items {\n        id\n        clientId\n        clientName\n        contactName\n        email\n        state\n        skipReason\n        missing\n        at\n      }\n    }\n  }\n"): (typeof documents)["\n  query Campaign($id: ID!, $state: String, $page: PageInput) {\n    campaign(id: $id) {\n      ...CampaignFields\n    }\n    campaignRecipients(campaignId: $id, state: $state, page: $page) {\n      total\n      items {\n        id\n        clientId\n        clientName\n        contactName\n        email\n        state\n        skipReason\n        missing\n        at\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignReview($id: ID!) {\n    campaignReview(id: $id) {\n      recipients\n      clients\n      noAddress\n      hidden\n      suppressed {\n        reason\n        count\n      }\n      missingValues {\n        email\n        clientName\n        missing\n      }\n      previews {\n        email\n        clientName\n        subject\n        html\n        text\n      }\n    }\n  }\n"): (typeof documents)["\n  query CampaignReview($id: ID!) {\n    campaignReview(id: $id) {\n      recipients\n      clients\n      noAddress\n      hidden\n      suppressed {\n        reason\n        count\n      }\n      missingValues {\n        email\n        clientName\n        missing\n      }\n      previews {\n        email\n        clientName\n        subject\n        html\n        text\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCampaign($input: CampaignInput!) {\n    createCampaign(input: $input) {\n      ...CampaignFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCampaign($input: CampaignInput!) {\n    createCampaign(input: $input) {\n      ...CampaignFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendCampaign($id: ID!, $confirmMissing: Boolean) {\n    sendCampaign(id: $id, confirmMissing: $confirmMissing) {\n      ...CampaignFields\n    }\n  }\n"): (typeof documents)["\n  mutation SendCampaign($id: ID!, $confirmMissing: Boolean) {\n    sendCampaign(id: $id, confirmMissing: $confirmMissing) {\n      ...CampaignFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestSendCampaign($id: ID!) {\n    testSendCampaign(id: $id)\n  }\n"): (typeof documents)["\n  mutation TestSendCampaign($id: ID!) {\n    testSendCampaign(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseCampaign($id: ID!) {\n    pauseCampaign(id: $id) {\n      ...CampaignFields\n    }\n  }\n"): (typeof documents)["\n  mutation PauseCampaign($id: ID!) {\n    pauseCampaign(id: $id) {\n      ...CampaignFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeCampaign($id: ID!) {\n    resumeCampaign(id: $id) {\n      ...CampaignFields\n    }\n  }\n"): (typeof documents)["\n  mutation ResumeCampaign($id: ID!) {\n    resumeCampaign(id: $id) {\n      ...CampaignFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelCampaign($id: ID!) {\n    cancelCampaign(id: $id) {\n      ...CampaignFields\n    }\n  }\n"): (typeof documents)["\n  mutation CancelCampaign($id: ID!) {\n    cancelCampaign(id: $id) {\n      ...CampaignFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactConsents($contactId: ID!) {\n    contactConsents(contactId: $contactId) {\n      id\n      email\n      status\n      source\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query ContactConsents($contactId: ID!) {\n    contactConsents(contactId: $contactId) {\n      id\n      email\n      status\n      source\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetContactConsent($input: ConsentInput!) {\n    setContactConsent(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SetContactConsent($input: ConsentInput!) {\n    setContactConsent(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Suppressions($search: String, $page: PageInput) {\n    suppressions(search: $search, page: $page) {\n      total\n      items {\n        email\n        reason\n        scope\n        source\n        campaignName\n        createdByName\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Suppressions($search: String, $page: PageInput) {\n    suppressions(search: $search, page: $page) {\n      total\n      items {\n        email\n        reason\n        scope\n        source\n        campaignName\n        createdByName\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddSuppression($input: AddSuppressionInput!) {\n    addSuppression(input: $input) {\n      email\n      reason\n    }\n  }\n"): (typeof documents)["\n  mutation AddSuppression($input: AddSuppressionInput!) {\n    addSuppression(input: $input) {\n      email\n      reason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveSuppression($input: RemoveSuppressionInput!) {\n    removeSuppression(input: $input)\n  }\n"): (typeof documents)["\n  mutation RemoveSuppression($input: RemoveSuppressionInput!) {\n    removeSuppression(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CampaignSettingsFields on CampaignSettings {\n    perMinute\n    perDomainPerMinute\n    defaultPerMinute\n    defaultPerDomainPerMinute\n    tracking\n  }\n"): (typeof documents)["\n  fragment CampaignSettingsFields on CampaignSettings {\n    perMinute\n    perDomainPerMinute\n    defaultPerMinute\n    defaultPerDomainPerMinute\n    tracking\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignSettings {\n    campaignSettings {\n      ...CampaignSettingsFields\n    }\n  }\n"): (typeof documents)["\n  query CampaignSettings {\n    campaignSettings {\n      ...CampaignSettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCampaignSettings($input: CampaignSettingsInput!) {\n    updateCampaignSettings(input: $input) {\n      ...CampaignSettingsFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCampaignSettings($input: CampaignSettingsInput!) {\n    updateCampaignSettings(input: $input) {\n      ...CampaignSettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListCustomFields {\n    customFields {\n      id\n      pipelineId\n      label\n      kind\n      options\n      position\n    }\n  }\n"): (typeof documents)["\n  query ListCustomFields {\n    customFields {\n      id\n      pipelineId\n      label\n      kind\n      options\n      position\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCampaign($id: ID!, $input: CampaignInput!) {\n    updateCampaign(id: $id, input: $input) {\n      ...CampaignFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCampaign($id: ID!, $input: CampaignInput!) {\n    updateCampaign(id: $id, input: $input) {\n      ...CampaignFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CardRow on Card {\n    id\n    statusId\n    value\n    currency\n    createdAt\n    updatedAt\n    client {\n      id\n      name\n      type\n      emails\n      phones\n      department {\n        id\n        name\n      }\n      classification {\n        id\n        name\n      }\n      categories {\n        id\n        name\n      }\n      tags {\n        id\n        name\n      }\n    }\n    owner {\n      id\n      name\n    }\n    nextTodo {\n      id\n      title\n      deadline\n      assigneeId\n    }\n    customValues\n  }\n"): (typeof documents)["\n  fragment CardRow on Card {\n    id\n    statusId\n    value\n    currency\n    createdAt\n    updatedAt\n    client {\n      id\n      name\n      type\n      emails\n      phones\n      department {\n        id\n        name\n      }\n      classification {\n        id\n        name\n      }\n      categories {\n        id\n        name\n      }\n      tags {\n        id\n        name\n      }\n    }\n    owner {\n      id\n      name\n    }\n    nextTodo {\n      id\n      title\n      deadline\n      assigneeId\n    }\n    customValues\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CardListCustomFields($pipelineId: ID!) {\n    customFields(pipelineId: $pipelineId) {\n      id\n      label\n      kind\n      options\n      position\n    }\n  }\n"): (typeof documents)["\n  query CardListCustomFields($pipelineId: ID!) {\n    customFields(pipelineId: $pipelineId) {\n      id\n      label\n      kind\n      options\n      position\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CardList($pipelineId: ID!, $filter: CardFilterInput, $sort: CardSortInput, $page: PageInput) {\n    cards(pipelineId: $pipelineId, filter: $filter, sort: $sort, page: $page) {\n      items {\n        ...CardRow\n      }\n      total\n    }\n  }\n"): (typeof documents)["\n  query CardList($pipelineId: ID!, $filter: CardFilterInput, $sort: CardSortInput, $page: PageInput) {\n    cards(pipelineId: $pipelineId, filter: $filter, sort: $sort, page: $page) {\n      items {\n        ...CardRow\n      }\n      total\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MassUpdateCards($input: MassUpdateCardsInput!) {\n    massUpdateCards(input: $input) {\n      matched\n      changed\n      undoId\n      undoUntil\n    }\n  }\n"): (typeof documents)["\n  mutation MassUpdateCards($input: MassUpdateCardsInput!) {\n    massUpdateCards(input: $input) {\n      matched\n      changed\n      undoId\n      undoUntil\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CardListLive($pipelineId: ID!, $filter: CardFilterInput) {\n    boardChanges(pipelineId: $pipelineId, filter: $filter) {\n      initial\n      changes {\n        serverTime\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription CardListLive($pipelineId: ID!, $filter: CardFilterInput) {\n    boardChanges(pipelineId: $pipelineId, filter: $filter) {\n      initial\n      changes {\n        serverTime\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MassUpdateRow on MassUpdate {\n    id\n    actor {\n      id\n      name\n    }\n    pipelineName\n    fields\n    changed\n    createdAt\n    undoUntil\n    undoneAt\n    canUndo\n  }\n"): (typeof documents)["\n  fragment MassUpdateRow on MassUpdate {\n    id\n    actor {\n      id\n      name\n    }\n    pipelineName\n    fields\n    changed\n    createdAt\n    undoUntil\n    undoneAt\n    canUndo\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MassUpdates($limit: Int) {\n    massUpdates(limit: $limit) {\n      ...MassUpdateRow\n    }\n  }\n"): (typeof documents)["\n  query MassUpdates($limit: Int) {\n    massUpdates(limit: $limit) {\n      ...MassUpdateRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UndoMassUpdate($id: ID!) {\n    undoMassUpdate(id: $id) {\n      restored\n    }\n  }\n"): (typeof documents)["\n  mutation UndoMassUpdate($id: ID!) {\n    undoMassUpdate(id: $id) {\n      restored\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCard($id: ID!, $input: UpdateCardInput!) {\n    updateCard(id: $id, input: $input) {\n      id\n      statusId\n      value\n      currency\n      expectedCloseDate\n      owner {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCard($id: ID!, $input: UpdateCardInput!) {\n    updateCard(id: $id, input: $input) {\n      id\n      statusId\n      value\n      currency\n      expectedCloseDate\n      owner {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddClientToPipeline($input: AddClientToPipelineInput!) {\n    addClientToPipeline(input: $input) {\n      id\n      pipelineId\n      statusId\n    }\n  }\n"): (typeof documents)["\n  mutation AddClientToPipeline($input: AddClientToPipelineInput!) {\n    addClientToPipeline(input: $input) {\n      id\n      pipelineId\n      statusId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCard($id: ID!) {\n    deleteCard(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteCard($id: ID!) {\n    deleteCard(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteClient($id: ID!) {\n    deleteClient(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteClient($id: ID!) {\n    deleteClient(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateClient($id: ID!, $input: UpdateClientInput!) {\n    updateClient(id: $id, input: $input) {\n      client {\n        id\n        name\n        type\n        emails\n        phones\n        address\n        taxId\n        website\n        domain\n        updatedAt\n        owner {\n          id\n          name\n        }\n        department {\n          id\n          name\n        }\n        classification {\n          id\n          name\n        }\n        categories {\n          id\n          name\n        }\n        tags {\n          id\n          name\n        }\n      }\n      possibleDuplicates {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateClient($id: ID!, $input: UpdateClientInput!) {\n    updateClient(id: $id, input: $input) {\n      client {\n        id\n        name\n        type\n        emails\n        phones\n        address\n        taxId\n        website\n        domain\n        updatedAt\n        owner {\n          id\n          name\n        }\n        department {\n          id\n          name\n        }\n        classification {\n          id\n          name\n        }\n        categories {\n          id\n          name\n        }\n        tags {\n          id\n          name\n        }\n      }\n      possibleDuplicates {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ClientChangedLive($clientId: ID!) {\n    clientChanged(clientId: $clientId) {\n      clientId\n      initial\n    }\n  }\n"): (typeof documents)["\n  subscription ClientChangedLive($clientId: ID!) {\n    clientChanged(clientId: $clientId) {\n      clientId\n      initial\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactFields on Contact {\n    id\n    name\n    title\n    emails\n    phones\n    isPrimary\n  }\n"): (typeof documents)["\n  fragment ContactFields on Contact {\n    id\n    name\n    title\n    emails\n    phones\n    isPrimary\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientContacts($clientId: ID!) {\n    contacts(clientId: $clientId) {\n      ...ContactFields\n    }\n  }\n"): (typeof documents)["\n  query ClientContacts($clientId: ID!) {\n    contacts(clientId: $clientId) {\n      ...ContactFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateContact($clientId: ID!, $input: ContactInput!) {\n    createContact(clientId: $clientId, input: $input) {\n      ...ContactFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateContact($clientId: ID!, $input: ContactInput!) {\n    createContact(clientId: $clientId, input: $input) {\n      ...ContactFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateContact($id: ID!, $input: ContactInput!) {\n    updateContact(id: $id, input: $input) {\n      ...ContactFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateContact($id: ID!, $input: ContactInput!) {\n    updateContact(id: $id, input: $input) {\n      ...ContactFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPrimaryContact($id: ID!) {\n    setPrimaryContact(id: $id) {\n      ...ContactFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetPrimaryContact($id: ID!) {\n    setPrimaryContact(id: $id) {\n      ...ContactFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteContact($id: ID!) {\n    deleteContact(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteContact($id: ID!) {\n    deleteContact(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DealFields on Deal {\n    id\n    clientId\n    cardId\n    title\n    amount\n    currency\n    date\n    state\n    createdAt\n  }\n"): (typeof documents)["\n  fragment DealFields on Deal {\n    id\n    clientId\n    cardId\n    title\n    amount\n    currency\n    date\n    state\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientDeals($clientId: ID!) {\n    deals(clientId: $clientId) {\n      ...DealFields\n    }\n  }\n"): (typeof documents)["\n  query ClientDeals($clientId: ID!) {\n    deals(clientId: $clientId) {\n      ...DealFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDeal($clientId: ID!, $input: DealInput!) {\n    createDeal(clientId: $clientId, input: $input) {\n      ...DealFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateDeal($clientId: ID!, $input: DealInput!) {\n    createDeal(clientId: $clientId, input: $input) {\n      ...DealFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDeal($id: ID!, $input: DealInput!) {\n    updateDeal(id: $id, input: $input) {\n      ...DealFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateDeal($id: ID!, $input: DealInput!) {\n    updateDeal(id: $id, input: $input) {\n      ...DealFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDeal($id: ID!) {\n    deleteDeal(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteDeal($id: ID!) {\n    deleteDeal(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DocumentFields on Document {\n    id\n    clientId\n    pipelineId\n    folder\n    name\n    mimeType\n    size\n    path\n    publicPath\n    createdAt\n    uploadedBy {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment DocumentFields on Document {\n    id\n    clientId\n    pipelineId\n    folder\n    name\n    mimeType\n    size\n    path\n    publicPath\n    createdAt\n    uploadedBy {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientDocuments($clientId: ID!, $pipelineId: ID) {\n    documents(clientId: $clientId, pipelineId: $pipelineId) {\n      ...DocumentFields\n    }\n  }\n"): (typeof documents)["\n  query ClientDocuments($clientId: ID!, $pipelineId: ID) {\n    documents(clientId: $clientId, pipelineId: $pipelineId) {\n      ...DocumentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveDocument($id: ID!, $to: DocumentPlaceInput!) {\n    moveDocument(id: $id, to: $to) {\n      ...DocumentFields\n    }\n  }\n"): (typeof documents)["\n  mutation MoveDocument($id: ID!, $to: DocumentPlaceInput!) {\n    moveDocument(id: $id, to: $to) {\n      ...DocumentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CopyDocument($id: ID!, $to: DocumentPlaceInput!) {\n    copyDocument(id: $id, to: $to) {\n      ...DocumentFields\n    }\n  }\n"): (typeof documents)["\n  mutation CopyDocument($id: ID!, $to: DocumentPlaceInput!) {\n    copyDocument(id: $id, to: $to) {\n      ...DocumentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDocument($id: ID!) {\n    deleteDocument(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteDocument($id: ID!) {\n    deleteDocument(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetDocumentShared($id: ID!, $shared: Boolean!) {\n    setDocumentShared(id: $id, shared: $shared) {\n      ...DocumentFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetDocumentShared($id: ID!, $shared: Boolean!) {\n    setDocumentShared(id: $id, shared: $shared) {\n      ...DocumentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DocumentFolders($clientId: ID!, $pipelineId: ID!) {\n    documentFolders(clientId: $clientId, pipelineId: $pipelineId)\n  }\n"): (typeof documents)["\n  query DocumentFolders($clientId: ID!, $pipelineId: ID!) {\n    documentFolders(clientId: $clientId, pipelineId: $pipelineId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDocumentFolder($clientId: ID!, $pipelineId: ID!, $name: String!) {\n    createDocumentFolder(clientId: $clientId, pipelineId: $pipelineId, name: $name)\n  }\n"): (typeof documents)["\n  mutation CreateDocumentFolder($clientId: ID!, $pipelineId: ID!, $name: String!) {\n    createDocumentFolder(clientId: $clientId, pipelineId: $pipelineId, name: $name)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDocumentFolder($clientId: ID!, $pipelineId: ID!, $name: String!) {\n    deleteDocumentFolder(clientId: $clientId, pipelineId: $pipelineId, name: $name)\n  }\n"): (typeof documents)["\n  mutation DeleteDocumentFolder($clientId: ID!, $pipelineId: ID!, $name: String!) {\n    deleteDocumentFolder(clientId: $clientId, pipelineId: $pipelineId, name: $name)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CardCustomFields($cardId: ID!, $pipelineId: ID!) {\n    card(id: $cardId) {\n      id\n      customValues\n    }\n    customFields(pipelineId: $pipelineId) {\n      id\n      label\n      kind\n      options\n      required\n      position\n    }\n  }\n"): (typeof documents)["\n  query CardCustomFields($cardId: ID!, $pipelineId: ID!) {\n    card(id: $cardId) {\n      id\n      customValues\n    }\n    customFields(pipelineId: $pipelineId) {\n      id\n      label\n      kind\n      options\n      required\n      position\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCardFieldValues($cardId: ID!, $values: [FieldValueInput!]!) {\n    setCardFieldValues(cardId: $cardId, values: $values)\n  }\n"): (typeof documents)["\n  mutation SetCardFieldValues($cardId: ID!, $values: [FieldValueInput!]!) {\n    setCardFieldValues(cardId: $cardId, values: $values)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NoteFields on Note {\n    id\n    cardId\n    body\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment NoteFields on Note {\n    id\n    cardId\n    body\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CardNotes($cardId: ID!) {\n    notes(cardId: $cardId) {\n      ...NoteFields\n    }\n  }\n"): (typeof documents)["\n  query CardNotes($cardId: ID!) {\n    notes(cardId: $cardId) {\n      ...NoteFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateNote($cardId: ID!, $input: NoteInput!) {\n    createNote(cardId: $cardId, input: $input) {\n      ...NoteFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateNote($cardId: ID!, $input: NoteInput!) {\n    createNote(cardId: $cardId, input: $input) {\n      ...NoteFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNote($id: ID!, $input: NoteInput!) {\n    updateNote(id: $id, input: $input) {\n      ...NoteFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateNote($id: ID!, $input: NoteInput!) {\n    updateNote(id: $id, input: $input) {\n      ...NoteFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteNote($id: ID!) {\n    deleteNote(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteNote($id: ID!) {\n    deleteNote(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ErasePersonalData($kind: PersonalDataKind!, $id: ID!, $confirmName: String!) {\n    erasePersonalData(kind: $kind, id: $id, confirmName: $confirmName)\n  }\n"): (typeof documents)["\n  mutation ErasePersonalData($kind: PersonalDataKind!, $id: ID!, $confirmName: String!) {\n    erasePersonalData(kind: $kind, id: $id, confirmName: $confirmName)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TodoFields on Todo {\n    id\n    cardId\n    title\n    text\n    deadline\n    doneAt\n    createdAt\n    assignee {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment TodoFields on Todo {\n    id\n    cardId\n    title\n    text\n    deadline\n    doneAt\n    createdAt\n    assignee {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CardTodos($cardId: ID!, $done: Boolean! = false) {\n    todos(cardId: $cardId, done: $done) {\n      ...TodoFields\n    }\n  }\n"): (typeof documents)["\n  query CardTodos($cardId: ID!, $done: Boolean! = false) {\n    todos(cardId: $cardId, done: $done) {\n      ...TodoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTodo($cardId: ID!, $input: TodoInput!) {\n    createTodo(cardId: $cardId, input: $input) {\n      ...TodoFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTodo($cardId: ID!, $input: TodoInput!) {\n    createTodo(cardId: $cardId, input: $input) {\n      ...TodoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTodo($id: ID!, $input: TodoInput!) {\n    updateTodo(id: $id, input: $input) {\n      ...TodoFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTodo($id: ID!, $input: TodoInput!) {\n    updateTodo(id: $id, input: $input) {\n      ...TodoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTodoDone($id: ID!, $done: Boolean!) {\n    setTodoDone(id: $id, done: $done) {\n      ...TodoFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetTodoDone($id: ID!, $done: Boolean!) {\n    setTodoDone(id: $id, done: $done) {\n      ...TodoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteTodo($id: ID!) {\n    deleteTodo(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteTodo($id: ID!) {\n    deleteTodo(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CardHistory($cardId: ID!, $kinds: [HistoryKind!]) {\n    cardHistory(cardId: $cardId, kinds: $kinds) {\n      ...HistoryEntryFields\n    }\n  }\n"): (typeof documents)["\n  query CardHistory($cardId: ID!, $kinds: [HistoryKind!]) {\n    cardHistory(cardId: $cardId, kinds: $kinds) {\n      ...HistoryEntryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HistoryEntryFields on HistoryEntry {\n    id\n    at\n    action\n    entity\n    entityId\n    kind\n    changes\n    names\n    actor {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment HistoryEntryFields on HistoryEntry {\n    id\n    at\n    action\n    entity\n    entityId\n    kind\n    changes\n    names\n    actor {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientDetail($id: ID!) {\n    client(id: $id) {\n      id\n      name\n      type\n      emails\n      phones\n      address\n      taxId\n      website\n      domain\n      createdAt\n      updatedAt\n      owner {\n        id\n        name\n      }\n      department {\n        id\n        name\n      }\n      classification {\n        id\n        name\n      }\n      categories {\n        id\n        name\n      }\n      tags {\n        id\n        name\n      }\n      contacts {\n        id\n        name\n        title\n        emails\n        phones\n        isPrimary\n      }\n      cards {\n        id\n        pipelineId\n        pipelineName\n        statusId\n        statusName\n        statusColor\n        value\n        currency\n        expectedCloseDate\n        createdAt\n        owner {\n          id\n          name\n        }\n        nextTodo {\n          id\n          title\n          deadline\n          assigneeId\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClientDetail($id: ID!) {\n    client(id: $id) {\n      id\n      name\n      type\n      emails\n      phones\n      address\n      taxId\n      website\n      domain\n      createdAt\n      updatedAt\n      owner {\n        id\n        name\n      }\n      department {\n        id\n        name\n      }\n      classification {\n        id\n        name\n      }\n      categories {\n        id\n        name\n      }\n      tags {\n        id\n        name\n      }\n      contacts {\n        id\n        name\n        title\n        emails\n        phones\n        isPrimary\n      }\n      cards {\n        id\n        pipelineId\n        pipelineName\n        statusId\n        statusName\n        statusColor\n        value\n        currency\n        expectedCloseDate\n        createdAt\n        owner {\n          id\n          name\n        }\n        nextTodo {\n          id\n          title\n          deadline\n          assigneeId\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClientRow on Client {\n    id\n    name\n    type\n    emails\n    phones\n    createdAt\n    owner {\n      id\n      name\n    }\n    department {\n      id\n      name\n    }\n    classification {\n      id\n      name\n    }\n    tags {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ClientRow on Client {\n    id\n    name\n    type\n    emails\n    phones\n    createdAt\n    owner {\n      id\n      name\n    }\n    department {\n      id\n      name\n    }\n    classification {\n      id\n      name\n    }\n    tags {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientList($filter: ClientFilterInput, $sort: ClientSortInput, $page: PageInput) {\n    clients(filter: $filter, sort: $sort, page: $page) {\n      items {\n        ...ClientRow\n      }\n      total\n    }\n  }\n"): (typeof documents)["\n  query ClientList($filter: ClientFilterInput, $sort: ClientSortInput, $page: PageInput) {\n    clients(filter: $filter, sort: $sort, page: $page) {\n      items {\n        ...ClientRow\n      }\n      total\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LookupCompany($taxId: String!, $country: String) {\n    lookupCompany(taxId: $taxId, country: $country) {\n      code\n      taxIdError\n      country\n      taxId\n      name\n      address\n      vatStatus\n      regon\n      sources\n    }\n  }\n"): (typeof documents)["\n  query LookupCompany($taxId: String!, $country: String) {\n    lookupCompany(taxId: $taxId, country: $country) {\n      code\n      taxIdError\n      country\n      taxId\n      name\n      address\n      vatStatus\n      regon\n      sources\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DuplicateGroups($limit: Int!) {\n    duplicateGroups(limit: $limit) {\n      reason\n      value\n      matches {\n        reason\n        value\n      }\n      clients {\n        id\n        name\n        type\n        emails\n        phones\n        taxId\n        domain\n        createdAt\n        owner {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DuplicateGroups($limit: Int!) {\n    duplicateGroups(limit: $limit) {\n      reason\n      value\n      matches {\n        reason\n        value\n      }\n      clients {\n        id\n        name\n        type\n        emails\n        phones\n        taxId\n        domain\n        createdAt\n        owner {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeClients($input: MergeClientsInput!) {\n    mergeClients(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation MergeClients($input: MergeClientsInput!) {\n    mergeClients(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PossibleDuplicates($input: DuplicateProbeInput!) {\n    possibleDuplicates(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query PossibleDuplicates($input: DuplicateProbeInput!) {\n    possibleDuplicates(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartExport($input: ExportInput!) {\n    startExport(input: $input) {\n      ...BackgroundJobFields\n    }\n  }\n"): (typeof documents)["\n  mutation StartExport($input: ExportInput!) {\n    startExport(input: $input) {\n      ...BackgroundJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PastExports {\n    pastExports(limit: 5) {\n      id\n      state\n      format\n      fileName\n      rows\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query PastExports {\n    pastExports(limit: 5) {\n      id\n      state\n      format\n      fileName\n      rows\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomFieldSettings on CustomField {\n    id\n    pipelineId\n    label\n    kind\n    options\n    required\n    position\n    archivedAt\n  }\n"): (typeof documents)["\n  fragment CustomFieldSettings on CustomField {\n    id\n    pipelineId\n    label\n    kind\n    options\n    required\n    position\n    archivedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomFieldsSettings($pipelineId: ID!, $includeArchived: Boolean!) {\n    customFields(pipelineId: $pipelineId, includeArchived: $includeArchived) {\n      ...CustomFieldSettings\n    }\n  }\n"): (typeof documents)["\n  query CustomFieldsSettings($pipelineId: ID!, $includeArchived: Boolean!) {\n    customFields(pipelineId: $pipelineId, includeArchived: $includeArchived) {\n      ...CustomFieldSettings\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCustomField($pipelineId: ID!, $input: CustomFieldInput!) {\n    createCustomField(pipelineId: $pipelineId, input: $input) {\n      ...CustomFieldSettings\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCustomField($pipelineId: ID!, $input: CustomFieldInput!) {\n    createCustomField(pipelineId: $pipelineId, input: $input) {\n      ...CustomFieldSettings\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCustomField($id: ID!, $input: CustomFieldInput!) {\n    updateCustomField(id: $id, input: $input) {\n      ...CustomFieldSettings\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCustomField($id: ID!, $input: CustomFieldInput!) {\n    updateCustomField(id: $id, input: $input) {\n      ...CustomFieldSettings\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReorderCustomFields($pipelineId: ID!, $fieldIds: [ID!]!) {\n    reorderCustomFields(pipelineId: $pipelineId, fieldIds: $fieldIds) {\n      ...CustomFieldSettings\n    }\n  }\n"): (typeof documents)["\n  mutation ReorderCustomFields($pipelineId: ID!, $fieldIds: [ID!]!) {\n    reorderCustomFields(pipelineId: $pipelineId, fieldIds: $fieldIds) {\n      ...CustomFieldSettings\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCustomFieldArchived($id: ID!, $archived: Boolean!) {\n    setCustomFieldArchived(id: $id, archived: $archived) {\n      ...CustomFieldSettings\n    }\n  }\n"): (typeof documents)["\n  mutation SetCustomFieldArchived($id: ID!, $archived: Boolean!) {\n    setCustomFieldArchived(id: $id, archived: $archived) {\n      ...CustomFieldSettings\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BackgroundJobFields on BackgroundJobType {\n    id\n    kind\n    state\n    rowsDone\n    rowsTotal\n    rowsPerSecond\n    secondsLeft\n    errorCode\n    errorParams\n    finishedAt\n  }\n"): (typeof documents)["\n  fragment BackgroundJobFields on BackgroundJobType {\n    id\n    kind\n    state\n    rowsDone\n    rowsTotal\n    rowsPerSecond\n    secondsLeft\n    errorCode\n    errorParams\n    finishedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImportRunFields on ImportRunType {\n    id\n    fileName\n    createdAt\n    undoneAt\n    undoUntil\n    rejectsPath\n    counts {\n      created\n      updated\n      skipped\n      rejected\n    }\n    job {\n      ...BackgroundJobFields\n    }\n    undoJob {\n      ...BackgroundJobFields\n    }\n  }\n"): (typeof documents)["\n  fragment ImportRunFields on ImportRunType {\n    id\n    fileName\n    createdAt\n    undoneAt\n    undoUntil\n    rejectsPath\n    counts {\n      created\n      updated\n      skipped\n      rejected\n    }\n    job {\n      ...BackgroundJobFields\n    }\n    undoJob {\n      ...BackgroundJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BackgroundJob($id: ID!) {\n    backgroundJob(id: $id) {\n      ...BackgroundJobFields\n    }\n  }\n"): (typeof documents)["\n  query BackgroundJob($id: ID!) {\n    backgroundJob(id: $id) {\n      ...BackgroundJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelBackgroundJob($id: ID!) {\n    cancelBackgroundJob(id: $id) {\n      ...BackgroundJobFields\n    }\n  }\n"): (typeof documents)["\n  mutation CancelBackgroundJob($id: ID!) {\n    cancelBackgroundJob(id: $id) {\n      ...BackgroundJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportPreview($input: ImportInput!) {\n    importPreview(input: $input) {\n      settings {\n        format\n        encoding\n        delimiter\n        headerRow\n        sheet\n        skipBrokenRows\n      }\n      sheets\n      headers\n      mapping\n      targets\n      sample\n      counts {\n        created\n        updated\n        skipped\n        rejected\n      }\n      rowsChecked\n      more\n      rows {\n        rowNo\n        outcome\n        reason\n        reasonParams\n        draft\n        problems {\n          column\n          code\n          params\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ImportPreview($input: ImportInput!) {\n    importPreview(input: $input) {\n      settings {\n        format\n        encoding\n        delimiter\n        headerRow\n        sheet\n        skipBrokenRows\n      }\n      sheets\n      headers\n      mapping\n      targets\n      sample\n      counts {\n        created\n        updated\n        skipped\n        rejected\n      }\n      rowsChecked\n      more\n      rows {\n        rowNo\n        outcome\n        reason\n        reasonParams\n        draft\n        problems {\n          column\n          code\n          params\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartImport($input: ImportInput!) {\n    startImport(input: $input) {\n      ...ImportRunFields\n    }\n  }\n"): (typeof documents)["\n  mutation StartImport($input: ImportInput!) {\n    startImport(input: $input) {\n      ...ImportRunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportRun($id: ID!) {\n    importRun(id: $id) {\n      ...ImportRunFields\n    }\n  }\n"): (typeof documents)["\n  query ImportRun($id: ID!) {\n    importRun(id: $id) {\n      ...ImportRunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportRuns {\n    importRuns(limit: 10) {\n      ...ImportRunFields\n    }\n  }\n"): (typeof documents)["\n  query ImportRuns {\n    importRuns(limit: 10) {\n      ...ImportRunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UndoImport($id: ID!) {\n    undoImport(id: $id) {\n      ...ImportRunFields\n    }\n  }\n"): (typeof documents)["\n  mutation UndoImport($id: ID!) {\n    undoImport(id: $id) {\n      ...ImportRunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveImportMapping($name: String!, $headers: [String!]!, $mapping: [String]!) {\n    saveImportMapping(name: $name, headers: $headers, mapping: $mapping) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation SaveImportMapping($name: String!, $headers: [String!]!, $mapping: [String]!) {\n    saveImportMapping(name: $name, headers: $headers, mapping: $mapping) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportTargetOptions {\n    importMaxMegabytes\n    pipelines {\n      id\n      name\n      statuses {\n        id\n        name\n      }\n    }\n    departments: labels(kind: DEPARTMENT) {\n      id\n      name\n    }\n    categories: labels(kind: CATEGORY) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query ImportTargetOptions {\n    importMaxMegabytes\n    pipelines {\n      id\n      name\n      statuses {\n        id\n        name\n      }\n    }\n    departments: labels(kind: DEPARTMENT) {\n      id\n      name\n    }\n    categories: labels(kind: CATEGORY) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportCustomFields($pipelineId: ID!) {\n    customFields(pipelineId: $pipelineId) {\n      id\n      label\n    }\n  }\n"): (typeof documents)["\n  query ImportCustomFields($pipelineId: ID!) {\n    customFields(pipelineId: $pipelineId) {\n      id\n      label\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnsortedContacts {\n    unsortedContacts {\n      id\n      email\n      name\n      seenCount\n      lastSeenAt\n      source\n    }\n  }\n"): (typeof documents)["\n  query UnsortedContacts {\n    unsortedContacts {\n      id\n      email\n      name\n      seenCount\n      lastSeenAt\n      source\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateClientsFromUnsorted($ids: [ID!]!, $categoryId: ID) {\n    createClientsFromUnsorted(ids: $ids, categoryId: $categoryId)\n  }\n"): (typeof documents)["\n  mutation CreateClientsFromUnsorted($ids: [ID!]!, $categoryId: ID) {\n    createClientsFromUnsorted(ids: $ids, categoryId: $categoryId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DismissUnsortedContacts($ids: [ID!]!) {\n    dismissUnsortedContacts(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation DismissUnsortedContacts($ids: [ID!]!) {\n    dismissUnsortedContacts(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnsortedMails {\n    unsortedMails {\n      id\n      fromAddress\n      fromName\n      subject\n      kind\n      receivedAt\n      candidateClientIds\n      attachments {\n        name\n        inline\n      }\n    }\n  }\n"): (typeof documents)["\n  query UnsortedMails {\n    unsortedMails {\n      id\n      fromAddress\n      fromName\n      subject\n      kind\n      receivedAt\n      candidateClientIds\n      attachments {\n        name\n        inline\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignInboundMail($id: ID!, $clientId: ID!) {\n    assignInboundMail(id: $id, clientId: $clientId) {\n      ...InboundMailFields\n    }\n  }\n"): (typeof documents)["\n  mutation AssignInboundMail($id: ID!, $clientId: ID!) {\n    assignInboundMail(id: $id, clientId: $clientId) {\n      ...InboundMailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MailClientSearch($text: String!) {\n    clients(filter: { text: $text }, page: { limit: 10 }) {\n      items {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query MailClientSearch($text: String!) {\n    clients(filter: { text: $text }, page: { limit: 10 }) {\n      items {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MailCandidate($id: ID!) {\n    client(id: $id) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query MailCandidate($id: ID!) {\n    client(id: $id) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCardForMail($input: CreateCardInput!) {\n    createCard(input: $input) {\n      id\n      client {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCardForMail($input: CreateCardInput!) {\n    createCard(input: $input) {\n      id\n      client {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    canWrite\n    modules\n    expiresAt\n    revokedAt\n    lastUsedAt\n    createdAt\n  }\n"): (typeof documents)["\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    canWrite\n    modules\n    expiresAt\n    revokedAt\n    lastUsedAt\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    apiKeys {\n      ...ApiKeyRow\n    }\n  }\n"): (typeof documents)["\n  query ApiKeys {\n    apiKeys {\n      ...ApiKeyRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      key {\n        ...ApiKeyRow\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      key {\n        ...ApiKeyRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyRow\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookRow on Webhook {\n    id\n    url\n    events\n    active\n    disabledReason\n    disabledAt\n    createdAt\n  }\n"): (typeof documents)["\n  fragment WebhookRow on Webhook {\n    id\n    url\n    events\n    active\n    disabledReason\n    disabledAt\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookDeliveryRow on WebhookDelivery {\n    id\n    event\n    state\n    attempts\n    responseCode\n    lastError\n    durationMs\n    requestBody\n    createdAt\n    lastAttemptAt\n  }\n"): (typeof documents)["\n  fragment WebhookDeliveryRow on WebhookDelivery {\n    id\n    event\n    state\n    attempts\n    responseCode\n    lastError\n    durationMs\n    requestBody\n    createdAt\n    lastAttemptAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Webhooks {\n    webhooks {\n      ...WebhookRow\n    }\n    webhookSettings {\n      allowPrivateTargets\n    }\n  }\n"): (typeof documents)["\n  query Webhooks {\n    webhooks {\n      ...WebhookRow\n    }\n    webhookSettings {\n      allowPrivateTargets\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhook($input: WebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        ...WebhookRow\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhook($input: WebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        ...WebhookRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWebhookActive($id: ID!, $active: Boolean!) {\n    updateWebhook(id: $id, active: $active) {\n      ...WebhookRow\n    }\n  }\n"): (typeof documents)["\n  mutation SetWebhookActive($id: ID!, $active: Boolean!) {\n    updateWebhook(id: $id, active: $active) {\n      ...WebhookRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWebhookSettings($allowPrivateTargets: Boolean!) {\n    setWebhookSettings(allowPrivateTargets: $allowPrivateTargets) {\n      allowPrivateTargets\n    }\n  }\n"): (typeof documents)["\n  mutation SetWebhookSettings($allowPrivateTargets: Boolean!) {\n    setWebhookSettings(allowPrivateTargets: $allowPrivateTargets) {\n      allowPrivateTargets\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($webhookId: ID!, $filter: WebhookDeliveryFilter, $before: ID) {\n    webhookDeliveries(webhookId: $webhookId, filter: $filter, before: $before) {\n      ...WebhookDeliveryRow\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($webhookId: ID!, $filter: WebhookDeliveryFilter, $before: ID) {\n    webhookDeliveries(webhookId: $webhookId, filter: $filter, before: $before) {\n      ...WebhookDeliveryRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      ...WebhookDeliveryRow\n    }\n  }\n"): (typeof documents)["\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      ...WebhookDeliveryRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LabelFields on Label {\n    id\n    kind\n    name\n    color\n    archivedAt\n  }\n"): (typeof documents)["\n  fragment LabelFields on Label {\n    id\n    kind\n    name\n    color\n    archivedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Labels($kind: LabelKind!, $includeArchived: Boolean! = false) {\n    labels(kind: $kind, includeArchived: $includeArchived) {\n      ...LabelFields\n    }\n  }\n"): (typeof documents)["\n  query Labels($kind: LabelKind!, $includeArchived: Boolean! = false) {\n    labels(kind: $kind, includeArchived: $includeArchived) {\n      ...LabelFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateLabel($input: LabelInput!) {\n    createLabel(input: $input) {\n      ...LabelFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateLabel($input: LabelInput!) {\n    createLabel(input: $input) {\n      ...LabelFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLabel($id: ID!, $input: LabelInput!) {\n    updateLabel(id: $id, input: $input) {\n      ...LabelFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateLabel($id: ID!, $input: LabelInput!) {\n    updateLabel(id: $id, input: $input) {\n      ...LabelFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetLabelArchived($kind: LabelKind!, $id: ID!, $archived: Boolean!) {\n    setLabelArchived(kind: $kind, id: $id, archived: $archived) {\n      ...LabelFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetLabelArchived($kind: LabelKind!, $id: ID!, $archived: Boolean!) {\n    setLabelArchived(kind: $kind, id: $id, archived: $archived) {\n      ...LabelFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTag($name: String!) {\n    createTag(name: $name) {\n      ...LabelFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTag($name: String!) {\n    createTag(name: $name) {\n      ...LabelFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MailPreview($input: MailDraftInput!) {\n    mailPreview(input: $input) {\n      subject\n      html\n      text\n      missing\n    }\n  }\n"): (typeof documents)["\n  query MailPreview($input: MailDraftInput!) {\n    mailPreview(input: $input) {\n      subject\n      html\n      text\n      missing\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendMail($input: SendMailInput!) {\n    sendMail(input: $input) {\n      queued\n      mailIds\n    }\n  }\n"): (typeof documents)["\n  mutation SendMail($input: SendMailInput!) {\n    sendMail(input: $input) {\n      queued\n      mailIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Mail($id: ID!) {\n    mail(id: $id) {\n      id\n      to\n      subject\n      html\n      text\n      status\n      lastError\n      sentAt\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query Mail($id: ID!) {\n    mail(id: $id) {\n      id\n      to\n      subject\n      html\n      text\n      status\n      lastError\n      sentAt\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SendMailContext($cardId: ID!, $clientId: ID!) {\n    card(id: $cardId) {\n      id\n      pipelineId\n    }\n    contacts(clientId: $clientId) {\n      id\n      name\n      title\n      emails\n      isPrimary\n    }\n  }\n"): (typeof documents)["\n  query SendMailContext($cardId: ID!, $clientId: ID!) {\n    card(id: $cardId) {\n      id\n      pipelineId\n    }\n    contacts(clientId: $clientId) {\n      id\n      name\n      title\n      emails\n      isPrimary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InboundMailFields on InboundMail {\n    id\n    fromAddress\n    fromName\n    toAddresses\n    subject\n    text\n    html\n    kind\n    clientId\n    sentAt\n    receivedAt\n    detectedCharset\n    documentIds\n    candidateClientIds\n    attachments {\n      name\n      mimeType\n      size\n      inline\n    }\n  }\n"): (typeof documents)["\n  fragment InboundMailFields on InboundMail {\n    id\n    fromAddress\n    fromName\n    toAddresses\n    subject\n    text\n    html\n    kind\n    clientId\n    sentAt\n    receivedAt\n    detectedCharset\n    documentIds\n    candidateClientIds\n    attachments {\n      name\n      mimeType\n      size\n      inline\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InboundMail($id: ID!) {\n    inboundMail(id: $id) {\n      ...InboundMailFields\n      inlineImages {\n        contentId\n        dataUrl\n      }\n      calendarEvents {\n        summary\n        start\n        end\n        location\n        organizer\n        method\n      }\n    }\n  }\n"): (typeof documents)["\n  query InboundMail($id: ID!) {\n    inboundMail(id: $id) {\n      ...InboundMailFields\n      inlineImages {\n        contentId\n        dataUrl\n      }\n      calendarEvents {\n        summary\n        start\n        end\n        location\n        organizer\n        method\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendMail($id: ID!) {\n    resendMail(id: $id) {\n      id\n      status\n      lastError\n    }\n  }\n"): (typeof documents)["\n  mutation ResendMail($id: ID!) {\n    resendMail(id: $id) {\n      id\n      status\n      lastError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InboundMailText($id: ID!, $charset: String!) {\n    inboundMailText(id: $id, charset: $charset) {\n      text\n      html\n    }\n  }\n"): (typeof documents)["\n  query InboundMailText($id: ID!, $charset: String!) {\n    inboundMailText(id: $id, charset: $charset) {\n      text\n      html\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MailAccountFields on MailAccountType {\n    id\n    name\n    host\n    port\n    security\n    username\n    folders\n    sinceDays\n    enabled\n    messagesSynced\n    lastSyncAt\n    lastErrorCode\n    lastErrorAt\n    syncJob {\n      ...BackgroundJobFields\n    }\n  }\n"): (typeof documents)["\n  fragment MailAccountFields on MailAccountType {\n    id\n    name\n    host\n    port\n    security\n    username\n    folders\n    sinceDays\n    enabled\n    messagesSynced\n    lastSyncAt\n    lastErrorCode\n    lastErrorAt\n    syncJob {\n      ...BackgroundJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MailboxSettings {\n    mailboxSettings {\n      keyConfigured\n      account {\n        ...MailAccountFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query MailboxSettings {\n    mailboxSettings {\n      keyConfigured\n      account {\n        ...MailAccountFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveMailAccount($input: MailAccountInput!) {\n    saveMailAccount(input: $input) {\n      ...MailAccountFields\n    }\n  }\n"): (typeof documents)["\n  mutation SaveMailAccount($input: MailAccountInput!) {\n    saveMailAccount(input: $input) {\n      ...MailAccountFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestMailAccount($input: MailAccountInput!) {\n    testMailAccount(input: $input) {\n      ok\n      code\n    }\n  }\n"): (typeof documents)["\n  mutation TestMailAccount($input: MailAccountInput!) {\n    testMailAccount(input: $input) {\n      ok\n      code\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncMailAccount {\n    syncMailAccount {\n      ...MailAccountFields\n    }\n  }\n"): (typeof documents)["\n  mutation SyncMailAccount {\n    syncMailAccount {\n      ...MailAccountFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMailAccount {\n    deleteMailAccount\n  }\n"): (typeof documents)["\n  mutation DeleteMailAccount {\n    deleteMailAccount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SharedMailboxes {\n    sharedMailboxes {\n      ...MailAccountFields\n    }\n  }\n"): (typeof documents)["\n  query SharedMailboxes {\n    sharedMailboxes {\n      ...MailAccountFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveSharedMailbox($id: ID, $input: SharedMailboxInput!) {\n    saveSharedMailbox(id: $id, input: $input) {\n      ...MailAccountFields\n    }\n  }\n"): (typeof documents)["\n  mutation SaveSharedMailbox($id: ID, $input: SharedMailboxInput!) {\n    saveSharedMailbox(id: $id, input: $input) {\n      ...MailAccountFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestSharedMailbox($id: ID, $input: MailAccountInput!) {\n    testSharedMailbox(id: $id, input: $input) {\n      ok\n      code\n    }\n  }\n"): (typeof documents)["\n  mutation TestSharedMailbox($id: ID, $input: MailAccountInput!) {\n    testSharedMailbox(id: $id, input: $input) {\n      ok\n      code\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncSharedMailbox($id: ID!) {\n    syncSharedMailbox(id: $id) {\n      ...MailAccountFields\n    }\n  }\n"): (typeof documents)["\n  mutation SyncSharedMailbox($id: ID!) {\n    syncSharedMailbox(id: $id) {\n      ...MailAccountFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSharedMailbox($id: ID!) {\n    deleteSharedMailbox(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteSharedMailbox($id: ID!) {\n    deleteSharedMailbox(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ExchangeRateFields on ExchangeRate {\n    id\n    currency\n    baseCurrency\n    validFrom\n    rate\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment ExchangeRateFields on ExchangeRate {\n    id\n    currency\n    baseCurrency\n    validFrom\n    rate\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExchangeRates {\n    exchangeRates {\n      ...ExchangeRateFields\n    }\n  }\n"): (typeof documents)["\n  query ExchangeRates {\n    exchangeRates {\n      ...ExchangeRateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetBaseCurrency($currency: String) {\n    setBaseCurrency(currency: $currency) {\n      ...OrganisationSettings\n    }\n  }\n"): (typeof documents)["\n  mutation SetBaseCurrency($currency: String) {\n    setBaseCurrency(currency: $currency) {\n      ...OrganisationSettings\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateExchangeRate($input: ExchangeRateInput!) {\n    createExchangeRate(input: $input) {\n      ...ExchangeRateFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateExchangeRate($input: ExchangeRateInput!) {\n    createExchangeRate(input: $input) {\n      ...ExchangeRateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateExchangeRate($id: ID!, $input: ExchangeRateInput!) {\n    updateExchangeRate(id: $id, input: $input) {\n      ...ExchangeRateFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateExchangeRate($id: ID!, $input: ExchangeRateInput!) {\n    updateExchangeRate(id: $id, input: $input) {\n      ...ExchangeRateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteExchangeRate($id: ID!) {\n    deleteExchangeRate(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteExchangeRate($id: ID!) {\n    deleteExchangeRate(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganisationSettings on Organisation {\n    timeZone\n    language\n    defaultCountry\n    defaultTimeZone\n    companyLookupCountries\n    baseCurrency\n  }\n"): (typeof documents)["\n  fragment OrganisationSettings on Organisation {\n    timeZone\n    language\n    defaultCountry\n    defaultTimeZone\n    companyLookupCountries\n    baseCurrency\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organisation {\n    organisation {\n      ...OrganisationSettings\n    }\n  }\n"): (typeof documents)["\n  query Organisation {\n    organisation {\n      ...OrganisationSettings\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganisationSettings($input: OrganisationSettingsInput!) {\n    updateOrganisationSettings(input: $input) {\n      ...OrganisationSettings\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateOrganisationSettings($input: OrganisationSettingsInput!) {\n    updateOrganisationSettings(input: $input) {\n      ...OrganisationSettings\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePipeline($name: String!) {\n    createPipeline(name: $name) {\n      ...PipelineFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePipeline($name: String!) {\n    createPipeline(name: $name) {\n      ...PipelineFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenamePipeline($id: ID!, $name: String!) {\n    renamePipeline(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation RenamePipeline($id: ID!, $name: String!) {\n    renamePipeline(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPipelineArchived($id: ID!, $archived: Boolean!) {\n    setPipelineArchived(id: $id, archived: $archived) {\n      id\n      archivedAt\n    }\n  }\n"): (typeof documents)["\n  mutation SetPipelineArchived($id: ID!, $archived: Boolean!) {\n    setPipelineArchived(id: $id, archived: $archived) {\n      id\n      archivedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStatus($input: CreateStatusInput!) {\n    createStatus(input: $input) {\n      ...StatusFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateStatus($input: CreateStatusInput!) {\n    createStatus(input: $input) {\n      ...StatusFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateStatus($id: ID!, $input: UpdateStatusInput!) {\n    updateStatus(id: $id, input: $input) {\n      ...StatusFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateStatus($id: ID!, $input: UpdateStatusInput!) {\n    updateStatus(id: $id, input: $input) {\n      ...StatusFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReorderStatuses($pipelineId: ID!, $statusIds: [ID!]!) {\n    reorderStatuses(pipelineId: $pipelineId, statusIds: $statusIds) {\n      ...PipelineFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReorderStatuses($pipelineId: ID!, $statusIds: [ID!]!) {\n    reorderStatuses(pipelineId: $pipelineId, statusIds: $statusIds) {\n      ...PipelineFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStatusArchived($id: ID!, $archived: Boolean!) {\n    setStatusArchived(id: $id, archived: $archived) {\n      ...StatusFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetStatusArchived($id: ID!, $archived: Boolean!) {\n    setStatusArchived(id: $id, archived: $archived) {\n      ...StatusFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StatusFields on Status {\n    id\n    pipelineId\n    name\n    kind\n    color\n    position\n    archivedAt\n    probability\n  }\n"): (typeof documents)["\n  fragment StatusFields on Status {\n    id\n    pipelineId\n    name\n    kind\n    color\n    position\n    archivedAt\n    probability\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PipelineFields on Pipeline {\n    id\n    name\n    position\n    archivedAt\n    statuses {\n      ...StatusFields\n    }\n  }\n"): (typeof documents)["\n  fragment PipelineFields on Pipeline {\n    id\n    name\n    position\n    archivedAt\n    statuses {\n      ...StatusFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Pipelines($includeArchived: Boolean! = false) {\n    pipelines(includeArchived: $includeArchived) {\n      ...PipelineFields\n    }\n  }\n"): (typeof documents)["\n  query Pipelines($includeArchived: Boolean! = false) {\n    pipelines(includeArchived: $includeArchived) {\n      ...PipelineFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Profile on User {\n    id\n    name\n    email\n    role\n    locale\n    signature\n    photoUrl\n  }\n"): (typeof documents)["\n  fragment Profile on User {\n    id\n    name\n    email\n    role\n    locale\n    signature\n    photoUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyProfile {\n    me {\n      ...Profile\n    }\n  }\n"): (typeof documents)["\n  query MyProfile {\n    me {\n      ...Profile\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMyProfile($input: UpdateProfileInput!) {\n    updateMyProfile(input: $input) {\n      ...Profile\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMyProfile($input: UpdateProfileInput!) {\n    updateMyProfile(input: $input) {\n      ...Profile\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMyPhoto($image: String!) {\n    setMyPhoto(image: $image) {\n      ...Profile\n    }\n  }\n"): (typeof documents)["\n  mutation SetMyPhoto($image: String!) {\n    setMyPhoto(image: $image) {\n      ...Profile\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMyPhoto {\n    removeMyPhoto {\n      ...Profile\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveMyPhoto {\n    removeMyPhoto {\n      ...Profile\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMyPassword($input: ChangePasswordInput!) {\n    changeMyPassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ChangeMyPassword($input: ChangePasswordInput!) {\n    changeMyPassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReportCardFilter on CardFilter {\n    statusIds\n    ownerIds\n    unowned\n    departmentIds\n    categoryIds\n    tagIds\n    outcomes\n    createdFrom\n    createdTo\n    enteredStatusIds\n    enteredFrom\n    enteredTo\n    statusChangedFrom\n    statusChangedTo\n  }\n"): (typeof documents)["\n  fragment ReportCardFilter on CardFilter {\n    statusIds\n    ownerIds\n    unowned\n    departmentIds\n    categoryIds\n    tagIds\n    outcomes\n    createdFrom\n    createdTo\n    enteredStatusIds\n    enteredFrom\n    enteredTo\n    statusChangedFrom\n    statusChangedTo\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReportMoney on MoneySum {\n    currency\n    amount\n  }\n"): (typeof documents)["\n  fragment ReportMoney on MoneySum {\n    currency\n    amount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReportBaseMoney on BaseMoney {\n    currency\n    amount\n    missing {\n      currency\n      count\n    }\n  }\n"): (typeof documents)["\n  fragment ReportBaseMoney on BaseMoney {\n    currency\n    amount\n    missing {\n      currency\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReportOutcome on OutcomeFigure {\n    count\n    previousCount\n    sums {\n      ...ReportMoney\n    }\n    currencyMode\n    inBase {\n      ...ReportBaseMoney\n    }\n    cards {\n      ...ReportCardFilter\n    }\n  }\n"): (typeof documents)["\n  fragment ReportOutcome on OutcomeFigure {\n    count\n    previousCount\n    sums {\n      ...ReportMoney\n    }\n    currencyMode\n    inBase {\n      ...ReportBaseMoney\n    }\n    cards {\n      ...ReportCardFilter\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Report($filter: ReportFilterInput!) {\n    report(filter: $filter) {\n      pipelineId\n      currencyMode\n      baseCurrency\n      period {\n        fromDay\n        toDay\n        previousFromDay\n        previousToDay\n        timeZone\n      }\n      funnel {\n        status {\n          id\n          name\n          kind\n          color\n        }\n        entered\n        previousEntered\n        convertedToNext\n        conversion\n        cards {\n          ...ReportCardFilter\n        }\n      }\n      outcomes {\n        currencyMode\n        winRate\n        previousWinRate\n        won {\n          ...ReportOutcome\n        }\n        lost {\n          ...ReportOutcome\n        }\n      }\n      openPipeline {\n        status {\n          id\n          name\n          color\n        }\n        count\n        sums {\n          ...ReportMoney\n        }\n        currencyMode\n        inBase {\n          ...ReportBaseMoney\n        }\n        cards {\n          ...ReportCardFilter\n        }\n      }\n      forecast {\n        month\n        count\n        withoutProbability\n        sums {\n          ...ReportMoney\n        }\n        weighted {\n          ...ReportMoney\n        }\n        currencyMode\n        inBase {\n          ...ReportBaseMoney\n        }\n        weightedInBase {\n          ...ReportBaseMoney\n        }\n      }\n      activity {\n        user {\n          id\n          name\n        }\n        todosDone\n        overdueTodos\n        mailsSent\n        repliesReceived\n        notes\n        cardsMoved\n        cardsWon\n        wonCards {\n          ...ReportCardFilter\n        }\n      }\n      timeInStatus {\n        status {\n          id\n          name\n          color\n        }\n        stays\n        averageDays\n        medianDays\n      }\n      automations {\n        id\n        name\n        state\n        enrolled\n        stepsDone\n        mailSteps\n        failures\n      }\n      weekly {\n        week\n        newCards\n        newClients\n        cards {\n          ...ReportCardFilter\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Report($filter: ReportFilterInput!) {\n    report(filter: $filter) {\n      pipelineId\n      currencyMode\n      baseCurrency\n      period {\n        fromDay\n        toDay\n        previousFromDay\n        previousToDay\n        timeZone\n      }\n      funnel {\n        status {\n          id\n          name\n          kind\n          color\n        }\n        entered\n        previousEntered\n        convertedToNext\n        conversion\n        cards {\n          ...ReportCardFilter\n        }\n      }\n      outcomes {\n        currencyMode\n        winRate\n        previousWinRate\n        won {\n          ...ReportOutcome\n        }\n        lost {\n          ...ReportOutcome\n        }\n      }\n      openPipeline {\n        status {\n          id\n          name\n          color\n        }\n        count\n        sums {\n          ...ReportMoney\n        }\n        currencyMode\n        inBase {\n          ...ReportBaseMoney\n        }\n        cards {\n          ...ReportCardFilter\n        }\n      }\n      forecast {\n        month\n        count\n        withoutProbability\n        sums {\n          ...ReportMoney\n        }\n        weighted {\n          ...ReportMoney\n        }\n        currencyMode\n        inBase {\n          ...ReportBaseMoney\n        }\n        weightedInBase {\n          ...ReportBaseMoney\n        }\n      }\n      activity {\n        user {\n          id\n          name\n        }\n        todosDone\n        overdueTodos\n        mailsSent\n        repliesReceived\n        notes\n        cardsMoved\n        cardsWon\n        wonCards {\n          ...ReportCardFilter\n        }\n      }\n      timeInStatus {\n        status {\n          id\n          name\n          color\n        }\n        stays\n        averageDays\n        medianDays\n      }\n      automations {\n        id\n        name\n        state\n        enrolled\n        stepsDone\n        mailSteps\n        failures\n      }\n      weekly {\n        week\n        newCards\n        newClients\n        cards {\n          ...ReportCardFilter\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportXlsx($input: ReportTableInput!) {\n    reportXlsx(input: $input)\n  }\n"): (typeof documents)["\n  mutation ReportXlsx($input: ReportTableInput!) {\n    reportXlsx(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SavedReportFields on SavedReport {\n    id\n    name\n    ownerId\n    shared\n    editable\n    subscribed\n    compare\n    widgets\n    filter {\n      pipelineId\n      period\n      from\n      to\n      ownerIds\n      departmentIds\n      categoryIds\n      tagIds\n    }\n  }\n"): (typeof documents)["\n  fragment SavedReportFields on SavedReport {\n    id\n    name\n    ownerId\n    shared\n    editable\n    subscribed\n    compare\n    widgets\n    filter {\n      pipelineId\n      period\n      from\n      to\n      ownerIds\n      departmentIds\n      categoryIds\n      tagIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SavedReports {\n    savedReports {\n      ...SavedReportFields\n    }\n  }\n"): (typeof documents)["\n  query SavedReports {\n    savedReports {\n      ...SavedReportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSavedReport($input: SavedReportInput!) {\n    createSavedReport(input: $input) {\n      ...SavedReportFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSavedReport($input: SavedReportInput!) {\n    createSavedReport(input: $input) {\n      ...SavedReportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameSavedReport($id: ID!, $input: RenameSavedReportInput!) {\n    renameSavedReport(id: $id, input: $input) {\n      ...SavedReportFields\n    }\n  }\n"): (typeof documents)["\n  mutation RenameSavedReport($id: ID!, $input: RenameSavedReportInput!) {\n    renameSavedReport(id: $id, input: $input) {\n      ...SavedReportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSavedReport($id: ID!) {\n    deleteSavedReport(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteSavedReport($id: ID!) {\n    deleteSavedReport(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubscribeSavedReport($id: ID!, $subscribed: Boolean!) {\n    subscribeSavedReport(id: $id, subscribed: $subscribed) {\n      ...SavedReportFields\n    }\n  }\n"): (typeof documents)["\n  mutation SubscribeSavedReport($id: ID!, $subscribed: Boolean!) {\n    subscribeSavedReport(id: $id, subscribed: $subscribed) {\n      ...SavedReportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EmailTemplateFields on EmailTemplate {\n    id\n    pipelineId\n    name\n    category\n    subject\n    body\n    archivedAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment EmailTemplateFields on EmailTemplate {\n    id\n    pipelineId\n    name\n    category\n    subject\n    body\n    archivedAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmailTemplates($pipelineId: ID!) {\n    emailTemplates(pipelineId: $pipelineId) {\n      ...EmailTemplateFields\n    }\n  }\n"): (typeof documents)["\n  query EmailTemplates($pipelineId: ID!) {\n    emailTemplates(pipelineId: $pipelineId) {\n      ...EmailTemplateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateEmailTemplate($input: EmailTemplateInput!) {\n    createEmailTemplate(input: $input) {\n      ...EmailTemplateFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateEmailTemplate($input: EmailTemplateInput!) {\n    createEmailTemplate(input: $input) {\n      ...EmailTemplateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEmailTemplate($id: ID!, $input: EmailTemplateInput!) {\n    updateEmailTemplate(id: $id, input: $input) {\n      ...EmailTemplateFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateEmailTemplate($id: ID!, $input: EmailTemplateInput!) {\n    updateEmailTemplate(id: $id, input: $input) {\n      ...EmailTemplateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveEmailTemplate($id: ID!) {\n    archiveEmailTemplate(id: $id)\n  }\n"): (typeof documents)["\n  mutation ArchiveEmailTemplate($id: ID!) {\n    archiveEmailTemplate(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TodoTemplateFields on TodoTemplate {\n    id\n    pipelineId\n    title\n    text\n    deadlineOffsetDays\n    deadlineTime\n  }\n"): (typeof documents)["\n  fragment TodoTemplateFields on TodoTemplate {\n    id\n    pipelineId\n    title\n    text\n    deadlineOffsetDays\n    deadlineTime\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TodoTemplates($pipelineId: ID) {\n    todoTemplates(pipelineId: $pipelineId) {\n      ...TodoTemplateFields\n    }\n  }\n"): (typeof documents)["\n  query TodoTemplates($pipelineId: ID) {\n    todoTemplates(pipelineId: $pipelineId) {\n      ...TodoTemplateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveTodoTemplate($id: ID, $input: TodoTemplateInput!) {\n    saveTodoTemplate(id: $id, input: $input) {\n      ...TodoTemplateFields\n    }\n  }\n"): (typeof documents)["\n  mutation SaveTodoTemplate($id: ID, $input: TodoTemplateInput!) {\n    saveTodoTemplate(id: $id, input: $input) {\n      ...TodoTemplateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveTodoTemplate($id: ID!) {\n    archiveTodoTemplate(id: $id)\n  }\n"): (typeof documents)["\n  mutation ArchiveTodoTemplate($id: ID!) {\n    archiveTodoTemplate(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TemplateCustomFields($pipelineId: ID!) {\n    customFields(pipelineId: $pipelineId) {\n      id\n      label\n      kind\n    }\n  }\n"): (typeof documents)["\n  query TemplateCustomFields($pipelineId: ID!) {\n    customFields(pipelineId: $pipelineId) {\n      id\n      label\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TemplatePreviewCards($pipelineId: ID!, $text: String) {\n    cards(pipelineId: $pipelineId, filter: { text: $text }, page: { limit: 8, offset: 0 }) {\n      items {\n        id\n        client {\n          id\n          name\n        }\n      }\n      total\n    }\n  }\n"): (typeof documents)["\n  query TemplatePreviewCards($pipelineId: ID!, $text: String) {\n    cards(pipelineId: $pipelineId, filter: { text: $text }, page: { limit: 8, offset: 0 }) {\n      items {\n        id\n        client {\n          id\n          name\n        }\n      }\n      total\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Trash($kind: TrashKind) {\n    trash(kind: $kind) {\n      id\n      kind\n      name\n      clientName\n      deletedAt\n      deletedBy {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Trash($kind: TrashKind) {\n    trash(kind: $kind) {\n      id\n      kind\n      name\n      clientName\n      deletedAt\n      deletedBy {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreFromTrash($id: ID!, $kind: TrashKind!) {\n    restoreFromTrash(id: $id, kind: $kind)\n  }\n"): (typeof documents)["\n  mutation RestoreFromTrash($id: ID!, $kind: TrashKind!) {\n    restoreFromTrash(id: $id, kind: $kind)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurgeFromTrash($id: ID!, $kind: TrashKind!) {\n    purgeFromTrash(id: $id, kind: $kind)\n  }\n"): (typeof documents)["\n  mutation PurgeFromTrash($id: ID!, $kind: TrashKind!) {\n    purgeFromTrash(id: $id, kind: $kind)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserRow on User {\n    id\n    name\n    email\n    role\n    locale\n    active\n    lastLoginAt\n    departments {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment UserRow on User {\n    id\n    name\n    email\n    role\n    locale\n    active\n    lastLoginAt\n    departments {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users {\n    users {\n      ...UserRow\n    }\n  }\n"): (typeof documents)["\n  query Users {\n    users {\n      ...UserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserRow\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...UserRow\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...UserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserActive($id: ID!, $active: Boolean!) {\n    setUserActive(id: $id, active: $active) {\n      ...UserRow\n    }\n  }\n"): (typeof documents)["\n  mutation SetUserActive($id: ID!, $active: Boolean!) {\n    setUserActive(id: $id, active: $active) {\n      ...UserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetUserPassword($id: ID!, $password: String!) {\n    resetUserPassword(id: $id, password: $password)\n  }\n"): (typeof documents)["\n  mutation ResetUserPassword($id: ID!, $password: String!) {\n    resetUserPassword(id: $id, password: $password)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssignableUsers {\n    assignableUsers {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query AssignableUsers {\n    assignableUsers {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserDepartments($id: ID!, $departmentIds: [ID!]!) {\n    setUserDepartments(id: $id, departmentIds: $departmentIds) {\n      ...UserRow\n    }\n  }\n"): (typeof documents)["\n  mutation SetUserDepartments($id: ID!, $departmentIds: [ID!]!) {\n    setUserDepartments(id: $id, departmentIds: $departmentIds) {\n      ...UserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateView($input: ViewInput!) {\n    createView(input: $input) {\n      ...ViewFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateView($input: ViewInput!) {\n    createView(input: $input) {\n      ...ViewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateView($id: ID!, $input: ViewInput!) {\n    updateView(id: $id, input: $input) {\n      ...ViewFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateView($id: ID!, $input: ViewInput!) {\n    updateView(id: $id, input: $input) {\n      ...ViewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteView($id: ID!) {\n    deleteView(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteView($id: ID!) {\n    deleteView(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewFields on View {\n    id\n    kind\n    name\n    pipelineId\n    shared\n    editable\n    ownerId\n    columns\n    sort {\n      field\n      customFieldId\n      direction\n    }\n    filter {\n      categoryIds\n      classificationIds\n      createdFrom\n      createdTo\n      custom {\n        fieldId\n        value\n      }\n      departmentIds\n      outcomes\n      ownerIds\n      statusIds\n      tagIds\n      text\n      todoAssigneeId\n      unowned\n    }\n  }\n"): (typeof documents)["\n  fragment ViewFields on View {\n    id\n    kind\n    name\n    pipelineId\n    shared\n    editable\n    ownerId\n    columns\n    sort {\n      field\n      customFieldId\n      direction\n    }\n    filter {\n      categoryIds\n      classificationIds\n      createdFrom\n      createdTo\n      custom {\n        fieldId\n        value\n      }\n      departmentIds\n      outcomes\n      ownerIds\n      statusIds\n      tagIds\n      text\n      todoAssigneeId\n      unowned\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Views($kind: ViewKind, $pipelineId: ID) {\n    views(kind: $kind, pipelineId: $pipelineId) {\n      ...ViewFields\n    }\n  }\n"): (typeof documents)["\n  query Views($kind: ViewKind, $pipelineId: ID) {\n    views(kind: $kind, pipelineId: $pipelineId) {\n      ...ViewFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;