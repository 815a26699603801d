/** The planning steps a plan is filled in by, in order (the checklist step aside). */
export type PlanStepId = 'strategy' | 'moment' | 'recommendations' | 'messages' | 'channels' | 'pilot';
