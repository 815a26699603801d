import { expect, test } from '@playwright/test';
import type { App, BrowserWindow } from 'electron';
import { EventEmitter } from 'node:events';
import { guardAgainstDataLoss } from '../../src/main/quit-guard';
import { QUIT_REQUESTED } from '../../src/shared/ipc-channels';

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** A window and an app that behave like Electron's for close and quit: listeners may prevent them. */
function fakeDesktop(answerToQuitWithoutSaving: boolean) {
  const log: string[] = [];
  const app = Object.assign(new EventEmitter(), {
    quit: () => {
      const event = preventable();
      app.emit('before-quit', event);
      if (event.prevented) return log.push('quit prevented');
      log.push('app quit');
      window.close();
    },
  });
  const window = Object.assign(new EventEmitter(), {
    closed: false,
    webContents: { send: (channel: string) => log.push(`sent ${channel}`) },
    close: () => {
      if (window.closed) return;
      const event = preventable();
      window.emit('close', event);
      if (event.prevented) return log.push('close prevented');
      window.closed = true;
      log.push('window closed');
      window.emit('closed');
    },
  });
  const questions: string[] = [];
  const guard = guardAgainstDataLoss(
    window as unknown as BrowserWindow,
    app as unknown as App,
    async () => {
      questions.push('quit without saving?');
      return answerToQuitWithoutSaving;
    },
    50,
  );
  return { app, window, guard, log, questions };
}

function preventable() {
  const event = { prevented: false, preventDefault: () => (event.prevented = true) };
  return event;
}

test('closing the window waits until the page confirms its work is saved', async () => {
  const { window, guard, log, questions } = fakeDesktop(false);

  window.close();
  window.close();
  expect(window.closed).toBe(false);
  expect(log).toEqual([`sent ${QUIT_REQUESTED}`, 'close prevented', 'close prevented']);

  guard.flushed();
  expect(window.closed).toBe(true);
  await tick(80);
  expect(questions).toEqual([]);
});

test('quitting the app waits for the save too, then quits', () => {
  const { app, window, guard, log } = fakeDesktop(false);

  app.quit();
  expect(log).toEqual([`sent ${QUIT_REQUESTED}`, 'quit prevented']);

  guard.flushed();
  expect(log.slice(2)).toEqual(['app quit', 'window closed']);
  expect(window.closed).toBe(true);
});

test('without an answer in time the user is asked, and "keep open" keeps everything open', async () => {
  const { window, guard, questions, log } = fakeDesktop(false);

  window.close();
  await tick(80);

  expect(questions).toEqual(['quit without saving?']);
  expect(window.closed).toBe(false);

  // A late confirmation from the page does not close behind the user's back.
  guard.flushed();
  expect(window.closed).toBe(false);

  // The next close asks the page again.
  window.close();
  expect(log.filter((entry) => entry === `sent ${QUIT_REQUESTED}`)).toHaveLength(2);
});

test('without an answer in time the user may choose to quit anyway', async () => {
  const { app, window, questions } = fakeDesktop(true);

  app.quit();
  await tick(80);

  expect(questions).toEqual(['quit without saving?']);
  expect(window.closed).toBe(true);
});

test('a page that confirms without being asked does not close the window', () => {
  const { window, guard } = fakeDesktop(false);
  guard.flushed();
  expect(window.closed).toBe(false);
});

test('a closed window stops guarding the app quit', () => {
  const { app, window, guard } = fakeDesktop(false);
  window.close();
  guard.flushed();
  expect(app.listenerCount('before-quit')).toBe(0);
});
