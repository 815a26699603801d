import type { PlanDocument } from '../plan/plan-document';
import { plainLines } from '../util/control-chars';

/**
 * The pilot's milestones as an iCalendar file (RFC 5545) to load into a calendar: the start, a
 * check at the midpoint, the end with the decision to scale, and reviews after scaling.
 */

export interface Milestone {
  id: 'start' | 'midpoint' | 'decision' | `scale-review-${number}`;
  /** 'YYYY-MM-DD'. */
  date: string;
  title: string;
  description: string;
}

/** Days after the decision the scaled campaign is reviewed against the pilot's result. */
export const SCALE_REVIEW_DAYS = [30, 90] as const;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function pilotMilestones(plan: PlanDocument, startDate: string): Milestone[] {
  const { durationDays, scaleCriteria } = plan.pilot;
  const end = addDays(startDate, durationDays);
  const criteria = scaleCriteria.length
    ? `Scale when:\n${scaleCriteria.map((c) => `- ${c}`).join('\n')}`
    : 'The plan names no scale criteria yet.';
  return [
    {
      id: 'start',
      date: startDate,
      title: `Pilot starts: ${plan.name}`,
      description: `The first messages go to the pilot group; the control group hears nothing. The pilot runs for ${durationDays} days.`,
    },
    {
      id: 'midpoint',
      date: addDays(startDate, Math.floor(durationDays / 2)),
      title: `Pilot midpoint check: ${plan.name}`,
      description:
        'Check that messages go out as planned, and look at unsubscribes and complaints. Do not judge the result yet: half a pilot is too early.',
    },
    {
      id: 'decision',
      date: end,
      title: `Pilot ends, decide on scaling: ${plan.name}`,
      description: `Compare the pilot group with the control group over the ${durationDays} days. ${criteria}`,
    },
    ...SCALE_REVIEW_DAYS.map((days, i) => ({
      id: `scale-review-${i + 1}` as const,
      date: addDays(end, days),
      title: `Scale review ${i + 1}, ${days} days after the decision: ${plan.name}`,
      description: `If the plan was scaled, check that the results still meet the scale criteria. ${criteria}`,
    })),
  ];
}

/**
 * Text escaped as RFC 5545 asks: backslash, semicolon, comma, and every kind of line break as “\n”.
 * Other control characters have no place in a calendar's text and are removed.
 */
export function icsText(text: string): string {
  return plainLines(text).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
}

/** An event id made only of letters, digits and dashes, so a value read from a file cannot end the line. */
export const icsUid = (text: string): string => text.replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 200);

const encoder = new TextEncoder();

/** A content line folded so no line is longer than 75 octets, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines start with a space, which counts against their 75.
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

const compactDate = (date: string) => date.replace(/-/g, '');
const stamp = (now: Date) => `${now.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

/** The calendar; `uidPrefix` keeps the events' ids stable across exports of the same plan. */
export function pilotIcs(plan: PlanDocument, startDate: string, uidPrefix: string, now: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Cross-Sell Planner//Pilot milestones//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  for (const milestone of pilotMilestones(plan, startDate)) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${icsUid(`${uidPrefix}-${milestone.id}`)}@cross-sell-planner`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART;VALUE=DATE:${compactDate(milestone.date)}`,
      `DTEND;VALUE=DATE:${compactDate(addDays(milestone.date, 1))}`,
      `SUMMARY:${icsText(milestone.title)}`,
      `DESCRIPTION:${icsText(milestone.description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}
