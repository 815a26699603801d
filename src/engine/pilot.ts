import { getPlan, otherActivePlans } from '../core/plan/plan-store';
import { decodeTextFile } from '../core/import/decode';
import { measurePilot } from '../core/results/measure';
import { loadPilotSends, recordPilotSends } from '../core/results/pilot-sends';
import { readSendsFile, recordedSends } from '../core/results/sends-file';
import type { PilotApi } from '../shared/engine-api';
import { failed, wrote, type EngineContext } from './context';

export function pilotApi(context: EngineContext): PilotApi {
  return {
    recordSends: (planId, file) =>
      context.write(async (db) => {
        const plan = getPlan(db, planId);
        if (!plan.ok) return failed('sends', plan.error, { problems: [] });
        let read;
        try {
          const text = decodeTextFile(file instanceof Uint8Array ? file : new Uint8Array(await file.arrayBuffer()));
          read = readSendsFile(db, planId, plan.value.document, otherActivePlans(db, planId), text, {
            memo: context.dataMemo(db),
          });
        } catch (error) {
          return failed('sends', error instanceof Error ? error.message : String(error), { problems: [] });
        }
        if (read.refusal !== null) return failed('sends', read.refusal, { problems: read.problems });
        recordPilotSends(db, planId, read.sends);
        return wrote(recordedSends(read));
      }),
    results: (planId) =>
      context.read((db) => {
        const plan = getPlan(db, planId);
        if (!plan.ok) return failed('results', plan.error);
        const sends = loadPilotSends(db, planId);
        if (sends.length === 0)
          return failed(
            'results',
            'No sends are recorded for this plan yet: load the audience file the pilot was sent from, or the email tool’s send log.',
          );
        const results = measurePilot(db, plan.value.document, sends);
        return results
          ? { ok: true, value: results }
          : failed('results', 'The plan has no start date, so there is no pilot to measure.');
      }),
  };
}
