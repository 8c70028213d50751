/**
 * The services layer: the engine composed into an `AtlasApi`, plus the binding helpers shared by the Electron IPC
 * handlers and the browser host. Plain Node; nothing here imports Electron.
 */
export { createAtlasService } from './atlas-service.ts';
export type { AtlasService, AtlasServiceOptions } from './atlas-service.ts';
export { dispatch, httpStatus, isApiMethod } from './dispatch.ts';
export type { DispatchResult } from './dispatch.ts';
export { AtlasError, toApiError } from './errors.ts';
export { API_SCHEMAS } from './schemas.ts';
export { VaultPaths, normaliseRelative } from './vault-paths.ts';
