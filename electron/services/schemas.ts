/**
 * Argument schemas (zod) of every `AtlasApi` method: the one table used by the Electron IPC binding and the browser
 * host, through `dispatch` (dispatch.ts). Each entry validates the positional argument list of one method.
 *
 * Optional trailing arguments accept `null` as well as `undefined`, because JSON (the browser host) turns `undefined`
 * array elements into `null`; both reach the service as `undefined`. Path confinement is not done here (it needs the
 * disk): the service confines every path with `VaultPaths`.
 */
import { z } from 'zod';
import { MAX_NOTE_BYTES } from '../core/limits.ts';
import type { AtlasApi, ApiMethod } from '../shared/api.ts';
import { settingsPatchSchema } from './settings-store.ts';

/** Longest path or name accepted, in UTF-16 units (well above any file system's limit). */
const MAX_PATH = 4096;
/** Largest note content accepted, in UTF-16 units (a cheap first check; the byte limit is checked before writing). */
const MAX_CONTENT = MAX_NOTE_BYTES;

const vaultPath = z.string().min(1, 'path must not be empty').max(MAX_PATH);
const name = z.string().min(1, 'must not be empty').max(MAX_PATH);
const optional = <T extends z.ZodType>(t: T) => t.nullish().transform((v) => v ?? undefined);
const progressState = z.enum(['learned', 'learning']);
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expectedHash must be a sha256 hex string');

const graphFilter = z.strictObject({
  tag: z.string().max(MAX_PATH).optional(),
  folder: z.string().max(MAX_PATH).optional(),
  includeAttachments: z.boolean().optional(),
  includeUnresolved: z.boolean().optional(),
  includeTags: z.boolean().optional(),
});

// ---------- graph view (#11) ----------
const localGraphOptions = z.strictObject({
  incoming: z.boolean().optional(),
  outgoing: z.boolean().optional(),
  neighbourLinks: z.boolean().optional(),
});
/** Most positions kept (a vault of 200,000 notes is far beyond what the graph view draws). */
export const MAX_GRAPH_POSITIONS = 200_000;
/** Largest settings object kept, in UTF-16 units of its JSON. */
export const MAX_GRAPH_SETTINGS = 64 * 1024;
const graphViewState = z.strictObject({
  settings: z
    .record(z.string(), z.unknown())
    .nullable()
    .optional()
    .refine((s) => s == null || JSON.stringify(s).length <= MAX_GRAPH_SETTINGS, 'graph settings over 64 KB'),
  positions: z
    .record(z.string().max(MAX_PATH), z.tuple([z.number().finite(), z.number().finite()]))
    .optional()
    .refine(
      (p) => p === undefined || Object.keys(p).length <= MAX_GRAPH_POSITIONS,
      `over ${MAX_GRAPH_POSITIONS} positions`,
    ),
});

const none = z.tuple([]);

const linkQuery = z.strictObject({
  target: z.string().max(MAX_PATH),
  heading: z.string().max(MAX_PATH).nullish(),
  block: z.string().max(MAX_PATH).nullish(),
});

type Schemas = { [M in ApiMethod]: z.ZodType<Parameters<AtlasApi[M]>, unknown> };

export const API_SCHEMAS = {
  vaultInfo: none,
  indexStatus: none,
  listFiles: none,
  readNote: z.tuple([vaultPath]),
  writeNote: z.tuple([vaultPath, z.string().max(MAX_CONTENT), optional(sha256Hex)]),
  createNote: z.tuple([vaultPath, optional(z.string().max(MAX_CONTENT))]),
  createFolder: z.tuple([vaultPath]),
  renamePath: z.tuple([vaultPath, vaultPath]),
  deletePath: z.tuple([vaultPath]),
  resolveLink: z.tuple([vaultPath, z.string().max(MAX_PATH)]),
  noteInfo: z.tuple([vaultPath]),
  backlinks: z.tuple([vaultPath]),
  outgoing: z.tuple([vaultPath]),
  mentions: z.tuple([vaultPath]),
  tags: none,
  search: z.tuple([z.string().max(1000)]),
  graph: z.tuple([optional(graphFilter)]),
  graphDelta: z.tuple([z.number().int().min(0).nullable(), optional(graphFilter)]),
  neighbourhood: z.tuple([vaultPath, z.number().int().min(0).max(10), optional(localGraphOptions)]),
  check: none,
  plan: z.tuple([name, optional(z.array(name).max(10_000))]),
  connection: z.tuple([name, name]),
  nextUp: none,
  progress: none,
  setProgress: z.tuple([vaultPath, progressState.nullable()]),
  curatedPaths: none,
  // reading view: embeds and link states
  embed: z.tuple([
    vaultPath,
    z.string().max(MAX_PATH),
    optional(z.string().max(MAX_PATH)),
    optional(z.string().max(MAX_PATH)),
  ]),
  resolveLinks: z.tuple([vaultPath, z.array(linkQuery).max(5000)]),
  // alias resolution option (rule 4)
  aliasResolution: none,
  setAliasResolution: z.tuple([z.boolean()]),
  // unlinked mentions: Link and Link all
  linkMentions: z.tuple([
    vaultPath,
    optional(z.object({ source: vaultPath, line: z.number().int().min(1).max(10_000_000) }).strict()),
  ]),
  // search pane (nav)
  searchAll: z.tuple([z.string().max(1000)]),
  // flashcards and review (practice, #15)
  reviewCards: z.tuple([
    optional(
      z.strictObject({
        due: z.boolean().optional(),
        note: vaultPath.optional(),
        limit: z.number().int().min(0).max(100_000).optional(),
      }),
    ),
  ]),
  reviewSummary: none,
  gradeCard: z.tuple([
    z
      .string()
      .min(1)
      .max(MAX_PATH + 64),
    z.enum(['again', 'hard', 'good', 'easy']),
  ]),
  gradePreview: z.tuple([
    z
      .string()
      .min(1)
      .max(MAX_PATH + 64),
  ]),
  retention: none,
  practice: z.tuple([vaultPath]),
  exercises: z.tuple([optional(vaultPath)]),
  // graph view (#11)
  graphViewState: none,
  saveGraphViewState: z.tuple([graphViewState]),
  // settings (#12)
  settings: none,
  updateSettings: z.tuple([settingsPatchSchema]),
  // vault folder availability (#10)
  vaultAvailability: none,
  // open vault (#12)
  openVault: z.tuple([z.string().min(1, 'give the path of a folder').max(MAX_PATH)]),
  recentVaults: none,
  // vault switch handshake (#12)
  vaultSwitchReady: z.tuple([
    z.string().min(1).max(100),
    z.strictObject({ window: z.string().max(MAX_PATH), unsaved: z.array(vaultPath).max(10_000) }),
  ]),
  // file tree (#12)
  fileCreatedTimes: none,
} satisfies Schemas;

/** The schema of one method (typed loosely, for the generic dispatcher). */
export function schemaFor(method: string): z.ZodType<unknown[]> | undefined {
  return Object.hasOwn(API_SCHEMAS, method) ? (API_SCHEMAS as Record<string, z.ZodType<unknown[]>>)[method] : undefined;
}
