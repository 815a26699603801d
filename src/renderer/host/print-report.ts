/**
 * The web edition's PDF: the report is laid out in a hidden frame of this page and the browser's
 * print dialog opens on it, where “Save as PDF” makes the file. A frame written from this page
 * inherits the page's CSP, whose `style-src 'self'` rightly blocks the report's inline <style>; so
 * the style elements are taken out of the HTML and their rules given to the frame as a constructed
 * stylesheet (CSSOM), which the policy does not govern. Nothing in the app's CSP is loosened.
 */

const FRAME_CLASS = 'print-frame';
/** The report is our own output: every value in it is escaped, so a style element is only ever ours. */
const STYLE_ELEMENT = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;

/** The HTML without its style elements, and their rules. */
export function takeOutStyles(html: string): { html: string; css: string } {
  const rules: string[] = [];
  const rest = html.replace(STYLE_ELEMENT, (_element, css: string) => {
    rules.push(css);
    return '';
  });
  return { html: rest, css: rules.join('\n') };
}

/** Opens the print dialog on the report; says whether the browser opened it. */
export async function printReport(report: string): Promise<'opened' | 'not-opened'> {
  for (const old of document.querySelectorAll(`iframe.${FRAME_CLASS}`)) old.remove();
  const { html, css } = takeOutStyles(report);
  const frame = document.createElement('iframe');
  frame.className = FRAME_CLASS;
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  // Same origin so this page can style and print it; no scripts run inside.
  frame.setAttribute('sandbox', 'allow-modals allow-same-origin');
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = html;
  document.body.append(frame);
  await loaded;

  const view = frame.contentWindow as (Window & typeof globalThis) | null;
  if (!view) throw new Error('The frame holding the report did not load.');
  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync(css);
  view.document.adoptedStyleSheets = [sheet];

  let opened = false;
  view.addEventListener('beforeprint', () => (opened = true));
  view.addEventListener('afterprint', () => frame.remove());
  view.print();
  // A browser that opens its dialog without blocking this call announces it a task later.
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (!opened) frame.remove();
  return opened ? 'opened' : 'not-opened';
}
