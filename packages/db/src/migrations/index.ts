// Every migration, in order. `pnpm --filter @crm/db migration:generate <Name>` writes a new one and this list.
import { Initial1795482328796 } from './1795482328796-Initial';
import { PipelineWork1795482630847 } from './1795482630847-PipelineWork';
import { ColumnTotals1795482700000 } from './1795482700000-ColumnTotals';
import { CardTabs1795483615556 } from './1795483615556-CardTabs';
import { DuplicateKeys1795483800000 } from './1795483800000-DuplicateKeys';
import { Mail1795484278004 } from './1795484278004-Mail';
import { InboundMail1795484640472 } from './1795484640472-InboundMail';
import { Automations1795485090301 } from './1795485090301-Automations';
import { MailReplyTo1795487100851 } from './1795487100851-MailReplyTo';
import { AutomationScope1796053953302 } from './1796053953302-AutomationScope';
import { CardHistoryNames1796053960000 } from './1796053960000-CardHistoryNames';
import { StatusHistory1796054000000 } from './1796054000000-StatusHistory';
import { LongWorkAndImports1796054004549 } from './1796054004549-LongWorkAndImports';
import { ProfilesAndMassUndo1796054782124 } from './1796054782124-ProfilesAndMassUndo';
import { LookupIndexes1796055361139 } from './1796055361139-LookupIndexes';
import { KeyIndexesNoPendingList1796056000000 } from './1796056000000-KeyIndexesNoPendingList';
import { ReportTotals1796056000000 } from './1796056000000-ReportTotals';
import { InboundWhole1796057251806 } from './1796057251806-InboundWhole';
import { ForecastFields1796059657464 } from './1796059657464-ForecastFields';
import { CentralEuropeanPhones1796060000000 } from './1796060000000-CentralEuropeanPhones';
import { FastKeyFunctions1796061100000 } from './1796061100000-FastKeyFunctions';
import { OrganisationSettings1796061200000 } from './1796061200000-OrganisationSettings';
import { MailAccounts1796061300000 } from './1796061300000-MailAccounts';
import { Campaigns1796061400000 } from './1796061400000-Campaigns';
import { Integrations1796061500000 } from './1796061500000-Integrations';
import { ReportSpeed1796061600000 } from './1796061600000-ReportSpeed';
import { SavedReports1796061601000 } from './1796061601000-SavedReports';
import { SharedMailAccounts1796062100000 } from './1796062100000-SharedMailAccounts';
import { ErasedSuppressions1796062300000 } from './1796062300000-ErasedSuppressions';
import { PhoneCountryKeys1796062200000 } from './1796062200000-PhoneCountryKeys';
import { CampaignSettings1796062400000 } from './1796062400000-CampaignSettings';
import { LiveSignals1796062500000 } from './1796062500000-LiveSignals';
import { ExchangeRates1796062600000 } from './1796062600000-ExchangeRates';
import { RecipientComplaints1796062700000 } from './1796062700000-RecipientComplaints';
import { ActivityTotals1796062800000 } from './1796062800000-ActivityTotals';
import { FunnelTotals1796063000000 } from './1796063000000-FunnelTotals';
import { SuppressionRestoreOncePerInsert1796063100000 } from './1796063100000-SuppressionRestoreOncePerInsert';
import { PhoneKeysNoPendingList1796063200000 } from './1796063200000-PhoneKeysNoPendingList';
import { OrderedIds1796063400000 } from './1796063400000-OrderedIds';
import { OutboxActivityRowTriggers1796063500000 } from './1796063500000-OutboxActivityRowTriggers';
import { StayTotals1796063600000 } from './1796063600000-StayTotals';
import { NewTotals1796063610000 } from './1796063610000-NewTotals';
import { CardCurrentPerStatement1796063620000 } from './1796063620000-CardCurrentPerStatement';
import { PhoneCountryOncePerBatch1796063700000 } from './1796063700000-PhoneCountryOncePerBatch';
import { JoinTablesWithoutClientIndex1796063710000 } from './1796063710000-JoinTablesWithoutClientIndex';
import { LiveSignalsByIndex1796063720000 } from './1796063720000-LiveSignalsByIndex';
import { ActivityDueTotals1796064000000 } from './1796064000000-ActivityDueTotals';
import { DepartmentTotals1796064100000 } from './1796064100000-DepartmentTotals';
import { OwnerHistory1796064200000 } from './1796064200000-OwnerHistory';
import { LabelTotals1796064300000 } from './1796064300000-LabelTotals';
import { FunnelLabelTotals1796064400000 } from './1796064400000-FunnelLabelTotals';
import { ClientOwnerIndex1796064500000 } from './1796064500000-ClientOwnerIndex';
import { StayLabelTotals1796064600000 } from './1796064600000-StayLabelTotals';
import { FunnelReach1796064700000 } from './1796064700000-FunnelReach';
import { NewLabelTotals1796064800000 } from './1796064800000-NewLabelTotals';
import { LabelClientIndexes1796064900000 } from './1796064900000-LabelClientIndexes';
import { HistoryOnlyForStatusChanges1796065000000 } from './1796065000000-HistoryOnlyForStatusChanges';
import { HistoryByCardIndexOnly1796065100000 } from './1796065100000-HistoryByCardIndexOnly';
import { CardsByClientIndexOnly1796065200000 } from './1796065200000-CardsByClientIndexOnly';
import { TotalsKeysCarryCounts1796065300000 } from './1796065300000-TotalsKeysCarryCounts';
import { ClientActivityTotals1796065400000 } from './1796065400000-ClientActivityTotals';
import { TrashByStatement1796065500000 } from './1796065500000-TrashByStatement';
import { VacuumForIndexOnlyReads1796065600000 } from './1796065600000-VacuumForIndexOnlyReads';
import { ImportUndoJobs1796065700000 } from './1796065700000-ImportUndoJobs';

