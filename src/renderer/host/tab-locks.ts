import { describeHolder } from '../../core/util/lock-messages';

/**
 * The web edition's one writer per workspace: a Web Lock per workspace, held while a tab has it
 * open, so a second tab is refused instead of overwriting the first one's saves. The browser lets go
 * of a closed or crashed tab's locks itself. When each was taken is kept in localStorage, for the refusal.
 */
export interface TabLocks {
  take(id: string): Promise<void>;
  holds(id: string): boolean;
  release(id: string): void;
}

const lockName = (id: string) => `cross-sell-planner:workspace:${id}`;
const sinceKey = (id: string) => `cross-sell-planner:open-since:${id}`;

export function createTabLocks(): TabLocks {
  const held = new Map<string, { count: number; letGo: () => void }>();

  return {
    async take(id) {
      const mine = held.get(id);
      if (mine) {
        mine.count++;
        return;
      }
      // Without the Web Locks API (a page not served from a secure origin) there is nothing to hold.
      if (!('locks' in navigator)) return;
      let letGo = () => undefined as void;
      const kept = new Promise<void>((resolve) => (letGo = resolve));
      const granted = await new Promise<boolean>((answer, fail) => {
        navigator.locks
          .request(lockName(id), { ifAvailable: true }, (lock) => {
            answer(lock !== null);
            return lock ? kept : undefined;
          })
          .catch(fail);
      });
      if (!granted) {
        const startedAt = localStorage.getItem(sinceKey(id)) ?? '';
        const who = 'another tab of Cross-Sell Planner';
        throw new Error(describeHolder({ who, kind: 'window', startedAt, pid: 0, elsewhere: null, lockFileName: '' }));
      }
      localStorage.setItem(sinceKey(id), new Date().toISOString());
      held.set(id, { count: 1, letGo });
    },
    holds: (id) => held.has(id),
    release(id) {
      const mine = held.get(id);
      if (!mine || --mine.count > 0) return;
      held.delete(id);
      mine.letGo();
    },
  };
}
