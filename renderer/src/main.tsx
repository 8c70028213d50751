import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { setInitialStatus } from './backend/vault-events.ts';
import { api } from './client.ts';
import { prefetchVaultData } from './shell/vault-data.ts';
import './styles.css';

/** The longest the first render waits for the index status, ms (a busy or unreachable host must not blank the window). */
const STATUS_WAIT_MS = 1000;

prefetchVaultData();
const root = createRoot(document.getElementById('root')!);

// The index status before the first render: an answer fetched before the status is known is of an index version the
// renderer cannot name, so the first status moves the version on and every pane fetched it all a second time (the
// whole graph, the file list twice: 1 MB each at 10,000 notes) while the first answers were still arriving.
// A failed status leaves it to App (which reports the error); a late one is taken when it comes (setInitialStatus).
let rendered = false;
function render(): void {
  if (rendered) return;
  rendered = true;
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
setTimeout(render, STATUS_WAIT_MS);
void api
  .indexStatus()
  .then(setInitialStatus, () => undefined)
  .finally(render);
