import type { IncomingMessage } from "node:http";
import { concat, declaredTooLarge, incomplete, tooLarge, tooSlow } from "./body.js";
import type { BodyDeadlines } from "./body-deadlines.js";

/**
 * Reads a node request body into memory, never holding more than `maxBytes` (+ one chunk),
 * under a deadline: over the limit (declared or actual) gets 413, too slow 408, a client that
 * goes away 400 (its 'error' or 'close' tells; 'aborted', deprecated, comes just before
 * them). On 413/408 the rest of the body is left unread (the adapter then closes the
 * connection after answering).
 */
export function readNodeBody(
  req: IncomingMessage,
  maxBytes: number,
  deadlines: BodyDeadlines,
): Promise<Uint8Array> {
  if (declaredTooLarge(req.headers["content-length"], maxBytes)) {
    return Promise.reject(tooLarge(maxBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    // The listeners stay on the request once it is settled (they then do nothing): removing
    // four listeners costs more than leaving them to go with the request.
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      deadlines.remove(deadline);
      if (error) {
        req.pause();
        reject(error);
      } else resolve(concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      if (settled) return;
      size += chunk.byteLength;
      if (size > maxBytes) finish(tooLarge(maxBytes));
      else chunks.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    };
    const onEnd = () => finish();
    const onGone = () => finish(incomplete());
    const onClose = () => {
      if (!req.complete) finish(incomplete());
    };
    const deadline = deadlines.add(() => finish(tooSlow()));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("close", onClose);
    req.on("error", onGone);
    if (req.readableEnded) finish();
  });
}
