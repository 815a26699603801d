import { useWorkspace } from '../state/store-context';

export function NoticeBar() {
  const notice = useWorkspace((s) => s.notice);
  const dismiss = useWorkspace((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div className="notice" role="alert">
      <span>{notice}</span>
      <button type="button" className="link" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
