import { clipText } from '../util/clip-text';
import { ITEM_LABEL_MAX, type Recommendation } from './plan-document';

/**
 * A product or category as a plan names it: the label is copied from the workspace, whose names
 * may be longer than a plan keeps, so it is clipped here rather than making the plan unsavable.
 */
export const itemRef = (id: string, label: string | null): Recommendation['recommended'] => ({
  id,
  label: clipText(label ?? id, ITEM_LABEL_MAX),
});
