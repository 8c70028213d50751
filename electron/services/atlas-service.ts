/**
 * Composes the core into an `AtlasApi` for one vault: the core (`openVault`: index engine, queries, learning engine)
 * and the vault file operations (confined paths, atomic writes, rename with link rewriting, delete to `.trash`).
 * Plain Node (no Electron): used by electron/main over IPC and by the browser host over HTTP.
 *
 * Never blocks on indexing: `createAtlasService` opens the index and returns; `sync()` (a cold index parses in
 * worker threads inside the engine) and then the watcher start in the background, reported through `index-status`.
 * Queries answer from whatever is indexed so far. Writes reach the disk at once; their re-index waits for the first
 * sync. `renamePath` waits for the first sync, because rewriting links needs every backlink.
 *
 * Events: `index-status` (forwarded from the engine), `vault-changed` after each write by the app and each watcher
 * batch (files written by other programs), `progress-changed` after `setProgress`, `vault-availability` when the
 * vault folder goes missing or comes back (vault-presence.ts: writes refused meanwhile, never recreating the folder).
 */
import fs from 'node:fs';
import path from 'node:path';
import type {
  AtlasApi,
  VaultAvailability,
  CheckReport,
  GraphFilter,
  IndexStatus,
  ProgressState,
  RenameResult,
} from '../shared/api.ts';
import type { GraphIndex } from '../core/index/graph-index.ts';
import type { VaultQuery } from '../core/query/vault-query.ts';
import { openVault } from '../core/vault.ts';
import { AtlasError, toApiError } from './errors.ts';
import { API_METHODS, VAULT_WRITE_METHODS } from '../shared/api-methods.ts';
import { proxyByName } from '../shared/call-by-name.ts';
import { AtlasEventHub } from './events.ts';
import { ChangeReports } from './change-reports.ts';
import { VaultPresence } from './vault-presence.ts';
import { renameWithLinks } from './rename-path.ts';
import * as files from './vault-files.ts';
import { normaliseRelative, VaultPaths } from './vault-paths.ts';
import { createReadingApi } from './reading.ts';
import { linkMentionsOf } from './mention-linking.ts';
import { createReviewEngine, reviewApi } from './review-service.ts';
import { readGraphViewState, writeGraphViewState } from './graph-view-state.ts';
import { SettingsStore } from './settings-store.ts';
import { DEFAULT_SETTINGS, type SettingsSnapshot } from '../shared/settings.ts';

export interface AtlasServiceOptions {
  /** Vault folder (absolute or relative to the working directory). Throws `not-found` if it is not a folder. */
  vaultRoot: string;
  /** SQLite file of the index; default: the engine's per-user cache path for this vault. */
  dbPath?: string;
  /** Watch the vault for changes made by other programs (chokidar, in the engine). Default true. */
  watch?: boolean;
  /** Parser worker threads for a cold index (engine default when omitted). */
  workers?: number;
  /**
   * Alias resolution (rule 4, beyond Obsidian; see electron/core/resolve/name-table.ts). Default: the vault's
   * `aliasResolution` setting (`.atlas/settings.json`, default true); given here, it overrides the setting.
   */
  aliasResolution?: boolean;
  /** How often the vault folder's existence is checked, ms (default 1000; vault-presence.ts). */
  presenceIntervalMs?: number;
}

export interface AtlasService {
  api: AtlasApi;
  events: Pick<AtlasEventHub, 'on'>;
  /** The underlying index engine, for tests. */
  index: GraphIndex;
  /** The queries over it, for tests. */
  query: VaultQuery;
  /** Settles when the first sync has finished and the watcher (if any) is running; rejects if the sync failed. */
  ready: Promise<void>;
  /** Stops the watcher, waits for pending writes and the first sync, closes the database. */
  close(): Promise<void>;
}

