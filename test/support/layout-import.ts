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

/** A fresh workspace with fixture files imported one after the other, each with no choices at all. */
export async function importFixtures(...names: string[]): Promise<{ db: Database; outcomes: FileImportOutcome[] }> {
  const db = createWorkspaceDb(await loadSqlJs(), 'Shop');
  const outcomes: FileImportOutcome[] = [];
  for (const name of names) outcomes.push(await importFile(db, bytesSource(name, readFileSync(fixture(name)))));
  return { db, outcomes };
}

/** The report of a successful import; fails the test with the reason otherwise. */
export function reportOf(outcome: FileImportOutcome) {
  if (!outcome.ok) throw new Error(outcome.failure.message);
  return outcome.report;
}

/** A fresh workspace with one file's text imported with no choices: for variants of a fixture. */
export async function importText(name: string, text: string): Promise<{ db: Database; outcome: FileImportOutcome }> {
  const db = createWorkspaceDb(await loadSqlJs(), 'Shop');
  return { db, outcome: await importFile(db, bytesSource(name, new TextEncoder().encode(text))) };
}

export const fixtureText = (name: string) => readFileSync(fixture(name), 'utf8');
