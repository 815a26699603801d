import type { z } from 'zod';
import { ipcRequests, type IpcChannel, type IpcRequest } from '../shared/ipc';
import { fail, ok, type Result } from '../core/util/result';

/** The part of an IPC event the checks need: which frame sent it. */
export interface SenderEvent {
  readonly senderFrame: { readonly url: string } | null;
}

export type IpcHandlers<E> = {
  [C in IpcChannel]: (payload: IpcRequest<C>, event: E) => unknown;
};

export const UNTRUSTED_SENDER_ERROR = 'Refused a request that did not come from the Cross-Sell Planner window.';

/**
 * Wraps the handlers so each request is answered the same way: refuse a sender that is not the
 * app's page, refuse a payload that does not match the channel's schema, run the handler, and turn
 * both its value and its failure into a Result. Nothing is ever thrown back across IPC.
 */
export function createIpcDispatcher<E extends SenderEvent>(
  handlers: IpcHandlers<E>,
  isTrustedSender: (frameUrl: string | undefined) => boolean,
) {
  return async function dispatch(channel: IpcChannel, event: E, payload: unknown): Promise<Result<unknown>> {
    if (!isTrustedSender(senderUrl(event))) return fail(UNTRUSTED_SENDER_ERROR);
    const schema: z.ZodType = ipcRequests[channel];
    const parsed = schema.safeParse(payload);
    if (!parsed.success) return fail(describeInvalidPayload(channel, parsed.error));
    try {
      const handler = handlers[channel] as (payload: unknown, event: E) => unknown;
      return ok(await handler(parsed.data, event));
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error));
    }
  };
}

/** Electron can fail to report the frame of a page that navigated or closed mid-request. */
function senderUrl(event: SenderEvent): string | undefined {
  try {
    return event.senderFrame?.url;
  } catch {
    return undefined;
  }
}

function describeInvalidPayload(channel: IpcChannel, error: z.ZodError): string {
  const problems = error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'request';
    return `${where}: ${issue.message}`;
  });
  return `The app sent an incomplete or malformed “${channel}” request (${problems.join('; ')}). Please try again; if it keeps happening, restart the app.`;
}
