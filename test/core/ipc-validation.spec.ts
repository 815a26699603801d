import { expect, test } from '@playwright/test';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { backupPathFor, writeFileAtomic } from '../../src/node/atomic-write';
import { createHostHandlers, NOT_GRANTED_ERROR, type HostServices } from '../../src/main/host-handlers';
import {
  createIpcDispatcher,
  UNTRUSTED_SENDER_ERROR,
  type IpcHandlers,
  type SenderEvent,
} from '../../src/main/ipc-dispatch';
import { RecentFiles } from '../../src/main/recent-files';
import { validateSender } from '../../src/main/security';
import { WorkspaceAccess } from '../../src/main/workspace-files';
import { WriteQueue } from '../../src/node/write-queue';
import { WindowLocks } from '../../src/main/window-locks';
import type { OpenedWorkspace, WorkspaceRef } from '../../src/shared/host';
import { IPC_CHANNELS, type IpcChannel } from '../../src/shared/ipc-channels';
import type { Result } from '../../src/core/util/result';
import { withTempDir } from '../support/temp-dir';
import { cli } from '../support/cli-process';
import { lockPathFor } from '../../src/node/workspace-lock';

const fromApp: SenderEvent = { senderFrame: { url: 'app://bundle/index.html' } };
const bytesOf = (text: string) => new TextEncoder().encode(text);

/** Handlers that answer with their channel name and payload, recording each call. */
function echoHandlers() {
  const calls: IpcChannel[] = [];
  const handlers = Object.fromEntries(
    IPC_CHANNELS.map((channel) => [channel, (payload: unknown) => (calls.push(channel), { channel, payload })]),
  ) as unknown as IpcHandlers<SenderEvent>;
  return { handlers, calls };
}

test.describe('the IPC dispatcher', () => {
  test('refuses requests from anything but the app page, without running the handler', async () => {
    const { handlers, calls } = echoHandlers();
    const dispatch = createIpcDispatcher(handlers, (url) => validateSender(url));
    const throwingFrame = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
    };

    for (const event of [
      { senderFrame: { url: 'https://evil.test/' } },
      { senderFrame: { url: 'file:///tmp/page.html' } },
      { senderFrame: { url: 'about:blank' } },
      { senderFrame: null },
      throwingFrame,
    ]) {
      expect(await dispatch('recent:list', event, undefined)).toEqual({ ok: false, error: UNTRUSTED_SENDER_ERROR });
    }
    expect(calls).toEqual([]);
  });

  const badPayloads: [IpcChannel, unknown, string][] = [
    ['workspace:pick', { sneaky: true }, 'workspace:pick'],
    ['workspace:open-recent', undefined, 'request'],
    ['workspace:open-recent', { ref: { id: '', name: 'Acme' } }, 'ref.id'],
    ['workspace:open-recent', { ref: { id: '/a.xsell', name: 'Acme', extra: 1 } }, 'ref'],
    ['workspace:save', { ref: { id: '/a.xsell', name: 'Acme' }, bytes: [1, 2, 3] }, 'bytes: expected the file bytes'],
    ['workspace:save', { ref: { id: '/a.xsell', name: 'Acme' }, bytes: 'AAAA' }, 'bytes'],
    ['workspace:choose-new', { suggestedName: 'x'.repeat(300) }, 'suggestedName'],
    ['export:save', { suggestedName: 'plan.csv', mimeType: 'text/csv', data: 42 }, 'data'],
    ['export:pdf', { html: '<p>plan</p>' }, 'suggestedName'],
    ['shell:open-external', { url: 'not a link' }, 'url'],
    ['window:set-title', { title: 'x'.repeat(301) }, 'title'],
    ['window:set-title', 'Acme', 'request'],
  ];
  for (const [channel, payload, mentions] of badPayloads) {
    test(`refuses a malformed "${channel}" request with a clear message (${mentions})`, async () => {
      const { handlers, calls } = echoHandlers();
      const dispatch = createIpcDispatcher(handlers, () => true);

      const answer = await dispatch(channel, fromApp, payload);

      expect(answer.ok).toBe(false);
      const error = (answer as { error: string }).error;
      expect(error).toContain(`malformed “${channel}” request`);
      expect(error).toContain(mentions);
      expect(calls).toEqual([]);
    });
  }

  test('passes a valid payload to its handler and answers with its value', async () => {
    const { handlers, calls } = echoHandlers();
    const dispatch = createIpcDispatcher(handlers, () => true);
    const ref = { id: '/clients/acme.xsell', name: 'acme' };

    expect(await dispatch('workspace:save', fromApp, { ref, bytes: bytesOf('db') })).toEqual({
      ok: true,
      value: { channel: 'workspace:save', payload: { ref, bytes: bytesOf('db') } },
    });
    expect(await dispatch('recent:list', fromApp, undefined)).toMatchObject({ ok: true });
    expect(calls).toEqual(['workspace:save', 'recent:list']);
  });

  test('handler failures become error results, never exceptions', async () => {
    const { handlers } = echoHandlers();
    const dispatch = createIpcDispatcher(
      {
        ...handlers,
        'recent:list': () => {
          throw new Error('The recent list is unavailable.');
        },
        'recent:forget': async () => Promise.reject('plain string failure'),
      },
      () => true,
    );
    const ref = { id: '/a.xsell', name: 'a' };

    expect(await dispatch('recent:list', fromApp, undefined)).toEqual({
      ok: false,
      error: 'The recent list is unavailable.',
    });
    expect(await dispatch('recent:forget', fromApp, { ref })).toEqual({ ok: false, error: 'plain string failure' });
  });
});

