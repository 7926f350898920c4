import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.tsx';
import { takeTokenFromLocation } from './lib/token.ts';
import './styles/base.css';
import './styles/layout.css';
import './styles/charts.css';
import './styles/tables.css';
import './styles/timeline.css';
import './styles/states.css';
import './styles/planning.css';
import './styles/logtime.css';
import './styles/settings.css';
import './styles/purge.css';
import './styles/sync.css';
import './styles/import.css';
import './styles/status.css';
import './styles/control.css';
import './styles/finding.css';
import './styles/narrow.css';
import './styles/encryption.css';

// Before anything renders: a `#token=` link from `timeaudit serve` pairs this browser.
takeTokenFromLocation();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
