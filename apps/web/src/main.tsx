import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startI18n } from './app/i18n';
import { App } from './app/App';
import { preloadFirstPage } from './app/routes';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/layout.css';

preloadFirstPage(window.location.pathname);
void startI18n().finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
