import { ClientType, DuplicatePolicy, ReportCurrencyMode, ReportPeriodPreset, Role, StatusKind, StepKind } from '@crm/shared';
import { registerEnumType } from 'type-graphql';

/** A GraphQL enum whose names are the shared enum's values (ADMIN, not Admin). */
function byValue<E extends Record<string, string>>(e: E): Record<string, E[keyof E]> {
  return Object.fromEntries(Object.values(e).map((v) => [v, v])) as Record<string, E[keyof E]>;
}

export const RoleEnum = byValue(Role);
registerEnumType(RoleEnum, { name: 'Role', description: 'What a user may do: ADMIN > MANAGER > NORMAL > RESTRICTED' });

export const StatusKindEnum = byValue(StatusKind);
registerEnumType(StatusKindEnum, { name: 'StatusKind', description: 'Whether a status is open, won or lost' });

export const ClientTypeEnum = byValue(ClientType);
registerEnumType(ClientTypeEnum, { name: 'ClientType', description: 'A company or a person' });

export const StepKindEnum = byValue(StepKind);
registerEnumType(StepKindEnum, { name: 'StepKind', description: 'Email to the client’s contact, email to a user, or todo for a user' });

export const ReportPeriodPresetEnum = byValue(ReportPeriodPreset);
registerEnumType(ReportPeriodPresetEnum, { name: 'ReportPeriodPreset', description: 'A period in the organisation’s time zone; weeks start on Monday' });

export const ReportCurrencyModeEnum = byValue(ReportCurrencyMode);
registerEnumType(ReportCurrencyModeEnum, { name: 'ReportCurrencyMode', description: 'Money per currency, or converted into the organisation’s base currency with the exchange rates Admins enter' });

export const DuplicatePolicyEnum = byValue(DuplicatePolicy);
registerEnumType(DuplicatePolicyEnum, { name: 'DuplicatePolicy', description: 'What an import does with a row that matches a client' });
