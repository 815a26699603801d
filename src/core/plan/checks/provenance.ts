import { approvedRecommendations } from '../recommendations';
import { fail, listed, pass, plural, warn, type Check } from './types';

/**
 * A plan reused from another client keeps picks that were chosen on that client's orders: they can
 * name products this shop does not sell, and their evidence describes other customers. The picks
 * count as this workspace's once they name only its products and were signed off here (or carry
 * no record of a sign-off elsewhere, as plans made before workspaces recorded it).
 */
export const evidenceFromHere: Check = {
  id: 'relevance-workspace',
  group: 'relevance',
  title: 'Evidence comes from this workspace',
  why: 'Picks chosen on another shop’s orders may name products this shop does not sell, and their evidence describes somebody else’s customers.',
  step: 'recommendations',
  run({ plan, context }) {
    const approved = approvedRecommendations(plan).length;
    if (approved === 0) return warn('No recommendation is approved yet, so there is nothing to judge.');
    const { workspaceId, missing } = context.picks;
    if (missing.length > 0)
      return fail(
        `${plural(missing.length, 'approved pick')} ${missing.length === 1 ? 'names' : 'name'} products this workspace does not have: ${listed(missing)}. Take ${missing.length === 1 ? 'it' : 'them'} out and choose from this workspace’s proposals.`,
      );
    const { reviewedBy, reviewedAt, workspaceId: signedIn } = plan.recommendations;
    if (signedIn !== null && signedIn !== workspaceId) {
      const review = `${reviewedBy.trim() || 'Someone'} signed the picks off${reviewedAt ? ` on ${reviewedAt.slice(0, 10)}` : ''}`;
      return fail(
        `${review} in another workspace, so their evidence comes from another shop’s orders. Review the picks here: check each against this workspace’s proposals, then mark the list reviewed again.`,
      );
    }
    const all = approved === 1 ? 'The approved pick names a product' : `All ${approved} approved picks name products`;
    return pass(
      signedIn === null ? `${all} of this workspace.` : `${all} of this workspace, and the picks were signed off here.`,
    );
  },
};
