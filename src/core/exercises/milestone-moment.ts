import { momentCustomers, type MomentId } from '../analysis/moments';
import type { Database } from '../store/sqlite';
import { MOMENT_IDS } from '../plan/plan-document';
import { MOMENT_TITLES } from '../vocabulary';
import type { Exercise } from './exercise';

/** Running: a customer who just passed a milestone; the learner picks the moment that fits them at the end of the data. */

const MILESTONE_MOMENTS: readonly MomentId[] = ['usage-milestone', 'loyalty-milestone'];
const EVERYONE = { limit: Number.MAX_SAFE_INTEGER };

/** The first customer, in id order, in a milestone moment as of the data's end, and every milestone moment they are in. */
export function milestoneRunner(db: Database): { customerId: string; moments: MomentId[] } | null {
  const audiences = MILESTONE_MOMENTS.map((moment) => ({
    moment,
    ids: momentCustomers(db, moment, {}, EVERYONE).items,
  }));
  for (const { ids } of audiences) {
    const [customerId] = ids;
    if (customerId !== undefined)
      return { customerId, moments: audiences.filter((a) => a.ids.includes(customerId)).map((a) => a.moment) };
  }
  return null;
}

const title = (moment: string) => MOMENT_TITLES[moment as MomentId] ?? moment;

export const milestoneMoment: Exercise = {
  id: 'milestone-moment',
  industry: 'running',
  title: 'Pick the right moment for a runner who just logged a milestone',
  brief:
    'A runner has just passed a milestone in what they log or in the loyalty scheme. Look them up in the data and decide which customer moment should start a suggestion for them at the end of the data.',
  task(db) {
    const runner = milestoneRunner(db);
    return {
      kind: 'choice',
      question: runner
        ? `The moment for customer ${runner.customerId}`
        : 'No runner in this workspace has reached a milestone.',
      choices: runner ? MOMENT_IDS.map((id) => ({ value: id, label: title(id) })) : [],
    };
  },
  check(db, answer) {
    const runner = milestoneRunner(db);
    if (!runner)
      return {
        solved: false,
        feedback: 'No customer in this workspace is in a milestone moment at the end of the data.',
      };
    if (runner.moments.includes(answer as MomentId)) {
      return {
        solved: true,
        feedback: `Right: at the end of the data customer ${runner.customerId} is in “${title(answer)}”, the moment to suggest the next step up.`,
      };
    }
    return {
      solved: false,
      feedback: `Not this one: customer ${runner.customerId} is not in “${title(answer)}” at the end of the data. Look at their latest events and which moment they point to.`,
    };
  },
};
