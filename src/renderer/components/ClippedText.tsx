import { clipText, NAME_SHOWN_MAX } from '../../core/util/clip-text';

/** A name clipped for a table cell or a heading, with the whole of it as the tooltip. */
export function ClippedText({ text, max = NAME_SHOWN_MAX }: { text: string; max?: number }) {
  const shown = clipText(text, max);
  return shown === text ? <>{text}</> : <span title={text}>{shown}</span>;
}
