import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { createWorkspaceDb } from '../../src/core/store/open-workspace';
import type { OpenFailureKind } from '../../src/core/store/workspace-types';

export function scratchDir(prefix = 'xsell-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A small valid workspace with a few rows, as bytes. */
export async function smallWorkspaceBytes(name = 'Corner Bakery'): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const db = createWorkspaceDb(SQL, name);
  db.run(
    `INSERT INTO customers(customer_id, email, first_name) VALUES ('C1','ana@example.com','Ana'), ('C2','ben@example.com','Ben')`,
  );
  db.run(
    `INSERT INTO orders(order_id, customer_id, ordered_at) VALUES ('O1','C1','2026-01-05T10:00:00'), ('O2','C2','2026-03-09T16:30:00')`,
  );
  db.run(
    `INSERT INTO order_lines(order_id, product_id, quantity, unit_price) VALUES ('O1','P1',1,4.5), ('O2','P2',2,3.2)`,
  );
  const bytes = db.export();
  db.close();
  return bytes;
}

export interface BadWorkspace {
  file: string;
  kind: OpenFailureKind;
  bytes: Uint8Array;
}

/** One file for every way a workspace can fail to open, each labelled with the failure expected. */
export async function makeBadWorkspaces(dir: string): Promise<BadWorkspace[]> {
  const SQL = await loadSqlJs();
  const good = await smallWorkspaceBytes();

  const foreign = new SQL.Database();
  foreign.run("CREATE TABLE contacts(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO contacts(name) VALUES ('x');");
  const foreignBytes = foreign.export();
  foreign.close();

  const newer = createWorkspaceDb(SQL, 'From the future');
  newer.run('PRAGMA user_version = 99');
  const newerBytes = newer.export();
  newer.close();

  const damagedBytes = Uint8Array.from(good);
  // Scribble over the b-tree pages after the first, keeping the header and size intact.
  const pageSize = (damagedBytes[16] << 8) | damagedBytes[17];
  for (let i = pageSize * 2; i < damagedBytes.length; i += 7) damagedBytes[i] = 0xa5;

  const zipBytes = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new Array(200).fill(0x11)]);
  const csvBytes = new TextEncoder().encode('InvoiceNo,StockCode,Quantity\n536365,85123A,6\n'.repeat(10));

  const cases: [string, OpenFailureKind, Uint8Array][] = [
    ['empty.xsell', 'empty', new Uint8Array()],
    ['orders-export.xsell', 'not-sqlite', csvBytes],
    ['archive.xsell', 'not-sqlite', zipBytes],
    ['half-copied.xsell', 'truncated', good.subarray(0, Math.floor(good.length / 2))],
    ['contacts.xsell', 'not-workspace', foreignBytes],
    ['from-the-future.xsell', 'newer-version', newerBytes],
    ['scribbled.xsell', 'damaged', damagedBytes],
  ];
  return cases.map(([name, kind, bytes]) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return { file, kind, bytes };
  });
}
