/**
 * What the app remembers between runs: the last vault and the window bounds, as JSON in
 * `<userData>/atlas-state.json`, written atomically (temp file + rename). A missing or unreadable file means
 * "nothing remembered"; a bad field is dropped, never fatal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync } from '../core/files/atomic-write.ts';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

export interface AppState {
  /** Absolute path of the last opened vault. */
  lastVault?: string;
  bounds?: WindowBounds;
}

const FILE = 'atlas-state.json';

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function loadAppState(userData: string): AppState {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(path.join(userData, FILE), 'utf8'));
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null) return {};
  const o = raw as Record<string, unknown>;
  const state: AppState = {};
  if (typeof o.lastVault === 'string' && path.isAbsolute(o.lastVault)) state.lastVault = o.lastVault;
  const b = o.bounds as Record<string, unknown> | undefined;
  if (b && isNum(b.width) && isNum(b.height) && b.width >= 200 && b.height >= 150) {
    state.bounds = { width: Math.round(b.width), height: Math.round(b.height) };
    if (isNum(b.x) && isNum(b.y)) Object.assign(state.bounds, { x: Math.round(b.x), y: Math.round(b.y) });
    if (b.maximized === true) state.bounds.maximized = true;
  }
  return state;
}

export function saveAppState(userData: string, state: AppState): void {
  writeFileAtomicSync(path.join(userData, FILE), JSON.stringify(state, null, 2) + '\n');
}
