import type { ReactNode } from 'react';
import { ErrorBoundary, getErrorMessage, type FallbackProps } from 'react-error-boundary';
import { useWorkspace } from '../state/store-context';
import type { SaveState } from '../state/workspace-store';
import { MessageDetails } from './MessageDetails';

/** What the panel says about the workspace, true to where its saving stands. */
const WORKSPACE_STATE: Record<SaveState, string> = {
  saved: 'Your workspace is open and saved.',
  unsaved: 'Your workspace is open and your latest changes are being saved.',
  saving: 'Your workspace is open and your latest changes are being saved.',
  failed: 'Your workspace is open, but its last save failed: use “Try saving again” at the top.',
};

interface ScreenBoundaryProps {
  /** The screen as the message names it, e.g. “Bought together page”. */
  screen: string;
  /** What the user can do besides trying again. */
  otherwise?: string;
  /** Runs before “Try again” shows the screen anew, e.g. to fetch what it shows once more. */
  onRetry?: () => void;
  children: ReactNode;
}

/**
 * Keeps an error while showing one screen to that screen: the tabs, the header and the save status
 * stay, and saving goes on (it lives in the stores, outside this tree). Moving to another screen
 * (a new `screen`) clears it.
 */
export function ScreenBoundary({
  screen,
  otherwise = 'Try again, or go to another tab.',
  onRetry,
  children,
}: ScreenBoundaryProps) {
  return (
    <ErrorBoundary
      resetKeys={[screen]}
      onReset={(details) => {
        if (details.reason === 'imperative-api') onRetry?.();
      }}
      fallbackRender={(props) => <ScreenFailed screen={screen} otherwise={otherwise} {...props} />}
    >
      {children}
    </ErrorBoundary>
  );
}

function ScreenFailed({
  screen,
  otherwise,
  error,
  resetErrorBoundary,
}: FallbackProps & { screen: string; otherwise: string }) {
  const open = useWorkspace((s) => s.summary !== null);
  const saveState = useWorkspace((s) => s.saveState);
  return (
    <div className="screen-failed" role="alert" data-testid="screen-failed">
      <p>
        The {screen} could not be shown because of an error in the app.
        {open && ` ${WORKSPACE_STATE[saveState]}`} {otherwise}
      </p>
      <button type="button" onClick={resetErrorBoundary}>
        Try again
      </button>
      <MessageDetails details={getErrorMessage(error) ?? String(error)} />
    </div>
  );
}
