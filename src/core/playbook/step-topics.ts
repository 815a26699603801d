import type { PlanStepId } from '../plan/plan-step-id';
import { CHECKS } from '../plan/checklist';
import { MOMENT_CATALOGUE } from '../plan/moment-catalogue';
import { CHANNEL_IDS, METRIC_IDS, MOMENT_IDS, STRATEGY_IDS, type PlanDocument } from '../plan/plan-document';
import type { GlossaryId } from './glossary';
import { EXPLAINED_MEASURES } from './measure-explanations';

/** The glossary entries a plan step uses: what the plan chose there first, then the pitfalls that step can fix. */

const pitfallsOf = (step: PlanStepId): GlossaryId[] =>
  CHECKS.filter((c) => c.step === step).map((c) => `pitfall:${c.id}` as const);
/** The moment decides when the first send goes out, so the timing trap belongs to it as much as to the channel plan. */
const TIMING_TRAP: GlossaryId = 'pitfall:timing-trap';

export function stepTopics(step: PlanStepId | 'check', plan: PlanDocument): GlossaryId[] {
  const strategy = plan.strategy.id;
  switch (step) {
    case 'strategy':
      return [
        ...[strategy ?? [], STRATEGY_IDS.filter((s) => s !== strategy)].flat().map((s) => `strategy:${s}` as const),
        ...pitfallsOf('strategy'),
      ];
    case 'moment': {
      const moments = plan.moment.id
        ? [plan.moment.id]
        : MOMENT_IDS.filter((m) => strategy === null || MOMENT_CATALOGUE[m].strategies.includes(strategy));
      return [...moments.map((m) => `moment:${m}` as const), TIMING_TRAP];
    }
    case 'recommendations':
      return [
        ...(strategy ? [`strategy:${strategy}` as const] : []),
        ...EXPLAINED_MEASURES.map((m) => `measure:${m}` as const),
        ...pitfallsOf('recommendations'),
      ];
    case 'messages':
      return pitfallsOf('messages');
    case 'channels': {
      const used = CHANNEL_IDS.filter((c) => plan.channels.sends.some((s) => s.channel === c));
      return [...(used.length > 0 ? used : CHANNEL_IDS).map((c) => `channel:${c}` as const), ...pitfallsOf('channels')];
    }
    case 'pilot':
      return [...METRIC_IDS.map((m) => `metric:${m}` as const), ...pitfallsOf('pilot')];
    case 'check':
      return CHECKS.map((c) => `pitfall:${c.id}` as const);
  }
}
