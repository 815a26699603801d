import { readFileSync } from 'node:fs';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { importFile, type FileImportOutcome, type ImportChoices } from '../../src/core/import/import-file';
import { bytesSource } from '../../src/core/import/source';
import { createWorkspaceDb } from '../../src/core/store/open-workspace';
import type { Database } from '../../src/core/store/sqlite';
import { fixture } from './import-helpers';

/** A fresh workspace. */
export async function emptyWorkspace(name = 'Shop'): Promise<Database> {
  return createWorkspaceDb(await loadSqlJs(), name);
}

/** Imports a fixture file (or text standing in for it) into a workspace, with the given choices. */
export function importFixture(
  db: Database,
  name: string,
  choices: ImportChoices = {},
  text?: string,
): Promise<FileImportOutcome> {
  const bytes = text === undefined ? readFileSync(fixture(name)) : new TextEncoder().encode(text);
  return importFile(db, bytesSource(name, bytes), choices);
}
