import type { KeyboardEvent } from 'react';
import { AREA_TITLES } from '../../core/vocabulary';

export type WorkspaceArea = keyof typeof AREA_TITLES;

const AREAS = (Object.keys(AREA_TITLES) as WorkspaceArea[]).map((id) => ({ id, title: AREA_TITLES[id] }));

/** The workspace's main areas as tabs; arrow keys move between them. */
export function AreaTabs({ area, onChange }: { area: WorkspaceArea; onChange: (area: WorkspaceArea) => void }) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const index = AREAS.findIndex((a) => a.id === area);
    const next = AREAS[(index + (event.key === 'ArrowRight' ? 1 : AREAS.length - 1)) % AREAS.length];
    onChange(next.id);
    event.currentTarget.querySelector<HTMLButtonElement>(`#area-tab-${next.id}`)?.focus();
  };
  return (
    <div role="tablist" aria-label="Workspace" className="tabs area-tabs" onKeyDown={onKeyDown}>
      {AREAS.map((a) => (
        <button
          key={a.id}
          id={`area-tab-${a.id}`}
          type="button"
          role="tab"
          aria-selected={a.id === area}
          tabIndex={a.id === area ? 0 : -1}
          onClick={() => onChange(a.id)}
        >
          {a.title}
        </button>
      ))}
    </div>
  );
}
