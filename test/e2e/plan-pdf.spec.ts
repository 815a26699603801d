import type { Page } from '@playwright/test';
import { expect, test } from '../support/e2e';

/**
 * The web edition's PDF: the report goes to the browser's print dialog with its own styles applied
 * and without a single CSP violation (the `app` fixture fails on any console error, of any frame);
 * the status says what happened, not “Saved”. Headless Chromium shows no print dialog, so the
 * frame's `print` is replaced here: once by a dialog that opens, once by one that never does.
 */

interface Printed {
  calls: number;
  styleElements: number;
  pageRules: number;
  h1FontSize: string;
  h2Border: string;
  h2Color: string;
}

/** Replaces `print` of every frame window the page reaches, recording the report's styles as printed. */
const stubPrint = (opens: boolean) => {
  const record: Printed = { calls: 0, styleElements: 0, pageRules: 0, h1FontSize: '', h2Border: '', h2Color: '' };
  (window as unknown as { printed: Printed }).printed = record;
  const contentWindow = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!;
  Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
    get(this: HTMLIFrameElement) {
      const view = contentWindow.get!.call(this) as (Window & typeof globalThis) | null;
      if (view)
        view.print = () => {
          record.calls += 1;
          const { document } = view;
          const h2 = view.getComputedStyle(document.querySelector('h2')!);
          record.styleElements = document.querySelectorAll('style').length;
          record.pageRules = document.adoptedStyleSheets
            .flatMap((sheet) => [...sheet.cssRules])
            .filter((rule) => rule instanceof view.CSSPageRule).length;
          record.h1FontSize = view.getComputedStyle(document.querySelector('h1')!).fontSize;
          record.h2Border = `${h2.borderBottomWidth} ${h2.borderBottomStyle} ${h2.borderBottomColor}`;
          record.h2Color = h2.color;
          if (!opens) return;
          view.dispatchEvent(new Event('beforeprint'));
          view.dispatchEvent(new Event('afterprint'));
        };
      return view;
    },
  });
};

async function exportPdf(app: Page) {
  await app.getByRole('button', { name: /Open demo: Glow/ }).click();
  await expect(app.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 60_000 });
  await app.getByRole('tab', { name: 'Plans' }).click();
  await app.getByTestId('plan-row').first().getByRole('button').first().click();
  await app
    .getByRole('navigation', { name: 'Plan steps' })
    .getByRole('button', { name: /Check and export/ })
    .click();
  await expect(app.getByTestId('checklist-summary')).toContainText('0 fail', { timeout: 60_000 });
  await app.getByRole('button', { name: 'Campaign plan (PDF)…' }).click();
}

const printed = (app: Page) => app.evaluate(() => (window as unknown as { printed: Printed }).printed);

test('the PDF opens the print dialog on the styled report, and the status says to save it from there', async ({
  app,
}) => {
  test.setTimeout(120_000);
  await app.addInitScript(stubPrint, true);
  await app.reload();
  await exportPdf(app);
  await expect(app.getByTestId('export-result')).toHaveText(
    'The print dialog opened with the campaign plan: choose “Save as PDF” as the printer there to keep it as a file.',
  );
  const record = await printed(app);
  expect(record.calls).toBe(1);
  // The report's rules reach the frame as a stylesheet of its own, not as a blocked <style>.
  expect(record.styleElements).toBe(0);
  expect(record.pageRules).toBe(1);
  expect(record.h1FontSize).toBe('34.6667px'); // 26pt
  expect(record.h2Border).toBe(`2px solid ${record.h2Color}`); // the brand colour, as its text
  expect(record.h2Color).not.toBe('rgb(0, 0, 0)');
  // The frame goes once the dialog closed.
  await expect(app.locator('iframe.print-frame')).toHaveCount(0);
});

test('when the browser opens no print dialog, the status says no PDF was made and what to do instead', async ({
  app,
}) => {
  test.setTimeout(120_000);
  await app.addInitScript(stubPrint, false);
  await app.reload();
  await exportPdf(app);
  await expect(app.getByTestId('export-result')).toHaveText(
    'The print dialog did not open, so no PDF was made: this browser may block printing from the page. Export the campaign plan (HTML) instead, open it and print it from there.',
  );
  expect((await printed(app)).calls).toBe(1);
  await expect(app.locator('iframe.print-frame')).toHaveCount(0);
});
