import type { PlanDocument } from './plan-document';

type SignOff = Pick<PlanDocument['recommendations'], 'reviewedAt' | 'workspaceId'>;

/**
 * Where a plan's picks were signed off is the workspace's to record, never a document's to claim:
 * a save that brings a new sign-off records this workspace, any other save keeps what the stored
 * plan recorded. `stored` is null for a plan not stored yet, which keeps what its document says.
 */
export function withReviewWorkspace(stored: SignOff | null, document: PlanDocument, here: string): PlanDocument {
  if (stored === null) return document;
  const { reviewedAt } = document.recommendations;
  const signedHere = reviewedAt !== null && reviewedAt !== stored.reviewedAt;
  const workspaceId = signedHere ? here : stored.workspaceId;
  if (workspaceId === document.recommendations.workspaceId) return document;
  return { ...document, recommendations: { ...document.recommendations, workspaceId } };
}