interface FakeDesktop {
  services: HostServices<SenderEvent>;
  answers: { open: string | null; newPath: string | null; exportPath: string | null };
  exportQuestions: string[];
  opened: string[];
  titles: string[];
  quitReady: number;
}

async function fakeDesktop(dir: string): Promise<FakeDesktop> {
  const settings = join(dir, 'settings');
  await mkdir(settings, { recursive: true });
  const fake: FakeDesktop = {
    answers: { open: null, newPath: null, exportPath: null },
    exportQuestions: [],
    opened: [],
    titles: [],
    quitReady: 0,
    services: undefined as unknown as HostServices<SenderEvent>,
  };
  fake.services = {
    askWorkspaceToOpen: async () => fake.answers.open,
    askNewWorkspacePath: async () => fake.answers.newPath,
    askExportPath: async (_event, suggestedName) => (fake.exportQuestions.push(suggestedName), fake.answers.exportPath),
    renderPdf: async (html) => bytesOf(`%PDF-1.7 ${html}`),
    openExternal: async (url) => void fake.opened.push(url),
    setTitle: (_event, title) => void fake.titles.push(title),
    quitReady: () => void fake.quitReady++,
    recent: new RecentFiles(settings),
    access: new WorkspaceAccess(join(settings, 'Demo workspaces')),
    saves: new WriteQueue(),
    locks: new WindowLocks(),
    ownerOf: (event) => (event as SenderEvent & { windowId?: number }).windowId ?? 1,
    demoFolder: join(settings, 'Demo workspaces'),
  };
  return fake;
}

async function hostOver(dir: string) {
  const desktop = await fakeDesktop(dir);
  const dispatch = createIpcDispatcher(createHostHandlers(desktop.services), (url) => validateSender(url));
  const call = <T>(channel: IpcChannel, payload?: unknown) => dispatch(channel, fromApp, payload) as Promise<Result<T>>;
  /** A call from another window of the app. */
  const callFrom = <T>(windowId: number, channel: IpcChannel, payload?: unknown) =>
    dispatch(channel, { ...fromApp, windowId } as SenderEvent, payload) as Promise<Result<T>>;
  return { desktop, call, callFrom };
}

