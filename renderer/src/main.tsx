import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { setInitialStatus } from './backend/vault-events.ts';
import { api } from './client.ts';
import { prefetchVaultData } from './shell/vault-data.ts';
import './styles.css';

prefetchVaultData();
const root = createRoot(document.getElementById('root')!);
// The index status before the first render: an answer fetched before the status is known is of an index version the
// renderer cannot name, so the first status moves the version on and every pane fetched it all a second time (the
// whole graph, the file list twice: 1 MB each at 10,000 notes) while the first answers were still arriving.
// A failed status leaves it to App (which reports the error).
void api
  .indexStatus()
  .then(setInitialStatus, () => undefined)
  .finally(() =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
