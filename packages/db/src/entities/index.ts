import { AuditEntry, CardStatusChange } from './audit.entity';
import { BackgroundJob } from './background-job.entity';
import { ImportMapping, ImportRow, ImportRun } from './import.entity';
import { Automation, AutomationEnrolment, AutomationRun, AutomationStep } from './automation.entity';
import { Card, Todo } from './card.entity';
import { Client, ClientCategory, ClientTag, Contact } from './client.entity';
import { Category, Classification, Department, Tag } from './label.entity';
import { EmailTemplate, InboundMail, OutboxMail, TodoTemplate, UnsortedContact } from './mail.entity';
import { Pipeline, Status } from './pipeline.entity';
import { CustomField, Deal, Document, DocumentFolder, Note } from './record.entity';
import { Session } from './session.entity';
import { User } from './user.entity';
import { View } from './view.entity';
import { SavedReport, SavedReportSubscription } from './saved-report.entity';
import { MassUpdate, MassUpdateCard } from './mass-update.entity';
import { ExchangeRate, OrganisationSettingsRow } from './organisation.entity';
import { ApiKey, AppSetting, IntegrationEvent, Webhook, WebhookDelivery } from './integration.entity';
import { Campaign, CampaignLink, CampaignRecipient, ContactConsent, DistributionList, DistributionListMember, Suppression } from './campaign.entity';

export { BackgroundJob, ImportMapping, ImportRow, ImportRun, AuditEntry, CardStatusChange, Automation, AutomationEnrolment, AutomationRun, AutomationStep, EmailTemplate, InboundMail, OutboxMail, TodoTemplate, UnsortedContact, Card, Category, Classification, Client, ClientCategory, ClientTag, Contact, CustomField, Deal, Department, Document, DocumentFolder, Note, Pipeline, Session, Status, Tag, Todo, User, View, MassUpdate, MassUpdateCard, OrganisationSettingsRow, ExchangeRate, SavedReport, SavedReportSubscription, ApiKey, AppSetting, IntegrationEvent, Webhook, WebhookDelivery, Campaign, CampaignLink, CampaignRecipient, ContactConsent, DistributionList, DistributionListMember, Suppression };

export const ENTITIES = [User, Session, Department, Category, Classification, Tag, Pipeline, Status, Client, ClientCategory, ClientTag, Contact, Card, Todo, View, AuditEntry, CardStatusChange, Note, Deal, CustomField, Document, DocumentFolder, EmailTemplate, TodoTemplate, OutboxMail, InboundMail, UnsortedContact, Automation, AutomationStep, AutomationEnrolment, AutomationRun, MassUpdate, MassUpdateCard, BackgroundJob, ImportRun, ImportRow, ImportMapping, OrganisationSettingsRow, ExchangeRate, SavedReport, SavedReportSubscription, ApiKey, AppSetting, IntegrationEvent, Webhook, WebhookDelivery, Campaign, CampaignLink, CampaignRecipient, ContactConsent, DistributionList, DistributionListMember, Suppression];

