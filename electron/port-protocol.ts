import { z } from 'zod';
import type { ApiEvent, ApiResponse } from '../analysis/api/contract.ts';

// Messages on the MessagePorts between the preload (or main) and the core in the utility
// process. Only trusted code holds a port: the preload (never handing the port to the page)
// and main. A `grant` marks a path the user chose in a native dialog or file input, so the
// core accepts it as a path parameter.

export const MAX_METHOD_NAME = 100;
export const MAX_PATH_LENGTH = 4096;

const requestId = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const toCoreMessage = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('request'),
    id: requestId,
    method: z.string().min(1).max(MAX_METHOD_NAME),
    params: z.unknown(),
  }),
  z.object({
    kind: z.literal('grant'),
    /** With an id the core acknowledges the grant (a response with result null). */
    id: requestId.optional(),
    path: z.string().min(1).max(MAX_PATH_LENGTH),
  }),
]);
export type ToCoreMessage = z.infer<typeof toCoreMessage>;

export type FromCoreMessage =
  | { kind: 'response'; id: number; response: ApiResponse }
  | { kind: 'event'; event: ApiEvent };

/** The slice of a MessagePortMain / parentPort the core side uses. */
export interface CorePort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: FromCoreMessage): void;
}

export function isFromCoreMessage(value: unknown): value is FromCoreMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  if (message.kind === 'response') {
    const response = message.response as Record<string, unknown> | null | undefined;
    return typeof message.id === 'number' && typeof response === 'object' && response !== null
      ? typeof response.ok === 'boolean'
      : false;
  }
  if (message.kind === 'event') {
    const event = message.event as Record<string, unknown> | null | undefined;
    return typeof event === 'object' && event !== null && typeof event.type === 'string';
  }
  return false;
}

/** main → utility process control messages on parentPort (a `connect` carries one port). */
export const controlMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('connect') }),
  z.object({ kind: z.literal('shutdown') }),
]);
export type ControlMessage = z.infer<typeof controlMessage>;
