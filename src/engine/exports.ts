import { getBranding, setBranding } from '../core/export/branding';
import { exportPlan } from '../core/export/export-plan';
import { drawIsSettled } from '../core/results/exported-audience';
import type { ExportsApi } from '../shared/engine-api';
import { failed, throttled, wrote, type EngineContext } from './context';

export function exportsApi(context: EngineContext): ExportsApi {
  return {
    plan: (planId, format, onProgress) =>
      context.write((db) => {
        const keepsDraw = format === 'audience-csv' && !drawIsSettled(db, planId);
        const exported = exportPlan(db, planId, format, {
          memo: context.dataMemo(db),
          onProgress: throttled((done, total) =>
            onProgress?.({ label: 'Writing the audience file', done, total, rows: done }),
          ),
        });
        if (!exported.ok) return failed('export', exported.error);
        // The workspace keeps the pilot's draw of an audience file it exports, until sends are read against it.
        return wrote({ file: exported.value }, keepsDraw);
      }),
    branding: () => context.read(getBranding),
    setBranding: (branding) =>
      context.write((db) => {
        const saved = setBranding(db, branding);
        return saved.ok ? wrote({ branding: saved.value }) : failed('branding', saved.error);
      }),
  };
}
