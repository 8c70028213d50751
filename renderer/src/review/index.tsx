/**
 * Registers the Review view (a main-area tab, region "Review") and its commands: "Review" (Ctrl/Cmd+Shift+R, the due
 * cards) and "Practice this concept" (the active note's cards and exercises, then its prerequisites').
 */
import { registerCommand } from '../commands/registry.ts';
import { registerView } from '../workspace/views.ts';
import { ReviewView } from './ReviewView.tsx';
import { practiceConcept, reviewDue } from './session.ts';

registerView({ kind: 'review', title: 'Review', area: 'main', render: (p) => <ReviewView {...p} /> });

registerCommand({ id: 'review:open', name: 'Review', shortcut: 'Mod+Shift+R', run: () => reviewDue() });
registerCommand({
  id: 'review:practice-note',
  name: 'Practice this concept',
  enabled: (app) => !!app.activePath,
  run: (app) => {
    if (app.activePath) practiceConcept(app.activePath);
  },
});
