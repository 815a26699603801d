/** How a check of the pitfall checklist came out. */
export type CheckStatus = 'pass' | 'warn' | 'fail';
