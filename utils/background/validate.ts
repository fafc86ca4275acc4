import type { z } from 'zod';

/**
 * The largest message accepted, as JSON characters: a full page of 2,000 orders with after-sales
 * cases fits well inside; anything bigger is rejected before it is parsed.
 */
export const MAX_MESSAGE_CHARS = 4_000_000;

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** Size check, then zod: a message is used only when both pass. Never throws. */
export function checkMessage<S extends z.ZodType>(schema: S, message: unknown): Checked<z.infer<S>> {
  let size: number;
  try {
    size = JSON.stringify(message)?.length ?? 0;
  } catch {
    return { ok: false, error: 'message is not plain data' };
  }
  if (size > MAX_MESSAGE_CHARS) return { ok: false, error: `message too large (${size} characters)` };
  const parsed = schema.safeParse(message);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `invalid message: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim() };
  }
  return { ok: true, value: parsed.data };
}