const valueOf = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`expected success, got: ${result.error}`);
  return result.value;
};

test.describe('the Host calls in main', () => {
  test('picking a workspace reads it without writing, remembers it and allows saving to it', async () => {
    await withTempDir(async (dir) => {
      const { desktop, call } = await hostOver(dir);
      const path = join(dir, 'Acme Outdoor.xsell');
      await writeFile(path, 'not even a database');
      const before = await stat(path);

      expect(valueOf(await call('workspace:pick'))).toBeNull();

      desktop.answers.open = path;
      const opened = valueOf(await call<OpenedWorkspace>('workspace:pick'));
      expect(opened.ref).toEqual({ id: path, name: 'Acme Outdoor' });
      expect(new TextDecoder().decode(opened.bytes)).toBe('not even a database');
      expect(opened.hasBackup).toBe(false);
      expect((await stat(path)).mtimeMs).toBe(before.mtimeMs);
      expect(valueOf(await call<{ ref: WorkspaceRef }[]>('recent:list')).map((entry) => entry.ref)).toEqual([
        opened.ref,
      ]);

      const saved = valueOf(
        await call<{ savedAt: string }>('workspace:save', { ref: opened.ref, bytes: bytesOf('v2') }),
      );
      expect(Date.parse(saved.savedAt)).not.toBeNaN();
      expect(await readFile(path, 'utf8')).toBe('v2');
      expect(await readFile(backupPathFor(path), 'utf8')).toBe('not even a database');
    });
  });

  test('refuses to save or read anywhere the user did not choose', async () => {
    await withTempDir(async (dir) => {
      const { call } = await hostOver(dir);
      const elsewhere = join(dir, 'elsewhere.xsell');
      await writeFile(elsewhere, 'precious');

      for (const id of [
        elsewhere,
        join(dir, 'new.xsell'),
        'relative.xsell',
        join(dir, 'settings', 'recent-workspaces.json'),
      ]) {
        const ref = { id, name: 'x' };
        expect(await call('workspace:save', { ref, bytes: bytesOf('overwrite') })).toEqual({
          ok: false,
          error: NOT_GRANTED_ERROR,
        });
        expect(await call('workspace:open-recent', { ref })).toEqual({ ok: false, error: NOT_GRANTED_ERROR });
        expect(await call('workspace:open-backup', { ref })).toEqual({ ok: false, error: NOT_GRANTED_ERROR });
      }
      expect(await readFile(elsewhere, 'utf8')).toBe('precious');
    });
  });

  test('a workspace in the recent list opens again, also after a restart', async () => {
    await withTempDir(async (dir) => {
      const first = await hostOver(dir);
      const path = join(dir, 'Bloom.xsell');
      await writeFile(path, 'bloom');
      first.desktop.answers.open = path;
      const { ref } = valueOf(await first.call<OpenedWorkspace>('workspace:pick'));

      // The first main process quits, letting go of its windows' workspaces; a new one grants what the
      // stored recent list holds, as index.ts does at start.
      await first.desktop.services.locks.releaseAll(1);
      const second = await hostOver(dir);
      for (const stored of await second.desktop.services.recent.paths()) second.desktop.services.access.grant(stored);
      const reopened = valueOf(await second.call<OpenedWorkspace>('workspace:open-recent', { ref }));
      expect(new TextDecoder().decode(reopened.bytes)).toBe('bloom');
    });
  });

  test('opening a recent workspace that was moved explains what happened', async () => {
    await withTempDir(async (dir) => {
      const { desktop, call } = await hostOver(dir);
      const path = join(dir, 'Gone.xsell');
      desktop.services.access.grant(path);

      expect(await call('workspace:open-recent', { ref: { id: path, name: 'Gone' } })).toEqual({
        ok: false,
        error: `“Gone.xsell” is no longer in “${dir}”. It may have been moved, renamed or deleted.`,
      });
    });
  });

  test('the backup opens as the previous version, and its absence is explained', async () => {
    await withTempDir(async (dir) => {
      const { desktop, call } = await hostOver(dir);
      const path = join(dir, 'Acme.xsell');
      await writeFileAtomic(path, bytesOf('v1'));
      desktop.answers.open = path;
      const { ref } = valueOf(await call<OpenedWorkspace>('workspace:pick'));

      expect(await call('workspace:open-backup', { ref })).toEqual({
        ok: false,
        error: `There is no backup of this workspace in “${dir}”.`,
      });

      await call('workspace:save', { ref, bytes: bytesOf('v2') });
      const backup = valueOf(await call<OpenedWorkspace>('workspace:open-backup', { ref }));
      expect(new TextDecoder().decode(backup.bytes)).toBe('v1');
      expect(valueOf(await call<OpenedWorkspace>('workspace:open-recent', { ref })).hasBackup).toBe(true);
    });
  });

  test('a new workspace gets the extension and may be saved', async () => {
    await withTempDir(async (dir) => {
      const { desktop, call } = await hostOver(dir);
      expect(valueOf(await call('workspace:choose-new', { suggestedName: 'Acme' }))).toBeNull();

      desktop.answers.newPath = join(dir, 'Acme spring');
      const ref = valueOf(await call<WorkspaceRef>('workspace:choose-new', { suggestedName: 'Acme' }));
      expect(ref).toEqual({ id: join(dir, 'Acme spring.xsell'), name: 'Acme spring' });

      expect(valueOf(await call('workspace:save', { ref, bytes: bytesOf('new') }))).toBeTruthy();
      expect(await readFile(ref.id, 'utf8')).toBe('new');
    });
  });

  test('demo workspaces live in the demo folder under a safe name, without a dialog', async () => {
    await withTempDir(async (dir) => {
      const { desktop, call } = await hostOver(dir);
      const ref = valueOf(await call<WorkspaceRef>('workspace:demo-location', { suggestedName: 'Beauty: demo/../x?' }));

      expect(ref.id.startsWith(join(desktop.services.demoFolder, 'Beauty demo'))).toBe(true);
      expect(ref.id.endsWith('.xsell')).toBe(true);
      expect(valueOf(await call('workspace:save', { ref, bytes: bytesOf('demo') }))).toBeTruthy();
      expect(await readFile(ref.id, 'utf8')).toBe('demo');
    });
  });

  test('exports are written where the user chose, and never over a workspace', async () => {
    await withTempDir(async (dir) => {
      const { desktop, call } = await hostOver(dir);
      const request = { suggestedName: 'audience.csv', mimeType: 'text/csv', data: 'email\nana@example.com\n' };

      expect(valueOf(await call('export:save', request))).toBeNull();

      desktop.answers.exportPath = join(dir, 'audience.csv');
      expect(valueOf(await call('export:save', request))).toEqual({ savedTo: join(dir, 'audience.csv') });
      expect(await readFile(join(dir, 'audience.csv'), 'utf8')).toBe(request.data);

      desktop.answers.exportPath = join(dir, 'Client.xsell');
      expect(await call('export:save', request)).toEqual({
        ok: false,
        error: 'An export cannot replace a workspace file. Choose another name.',
      });
    });
  });

  test('a PDF is rendered and saved under a .pdf name', async () => {
    await withTempDir(async (dir) => {
      const { desktop, call } = await hostOver(dir);
      desktop.answers.exportPath = join(dir, 'plan.pdf');

      const answer = valueOf(await call('export:pdf', { html: '<h1>Plan</h1>', suggestedName: 'Spring plan' }));

      expect(desktop.exportQuestions).toEqual(['Spring plan.pdf']);
      expect(answer).toEqual({ savedTo: join(dir, 'plan.pdf') });
      expect(await readFile(join(dir, 'plan.pdf'), 'utf8')).toBe('%PDF-1.7 <h1>Plan</h1>');
    });
  });

  test('only allow-listed links are opened', async () => {
    await withTempDir(async (dir) => {
      const { desktop, call } = await hostOver(dir);

      expect(await call('shell:open-external', { url: 'https://evil.test/' })).toEqual({
        ok: false,
        error: 'Cross-Sell Planner only opens links to its own help pages.',
      });
      expect(
        valueOf(await call('shell:open-external', { url: 'https://cross-sell-planner.example.org/help' })),
      ).toBeUndefined();
      expect(desktop.opened).toEqual(['https://cross-sell-planner.example.org/help']);
    });
  });

  test('title and quit-ready reach the window', async () => {
    await withTempDir(async (dir) => {
      const { desktop, call } = await hostOver(dir);
      await call('window:set-title', { title: 'Acme — Cross-Sell Planner' });
      await call('app:quit-ready');
      expect(desktop.titles).toEqual(['Acme — Cross-Sell Planner']);
      expect(desktop.quitReady).toBe(1);
    });
  });

  test('forgetting a recent workspace removes it from the list', async () => {
    await withTempDir(async (dir) => {
      const { desktop, call } = await hostOver(dir);
      const path = join(dir, 'Acme.xsell');
      await writeFile(path, 'x');
      desktop.answers.open = path;
      const { ref } = valueOf(await call<OpenedWorkspace>('workspace:pick'));

      await call('recent:forget', { ref });

      expect(valueOf(await call('recent:list'))).toEqual([]);
    });
  });
});

