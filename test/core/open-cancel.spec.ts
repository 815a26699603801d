import { expect, test } from '@playwright/test';
import type { Host } from '../../src/shared/host';
import type { EngineClient } from '../../src/renderer/engine-client';
import { createWorkspaceStore } from '../../src/renderer/state/workspace-store';

/** Cancelling an open that does not finish: the worker is started afresh and the app stays on the home screen. */

const ref = { id: 'shared', name: 'shared.xsell' };

function storeWithEndlessOpen() {
  const calls = { restarts: 0, opens: 0 };
  const host = {
    pickWorkspace: async () => ({ ok: true, value: { ref, bytes: new Uint8Array([1]), hasBackup: false } }),
    listRecent: async () => ({ ok: true, value: [] }),
    releaseWorkspace: async () => ({ ok: true, value: undefined }),
  } as unknown as Host;
  const engine = {
    workspace: {
      // The worker never answers, as with a file that would keep it busy for ever.
      open: () => {
        calls.opens++;
        return new Promise(() => {});
      },
      close: async () => {},
    },
  } as unknown as EngineClient;
  const store = createWorkspaceStore(host, engine, { restartEngine: () => calls.restarts++ });
  return { store, calls };
}

test('an open that does not finish can be cancelled: the engine restarts and the home screen says so', async () => {
  const { store, calls } = storeWithEndlessOpen();
  const opening = store.getState().pickAndOpen();
  await expect.poll(() => store.getState().canCancel).toBe(true);
  expect(store.getState().busy?.label).toBe('Opening workspace');

  store.getState().cancelOpen();
  await opening;
  const state = store.getState();
  expect(calls).toEqual({ restarts: 1, opens: 1 });
  expect(state.notice).toBe('Opening shared.xsell was cancelled. The file has not been changed.');
  expect(state).toMatchObject({ ref: null, summary: null, busy: null, canCancel: false, openProblem: null });
});

test('there is nothing to cancel once no open is under way', async () => {
  const { store, calls } = storeWithEndlessOpen();
  store.getState().cancelOpen();
  expect(calls.restarts).toBe(0);
  expect(store.getState().notice).toBeNull();
});
