import type { CliOutput } from './cli-support';

/**
 * What the command line prints, made safe for a terminal: names and other values read from files
 * may hold escape sequences (clearing the screen, setting the window title, faking a prompt),
 * control characters or bidirectional overrides that reorder what is shown. Tabs and line feeds
 * stay, as our own output uses them; JSON stays valid, since only characters inside its strings go.
 */

const ESCAPE_SEQUENCES = [
  /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, // OSC: window title, hyperlinks …, ended by BEL or ST
  /\u001b\[[0-?]*[ -/]*[@-~]/g, // CSI: cursor, colours, clearing
  /\u009b[0-?]*[ -/]*[@-~]/g, // CSI in its one-character C1 form
  /\u001b[ -~]?/g, // any other escape
];
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

export function terminalText(text: string): string {
  let safe = text;
  for (const sequence of ESCAPE_SEQUENCES) safe = safe.replace(sequence, '');
  return safe.replace(CONTROLS, '').replace(BIDI_CONTROLS, '');
}

/** The output with every line passed through `terminalText`. */
export const terminalOutput = (io: CliOutput): CliOutput => ({
  out: (text) => io.out(terminalText(text)),
  err: (text) => io.err(terminalText(text)),
});
