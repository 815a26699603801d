import { applyPlanTemplate } from '../core/plan/apply-template';
import { addAcknowledgement, removeAcknowledgement } from '../core/plan/acknowledgements';
import { CHECK_IDS } from '../core/plan/checklist';
import { planChecklist } from '../core/plan/checklist-report';
import type { PlanRecord } from '../core/plan/plan-document';
import {
  archivePlan,
  createPlan,
  deletePlan,
  duplicatePlan,
  getPlan,
  listPlans,
  otherActivePlans,
  planAtRevision,
  planRevisions,
  renamePlan,
  restorePlan,
  savePlan,
} from '../core/plan/plan-store';
import { computePlanView } from '../core/plan/plan-view';
import { manualRecommendationRefs, searchProducts, unknownManualProduct } from '../core/plan/product-search';
import type { Result } from '../core/util/result';
import type { PlansApi } from '../shared/engine-api';
import { failed, outcomeOf, wrote, type EngineContext } from './context';

export function plansApi(context: EngineContext): PlansApi {
  return {
    list: () => context.read(listPlans),
    get: (planId) => context.read((db) => outcomeOf(getPlan(db, planId), 'plan')),
    create: (document) =>
      context.write((db) => {
        const unknown = unknownManualProduct(db, document, null);
        return unknown ? failed('plan', unknown) : planWritten(createPlan(db, document, new Date()));
      }),
    applyDocument: (document, over) =>
      context.write((db) => {
        const { document: fitted, notes } = applyPlanTemplate(db, document);
        if (!over) {
          const created = createPlan(db, fitted, new Date());
          return created.ok ? wrote({ plan: created.value, notes }) : failed('plan', created.error);
        }
        const saved = savePlan(db, over.planId, fitted, new Date(), over.expectedRevision);
        return saved.ok ? wrote({ plan: saved.value.plan, notes }, saved.value.changed) : failed('plan', saved.error);
      }),
    save: (planId, document, expectedRevision) =>
      context.write((db) => {
        const stored = getPlan(db, planId);
        const unknown = unknownManualProduct(db, document, stored.ok ? stored.value.document : null);
        if (unknown) return failed('plan', unknown);
        const saved = savePlan(db, planId, document, new Date(), expectedRevision);
        return saved.ok ? wrote({ plan: saved.value.plan }, saved.value.changed) : failed('plan', saved.error);
      }),
    rename: (planId, name) => context.write((db) => planWritten(renamePlan(db, planId, name, new Date()))),
    duplicate: (planId, name) => context.write((db) => planWritten(duplicatePlan(db, planId, new Date(), name))),
    archive: (planId, archived) => context.write((db) => planWritten(archivePlan(db, planId, archived, new Date()))),
    delete: (planId) =>
      context.write((db) => {
        const deleted = deletePlan(db, planId);
        return deleted.ok ? wrote({ deleted: deleted.value }) : failed('plan', deleted.error);
      }),
    restore: (deleted) => context.write((db) => planWritten(restorePlan(db, deleted))),
    revisions: (planId) => context.read((db) => outcomeOf(planRevisions(db, planId), 'plan')),
    atRevision: (planId, revision) => context.read((db) => outcomeOf(planAtRevision(db, planId, revision), 'plan')),
    view: (planId, document) =>
      context.read((db) => computePlanView(db, document, otherActivePlans(db, planId), context.dataMemo(db))),
    checklist: (planId, document) =>
      context.read((db) => planChecklist(db, planId, document, otherActivePlans(db, planId), context.dataMemo(db))),
    acknowledge: (planId, checkId, reason, by) =>
      context.write((db) => {
        const added = addAcknowledgement(db, planId, { checkId, reason, by }, CHECK_IDS, new Date());
        return added.ok ? wrote({ acknowledged: added.value }) : failed('acknowledgement', added.error);
      }),
    withdrawAcknowledgement: (planId, checkId) =>
      context.write((db) => {
        const removed = removeAcknowledgement(db, planId, checkId);
        return removed.ok
          ? wrote({ acknowledged: removed.value.acknowledgements }, removed.value.changed)
          : failed('acknowledgement', removed.error);
      }),
    searchProducts: (query, limit) => context.read((db) => searchProducts(db, query, limit)),
    manualRecommendation: (anchorId, recommendedId) =>
      context.read((db) => outcomeOf(manualRecommendationRefs(db, anchorId, recommendedId), 'plan')),
  };
}

const planWritten = (written: Result<PlanRecord, string>) =>
  written.ok ? wrote({ plan: written.value }) : failed('plan', written.error);
