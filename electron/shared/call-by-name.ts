/**
 * One generic, typed call-by-name adapter for every hop the API crosses (VS Code's `ProxyChannel` pattern): a
 * contract crosses a boundary (contextBridge/IPC, HTTP, a worker thread) as `(method name, argument list)`.
 *
 * - `proxyByName(methods, call)` builds the caller's side: an object typed as the contract whose every method forwards
 *   to `call(name, args)` (used by the preload, the renderer's client and the service-thread handle, and to wrap an
 *   implementation, as the service does to rewrite error messages).
 * - `callByName(impl, methods, name, args)` is the answering side: calls `impl[name](...args)` for a listed method,
 *   rejects with `UnknownMethodError` otherwise (used through `dispatch` by IPC and the HTTP host, and by the service
 *   worker). `undefined` results become `null`, so they survive JSON.
 *
 * Runtime-neutral (no Node, no DOM): the preload, the renderer and Node all import it.
 */

/** A method of `T` that returns a promise. */
export type AsyncMethodName<T> = {
  [K in keyof T]: T[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof T] &
  string;

/** The caller's side: `proxy[m](...args)` is `call(m, args)`. Only the listed names exist on the proxy. */
export function proxyByName<T extends object>(
  methods: readonly AsyncMethodName<T>[],
  call: (method: AsyncMethodName<T>, args: unknown[]) => Promise<unknown>,
): T {
  const proxy: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of methods) proxy[method] = (...args: unknown[]) => call(method, args);
  return proxy as T;
}

/** `callByName` was asked for a method that is not in the contract's list. */
export class UnknownMethodError extends Error {
  readonly method: string;
  constructor(method: string) {
    super(`Unknown method: ${method.slice(0, 100)}`);
    this.name = 'UnknownMethodError';
    this.method = method;
  }
}

/** True when `name` is one of `methods` (a type guard for the contract's method names). */
export function isMethodName<M extends string>(methods: ReadonlySet<string>, name: unknown): name is M {
  return typeof name === 'string' && methods.has(name);
}

/**
 * The answering side: `impl[name](...args)`, or a rejection with `UnknownMethodError` for a name not in `methods`.
 * Resolves `null` for a method that returns nothing.
 */
export async function callByName<T extends object>(
  impl: T,
  methods: ReadonlySet<string>,
  name: string,
  args: readonly unknown[],
): Promise<unknown> {
  if (!isMethodName(methods, name)) throw new UnknownMethodError(String(name));
  const fn = (impl as Record<string, (...a: unknown[]) => Promise<unknown>>)[name];
  const result = await fn.apply(impl, [...args]);
  return result === undefined ? null : result;
}
