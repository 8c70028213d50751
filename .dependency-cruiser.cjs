/**
 * The layer rules of Concept Atlas (docs/architecture.md), checked by `npm run lint` (part of `npm test`).
 * Type-only imports count: a layer that may not import another may not import its types either, except where a rule
 * says so (the renderer may import the core's domain types, type-only).
 *
 * Core, bottom to top:  model → markdown, parse, properties, resolve → store → index (engine) | query → learning
 *                       → check.ts, vault.ts (composition)
 * Then: electron/shared (the contract) → services → main, preload, host, cli; renderer → its client → shared.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles anywhere (type-only imports included).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-imports-nothing-above',
      severity: 'error',
      comment: 'electron/core is plain TypeScript and owns the domain types: it never imports the contract, services, hosts, the CLI, Electron or the renderer.',
      from: { path: '^electron/core/' },
      to: { path: ['^electron/(shared|services|host|cli|main|preload)/', '^renderer/', '^electron$'] },
    },
    {
      name: 'model-is-types-only',
      severity: 'error',
      comment: 'The domain model (electron/core/model.ts, electron/core/model/) imports nothing but itself.',
      from: { path: '^electron/core/model(\\.ts$|/)' },
      to: { pathNot: '^electron/core/model(\\.ts$|/)' },
    },
    {
      name: 'core-runtime-neutral-modules',
      severity: 'error',
      comment: 'The grammar (electron/core/markdown) and the model are runtime-neutral (the renderer imports them): no node: built-ins.',
      from: { path: '^electron/core/(markdown/|model(\\.ts$|/))' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-lower-layers-not-upper',
      severity: 'error',
      comment: 'Grammar, parser, property readers, resolver and store sit below the index engine, the queries and the learning engine.',
      from: { path: '^electron/core/(markdown|parse|properties|resolve|store)/' },
      to: { path: ['^electron/core/(index|query|learning)/', '^electron/core/(check|vault)\\.ts$'] },
    },
    {
      name: 'index-engine-not-queries',
      severity: 'error',
      comment: 'The index engine (sync, update, watch, rebuild) knows nothing of the queries or the learning engine that read it.',
      from: { path: '^electron/core/index/' },
      to: { path: ['^electron/core/(query|learning)/', '^electron/core/(check|vault)\\.ts$'] },
    },
    {
      name: 'queries-not-engine',
      severity: 'error',
      comment: 'The queries read the store and name table of an `IndexedVault`; they do not import the engine or the learning engine.',
      from: { path: '^electron/core/query/' },
      to: { path: ['^electron/core/(index|learning)/', '^electron/core/(check|vault)\\.ts$'] },
    },
    {
      name: 'learning-over-queries',
      severity: 'error',
      comment: 'The learning engine reads the index through the queries (`LearningSource`), never the engine, store or parser.',
      from: { path: '^electron/core/learning/' },
      to: { path: ['^electron/core/(index|store|parse|markdown)/', '^electron/core/(check|vault)\\.ts$'] },
    },
    {
      name: 'contract-is-transport',
      severity: 'error',
      comment: 'electron/shared (the API contract) re-exports core domain types and adds the transport; it imports nothing else.',
      from: { path: '^electron/shared/' },
      to: { pathNot: ['^electron/shared/', '^electron/core/model(\\.ts$|/)', '^electron/core/markdown/'] },
    },
    {
      name: 'services-below-adapters',
      severity: 'error',
      comment: 'electron/services composes the core; the adapters (main, preload, host, cli) and the renderer sit above it.',
      from: { path: '^electron/services/' },
      to: { path: ['^electron/(host|cli|main|preload)/', '^renderer/'] },
    },
    {
      name: 'adapters-independent',
      severity: 'error',
      comment: 'main, preload, host and cli adapt the services; none imports another (shared code belongs in services or core).',
      from: { path: '^electron/(host|cli|main|preload)/' },
      to: { path: '^electron/(host|cli|main|preload)/', pathNot: '^electron/$1/' },
    },
    {
      name: 'preload-only-contract',
      severity: 'error',
      comment: 'The sandboxed preload exposes the contract through contextBridge; it imports only electron/shared and electron.',
      from: { path: '^electron/preload/' },
      to: { path: '^electron/(core|services)/' },
    },
    {
      name: 'renderer-backend-only-through-client',
      severity: 'error',
      comment: 'The renderer reaches the backend only through renderer/src/client.ts; besides it may import the contract (electron/shared), the grammar (electron/core/markdown) and the domain model types.',
      from: { path: '^renderer/' },
      to: { path: '^electron/', pathNot: ['^electron/shared/', '^electron/core/markdown/', '^electron/core/model(\\.ts$|/)'] },
    },
    {
      name: 'renderer-model-type-only',
      severity: 'error',
      comment: 'The renderer imports the core domain model type-only.',
      from: { path: '^renderer/' },
      to: { path: '^electron/core/model(\\.ts$|/)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderer-binds-api-only-in-client',
      severity: 'error',
      comment: 'Only the client binds the API by name (electron/shared/api-methods.ts); components call the client.',
      from: { path: '^renderer/', pathNot: '^renderer/src/client\\.ts$' },
      to: { path: '^electron/shared/api-methods\\.ts$' },
    },
    {
      name: 'no-node-in-renderer',
      severity: 'error',
      comment: 'No Node in the renderer (sandboxed, context isolation): no node: built-ins, no Electron.',
      from: { path: '^renderer/src/', pathNot: '\\.test\\.tsx?$' },
      to: { dependencyTypes: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^node_modules/', '^out/', '^dist/', '^tests/fixtures/', '^vault/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    cache: { folder: 'node_modules/.cache/dependency-cruiser', strategy: 'content' },
  },
};