export const MIGRATIONS: Function[] = [
  Initial1795482328796,
  PipelineWork1795482630847,
  ColumnTotals1795482700000,
  CardTabs1795483615556,
  DuplicateKeys1795483800000,
  Mail1795484278004,
  InboundMail1795484640472,
  Automations1795485090301,
  MailReplyTo1795487100851,
  AutomationScope1796053953302,
  CardHistoryNames1796053960000,
  StatusHistory1796054000000,
  LongWorkAndImports1796054004549,
  ProfilesAndMassUndo1796054782124,
  LookupIndexes1796055361139,
  KeyIndexesNoPendingList1796056000000,
  ReportTotals1796056000000,
  InboundWhole1796057251806,
  ForecastFields1796059657464,
  CentralEuropeanPhones1796060000000,
  FastKeyFunctions1796061100000,
  OrganisationSettings1796061200000,
  MailAccounts1796061300000,
  Campaigns1796061400000,
  Integrations1796061500000,
  ReportSpeed1796061600000,
  SavedReports1796061601000,
  SharedMailAccounts1796062100000,
  PhoneCountryKeys1796062200000,
  ErasedSuppressions1796062300000,
  CampaignSettings1796062400000,
  LiveSignals1796062500000,
  ExchangeRates1796062600000,
  RecipientComplaints1796062700000,
  ActivityTotals1796062800000,
  FunnelTotals1796063000000,
  SuppressionRestoreOncePerInsert1796063100000,
  PhoneKeysNoPendingList1796063200000,
  OrderedIds1796063400000,
  OutboxActivityRowTriggers1796063500000,
  StayTotals1796063600000,
  NewTotals1796063610000,
  CardCurrentPerStatement1796063620000,
  PhoneCountryOncePerBatch1796063700000,
  JoinTablesWithoutClientIndex1796063710000,
  LiveSignalsByIndex1796063720000,
  ActivityDueTotals1796064000000,
  DepartmentTotals1796064100000,
  OwnerHistory1796064200000,
  LabelTotals1796064300000,
  FunnelLabelTotals1796064400000,
  ClientOwnerIndex1796064500000,
  StayLabelTotals1796064600000,
  FunnelReach1796064700000,
  NewLabelTotals1796064800000,
  LabelClientIndexes1796064900000,
  HistoryOnlyForStatusChanges1796065000000,
  HistoryByCardIndexOnly1796065100000,
  CardsByClientIndexOnly1796065200000,
  TotalsKeysCarryCounts1796065300000,
  ClientActivityTotals1796065400000,
  TrashByStatement1796065500000,
  VacuumForIndexOnlyReads1796065600000,
  ImportUndoJobs1796065700000,
];
