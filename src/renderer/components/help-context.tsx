import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

/** Whether the help panel is open, shared by its toggle and the panel, kept while the user moves between steps. */

interface HelpState {
  open: boolean;
  setOpen(open: boolean): void;
}

const HelpContext = createContext<HelpState | null>(null);

export function HelpProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const value = useMemo(() => ({ open, setOpen }), [open]);
  return <HelpContext.Provider value={value}>{children}</HelpContext.Provider>;
}

export function useHelp(): HelpState {
  const state = useContext(HelpContext);
  if (!state) throw new Error('useHelp needs a HelpProvider above it.');
  return state;
}
