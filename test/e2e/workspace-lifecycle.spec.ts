import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { sha256 } from '../support/temp-dir';
import { makeBadWorkspaces, scratchDir, smallWorkspaceBytes } from '../support/workspace-fixtures';
import { expect, test } from '../support/e2e';
import { saved } from '../support/e2e-steps';
import { baseWorkspace, craftWorkspace } from '../support/hostile-workspaces';

async function createWorkspace(page: Page, name: string) {
  await page.getByRole('button', { name: 'New workspace…' }).click();
  const field = page.getByLabel('Name of the business or client');
  await expect(field).toBeFocused();
  await field.fill(name);
  await field.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await saved(page);
}

async function rename(page: Page, name: string) {
  await page.getByRole('button', { name: 'Rename…' }).click();
  await page.getByLabel('Workspace name').fill(name);
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('the home screen offers new, open, recent and the three demos', async ({ app }) => {
  await expect(app.getByRole('button', { name: 'New workspace…' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Open workspace…' })).toBeVisible();
  await expect(app.getByText('No recent workspaces yet.')).toBeVisible();
  await expect(app.getByRole('button', { name: /^Open demo:/ })).toHaveCount(3);
  await expect(app).toHaveTitle('Cross-Sell Planner');
});

test('create a workspace, rename it, close it and reopen it', async ({ app }) => {
  await createWorkspace(app, 'Corner Bakery');
  await expect(app.getByText('This workspace has no data yet.')).toBeVisible();
  await expect(app).toHaveTitle('Corner Bakery — Cross-Sell Planner');

  await rename(app, 'Corner Bakery & Café');
  await saved(app);
  await expect(app.getByTestId('title-workspace')).toHaveText('Corner Bakery & Café');

  await app.getByRole('button', { name: 'Close workspace' }).click();
  await app.reload();
  await app.getByRole('button', { name: /^Corner Bakery & Café/ }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Corner Bakery & Café' })).toBeVisible();
  await saved(app);
});

test('the keyboard alone creates a workspace and Escape cancels a dialog', async ({ app }) => {
  await app.getByRole('button', { name: 'New workspace…' }).focus();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('dialog', { name: 'New workspace' })).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(app.getByRole('dialog', { name: 'New workspace' })).toBeHidden();

  await app.getByRole('button', { name: 'New workspace…' }).focus();
  await app.keyboard.press('Enter');
  await app.keyboard.press('Control+A');
  await app.keyboard.type('Typed Only');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { level: 1, name: 'Typed Only' })).toBeVisible();
});

test('leaving with unsaved work asks first, and the work is saved', async ({ app }) => {
  await createWorkspace(app, 'Unsaved Shop');
  await rename(app, 'Renamed Just Now');
  await expect(app.getByTestId('save-state')).not.toHaveText('All changes saved');
  const prompt = app.waitForEvent('dialog');
  await app.close({ runBeforeUnload: true });
  const dialog = await prompt;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  await saved(app);
  await app.reload();
  await expect(app.getByRole('button', { name: /^Renamed Just Now/ })).toBeVisible();
});

test('a workspace file from disk opens and is remembered', async ({ app }) => {
  const file = join(scratchDir(), 'Harbour Books.xsell');
  writeFileSync(file, await smallWorkspaceBytes('Harbour Books'));
  const before = sha256(readFileSync(file));

  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: 'Open workspace…' }).click();
  await (await chooser).setFiles(file);
  await expect(app.getByRole('heading', { level: 1, name: 'Harbour Books' })).toBeVisible();
  await expect(app.getByTestId('count-customers')).toContainText('2');
  await expect(app.getByTestId('order-range')).toContainText('2026');
  await saved(app);
  expect(sha256(readFileSync(file))).toBe(before);

  await app.reload();
  await app.getByRole('button', { name: /^Harbour Books/ }).click();
  await expect(app.getByTestId('count-orders')).toContainText('2');
});

test('each bad file shows what is wrong and is left untouched', async ({ app }) => {
  const titles = {
    empty: 'The file is empty',
    'not-sqlite': 'Not a workspace file',
    'not-workspace': 'Not a workspace file',
    truncated: 'The workspace file is incomplete',
    damaged: 'The workspace file is damaged',
    'newer-version': 'Made by a newer version',
    'foreign-objects': 'The workspace holds things the app did not put there',
  } as const;
  for (const { file, kind } of await makeBadWorkspaces(scratchDir())) {
    const before = sha256(readFileSync(file));
    const chooser = app.waitForEvent('filechooser');
    await app.getByRole('button', { name: 'Open workspace…' }).click();
    await (await chooser).setFiles(file);
    const dialog = app.getByRole('dialog', { name: titles[kind] });
    await expect(dialog, file).toBeVisible();
    await expect(dialog.getByTestId('open-problem')).toHaveAttribute('data-kind', kind);
    await expect(dialog).toContainText('has not been changed');
    await expect(dialog.getByRole('button', { name: 'Open the backup' })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(sha256(readFileSync(file)), file).toBe(before);
  }
  await expect(app.getByText('No recent workspaces yet.')).toBeVisible();
});

test('a damaged workspace offers its backup, which is recovered into a new workspace', async ({ app }) => {
  await createWorkspace(app, 'Backup Bistro');
  await rename(app, 'Bistro After Rename');
  await saved(app);
  await app.getByRole('button', { name: 'Close workspace' }).click();

  // Damage the stored copy the way a half-finished copy would: cut it in half.
  const cut = await app.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('cross-sell-planner');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const store = db.transaction('files', 'readwrite').objectStore('files');
    const all = await new Promise<{ id: string; bytes: Uint8Array }[]>((resolve) => {
      const request = store.getAll();
      request.onsuccess = () => resolve(request.result);
    });
    const target = all[0];
    target.bytes = target.bytes.slice(0, target.bytes.length / 2);
    store.put(target);
    return target.bytes.length;
  });
  expect(cut).toBeGreaterThan(0);

  await app.reload();
  await app.getByRole('button', { name: /^Bistro After Rename/ }).click();
  const dialog = app.getByRole('dialog', { name: 'The workspace file is incomplete' });
  await expect(dialog).toContainText('A backup from its previous save is available');
  await dialog.getByRole('button', { name: 'Open the backup' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Backup Bistro' })).toBeVisible();
  await expect(app.getByRole('alert')).toContainText('Recovered Bistro After Rename from its backup');
  await saved(app);
});

test('a workspace holding a trigger is refused by name, and a copy without it opens as a new workspace', async ({
  app,
}) => {
  const file = await craftWorkspace(scratchDir(), 'shared.xsell', await baseWorkspace(), (db) =>
    db.run("CREATE TRIGGER rewrite_email AFTER INSERT ON plans BEGIN UPDATE plans SET name = 'Forged'; END"),
  );
  const before = sha256(readFileSync(file));
  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: 'Open workspace…' }).click();
  await (await chooser).setFiles(file);
  const dialog = app.getByRole('dialog', { name: 'The workspace holds things the app did not put there' });
  await expect(dialog).toContainText('the trigger “rewrite_email”');
  await expect(dialog).toContainText('has not been changed');
  await dialog.getByRole('button', { name: 'Open a copy without them' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Harbour Lamps' })).toBeVisible();
  await expect(app.getByRole('alert')).toContainText('without the trigger “rewrite_email”');
  await saved(app);
  expect(sha256(readFileSync(file))).toBe(before);
});
