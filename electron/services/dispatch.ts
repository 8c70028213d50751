/**
 * The one entry point from an untrusted caller (Electron IPC, the browser host) into an `AtlasApi`:
 * looks the method up in `API_METHODS`, validates the arguments with its schema (`schemas.ts`), calls it, and turns
 * every failure into an `ApiError` `{ code, message }` (no stack traces, no absolute paths from fs errors).
 */
import { z } from 'zod';
import type { ApiError, AtlasApi } from '../shared/api.ts';
import { API_METHODS } from '../shared/api-methods.ts';
import { callByName, isMethodName } from '../shared/call-by-name.ts';
import { toApiError } from './errors.ts';
import { schemaFor } from './schemas.ts';

export type DispatchResult = { ok: true; result: unknown } | { ok: false; error: ApiError };

const METHODS: ReadonlySet<string> = new Set(API_METHODS);

export function isApiMethod(method: string): method is (typeof API_METHODS)[number] {
  return isMethodName(METHODS, method);
}

/** HTTP status for an error code (used by the browser host). */
export function httpStatus(code: ApiError['code']): number {
  switch (code) {
    case 'invalid-argument':
      return 400;
    case 'unauthorized':
      return 401;
    case 'outside-vault':
      return 403;
    case 'not-found':
      return 404;
    case 'exists':
    case 'conflict':
    case 'vault-changed':
      return 409;
    default:
      return 500;
  }
}

/**
 * Validates and calls `api[method](...args)`. Never throws: resolves `{ ok: true, result }` or
 * `{ ok: false, error }` with code `not-found` (unknown method), `invalid-argument` (bad arguments) or whatever the
 * method failed with. `result` is `null` for methods returning nothing, so it survives JSON.
 */
export async function dispatch(api: AtlasApi, method: string, args: unknown): Promise<DispatchResult> {
  if (typeof method !== 'string' || !isApiMethod(method)) {
    return { ok: false, error: { code: 'not-found', message: `Unknown method: ${String(method).slice(0, 100)}` } };
  }
  const list = args === undefined ? [] : args;
  if (!Array.isArray(list))
    return { ok: false, error: { code: 'invalid-argument', message: `${method}: arguments must be an array` } };
  const parsed = schemaFor(method)!.safeParse(list);
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid-argument', message: `${method}: ${describe(parsed.error)}` } };
  }
  try {
    return { ok: true, result: await callByName(api, METHODS, method, parsed.data) };
  } catch (e) {
    return { ok: false, error: toApiError(e) };
  }
}

/** One line per issue, e.g. `argument 1: Invalid input: expected string, received number`. */
function describe(err: z.ZodError): string {
  return err.issues
    .slice(0, 5)
    .map((i) => {
      const where =
        i.path.length === 0
          ? 'arguments'
          : `argument ${Number(i.path[0]) + 1}${i.path
              .slice(1)
              .map((p) => `.${String(p)}`)
              .join('')}`;
      return `${where}: ${i.message}`;
    })
    .join('; ');
}
