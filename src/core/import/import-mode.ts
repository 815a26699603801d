/** How an import treats data already in the workspace. */
export type ImportMode = 'append' | 'update' | 'replace';
export const IMPORT_MODES: readonly ImportMode[] = ['append', 'update', 'replace'];
