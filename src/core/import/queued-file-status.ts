/** Where a file picked with others stands while they are imported one after another. */
export type QueuedFileStatus = 'waiting' | 'current' | 'done' | 'failed' | 'skipped';
