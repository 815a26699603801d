/** The technical text behind a plain message, folded away under “Details” until asked for. */
export function MessageDetails({ details }: { details: string | null | undefined }) {
  if (!details) return null;
  return (
    <details className="message-details">
      <summary>Details</summary>
      <pre>{details}</pre>
    </details>
  );
}