export async function createAtlasService(opts: AtlasServiceOptions): Promise<AtlasService> {
  const vaultRoot = path.resolve(opts.vaultRoot);
  const st = fs.statSync(vaultRoot, { throwIfNoEntry: false });
  if (!st || !st.isDirectory()) throw new AtlasError('not-found', `Vault folder not found: ${vaultRoot}`);
  const paths = new VaultPaths(vaultRoot);
  const hub = new AtlasEventHub();
  // an app write is reported once, by the app, even when the watcher sees it first (change-reports.ts)
  const changes = new ChangeReports((e) => hub.emit('vault-changed', e));
  let lastStatus: IndexStatus = { state: 'indexing', done: 0, total: 0 };
  // settings (#12): `.atlas/settings.json`, read before the index opens (alias resolution and card tags are its options)
  const settingsStore = new SettingsStore(paths.realRoot);
  const initialSettings: SettingsSnapshot = await settingsStore.read().catch((e: unknown) => ({
    values: { ...DEFAULT_SETTINGS, flashcardTags: [...DEFAULT_SETTINGS.flashcardTags] },
    problems: [toApiError(e).message],
  }));
  const cardTagsOption = (tags: readonly string[]) =>
    JSON.stringify(tags) === JSON.stringify(DEFAULT_SETTINGS.flashcardTags) ? {} : { tags: [...tags] };
  const vault = await openVault({
    vaultRoot,
    dbPath: opts.dbPath,
    workers: opts.workers,
    aliasResolution: opts.aliasResolution ?? initialSettings.values.aliasResolution,
    cards: cardTagsOption(initialSettings.values.flashcardTags),
    onStatus: (s: IndexStatus) => {
      lastStatus = s;
      hub.emit('index-status', s);
    },
  });
  const { index, query, learning } = vault;
  // flashcards and review (practice, #15)
  const review = createReviewEngine(query, learning);
  // notes the engine indexes on its own: a write retried after a lock, a rebuild after runtime corruption
  index.onChange((e) => hub.emit('vault-changed', e));

  let closed = false;
  let synced = false;
  let stopWatch: (() => Promise<void>) | null = null;
  const startWatching = () => {
    if (opts.watch === false || closed || stopWatch || !presence.state().available) return;
    stopWatch = index.watch((e) => {
      if (e.changed.length || e.deleted.length) changes.watcher(e);
    });
  };
  const stopWatching = async () => {
    const stop = stopWatch;
    stopWatch = null;
    if (stop) await stop();
  };

  // vault folder availability (#10): the folder renamed, moved or deleted while the app runs is an event; writes are
  // refused while it is missing (see `answering`), the last index stays readable, and when a folder is at the path
  // again the index is re-synced with it and watched again (vault-presence.ts)
  let presenceWork: Promise<void> = Promise.resolve();
  const presence = new VaultPresence(vaultRoot, {
    intervalMs: opts.presenceIntervalMs,
    onChange: (state) => {
      presenceWork = presenceWork.then(() => (state.available ? cameBack() : wentMissing(state))).catch(() => {});
    },
  });
  const wentMissing = async (state: VaultAvailability) => {
    hub.emit('vault-availability', state);
    await stopWatching();
  };
  const cameBack = async () => {
    await settled;
    if (closed) return;
    try {
      await index.sync();
      synced = true;
    } catch {
      return; // gone again meanwhile: the next check says so
    }
    startWatching();
    // anything may have changed while it was away (both lists empty: see AtlasEvents)
    changes.app({ changed: [], deleted: [] });
    hub.emit('vault-availability', presence.state());
  };

  const ready = (async () => {
    await index.sync();
    synced = true;
    startWatching();
  })();
  presence.start();
  /** Waits for the first sync; one that failed because the vault folder vanished counts once a re-sync has run. */
  const firstSync = async (): Promise<void> => {
    try {
      await ready;
    } catch (e) {
      if (!synced) throw e;
    }
  };
  ready.catch((e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    lastStatus = { ...lastStatus, state: 'error', message };
    hub.emit('index-status', lastStatus);
  });
  const settled = ready.catch(() => {});

  // Mutations run one at a time, so a rename never interleaves with a write to the same notes.
  let queue: Promise<unknown> = Promise.resolve();
  // Watcher reports wait while one runs (`changes.during`).
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const held = () => changes.during(fn);
    const run = queue.then(held, held);
    queue = run.catch(() => {});
    return run;
  };

  /** Re-indexes after an app write and emits `vault-changed`; before the first sync ends, does it in the background. */
  const reindex = async (changedPaths: string[], deletedPaths: string[] = []): Promise<void> => {
    const job = async () => {
      const r = await index.update([...changedPaths, ...deletedPaths]);
      changes.app({
        changed: [...new Set([...r.changed, ...changedPaths])],
        deleted: [...new Set([...r.deleted, ...deletedPaths])],
      });
    };
    // The write already reached the disk: a failed re-index must not make it look failed (the editor would keep a
    // stale hash and report its own write as a conflict). The watcher or the next sync picks the file up.
    if (synced)
      return job().catch((e: unknown) => {
        console.error(`atlas: re-index failed: ${e instanceof Error ? e.message : String(e)}`);
      });
    void settled
      .then(() => (closed ? undefined : job()))
      .catch((e: unknown) => {
        console.error(`atlas: re-index failed: ${e instanceof Error ? e.message : String(e)}`);
      });
  };

  const note = (p: string) => paths.resolve(p).rel;
  // graph view state writes one at a time, last one wins on disk
  let viewQueue: Promise<unknown> = Promise.resolve();
  const serialView = (fn: () => Promise<void>): Promise<void> => {
    const run = viewQueue.then(fn, fn);
    viewQueue = run.catch(() => undefined);
    return run;
  };
  const name = (p: string) => normaliseRelative(p);

  const renamePath = async (from: string, to: string): Promise<RenameResult> => {
    await firstSync();
    return serial(() =>
      renameWithLinks(
        {
          paths,
          index,
          query,
          review,
          reviewChanged: () => hub.emit('review-changed', review.summary()),
          reportChange: (e) => changes.app(e),
        },
        from,
        to,
      ),
    );
  };

  const api: AtlasApi = {
    vaultInfo: async () => query.vaultInfo(),
    indexStatus: async () => (closed ? lastStatus : index.status()),
    listFiles: async () => query.listFiles(),
    readNote: (p) => files.readNote(paths, p),
    writeNote: (p, content, expectedHash) =>
      serial(async () => {
        const r = await files.writeNote(paths, p, content, expectedHash);
        await reindex([r.path]);
        return r;
      }),
    createNote: (p, content) =>
      serial(async () => {
        const r = await files.createNote(paths, p, content ?? '');
        await reindex([r.path]);
        return r;
      }),
    createFolder: (p) =>
      serial(async () => {
        const rel = await files.createFolder(paths, p);
        changes.app({ changed: [rel], deleted: [] });
      }),
    renamePath,
    deletePath: (p) =>
      serial(async () => {
        const r = await files.deletePath(paths, p);
        await reindex([], r.removed.length ? r.removed : [r.rel]);
      }),
    resolveLink: async (fromPath, target) => {
      if (target.includes('\0')) throw new AtlasError('invalid-argument', 'Link target contains a NUL byte');
      return query.resolveLink(note(fromPath), target);
    },
    // null, not not-found: a note opened while a cold index has listed but not yet parsed it is normal (#12)
    noteInfo: async (p) => query.noteInfo(note(p)),
    backlinks: async (p) => query.backlinks(note(p)),
    outgoing: async (p) => query.outgoing(note(p)),
    mentions: async (p) => query.mentions(note(p)),
    tags: async () => query.tags(),
    search: async (text) => query.search(text),
    graph: async (filter?: GraphFilter) => query.graph(graphFilterOf(filter)),
    graphDelta: async (since, filter) => query.graphUpdate(since, graphFilterOf(filter)),
    neighbourhood: async (p, depth, options) => query.neighbourhood(note(p), depth, options),
    check: async (): Promise<CheckReport> => vault.check(),
    plan: async (target, known) => learning.plan(name(target), known?.map(name)),
    // with each hop's source note and line, so the connection view can open it (#12)
    connection: async (from, to) => learning.connectionDetail(name(from), name(to)),
    nextUp: async () => learning.nextUp(),
    progress: async () => learning.progress(),
    setProgress: async (p: string, state: ProgressState | null) => {
      learning.setProgress(note(p), state);
      hub.emit('progress-changed', learning.progress());
    },
    curatedPaths: async () => learning.curatedPaths(),
    // reading view: embeds and link states
    ...createReadingApi(query, paths),
    // alias resolution option (rule 4)
    aliasResolution: async () => index.aliasResolution,
    setAliasResolution: (on) =>
      serial(async () => {
        const changed = await index.setAliasResolution(on);
        if (changed.length) changes.app({ changed, deleted: [] });
      }),
    // unlinked mentions: Link and Link all
    linkMentions: async (target, place) => {
      await firstSync();
      return serial(() => linkMentionsOf(query, paths, note(target), place, (changed) => reindex(changed)));
    },
    // search pane (nav)
    searchAll: async (text) => query.searchAll(text),
    // flashcards and review (practice, #15)
    ...reviewApi(
      review,
      (p) => paths.resolve(p).rel,
      (summary) => hub.emit('review-changed', summary),
    ),
    // graph view (#11): kept controls and positions, in the vault's .atlas folder
    graphViewState: async () => readGraphViewState(paths.realRoot),
    saveGraphViewState: (state) => serialView(() => writeGraphViewState(paths.realRoot, state)),
    // vault folder availability (#10)
    vaultAvailability: async () => presence.check(),
    // settings (#12, #9 alias resolution, #15 flashcard tags): `.atlas/settings.json` (settings-store.ts)
    settings: async () => {
      const s = await settingsStore.read();
      // a problem met while opening (a damaged file moved aside) stays reported for this run
      return { values: s.values, problems: [...new Set([...initialSettings.problems, ...s.problems])] };
    },
    updateSettings: (patch) =>
      serial(async () => {
        const { snapshot, changed } = await settingsStore.update(patch);
        const v = snapshot.values;
        if (changed.includes('aliasResolution') && v.aliasResolution !== index.aliasResolution) {
          const relinked = await index.setAliasResolution(v.aliasResolution);
          if (relinked.length) changes.app({ changed: relinked, deleted: [] });
        }
        // flashcard tags (practice, #15): the cards are re-read at once from the index; every view may change
        // (an empty vault-changed says "anything"), and the review queue with them
        if (changed.includes('flashcardTags') && (await index.setCardTags(v.flashcardTags))) {
          changes.app({ changed: [], deleted: [] });
          hub.emit('review-changed', review.summary());
        }
        hub.emit('settings-changed', v);
        return snapshot;
      }),
    // open vault (#12): a service has one vault; the browser host's vault switcher (vault-switcher.ts) answers these
    openVault: async () => {
      throw new AtlasError(
        'invalid-argument',
        'This window cannot switch vaults (in the desktop app use File › Open vault…)',
      );
    },
    recentVaults: async () => [],
    // vault switch handshake (#12): only the vault switcher asks, so a bare service has nothing to hear
    vaultSwitchReady: async () => undefined,
    // file tree (#12): creation times for the "Created time" sort order, stat-ed 64 at a time
    fileCreatedTimes: async () => {
      const out: Record<string, number> = {};
      const list = query.listFiles().filter((f) => f.kind !== 'folder');
      for (let i = 0; i < list.length; i += 64) {
        await Promise.all(
          list.slice(i, i + 64).map(async (f) => {
            const st = await fs.promises.stat(paths.resolve(f.path).abs).catch(() => null);
            if (st) out[f.path] = st.birthtimeMs > 0 ? st.birthtimeMs : st.ctimeMs;
          }),
        );
      }
      return out;
    },
  };

  // Error messages name files vault-relative: the engine's (e.g. a damaged progress file) carry absolute paths.
  const answering = proxyByName<AtlasApi>(API_METHODS, async (method, args) => {
    try {
      // vault folder availability (#10): nothing is written while the vault folder is missing
      if (VAULT_WRITE_METHODS.has(method)) presence.assertAvailable();
      return await (api[method] as (...a: unknown[]) => Promise<unknown>)(...args);
    } catch (e) {
      // a database damaged while running: rebuilt from the markdown in the background, this call says so
      if (index.queryFailed(e))
        throw new AtlasError(
          'io',
          'The index database was damaged and is being rebuilt from the notes; try again in a moment',
        );
      const err = toApiError(e);
      throw new AtlasError(err.code, withoutRoot(err.message, [paths.realRoot, vaultRoot]));
    }
  });

  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    presence.stop();
    await settled;
    await presenceWork;
    await stopWatching();
    await queue;
    vault.close();
    hub.clear();
  };

  return { api: answering, events: hub, index, query, ready, close };
}

/** A graph filter with its folder confined to the vault. */
function graphFilterOf(filter: GraphFilter | undefined): GraphFilter | undefined {
  const f = filter ? { ...filter } : undefined;
  if (f?.folder !== undefined) f.folder = normaliseRelative(f.folder, { allowRoot: true });
  return f;
}

/** Replaces `<root>/` with nothing and a bare `<root>` with `the vault`, for each root (longest first). */
function withoutRoot(message: string, roots: readonly string[]): string {
  let out = message;
  for (const root of [...new Set(roots)].sort((a, b) => b.length - a.length)) {
    out = out
      .split(root + path.sep)
      .join('')
      .split(root)
      .join('the vault');
  }
  return out;
}
