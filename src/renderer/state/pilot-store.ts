import { createStore } from 'zustand/vanilla';
import type { PilotResults } from '../../core/results/result-types';
import { recordedSentence } from '../../core/results/sends-file';
import type { Outcome } from '../../shared/engine-api';
import type { WorkspaceSummary } from '../../core/store/workspace-types';
import type { Host } from '../../shared/host';
import type { EngineClient } from '../engine-client';
import type { PlanEditorStore } from './plan-editor-store';

/**
 * The open plan's pilot once it has run: the sends it went out from, and its results. It holds no
 * state of its own: the results panel keeps what it was last told.
 */

export interface PilotActions {
  /** Asks for the pilot's audience file or the email tool's send log and records its sends for the open plan; what happened, in words, or null when cancelled. */
  recordPilotSends(): Promise<string | null>;
  /** The open plan's pilot results; its view and checklist are worked out again too, as an import (the orders since the start) changes what they see. */
  pilotResults(): Promise<Outcome<{ value: PilotResults }>>;
}

export type PilotStore = ReturnType<typeof createPilotStore>;

export function createPilotStore(
  engine: EngineClient,
  host: Host,
  editor: PlanEditorStore,
  onChanged: (summary: WorkspaceSummary) => void,
) {
  return createStore<PilotActions>()(() => ({
    recordPilotSends: async () => {
      const open = editor.getState().open;
      if (!open) return null;
      const picked = await host.pickDataFiles();
      if (!picked.ok) return `The file could not be opened: ${picked.error}`;
      const file = picked.value?.[0];
      if (!file) return null;
      const outcome = await engine.pilot.recordSends(open.planId, file);
      if (!outcome.ok)
        return [`${file.name}: ${outcome.failure.message}`, ...(outcome.failure.problems ?? [])].join('\n');
      onChanged(outcome.summary);
      return [`${recordedSentence(outcome, file.name)} ${outcome.message}`, ...outcome.problems].join('\n');
    },

    pilotResults: async () => {
      const open = editor.getState().open;
      if (!open) return { ok: false, failure: { kind: 'results', message: 'No plan is open.' } };
      void editor.getState().refreshView();
      return engine.pilot.results(open.planId);
    },
  }));
}
