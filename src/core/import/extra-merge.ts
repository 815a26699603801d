/**
 * The extra columns of a row (those no field reads) are kept as one JSON object. A later file that
 * writes the same row adds its own extra columns to that object and never drops those an earlier
 * file wrote: where both name the same column, the later value wins.
 */
export const MERGED_EXTRA = `CASE WHEN excluded.extra IS NULL THEN extra WHEN extra IS NULL THEN excluded.extra
  ELSE json_patch(extra, excluded.extra) END`;
