// A cheap upper bound on what a value costs to structured-clone, so an oversized or
// non-cloneable argument is refused in the preload before it crosses a process boundary.

export type PayloadCheck = { ok: true; bytes: number } | { ok: false; reason: 'too_large' | 'not_data' };

const MAX_DEPTH = 64;

export function checkPayload(value: unknown, limitBytes: number): PayloadCheck {
  let bytes = 0;
  const seen = new Set<object>();
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (depth > MAX_DEPTH) return { ok: false, reason: 'not_data' };
    switch (typeof current) {
      case 'string':
        bytes += 8 + current.length * 2;
        break;
      case 'number':
      case 'boolean':
      case 'undefined':
        bytes += 8;
        break;
      case 'bigint':
        bytes += 16;
        break;
      case 'object': {
        if (current === null) {
          bytes += 8;
          break;
        }
        // Shared references and cycles would clone fine but are never needed by the contract.
        if (seen.has(current)) return { ok: false, reason: 'not_data' };
        seen.add(current);
        if (ArrayBuffer.isView(current)) {
          bytes += 16 + current.byteLength;
          break;
        }
        if (current instanceof ArrayBuffer) {
          bytes += 16 + current.byteLength;
          break;
        }
        const proto = Object.getPrototypeOf(current);
        if (!Array.isArray(current) && proto !== Object.prototype && proto !== null) {
          return { ok: false, reason: 'not_data' };
        }
        bytes += 16;
        for (const [key, child] of Object.entries(current)) {
          bytes += 8 + key.length * 2;
          stack.push([child, depth + 1]);
        }
        break;
      }
      default:
        // functions and symbols are not data
        return { ok: false, reason: 'not_data' };
    }
    if (bytes > limitBytes) return { ok: false, reason: 'too_large' };
  }
  return { ok: true, bytes };
}
