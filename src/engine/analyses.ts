import { customerOrders } from '../core/analysis/drilldown';
import type { AnalysesApi } from '../shared/engine-api';
import { failed, wrote, type EngineContext } from './context';

export function analysesApi(context: EngineContext): AnalysesApi {
  const { analyses } = context;
  return {
    run: (name, params, onProgress) =>
      context.write((db) => {
        const answer = analyses.run(db, name, params, onProgress);
        if (!answer.ok) return failed('analysis', answer.error.message);
        // A computed result is cached in the workspace; one from the cache changes nothing.
        return wrote(answer.value, !answer.value.fromCache);
      }),
    drilldown: (request, window) => context.read((db) => analyses.drilldown(db, request, window)),
    customerOrders: (customerId) => context.read((db) => customerOrders(db, customerId)),
  };
}
