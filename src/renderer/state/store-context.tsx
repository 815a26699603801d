import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Host } from '../../shared/host';
import type { ExercisesActions, ExercisesState, ExercisesStore } from './exercises-store';
import type { ImportActions, ImportState, ImportStore } from './import-store';
import type { InsightsActions, InsightsState, InsightsStore } from './insights-store';
import type { PilotActions, PilotStore } from './pilot-store';
import type { PlanEditorActions, PlanEditorState, PlanEditorStore } from './plan-editor-store';
import type { PlanExportsActions, PlanExportsState, PlanExportsStore } from './plan-exports-store';
import type { PlanListActions, PlanListState, PlanListStore } from './plan-list-store';
import type { WorkspaceActions, WorkspaceState, WorkspaceStore } from './workspace-store';

interface Services {
  host: Host;
  store: WorkspaceStore;
  importStore: ImportStore;
  insightsStore: InsightsStore;
  planListStore: PlanListStore;
  planEditorStore: PlanEditorStore;
  planExportsStore: PlanExportsStore;
  pilotStore: PilotStore;
  exercisesStore: ExercisesStore;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ServicesProvider is missing');
  return services;
}

export const useHost = () => useServices().host;

export function useWorkspace<T>(selector: (state: WorkspaceState & WorkspaceActions) => T): T {
  return useStore(useServices().store, selector);
}

export function useImport<T>(selector: (state: ImportState & ImportActions) => T): T {
  return useStore(useServices().importStore, selector);
}

export function useInsights<T>(selector: (state: InsightsState & InsightsActions) => T): T {
  return useStore(useServices().insightsStore, selector);
}

export function usePlanList<T>(selector: (state: PlanListState & PlanListActions) => T): T {
  return useStore(useServices().planListStore, selector);
}

export function usePlanEditor<T>(selector: (state: PlanEditorState & PlanEditorActions) => T): T {
  return useStore(useServices().planEditorStore, selector);
}

export function usePlanExports<T>(selector: (state: PlanExportsState & PlanExportsActions) => T): T {
  return useStore(useServices().planExportsStore, selector);
}

export function usePilot<T>(selector: (state: PilotActions) => T): T {
  return useStore(useServices().pilotStore, selector);
}

export function useExercises<T>(selector: (state: ExercisesState & ExercisesActions) => T): T {
  return useStore(useServices().exercisesStore, selector);
}
