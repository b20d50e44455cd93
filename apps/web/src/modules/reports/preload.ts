import type { ApolloClient } from '@apollo/client';
import { REPORT_QUERY } from './graphql/reports';
import { isComplete, readReportFilter, toReportInput } from './utils/filter';

/**
 * A report opened from a link or a bookmark: its figures are asked for as soon as the session is
 * known, while the page's code still loads. The page's own query then joins this request.
 */
export function preloadReport(client: ApolloClient, search: string) {
  const filter = readReportFilter(new URLSearchParams(search));
  if (isComplete(filter)) void client.query({ query: REPORT_QUERY, variables: { filter: toReportInput(filter) } }).catch(() => undefined);
}
