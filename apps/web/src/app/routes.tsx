import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import type { ApolloClient } from '@apollo/client';
import { ME_QUERY } from '../modules/auth/graphql/auth';
import { ORGANISATION_QUERY } from '../modules/organisation/graphql/organisation';
import { RequireAuth } from '../modules/auth/components/RequireAuth';
import { PipelineRedirect } from '../modules/pipelines/components/PipelineRedirect';
import { FullPageLoading, InlineLoading } from '../ui/FullPageLoading';
import { NotFoundPage } from './NotFoundPage';
import { RequireFeature } from './access';
import { withMessages } from './i18n';
import { AppShell } from './shell/AppShell';
import { BoardPage, preloadBoard } from '../modules/board';

// The board is the first screen: its first paint's code comes with the shell's (its draggable,
// virtualised columns load a frame later), and its messages too (i18n/first.ts). Every other page
// brings the rest of the language with it.
// The sign-in page (its messages are the first screen's too) loads when nobody is signed in.
const loadLogin = () => import('../modules/auth/components/LoginPage');
const LoginPage = lazy(() => loadLogin().then((m) => ({ default: m.LoginPage })));

/**
 * Most visits open on the board: the session check starts at once, before the first render, and the
 * moment the session is there, what the board waits for (the organisation's settings
 * and, on /board/<id>, the board itself) starts too. The pages' own queries join these requests.
 * The Reports page's code (and its charts') also starts beside the session check when a report is
 * opened from a link or a bookmark, and its figures as soon as the session is there.
 */
export function preloadFirstPage(path: string, client: ApolloClient) {
  if (path === '/login') void loadLogin();
  if (path === '/reports') {
    // A chunk that fails to load here is loaded (and its failure shown) again by the route.
    const page = import('../modules/reports').catch(() => null);
    void client.query({ query: ME_QUERY }).then(({ data }) => {
      if (data?.me) void page.then((m) => m?.preloadReport(client, window.location.search));
    }, () => undefined);
    return;
  }
  if (!(path === '/' || path === '/board' || path.startsWith('/board/'))) return;
  const pipelineId = /^\/board\/([^/]+)$/.exec(path)?.[1];
  void client.query({ query: ME_QUERY }).then(({ data }) => {
    if (!data?.me) {
      void loadLogin();
      return;
    }
    void client.query({ query: ORGANISATION_QUERY }).catch(() => undefined);
    if (pipelineId) preloadBoard(client, decodeURIComponent(pipelineId));
  }, () => undefined);
}
const CardListPage = lazy(() => withMessages(import('../modules/cards')).then((m) => ({ default: m.CardListPage })));
const ClientPage = lazy(() => withMessages(import('../modules/clients')).then((m) => ({ default: m.ClientPage })));
const ClientsPage = lazy(() => withMessages(import('../modules/clients')).then((m) => ({ default: m.ClientsPage })));
const SettingsLayout = lazy(() => withMessages(import('../modules/settings')).then((m) => ({ default: m.SettingsLayout })));
const SettingsIndex = lazy(() => withMessages(import('../modules/settings')).then((m) => ({ default: m.SettingsIndex })));
const UsersPage = lazy(() => withMessages(import('../modules/settings')).then((m) => ({ default: m.UsersPage })));
const PipelinesSettingsPage = lazy(() =>
  withMessages(import('../modules/settings')).then((m) => ({ default: m.PipelinesSettingsPage })),
);
const LabelsSettingsPage = lazy(() => withMessages(import('../modules/settings')).then((m) => ({ default: m.LabelsSettingsPage })));
const OrganisationSettingsPage = lazy(() => withMessages(import('../modules/settings')).then((m) => ({ default: m.OrganisationSettingsPage })));
const MailboxSettingsPage = lazy(() => withMessages(import('../modules/settings')).then((m) => ({ default: m.MailboxSettingsPage })));
const FieldsSettingsPage = lazy(() => withMessages(import('../modules/settings')).then((m) => ({ default: m.FieldsSettingsPage })));
const ApiKeysPage = lazy(() => withMessages(import('../modules/settings')).then((m) => ({ default: m.ApiKeysPage })));
const WebhooksPage = lazy(() => withMessages(import('../modules/settings')).then((m) => ({ default: m.WebhooksPage })));
const WebhookDeliveriesPage = lazy(() => withMessages(import('../modules/settings')).then((m) => ({ default: m.WebhookDeliveriesPage })));
const TrashPage = lazy(() => withMessages(import('../modules/trash')).then((m) => ({ default: m.TrashPage })));
const AuditLogPage = lazy(() => withMessages(import('../modules/audit')).then((m) => ({ default: m.AuditLogPage })));
const InboxPage = lazy(() => withMessages(import('../modules/inbox')).then((m) => ({ default: m.InboxPage })));
const DuplicatesPage = lazy(() => withMessages(import('../modules/duplicates')).then((m) => ({ default: m.DuplicatesPage })));
const AutomationsPage = lazy(() => withMessages(import('../modules/automations')).then((m) => ({ default: m.AutomationsPage })));
const AutomationEditorPage = lazy(() => withMessages(import('../modules/automations')).then((m) => ({ default: m.AutomationEditorPage })));
const ProfilePage = lazy(() => withMessages(import('../modules/profile')).then((m) => ({ default: m.ProfilePage })));
const ReportsPage = lazy(() => withMessages(import('../modules/reports')).then((m) => ({ default: m.ReportsPage })));
const ImportPage = lazy(() => withMessages(import('../modules/imports')).then((m) => ({ default: m.ImportPage })));
const ListsPage = lazy(() => withMessages(import('../modules/campaigns')).then((m) => ({ default: m.ListsPage })));
const ListPage = lazy(() => withMessages(import('../modules/campaigns')).then((m) => ({ default: m.ListPage })));
const CampaignsPage = lazy(() => withMessages(import('../modules/campaigns')).then((m) => ({ default: m.CampaignsPage })));
const CampaignPage = lazy(() => withMessages(import('../modules/campaigns')).then((m) => ({ default: m.CampaignPage })));
const SuppressionsPage = lazy(() => withMessages(import('../modules/campaigns')).then((m) => ({ default: m.SuppressionsPage })));
const CampaignSettingsPage = lazy(() => withMessages(import('../modules/settings')).then((m) => ({ default: m.CampaignSettingsPage })));
const TemplatesSettingsPage = lazy(() => withMessages(import('../modules/templates')).then((m) => ({ default: m.TemplatesSettingsPage })));

