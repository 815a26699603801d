import { useEffect, useState } from 'react';
import { undatedOrdersNote } from '../../core/analysis/undated-orders';
import type { TableName } from '../../core/store/workspace-types';
import { AREA_TITLES } from '../../core/vocabulary';
import { DataTable } from '../components/DataTable';
import { NameDialog } from '../components/NameDialog';
import { WithHelp } from '../components/HelpPanel';
import { INSIGHTS_HELP } from '../components/insights-help';
import { ReadinessPanel } from '../components/ReadinessPanel';
import { ScreenBoundary } from '../components/ScreenBoundary';
import { useImport, usePlanEditor, useWorkspace } from '../state/store-context';
import { AreaTabs, type WorkspaceArea } from './AreaTabs';
import { ExercisesScreen } from './exercises/ExercisesScreen';
import { ImportDialog } from './import/ImportDialog';
import { ImportHistorySection } from './import/ImportHistorySection';
import { InsightsScreen } from './insights/InsightsScreen';
import { PlansScreen } from './plans/PlansScreen';
import { GuidedTour } from './tour/GuidedTour';
import { ClippedText } from '../components/ClippedText';

const TABLE_LABELS: Record<TableName, string> = {
  customers: 'Customers',
  products: 'Products',
  orders: 'Orders',
  order_lines: 'Order lines',
  events: 'Behaviour events',
  baskets: 'Baskets',
  imports: 'Imports',
  plans: 'Plans',
  plan_revisions: 'Plan revisions',
};

const formatDate = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });

export function WorkspaceScreen() {
  const summary = useWorkspace((s) => s.summary)!;
  const readiness = useWorkspace((s) => s.readiness);
  const renameWorkspace = useWorkspace((s) => s.renameWorkspace);
  const closeWorkspace = useWorkspace((s) => s.closeWorkspace);
  const saveCopy = useWorkspace((s) => s.saveCopy);
  const pickAndImport = useImport((s) => s.pickAndPreview);
  const openDroppedFiles = useImport((s) => s.openFiles);
  const [renaming, setRenaming] = useState(false);
  const [area, setArea] = useState<WorkspaceArea>('data');
  const openPlan = usePlanEditor((s) => s.openPlan);
  useDroppedFiles(openDroppedFiles);
  const isEmpty = Object.values(summary.counts).every((count) => count === 0);

  return (
    <div className="workspace">
      <div className="workspace-header">
        <h1>
          <ClippedText text={summary.name} />
        </h1>
        <div className="actions">
          <button type="button" className="primary" onClick={() => void pickAndImport()}>
            Import data…
          </button>
          <button type="button" onClick={() => setRenaming(true)}>
            Rename…
          </button>
          <button type="button" onClick={() => void saveCopy()}>
            Save a copy…
          </button>
          <button type="button" onClick={() => void closeWorkspace()}>
            Close workspace
          </button>
        </div>
      </div>

      <ScreenBoundary screen="guided tour" otherwise="Try again, or carry on without it.">
        <GuidedTour />
      </ScreenBoundary>
      <AreaTabs area={area} onChange={setArea} />
      <ScreenBoundary screen={`${AREA_TITLES[area]} tab`}>
        {area === 'insights' ? (
          <WithHelp sections={INSIGHTS_HELP} label="Explain these insights">
            <InsightsScreen />
          </WithHelp>
        ) : area === 'plans' ? (
          <PlansScreen />
        ) : area === 'exercises' ? (
          <ExercisesScreen
            onOpenPlan={(planId) => {
              setArea('plans');
              void openPlan(planId);
            }}
          />
        ) : (
          <>
            <section aria-labelledby="contents-heading">
              <h2 id="contents-heading">What is in this workspace</h2>
              {isEmpty ? (
                <p className="empty">
                  This workspace has no data yet. It will hold the customers, products, orders and behaviour events you
                  bring in, and the plans you make from them. Use “Import data…” or drop CSV files onto this window to
                  bring some in.
                </p>
              ) : (
                <>
                  <dl className="counts" aria-label="Rows per table">
                    {(Object.keys(TABLE_LABELS) as TableName[]).map((table) => (
                      <div key={table} className="count" data-testid={`count-${table}`}>
                        <dt>{TABLE_LABELS[table]}</dt>
                        <dd>{summary.counts[table].toLocaleString('en')}</dd>
                      </div>
                    ))}
                  </dl>
                  {summary.orderDateRange && (
                    <p data-testid="order-range">
                      Orders from <strong>{formatDate(summary.orderDateRange.first)}</strong> to{' '}
                      <strong>{formatDate(summary.orderDateRange.last)}</strong>.
                    </p>
                  )}
                  {summary.undatedOrders > 0 && (
                    <p data-testid="undated-orders">
                      {undatedOrdersNote(summary.undatedOrders, summary.counts.orders)}
                    </p>
                  )}
                </>
              )}
            </section>

            <ReadinessPanel readiness={readiness} onImport={(kind) => void pickAndImport(kind)} />

            <ImportHistorySection />

            {summary.samples.length > 0 && (
              <section aria-labelledby="samples-heading">
                <h2 id="samples-heading">A few rows</h2>
                {summary.samples.map((sample) => (
                  <DataTable
                    key={sample.table}
                    caption={TABLE_LABELS[sample.table]}
                    columns={sample.columns}
                    rows={sample.rows}
                  />
                ))}
              </section>
            )}
          </>
        )}
      </ScreenBoundary>

      <ScreenBoundary screen="import window" otherwise="Try again, or start the import once more.">
        <ImportDialog />
      </ScreenBoundary>

      <NameDialog
        key={String(renaming)}
        open={renaming}
        title="Rename workspace"
        label="Workspace name"
        initial={summary.name}
        confirmLabel="Rename"
        onCancel={() => setRenaming(false)}
        onConfirm={(name) => {
          setRenaming(false);
          void renameWorkspace(name);
        }}
      />
    </div>
  );
}

/** Data files dropped anywhere on the window start an import of them, one after another. */
function useDroppedFiles(open: (files: File[]) => Promise<void>) {
  useEffect(() => {
    const over = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length === 0) return;
      event.preventDefault();
      void open(files);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [open]);
}
