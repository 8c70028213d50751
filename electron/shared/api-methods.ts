/**
 * Runtime lists of the contract's method and event names, for code that binds them (preload, IPC, browser host).
 * The `satisfies` clauses and the exhaustiveness check below make the compiler reject a list that drifts from
 * `AtlasApi` / `AtlasEvents` in electron/shared/api.ts.
 */
import type { ApiMethod, AtlasEventName } from './api.ts';

export const API_METHODS = [
  'vaultInfo',
  'indexStatus',
  'listFiles',
  'readNote',
  'writeNote',
  'createNote',
  'createFolder',
  'renamePath',
  'deletePath',
  'resolveLink',
  'noteInfo',
  'backlinks',
  'outgoing',
  'mentions',
  'tags',
  'search',
  'graph',
  'graphDelta',
  'neighbourhood',
  'check',
  'plan',
  'connection',
  'nextUp',
  'progress',
  'setProgress',
  'curatedPaths',
  // reading view: embeds and link states
  'embed',
  'resolveLinks',
  // alias resolution option (rule 4)
  'aliasResolution',
  'setAliasResolution',
  // unlinked mentions: Link and Link all
  'linkMentions',
  // search pane (nav)
  'searchAll',
  // flashcards and review (practice, #15)
  'reviewCards',
  'reviewSummary',
  'gradeCard',
  'gradePreview',
  'retention',
  'practice',
  'exercises',
  // graph view (#11)
  'graphViewState',
  'saveGraphViewState',
  // settings (#12)
  'settings',
  'updateSettings',
  // vault folder availability (#10)
  'vaultAvailability',
  // open vault (#12)
  'openVault',
  'recentVaults',
  // vault switch handshake (#12)
  'vaultSwitchReady',
  // file tree (#12)
  'fileCreatedTimes',
] as const satisfies readonly ApiMethod[];

export const API_EVENTS = [
  'index-status',
  'vault-changed',
  'progress-changed',
  'review-changed',
  'settings-changed',
  'vault-availability',
  'vault-opened',
  'vault-switch-requested',
  'vault-switch-cancelled',
] as const satisfies readonly AtlasEventName[];

type Missing<All, Listed> = Exclude<All, Listed>;
/** Compile error here means a method or event of the contract is missing from the lists above. */
const exhaustive: [
  Missing<ApiMethod, (typeof API_METHODS)[number]>,
  Missing<AtlasEventName, (typeof API_EVENTS)[number]>,
] extends [never, never]
  ? true
  : false = true;
void exhaustive;

/**
 * The methods that write to the vault folder (notes, `.trash`, `.atlas/…`): refused while the folder is missing
 * (electron/services/vault-presence.ts, #10) and, in the browser host, when they come from a window loaded with
 * another vault than the one served now (`vault-changed`, electron/host/vault-header.ts, #12).
 */
export const VAULT_WRITE_METHODS: ReadonlySet<string> = new Set<ApiMethod>([
  'writeNote',
  'createNote',
  'createFolder',
  'renamePath',
  'deletePath',
  'setProgress',
  'linkMentions',
  'gradeCard',
  'saveGraphViewState',
  'updateSettings',
]);

/**
 * Browser host header (#12): on every API answer, the vault the host served when it answered; on every call, the
 * vault the window was loaded with (the root of its first answer). Value: the absolute root, `encodeURIComponent`ed.
 */
export const VAULT_ROOT_HEADER = 'X-Atlas-Vault';
