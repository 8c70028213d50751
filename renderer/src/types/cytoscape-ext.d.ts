// The layout extensions ship no type declarations; each default-exports a cytoscape extension registrar.
declare module 'cytoscape-fcose' {
  import type { Ext } from 'cytoscape';
  const ext: Ext;
  export default ext;
}
declare module 'cytoscape-dagre' {
  import type { Ext } from 'cytoscape';
  const ext: Ext;
  export default ext;
}
