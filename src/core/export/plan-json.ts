import { exportedPlanJson } from '../plan/plan-documents';
import { planDocumentSchema, type PlanDocument } from '../plan/plan-document';

/**
 * The plan document as a JSON file, in the versioned plan format: it imports back as a template
 * (`plan --from`, or a new plan from a file in the app). It is checked against the schema first,
 * so an export never writes a file that would not import.
 */
export function planJson(document: PlanDocument): string {
  return exportedPlanJson(planDocumentSchema.parse(document));
}
