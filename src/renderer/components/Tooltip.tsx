import { createPortal } from 'react-dom';
import { useId, useState, type CSSProperties, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';

type Anchor = MouseEvent<HTMLElement> | FocusEvent<HTMLElement>;

/**
 * A short explanation tied to an element: shown while the pointer rests on it or it has focus,
 * hidden again by Escape, and always its accessible description (aria-describedby), so screen
 * readers hear it without hovering. Drawn in the page's body below the element, so neither a
 * clipping table cell nor a moving (virtual) row can cut it off or shift it. Spread `trigger` on
 * the element and render `tip` anywhere.
 */
export function useTooltip(text: string | undefined) {
  const id = useId();
  const [at, setAt] = useState<CSSProperties | null>(null);
  if (!text) return { trigger: {}, tip: null };
  const show = (event: Anchor) => {
    const box = event.currentTarget.getBoundingClientRect();
    setAt({ top: box.bottom + 4, left: Math.max(4, Math.min(box.left, window.innerWidth - 324)) });
  };
  const hide = () => setAt(null);
  return {
    trigger: {
      'aria-describedby': id,
      onMouseEnter: show,
      onMouseLeave: hide,
      onFocus: show,
      onBlur: hide,
      onKeyDown: (event: KeyboardEvent) => {
        if (event.key !== 'Escape' || !at) return;
        event.stopPropagation();
        hide();
      },
    },
    tip: createPortal(
      <span role="tooltip" id={id} className="tooltip" hidden={!at} style={at ?? undefined}>
        {text}
      </span>,
      document.body,
    ),
  };
}
