import { BrowserWindow, session, type Session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hardenSession, printWebPreferences } from './security';

const PRINT_FOLDER_PREFIX = join(tmpdir(), 'xsell-print-');

let printSession: Session | null = null;

/**
 * A separate in-memory session for printing: no permissions, and no requests except the page's own
 * file and inline data, so an exported plan can never reach the network.
 */
function isolatedPrintSession(): Session {
  if (printSession) return printSession;
  const created = session.fromPartition('xsell-print');
  hardenSession(created);
  const localPrefix = pathToFileURL(PRINT_FOLDER_PREFIX).href;
  created.webRequest.onBeforeRequest((details, callback) => {
    const local = details.url.startsWith(localPrefix) || details.url.startsWith('data:');
    callback({ cancel: !local });
  });
  printSession = created;
  return created;
}

/** Lays the HTML out in a hidden window with scripts off and prints it to PDF bytes. */
export async function renderHtmlToPdf(html: string): Promise<Uint8Array> {
  const folder = await mkdtemp(PRINT_FOLDER_PREFIX);
  const window = new BrowserWindow({
    show: false,
    webPreferences: { ...printWebPreferences(), session: isolatedPrintSession() },
  });
  try {
    const page = join(folder, 'plan.html');
    // A file, not a data: URL, because Chromium caps URL length far below a large plan's size.
    await writeFile(page, html, 'utf8');
    await window.loadFile(page);
    return await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
  } finally {
    window.destroy();
    await rm(folder, { recursive: true, force: true });
  }
}
