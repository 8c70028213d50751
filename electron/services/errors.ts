/**
 * The error type of the services layer and its mapping to the `ApiError` shape that crosses IPC and HTTP.
 *
 * Services throw `AtlasError(code, message)` for expected failures; `toApiError` turns anything thrown into
 * `{ code, message }` without a stack trace, so internal details never reach the renderer.
 */
import type { ApiError } from '../shared/api.ts';

export type ApiErrorCode = ApiError['code'];

const CODES: ReadonlySet<string> = new Set<ApiErrorCode>([
  'invalid-argument',
  'outside-vault',
  'not-found',
  'exists',
  'conflict',
  'vault-changed',
  'io',
  'internal',
  'unauthorized',
]);

export class AtlasError extends Error {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'AtlasError';
    this.code = code;
  }
}

/** Node `fs` error codes mapped to API codes; anything else from fs is `io`. */
const FS_CODES: Record<string, ApiErrorCode> = {
  ENOENT: 'not-found',
  ENOTDIR: 'not-found',
  EEXIST: 'exists',
  ENOTEMPTY: 'exists',
};

/** Converts any thrown value to `{ code, message }` (never a stack). */
export function toApiError(e: unknown): ApiError {
  if (e instanceof AtlasError) return { code: e.code, message: e.message };
  if (e && typeof e === 'object') {
    const o = e as { code?: unknown; message?: unknown; syscall?: unknown; path?: unknown };
    // An ApiError-shaped value (e.g. re-thrown from another layer).
    if (typeof o.code === 'string' && CODES.has(o.code) && typeof o.message === 'string') {
      return { code: o.code as ApiErrorCode, message: o.message };
    }
    if (typeof o.code === 'string' && typeof o.syscall === 'string') {
      const code = FS_CODES[o.code] ?? 'io';
      // fs messages carry absolute paths; keep only the errno and the operation.
      return { code, message: `File operation failed (${o.syscall}: ${o.code})` };
    }
    if (e instanceof Error && (e.name === 'VaultError' || e.name === 'UnknownMethodError'))
      return { code: 'not-found', message: e.message };
    if (e instanceof Error && /not found/i.test(e.message)) return { code: 'not-found', message: firstLine(e.message) };
    if (e instanceof Error) return { code: 'internal', message: firstLine(e.message) || 'Internal error' };
  }
  return { code: 'internal', message: 'Internal error' };
}

function firstLine(s: string): string {
  return s.split('\n', 1)[0].slice(0, 500);
}
