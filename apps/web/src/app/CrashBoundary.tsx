import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from './i18n';
import { EmptyState } from '../ui/EmptyState';
import { AlertIcon } from '../ui/icons';

/**
 * The last line: an error no page handled while rendering shows a message and a reload button
 * instead of unmounting the whole app to a blank page. The error goes to the console (React logs it
 * too), so a report or an end-to-end test's capture names it.
 */
export class CrashBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  state = { error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Unhandled error while rendering', error, info.componentStack);
  }

  render() {
    return this.state.error ? <CrashMessage /> : this.props.children;
  }
}

function CrashMessage() {
  const { t } = useTranslation();
  return (
    <main className="crash-page">
      <EmptyState
        tone="danger"
        icon={<AlertIcon />}
        title={t('app.crashTitle')}
        body={t('app.crashBody')}
        action={
          <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
            {t('app.reload')}
          </button>
        }
      />
    </main>
  );
}
