import type { IncomingMessage } from "node:http";
import { concat, declaredTooLarge, incomplete, tooLarge, tooSlow } from "./body.js";

/**
 * Reads a node request body into memory, never holding more than `maxBytes` (+ one chunk),
 * under a deadline: over the limit (declared or actual) gets 413, too slow 408, a client that
 * goes away 400. On 413/408 the rest of the body is left unread (the adapter then closes the
 * connection after answering).
 */
export function readNodeBody(
  req: IncomingMessage,
  maxBytes: number,
  timeoutMs: number,
): Promise<Uint8Array> {
  if (declaredTooLarge(req.headers["content-length"], maxBytes)) {
    return Promise.reject(tooLarge(maxBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const finish = (error?: Error) => {
      clearTimeout(timer);
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("aborted", onGone);
      req.off("close", onClose);
      req.off("error", onGone);
      if (error) {
        req.pause();
        reject(error);
      } else resolve(concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxBytes) finish(tooLarge(maxBytes));
      else chunks.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    };
    const onEnd = () => finish();
    const onGone = () => finish(incomplete());
    const onClose = () => {
      if (!req.complete) finish(incomplete());
    };
    const timer = setTimeout(() => finish(tooSlow()), timeoutMs);
    timer.unref?.();
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("aborted", onGone);
    req.on("close", onClose);
    req.on("error", onGone);
    if (req.readableEnded) finish();
  });
}