test.describe('one writer per workspace in the desktop app', () => {
  const heldByWindow = new RegExp(
    `^This workspace is open in a window of Cross-Sell Planner since \\d\\d:\\d\\d \\(process ${process.pid}\\)\\. Close it there, then try again\\.$`,
  );

  test('a second window and a command are refused while a window has the workspace, until it lets go', async () => {
    await withTempDir(async (dir) => {
      const { desktop, call, callFrom } = await hostOver(dir);
      const path = join(dir, 'Acme Outdoor.xsell');
      await writeFileAtomic(path, bytesOf('v1'));
      desktop.answers.open = path;

      const opened = valueOf(await call<OpenedWorkspace>('workspace:pick'));
      valueOf(await call<OpenedWorkspace>('workspace:open-recent', { ref: opened.ref }));
      const second = await callFrom(2, 'workspace:pick');
      expect(second.ok ? 'opened' : second.error).toMatch(heldByWindow);
      const secondSave = await callFrom(2, 'workspace:save', { ref: opened.ref, bytes: bytesOf('from window 2') });
      expect(secondSave.ok ? 'saved' : secondSave.error).toMatch(heldByWindow);
      const csv = join(dir, 'customers.csv');
      await writeFile(csv, 'customer_id,email\nC1,c1@example.com\n');
      const command = await cli('import', csv, '--workspace', path);
      expect(command.code).toBe(75);
      expect(command.stderr).toMatch(/This workspace is open in a window of Cross-Sell Planner since/);
      expect(await readFile(path, 'utf8')).toBe('v1');

      // Opened twice (the workspace reopened from the recent list), so let go of twice.
      valueOf(await call('workspace:release', { ref: opened.ref }));
      expect((await callFrom(2, 'workspace:pick')).ok).toBe(false);
      valueOf(await call('workspace:release', { ref: opened.ref }));
      valueOf(await callFrom<OpenedWorkspace>(2, 'workspace:pick'));
      valueOf(await callFrom(2, 'workspace:save', { ref: opened.ref, bytes: bytesOf('from window 2') }));
      expect(await readFile(path, 'utf8')).toBe('from window 2');

      // A closed window lets go of everything it held.
      await desktop.services.locks.releaseAll(2);
      await expect(stat(lockPathFor(path))).rejects.toThrow();
    });
  });
});
