// The app's own styles first: the first screen's modules (the board's too) add theirs after them.
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/layout.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startI18n } from './app/i18n';
import { App, createAppClient } from './app/App';
import { preloadFirstPage } from './app/routes';

const client = createAppClient();
preloadFirstPage(window.location.pathname, client);
void startI18n().finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  ),
);
