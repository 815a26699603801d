import { expect, test } from '@playwright/test';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_RECENT_WORKSPACES, RECENT_FILE_NAME, RecentFiles } from '../../src/main/recent-files';
import { workspaceRefFor } from '../../src/main/workspace-files';
import { tempFilesIn, withTempDir } from '../support/temp-dir';

async function makeWorkspace(dir: string, name: string) {
  const path = join(dir, `${name}.xsell`);
  await writeFile(path, 'workspace');
  return workspaceRefFor(path);
}

test('lists the most recently opened workspace first, once', async () => {
  await withTempDir(async (dir) => {
    const recent = new RecentFiles(join(dir, 'settings'));
    const acme = await makeWorkspace(dir, 'Acme');
    const bloom = await makeWorkspace(dir, 'Bloom');

    await recent.add(acme);
    await recent.add(bloom);
    await recent.add(acme);

    const listed = await recent.list();
    expect(listed.map((entry) => entry.ref)).toEqual([acme, bloom]);
    expect(listed.every((entry) => !Number.isNaN(Date.parse(entry.openedAt)))).toBe(true);
  });
});

test('survives a restart: the list is kept in the settings folder', async () => {
  await withTempDir(async (dir) => {
    const settings = join(dir, 'settings');
    const acme = await makeWorkspace(dir, 'Acme');
    await new RecentFiles(settings).add(acme);

    expect((await new RecentFiles(settings).list()).map((entry) => entry.ref)).toEqual([acme]);
    expect(await tempFilesIn(settings)).toEqual([]);
  });
});

test(`keeps at most ${MAX_RECENT_WORKSPACES} workspaces`, async () => {
  await withTempDir(async (dir) => {
    const recent = new RecentFiles(dir);
    const refs = [];
    for (let index = 0; index < MAX_RECENT_WORKSPACES + 3; index++)
      refs.push(await makeWorkspace(dir, `Client ${index}`));

    await Promise.all(refs.map((ref) => recent.add(ref)));

    const listed = (await recent.list()).map((entry) => entry.ref);
    expect(listed).toHaveLength(MAX_RECENT_WORKSPACES);
    expect(listed[0]).toEqual(refs.at(-1));
  });
});

test('leaves out workspaces whose file is gone, and shows them again when it is back', async () => {
  await withTempDir(async (dir) => {
    const recent = new RecentFiles(dir);
    const acme = await makeWorkspace(dir, 'Acme');
    const bloom = await makeWorkspace(dir, 'Bloom');
    await recent.add(acme);
    await recent.add(bloom);

    await rm(bloom.id);
    expect((await recent.list()).map((entry) => entry.ref)).toEqual([acme]);
    expect(await recent.paths()).toEqual([bloom.id, acme.id]);

    await writeFile(bloom.id, 'back');
    expect((await recent.list()).map((entry) => entry.ref)).toEqual([bloom, acme]);
  });
});

test('forgets a workspace', async () => {
  await withTempDir(async (dir) => {
    const recent = new RecentFiles(dir);
    const acme = await makeWorkspace(dir, 'Acme');
    const bloom = await makeWorkspace(dir, 'Bloom');
    await recent.add(acme);
    await recent.add(bloom);

    await recent.forget(acme.id);

    expect((await recent.list()).map((entry) => entry.ref)).toEqual([bloom]);
  });
});

for (const [label, content] of [
  ['not JSON', '{"workspaces": [ {"path": '],
  ['the wrong shape', '{"workspaces": "Acme"}'],
  ['JSON null', 'null'],
  ['binary garbage', '\u0000\u0001\u0002'],
] as const) {
  test(`a damaged list (${label}) counts as empty and is replaced on the next change`, async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, RECENT_FILE_NAME), content);
      const recent = new RecentFiles(dir);

      expect(await recent.list()).toEqual([]);

      const acme = await makeWorkspace(dir, 'Acme');
      await recent.add(acme);
      expect((await recent.list()).map((entry) => entry.ref)).toEqual([acme]);
      expect(JSON.parse(await readFile(join(dir, RECENT_FILE_NAME), 'utf8')).workspaces).toHaveLength(1);
    });
  });
}

test('keeps the valid entries of a partly damaged list', async () => {
  await withTempDir(async (dir) => {
    const acme = await makeWorkspace(dir, 'Acme');
    const stored = {
      version: 1,
      workspaces: [{ path: 42 }, { path: acme.id, name: acme.name, openedAt: '2024-05-01T10:00:00.000Z' }, 'junk'],
    };
    await writeFile(join(dir, RECENT_FILE_NAME), JSON.stringify(stored));

    expect(await new RecentFiles(dir).list()).toEqual([{ ref: acme, openedAt: '2024-05-01T10:00:00.000Z' }]);
  });
});

test('a missing settings folder is an empty list and is created on the first change', async () => {
  await withTempDir(async (dir) => {
    const recent = new RecentFiles(join(dir, 'not yet created'));
    expect(await recent.list()).toEqual([]);

    const acme = await makeWorkspace(dir, 'Acme');
    await recent.add(acme);
    expect((await recent.list()).map((entry) => entry.ref)).toEqual([acme]);
  });
});
