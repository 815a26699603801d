import { expect, test } from '../support/e2e';

// Run with `npm run screenshots`: refreshes the pictures the README shows.
test('screenshots of the home screen and a demo workspace', async ({ app }) => {
  await app.getByRole('button', { name: 'New workspace…' }).waitFor();
  await app.screenshot({ path: 'docs/screenshots/home.png' });

  await app.getByRole('button', { name: /^Open demo: Glow/ }).click();
  await expect(app.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 60_000 });
  await app.screenshot({ path: 'docs/screenshots/demo-workspace.png', fullPage: true });
});