const boardPath = (id: string) => `/board/${id}`;
const listPath = (id: string) => `/list/${id}`;
const automationsPath = (id: string) => `/automations/${id}`;

function Page({ children }: { children: ReactNode }) {
  return <Suspense fallback={<InlineLoading />}>{children}</Suspense>;
}

/** Wires URLs to module components; nothing else lives here. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<Suspense fallback={<FullPageLoading />}><LoginPage /></Suspense>} />
      <Route
        element={
          <RequireAuth>
            <AppShell />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="/board" replace />} />
        <Route path="board" element={<PipelineRedirect to={boardPath} />} />
        <Route path="board/:pipelineId" element={<BoardPage />} />
        <Route path="list" element={<PipelineRedirect to={listPath} />} />
        <Route path="list/:pipelineId" element={<Page><CardListPage /></Page>} />
        <Route path="clients" element={<Page><ClientsPage /></Page>} />
        <Route path="clients/:clientId/:tab?" element={<Page><ClientPage /></Page>} />
        <Route path="duplicates" element={<RequireFeature feature="merge"><Page><DuplicatesPage /></Page></RequireFeature>} />
        <Route path="inbox" element={<RequireFeature feature="inbox"><Page><InboxPage /></Page></RequireFeature>} />
        <Route path="automations" element={<RequireFeature feature="automations"><PipelineRedirect to={automationsPath} /></RequireFeature>} />
        <Route path="automations/:pipelineId" element={<RequireFeature feature="automations"><Page><AutomationsPage /></Page></RequireFeature>} />
        <Route
          path="automations/:pipelineId/:automationId"
          element={<RequireFeature feature="automations"><Page><AutomationEditorPage /></Page></RequireFeature>}
        />
        <Route path="lists" element={<RequireFeature feature="lists"><Page><ListsPage /></Page></RequireFeature>} />
        <Route path="lists/:listId" element={<RequireFeature feature="lists"><Page><ListPage /></Page></RequireFeature>} />
        <Route path="campaigns" element={<RequireFeature feature="campaigns"><Page><CampaignsPage /></Page></RequireFeature>} />
        <Route path="campaigns/suppressions" element={<RequireFeature feature="campaigns"><Page><SuppressionsPage /></Page></RequireFeature>} />
        <Route path="campaigns/:campaignId" element={<RequireFeature feature="campaigns"><Page><CampaignPage /></Page></RequireFeature>} />
        <Route path="reports" element={<RequireFeature feature="reports"><Page><ReportsPage /></Page></RequireFeature>} />
        <Route path="profile" element={<Page><ProfilePage /></Page>} />
        <Route path="imports" element={<RequireFeature feature="imports"><Page><ImportPage /></Page></RequireFeature>} />
        <Route path="imports/:importId" element={<RequireFeature feature="imports"><Page><ImportPage /></Page></RequireFeature>} />
        <Route path="settings" element={<Page><SettingsLayout /></Page>}>
          <Route index element={<Page><SettingsIndex /></Page>} />
          <Route path="users" element={<Page><UsersPage /></Page>} />
          <Route path="organisation" element={<Page><OrganisationSettingsPage /></Page>} />
          <Route path="pipelines" element={<Page><PipelinesSettingsPage /></Page>} />
          <Route path="labels" element={<Page><LabelsSettingsPage /></Page>} />
          <Route path="fields" element={<Page><FieldsSettingsPage /></Page>} />
          <Route path="templates" element={<Page><TemplatesSettingsPage /></Page>} />
          <Route path="trash" element={<Page><TrashPage /></Page>} />
          <Route path="audit" element={<Page><AuditLogPage /></Page>} />
          <Route path="mailbox" element={<Page><MailboxSettingsPage /></Page>} />
          <Route path="api-keys" element={<Page><ApiKeysPage /></Page>} />
          <Route path="webhooks" element={<Page><WebhooksPage /></Page>} />
          <Route path="webhooks/:webhookId" element={<Page><WebhookDeliveriesPage /></Page>} />
          <Route path="campaigns" element={<Page><CampaignSettingsPage /></Page>} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
