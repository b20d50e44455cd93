import type Redis from 'ioredis';
import { liveChannel, LocalDiskStorage, parseMailboxKey, type Queues } from '@crm/db';
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import type { Logger } from './logger';
import { AuthService } from './modules/auth/auth.service';
import { AutomationService } from './modules/automations/automation.service';
import { LoginLimiter } from './modules/auth/rate-limiter';
import { CardService } from './modules/cards/card.service';
import { ClientService } from './modules/clients/client.service';
import { InboundService } from './modules/inbound/inbound.service';
import { MailboxService } from './modules/mailbox/mailbox.service';
import { LabelService } from './modules/labels/label.service';
import { MailService } from './modules/mail/mail.service';
import { PipelineService } from './modules/pipelines/pipeline.service';
import { ReportService } from './modules/reports/report.service';
import { SavedReportService } from './modules/reports/saved-report.service';
import { TemplateService } from './modules/templates/template.service';
import { ContactService } from './modules/contacts/contact.service';
import { DealService } from './modules/deals/deal.service';
import { DocumentService } from './modules/documents/document.service';
import { DuplicateService } from './modules/duplicates/duplicate.service';
import { ImportService } from './modules/imports/import.service';
import { BackgroundJobService } from './modules/jobs/job.service';
import { ExportJobService } from './modules/exports/export-job.service';
import { FieldService } from './modules/fields/field.service';
import { HistoryService } from './modules/history/history.service';
import { NoteService } from './modules/notes/note.service';
import { TodoService } from './modules/todos/todo.service';
import { TrashService } from './modules/trash/trash.service';
import { UserService } from './modules/users/user.service';
import { MassUndoService } from './modules/cards/mass-undo.service';
import { ViewService } from './modules/views/view.service';
import { OrganisationService } from './modules/organisation/organisation.service';
import { ExchangeRateService } from './modules/organisation/exchange-rate.service';
import { CompanyLookupService, providersFrom } from './modules/company-lookup/company-lookup.service';
import { ApiKeyService } from './modules/api-keys/api-key.service';
import { WebhookService } from './modules/webhooks/webhook.service';
import { ApiKeyRateLimiter } from './modules/api-keys/api-key.rate-limit';
import { SuppressionService } from './modules/campaigns/suppression.service';
import { CampaignService } from './modules/campaigns/campaign.service';
import { ListService } from './modules/campaigns/list.service';
import { PrivacyService } from './modules/privacy/privacy.service';
import { LiveHub } from './modules/live/live.hub';
import { LiveService } from './modules/live/live.service';

/** The services resolvers call; built once per process. */
export interface Services {
  config: Config;
  logger: Logger;
  auth: AuthService;
  users: UserService;
  pipelines: PipelineService;
  labels: LabelService;
  cards: CardService;
  massUndo: MassUndoService;
  clients: ClientService;
  views: ViewService;
  todos: TodoService;
  notes: NoteService;
  contacts: ContactService;
  deals: DealService;
  history: HistoryService;
  fields: FieldService;
  trash: TrashService;
  duplicates: DuplicateService;
  documents: DocumentService;
  templates: TemplateService;
  mail: MailService;
  inbound: InboundService;
  mailbox: MailboxService;
  automations: AutomationService;
  reports: ReportService;
  savedReports: SavedReportService;
  imports: ImportService;
  jobs: BackgroundJobService;
  exports: ExportJobService;
  organisation: OrganisationService;
  exchangeRates: ExchangeRateService;
  companyLookup: CompanyLookupService;
  apiKeys: ApiKeyService;
  apiKeyLimiter: ApiKeyRateLimiter;
  webhooks: WebhookService;
  lists: ListService;
  campaigns: CampaignService;
  privacy: PrivacyService;
  suppressions: SuppressionService;
  live: LiveService;
}

export function createServices(config: Config, ds: DataSource, redis: Redis, queues: Queues, logger: Logger): Services {
  const auth = new AuthService(ds, new LoginLimiter(redis, config.redisPrefix, config.loginLimits), config.sessionTtlDays);
  const pipelines = new PipelineService(ds);
  // ORG_TIME_ZONE is the fallback: the organisation's saved zone wins (read on each use).
  const companyLookup = new CompanyLookupService(providersFrom(config.companyLookup), logger);
  const organisation = new OrganisationService(ds, config.timeZone, () => [...new Set(companyLookup.configured().flatMap((p) => p.countries))]);
  const zone = () => organisation.timeZone();
  const automations = new AutomationService(ds, queues, { timeZone: config.timeZone, messageDomain: config.mailDomain, mailFrom: config.mailFrom }, logger);
  const cardsChanged = (pipelineId: string | null) => automations.cardsChanged(pipelineId);
  const clients = new ClientService(ds, cardsChanged);
  const templates = new TemplateService(ds);
  const storage = new LocalDiskStorage(config.filesDir);
  const cards = new CardService(ds, pipelines, cardsChanged);
  return {
    config,
    logger,
    auth,
    users: new UserService(ds, auth, storage),
    pipelines,
    labels: new LabelService(ds),
    cards,
    massUndo: new MassUndoService(ds, cardsChanged),
    clients,
    views: new ViewService(ds),
    todos: new TodoService(ds),
    notes: new NoteService(ds),
    contacts: new ContactService(ds),
    deals: new DealService(ds),
    history: new HistoryService(ds),
    fields: new FieldService(ds, cardsChanged),
    trash: new TrashService(ds, cardsChanged, { files: storage, mailDir: config.mailDir }),
    duplicates: new DuplicateService(ds, clients, cardsChanged),
    documents: new DocumentService(ds, storage, config.fileMaxBytes),
    imports: new ImportService(ds, storage, queues, config.importMaxBytes),
    jobs: new BackgroundJobService(ds),
    exports: new ExportJobService(ds, storage, queues, config.timeZone),
    templates,
    mail: new MailService(ds, templates, queues, logger, config.mailDomain, config.mailFrom, zone),
    inbound: new InboundService(ds, storage, config.inboundMaxBytes, logger),
    mailbox: new MailboxService(ds, queues, parseMailboxKey(config.mailboxKey)),
    automations,
    reports: new ReportService(ds, pipelines, zone),
    organisation,
    exchangeRates: new ExchangeRateService(ds, config.timeZone),
    companyLookup,
    savedReports: new SavedReportService(ds, pipelines),
    apiKeys: new ApiKeyService(ds),
    webhooks: new WebhookService(ds, queues, logger),
    apiKeyLimiter: new ApiKeyRateLimiter(redis, config.redisPrefix, config.apiKeyLimits),
    lists: new ListService(ds),
    privacy: new PrivacyService(ds, storage, config.mailDir, cardsChanged),
    suppressions: new SuppressionService(ds),
    campaigns: new CampaignService(ds, queues, logger, {
      timeZone: config.timeZone,
      messageDomain: config.mailDomain,
      publicUrl: config.publicUrl,
      unsubscribeSecret: config.unsubscribeSecret,
      tokenTtlDays: config.unsubscribeTtlDays,
      mailFrom: config.mailFrom,
      perMinute: config.campaignPerMinute,
      perDomainPerMinute: config.campaignPerDomainPerMinute,
    }),
    live: new LiveService(ds, new LiveHub(config.redisUrl, liveChannel(ds), logger), cards, pipelines, logger),
  };
}
