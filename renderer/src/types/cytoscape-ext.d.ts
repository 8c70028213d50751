// The layout extension ships no type declarations; it default-exports a cytoscape extension registrar.
declare module 'cytoscape-dagre' {
  import type { Ext } from 'cytoscape';
  const ext: Ext;
  export default ext;
}
