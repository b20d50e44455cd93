import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AutomationsPage } from '../modules/automations/components/AutomationsPage';
import { BoardPage } from '../modules/board/components/BoardPage';
import { ClientsPage } from '../modules/clients/components/ClientsPage';
import { LoginPage } from '../modules/auth/components/LoginPage';
import { RequireAuth } from '../modules/auth/components/RequireAuth';
import { ReportsPage } from '../modules/reports/components/ReportsPage';
import { InlineLoading } from '../ui/FullPageLoading';
import { NotFoundPage } from './NotFoundPage';
import { AppShell } from './shell/AppShell';

const SettingsLayout = lazy(() => import('../modules/settings').then((m) => ({ default: m.SettingsLayout })));
const UsersPage = lazy(() => import('../modules/settings').then((m) => ({ default: m.UsersPage })));

/** Wires URLs to module components; nothing else lives here. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppShell />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="/board" replace />} />
        <Route path="board" element={<BoardPage />} />
        <Route path="clients" element={<ClientsPage />} />
        <Route path="automations" element={<AutomationsPage />} />
        <Route path="reports" element={<ReportsPage />} />
        <Route
          path="settings"
          element={
            <Suspense fallback={<InlineLoading />}>
              <SettingsLayout />
            </Suspense>
          }
        >
          <Route index element={<Navigate to="users" replace />} />
          <Route
            path="users"
            element={
              <Suspense fallback={<InlineLoading />}>
                <UsersPage />
              </Suspense>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
