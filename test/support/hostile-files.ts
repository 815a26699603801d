import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Hostile inputs too large to keep as fixtures, written on the fly into a test's folder: each
 * function returns the file's path.
 */

const write = (dir: string, name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** A product list whose second product's name is 100,000 characters long. */
export const hugeNameCsv = (dir: string) =>
  write(dir, 'huge-name.csv', `product_id,name,price\r\nP1,Mug,5\r\nP2,${'N'.repeat(100_000)},4\r\n`);

/** `count` products whose names are 600 characters, over the 500 the workspace keeps. */
export const longNamesCsv = (dir: string, count: number) =>
  write(
    dir,
    'long-names.csv',
    `product_id,name,price\r\n${Array.from({ length: count }, (_, i) => `P${i},${'x'.repeat(599)}${i % 10},5\r\n`).join('')}`,
  );

/** A product code of 300 characters and a column nothing reads holding 3,000. */
export const longIdAndExtraCsv = (dir: string) =>
  write(dir, 'long-id.csv', `product_id,name,price,notes\r\n${'C'.repeat(300)},Mug,5,${'n'.repeat(3_000)}\r\n`);

/** A header of 5,000 column names nothing recognises, and one row. */
export const wideHeaderCsv = (dir: string) =>
  write(
    dir,
    'wide.csv',
    `${Array.from({ length: 5_000 }, (_, i) => `Column name ${i}`).join(',')}\r\n${Array(5_000).fill('v').join(',')}\r\n`,
  );

/** A product list with one line of 1,100,000 characters between two ordinary rows. */
export const overlongLineCsv = (dir: string) =>
  write(dir, 'overlong.csv', `product_id,name,price\r\nP1,Mug,5\r\nP2,${'y'.repeat(1_100_000)},4\r\nP3,Bowl,3\r\n`);

/** A set: products naming their aisle by number, and the aisle lookup whose one name is 1,000 characters; returns the lookup. */
export function hugeLookupSet(dir: string): string {
  write(dir, 'products.csv', 'product_id,product_name,aisle_id\r\n196,Soda,77\r\n197,Cola,78\r\n');
  return write(dir, 'aisles.csv', `aisle_id,aisle\r\n77,${'A'.repeat(1_000)}\r\n78,soft drinks\r\n`);
}

/** Two baskets, the first holding an item named in 1,000 characters. */
export const longBasketItemCsv = (dir: string) =>
  write(dir, 'baskets.csv', `bread,milk,${'E'.repeat(1_000)}\r\neggs,jam\r\n`);
