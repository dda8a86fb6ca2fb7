// Child processes that talk back over IPC: the stub servers, and the one-variant workers that
// keep each measured client in a fresh process of its own.
import { fork } from "node:child_process";
import { cleanEnv } from "./env.mjs";

/**
 * Forks `file` with `args` and resolves with `{ child, message }` at its first message of `type`;
 * rejects when it exits first or takes longer than `timeoutMs`.
 */
export function forkUntil(file, args, { type, execArgv = [], timeoutMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = fork(file, args, {
      env: cleanEnv(),
      execArgv,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${file} ${args.join(" ")}: no '${type}' message within ${timeoutMs} ms`));
    }, timeoutMs);
    const onExit = (code) => {
      clearTimeout(timer);
      reject(new Error(`${file} ${args.join(" ")} exited (${code}) before sending '${type}'`));
    };
    child.on("message", (message) => {
      if (message?.type !== type) return;
      clearTimeout(timer);
      child.off("exit", onExit);
      resolve({ child, message });
    });
    child.once("exit", onExit);
  });
}

/** Forks a worker, resolves with its `result` message and waits for it to exit. */
export async function runWorker(file, args, options = {}) {
  const { child, message } = await forkUntil(file, args, { type: "result", ...options });
  if (child.exitCode === null) await new Promise((r) => child.once("exit", r));
  return message.value;
}

/** Ends a forked server: disconnecting lets it close; a kill follows if it lingers. */
export async function stop(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.disconnect();
  const timer = setTimeout(() => child.kill(), 2_000);
  await exited;
  clearTimeout(timer);
}

/** Sends `message` to a forked child and resolves with its next message of `type`. */
export function ask(child, message, type) {
  return new Promise((resolve, reject) => {
    const onMessage = (reply) => {
      if (reply?.type !== type) return;
      child.off("message", onMessage);
      child.off("exit", onExit);
      resolve(reply);
    };
    const onExit = (code) =>
      reject(new Error(`the child exited (${code}) before answering '${type}'`));
    child.on("message", onMessage);
    child.once("exit", onExit);
    child.send(message);
  });
}
