/**
 * Registers the "Vault health" view and the "Connection" view (#12) as main-area tabs, with the commands
 * "Open vault health" and "Open connection view" (How is A connected to B?).
 */
import { registerCommand } from '../commands/registry.ts';
import { registerView } from '../workspace/views.ts';
import { ConnectionView } from './ConnectionView.tsx';
import { VaultHealthView } from './VaultHealthView.tsx';

export const HEALTH_VIEW = 'vault-health';
export const CONNECTION_VIEW = 'connection';

registerView({ kind: HEALTH_VIEW, title: 'Vault health', area: 'main', render: (p) => <VaultHealthView {...p} /> });
registerView({ kind: CONNECTION_VIEW, title: 'Connection', area: 'main', render: (p) => <ConnectionView {...p} /> });

registerCommand({ id: 'health:open', name: 'Open vault health', run: (app) => app.openView(HEALTH_VIEW) });
registerCommand({
  id: 'connection:open',
  name: 'Open connection view (how are two notes connected?)',
  run: (app) => app.openView(CONNECTION_VIEW),
});
