import type { Protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, parseUrl } from './app-url';
import { CONTENT_SECURITY_POLICY } from './security';

/**
 * Serves the built renderer from app://bundle/. A standard, secure scheme with fetch support gives
 * the page a real origin, which loading the WebAssembly file and the module worker need.
 */

/** Must run before the app is ready. */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveAppScheme(protocol: Protocol, bundleRoot: string): void {
  protocol.handle(APP_SCHEME, (request) => serveBundleFile(bundleRoot, request.url));
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

export function mimeTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file inside `bundleRoot` an app:// URL names, or null when the URL is not ours or would
 * reach outside the bundle (`..`, encoded separators, backslashes, NUL bytes).
 */
export function resolveBundlePath(bundleRoot: string, url: string): string | null {
  const parsed = parseUrl(url);
  if (!parsed || parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const root = resolve(bundleRoot);
  const file = resolve(root, `.${pathname === '/' || pathname === '' ? '/index.html' : pathname}`);
  return file.startsWith(root + sep) ? file : null;
}

export async function serveBundleFile(bundleRoot: string, url: string): Promise<Response> {
  const file = resolveBundlePath(bundleRoot, url);
  const headers = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  };
  if (!file) return new Response('Not found', { status: 404, headers });
  try {
    const body = await readFile(file);
    return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': mimeTypeFor(file) } });
  } catch {
    return new Response('Not found', { status: 404, headers });
  }
}
