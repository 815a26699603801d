import { queryAll, type Database } from '../store/sqlite';
import { fail, ok, type Result } from '../util/result';

/**
 * The agency's branding, set once per workspace and shown on the cover of every exported plan:
 * its name, a small logo and its primary colour. Stored in the meta table under `branding:*`.
 */

export interface Branding {
  agencyName: string;
  /** A PNG or SVG as a base64 data URL, or null for none. */
  logo: string | null;
  /** '#rrggbb'. */
  primaryColor: string;
}

export const DEFAULT_BRANDING: Branding = { agencyName: '', logo: null, primaryColor: '#1f4e79' };
/** A logo is printed small on a cover; 200 KB of data URL is plenty and keeps exports light. */
export const MAX_LOGO_CHARS = 200_000;
export const MAX_AGENCY_NAME = 200;

const COLOR = /^#[0-9a-f]{6}$/i;
const LOGO = /^data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/;
const KEYS = {
  agencyName: 'branding:agencyName',
  logo: 'branding:logo',
  primaryColor: 'branding:primaryColor',
} as const;

/** Checks branding from outside (the app, the command line) and says what is wrong. */
export function checkBranding(branding: Branding): Result<Branding, string> {
  const agencyName = branding.agencyName.trim();
  if (agencyName.length > MAX_AGENCY_NAME)
    return fail(`The agency name is too long: at most ${MAX_AGENCY_NAME} characters.`);
  if (!COLOR.test(branding.primaryColor))
    return fail(`The primary colour should be written as #rrggbb, such as #1f4e79; got "${branding.primaryColor}".`);
  if (branding.logo !== null) {
    if (branding.logo.length > MAX_LOGO_CHARS)
      return fail(
        `The logo is too large: at most ${Math.floor((MAX_LOGO_CHARS * 3) / 4 / 1000)} KB of image. Use a smaller PNG or SVG.`,
      );
    if (!LOGO.test(branding.logo)) return fail('The logo should be a PNG or SVG image.');
  }
  return ok({ agencyName, logo: branding.logo, primaryColor: branding.primaryColor.toLowerCase() });
}

/** The workspace's branding; the defaults for what was never set or no longer passes the checks. */
export function getBranding(db: Database): Branding {
  const stored = storedBranding(db);
  const checked = stored && checkBranding(stored);
  return checked?.ok ? checked.value : DEFAULT_BRANDING;
}

/** Whether stored branding fails the checks it was written with (so the defaults are used instead). */
export function brandingIsUnreadable(db: Database): boolean {
  const stored = storedBranding(db);
  return !stored || !checkBranding(stored).ok;
}

/** Null when a value is not text: a file from elsewhere may hold a number or bytes where text was written. */
function storedBranding(db: Database): Branding | null {
  const stored = new Map(
    queryAll<{ key: string; value: unknown }>(db, "SELECT key, value FROM meta WHERE key LIKE 'branding:%'").map(
      (r) => [r.key, r.value],
    ),
  );
  if ([...stored.values()].some((value) => typeof value !== 'string')) return null;
  const text = (key: string) => stored.get(key) as string | undefined;
  return {
    agencyName: text(KEYS.agencyName) ?? DEFAULT_BRANDING.agencyName,
    logo: text(KEYS.logo) || null,
    primaryColor: text(KEYS.primaryColor) ?? DEFAULT_BRANDING.primaryColor,
  };
}

export function setBranding(db: Database, branding: Branding): Result<Branding, string> {
  const checked = checkBranding(branding);
  if (!checked.ok) return checked;
  const { agencyName, logo, primaryColor } = checked.value;
  for (const [key, value] of [
    [KEYS.agencyName, agencyName],
    [KEYS.logo, logo ?? ''],
    [KEYS.primaryColor, primaryColor],
  ]) {
    db.run('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [
      key,
      value,
    ]);
  }
  return checked;
}
