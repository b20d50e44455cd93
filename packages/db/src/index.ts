export * from './entities';
export { createDataSource, poolQuery, runMigrations, pendingSchemaChanges } from './data-source';
export type { DataSourceOptions } from './data-source';
export { purgeExpiredSessions } from './services/sessions';
export { hashPassword, verifyPassword } from './services/passwords';
export { seedDemoData, ensureAdmin, DEMO_PASSWORD, DEMO_USERS } from './seed/demo';
export { LocalDiskStorage } from './storage/storage';
export type { FileStorage } from './storage/storage';
export { askToEvaluateAutomations, createQueues, closeQueues, enqueue, jobOptions } from './queues';
export type { Queues, QueueOptions } from './queues';
export { buildMailContext, buildMailContexts } from './mail/context';
export { queueMail, queueMails } from './mail/outbox';
export type { NewMail } from './mail/outbox';
export { createMailTransport, DEFAULT_SMTP_POOL, deliveriesAtOnce, deliverOutboxMail, emlFile, markStaleSending, queuedMailIds } from './mail/deliver';
export type { MailTransport, DeliveryResult, SmtpPoolOptions } from './mail/deliver';
export { DomainLimiter } from './mail/domain-limit';
export { fieldKey, missingValues, renderMail, scanTemplate, unknownVariables } from './mail/template';
export type { RenderedMail } from './mail/template';
export { RichText, sanitizeSignature, signatureText, SIGNATURE_MAX_LENGTH } from './mail/signature';
export { trashCards } from './trash/trash-cards';
export { ACTIVITY_SOURCES, recomputeActivityClientTotals, recomputeActivityLabelTotals, recomputeActivityTotals } from './sql/activity-totals';
export { CLIENT_LABELS, labelCardTotalsColumns, LABEL_CARD_TOTALS, recomputeLabelCardTotals } from './sql/label-totals';
export { FUNNEL_KEYS, FUNNEL_LABEL_KEYS, REACH_BUCKET, recomputeFunnelLabelTotals, recomputeFunnelTotals } from './sql/funnel-totals';
export { recomputeStayLabelTotals, recomputeStayTotals, splitStayPeriod, STAY_LABEL_KEYS, stayBucketSql, stayBucketStartSql } from './sql/stay-totals';
export { NEW_LABEL_KEYS, recomputeNewLabelTotals, recomputeNewTotals } from './sql/new-totals';
export { SqlParams, cardFilterSql, clientFilterSql, escapeLike } from './sql/card-filter';
export type { CardFilterValues, ClientLabelFilter, CustomValueCondition } from './sql/card-filter';
export {
  activateAutomation,
  cancelForTrash,
  continuousAutomationIds,
  evaluateAutomation,
  releaseStaleRuns,
  rescheduleAfterEdit,
  runDueSteps,
  stopAutomation,
  stopOnReply,
} from './automation/engine';
export type { EngineOptions, RunOutcome, RunReasonResult } from './automation/engine';
export { cardAccessRule, cardRecordVisibility, cardVisibility, clientHasHiddenCards, clientVisibility, departmentKeyRules, ownerKeyRules, viewVisibleTo } from './access/scope';
export { viewerOf, loadViewer } from './access/viewer';
export type { Viewer } from './access/viewer';
export { CARD_SORT_SQL, cardFrom, cardListWhere, cardOrderSql, CLIENT_LIST_FROM, clientListWhere, clientOrderSql, nameCollation } from './sql/card-list';
export type { CardSortKey, ClientListFilter, ListSort } from './sql/card-list';
export { EXPORT_FORMATS, ExportError, exportFileName, exportQuery, mayExport, prepareExport } from './export/engine';
export type { ExportFormat, ExportProgress, ExportRequest, ExportResult, ExportSource, PreparedExport } from './export/engine';
export { queryBatches } from './export/stream';
export { exportJobFile, runExportJob } from './export/export-job';
export type { ExportJobPayload, ExportJobResult } from './export/export-job';
export { writeXlsx, xlsxTable } from './export/xlsx';
export {
  createBackgroundJob,
  enqueueBackgroundJob,
  failBackgroundJob,
  isFinished,
  JobFailure,
  requestCancel,
  runBackgroundJob,
  unfinishedBackgroundJobs,
  visibleBackgroundJob,
} from './jobs/background-jobs';
export type { JobRun, NewBackgroundJob } from './jobs/background-jobs';
export { duplicateKeysSql, taxIdKeySql, phoneKeySql, MIN_PHONE_KEY } from './duplicates/keys';
export { inspectFile, readRecords, detectEncoding, DEFAULT_LIMITS } from './imports/source';
export type { ParseSettings, SourceRecord, OpenFile, SourceLimits, Inspection } from './imports/source';
export { processBatch, loadImportContext } from './imports/engine';
export type { ImportTarget, RowResult, BatchResult } from './imports/engine';
export type { CellProblem, RowDraft } from './imports/rows';
export { createImport, previewImport, rejectsFile, requestUndoImport, runImport, runImportUndo, IMPORT_BATCH, UNDO_DAYS } from './imports/run';
export type { NewImport, PreviewResult, ImportRunOptions } from './imports/run';
export { FREE_MAIL_DOMAINS, isFreeMailDomain } from './mail/free-mail';
export { classify, compressRaw, decompressRaw, detectCharset, parseInbound, stripNul, UNDECLARED_CHARSETS } from './mail/inbound-parse';
export type { InboundAttachment, InboundKind, ParsedInbound } from './mail/inbound-parse';
export { parseCalendar } from './mail/calendar';
export type { CalendarEvent } from './mail/calendar';
export { envTimeZone, loadCampaignSettings, loadNameOrder, loadOrganisationLanguage, loadOrganisationSettings, loadOrganisationTimeZone, saveCampaignSettings, saveOrganisationSettings, withOrganisationZone, type CampaignSettings } from './organisation/settings';
export type { OrganisationSettings } from './organisation/settings';
export { loadBaseCurrency, rateAt, saveBaseCurrency } from './organisation/exchange-rates';
export { fileInboundMail, InboundTooLarge, MAIL_FOLDER, receiveInbound, routeSender } from './mail/inbound';
export type { InboundMatch, InboundResult } from './mail/inbound';
export { decryptSecret, encryptSecret, MailboxKeyError, parseMailboxKey } from './mail/mailbox-key';
export { connectImap, IMAP_SECURITY, imapErrorCode, ImapSyncError, syncMailAccount, testImapConnection } from './mail/imap-sync';
export type { FolderState, ImapErrorCode, ImapSecurity, ImapSettings, MailAccountRow, SyncOptions, SyncResult } from './mail/imap-sync';
export { runMailSyncJob, scheduleMailSyncs, startMailSync, triggerMailSync } from './mail/mail-sync-job';
export { WEBHOOK_EVENTS, DELETE_EVENTS, ALLOW_PRIVATE_TARGETS } from './webhooks/events';
export type { WebhookEventType } from './webhooks/events';
export { signWebhook, verifyWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './webhooks/signature';
export { checkTarget, isPrivateAddress, parseTargetUrl, TargetRefused } from './webhooks/target';
export { allowPrivateTargets, attemptWebhookDelivery, disableWebhook, dispatchWebhookEvents, redeliver, stalledDeliveryIds } from './webhooks/deliver';
export type { WebhookAttempt } from './webhooks/deliver';
export { fallbackUnsubscribeSecret, signRecipientToken, signUnsubscribeToken, verifyRecipientToken, verifyUnsubscribeToken } from './campaigns/token';
export type { TokenCheck } from './campaigns/token';
export { emailAudienceSql, listClientsWhere } from './campaigns/lists';
export type { AudienceRule, ListFilter, ListRule } from './campaigns/lists';
export { buildClientMailContexts } from './campaigns/context';
export { advanceCampaign, cancelCampaign, dispatchCampaign, loadAudienceRule, loadCampaign, prepareCampaign, stalledCampaignIds, unsubscribeUrl, withUnsubscribe } from './campaigns/run';
export type { Advance, CampaignOptions, CampaignRow } from './campaigns/run';
export { bounceKind, recipientById, recordBounce, recordComplaint, recordReply, suppress, unsubscribeRecipient } from './campaigns/feedback';
export { listExportQuery, writeListExport } from './campaigns/export';
export * from './privacy';
export { labelLines, writeAddressLabels, LABEL_SHEET } from './campaigns/labels';
export { campaignLinkIds, clickUrl, linksOf, openPixelUrl, recordClick, recordOpen, withTracking } from './campaigns/tracking';
export { EVERYTHING, installLivePublisher, liveChannel, mergeSignals, parseLiveSignal, serializeSignal, signalConcerns } from './live/live-signals';
export type { LivePublisher, LiveSignal } from './live/live-signals';
