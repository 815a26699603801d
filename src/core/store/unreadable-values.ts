import { unreadableEntries } from '../analysis/analysis-cache';
import { resultSchemaOfCacheKey } from '../analysis/result-schemas';
import { unreadableProgress } from '../exercises/exercise-state';
import { brandingIsUnreadable } from '../export/branding';
import { unreadableImports } from '../import/history';
import { unreadablePresets } from '../import/presets';
import { unreadableUndoImages } from '../import/undo';
import { unreadableAcknowledgements } from '../plan/acknowledgements';
import { unreadablePlans } from '../plan/plan-store';
import { unreadablePilotRows } from '../results/stored-pilot-rows';
import type { Database } from './sqlite';
import { workspaceNameIsClipped } from './workspace-summary';

/**
 * What a workspace holds that is not in the shape the app writes, in a sentence each. Every
 * reader leaves such values out by itself; this says so once, when the workspace is opened.
 */
export function unreadableValues(db: Database): string[] {
  const counted = (count: number, one: string, many: string) => (count === 0 ? [] : [count === 1 ? one : many]);
  const acks = unreadableAcknowledgements(db);
  const cached = unreadableEntries(db, resultSchemaOfCacheKey);
  const progress = unreadableProgress(db);
  const presets = unreadablePresets(db);
  const imports = unreadableImports(db);
  const sends = unreadablePilotRows(db);
  return [
    ...(workspaceNameIsClipped(db)
      ? ['The workspace’s stored name was too long or not text, so it is shown shortened.']
      : []),
    ...unreadablePlans(db),
    ...counted(
      acks,
      'A checklist acknowledgement was not in the shape the app writes, so it counts for nothing.',
      `${acks} checklist acknowledgements were not in the shape the app writes, so they count for nothing.`,
    ),
    ...counted(
      cached,
      'A stored analysis result was not in the shape the app writes; it will be worked out again.',
      `${cached} stored analysis results were not in the shape the app writes; they will be worked out again.`,
    ),
    ...counted(
      progress,
      'The progress of an exercise could not be read, so it starts again.',
      `The progress of ${progress} exercises could not be read, so they start again.`,
    ),
    ...(brandingIsUnreadable(db)
      ? ['The stored branding did not pass its checks, so exports use the default branding.']
      : []),
    ...counted(
      presets,
      'A remembered set of column choices could not be read and will not be offered.',
      `${presets} remembered sets of column choices could not be read and will not be offered.`,
    ),
    ...counted(
      imports,
      'An import record could not be read and is left out of the import history.',
      `${imports} import records could not be read and are left out of the import history.`,
    ),
    ...(unreadableUndoImages(db) > 0
      ? ['What was kept to undo the last import could not be read, so that import cannot be undone.']
      : []),
    ...counted(
      sends,
      'A recorded pilot row could not be read and is left out of the pilot’s results.',
      `${sends} recorded pilot rows could not be read and are left out of the pilot’s results.`,
    ),
  ];
}
