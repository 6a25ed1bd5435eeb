// A helper process (API or bare Hono) that reports { type: 'ready', ... } over IPC.
import { fork } from 'node:child_process';

export function startChild(script, { env = {}, execArgv = [], message, readyTimeoutMs = 15 * 60_000 } = {}) {
  const child = fork(script, [], { env: { ...process.env, ...env }, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} was not ready after ${readyTimeoutMs / 1000} s`));
    }, readyTimeoutMs);
    child.on('message', (msg) => {
      if (msg?.type !== 'ready') return;
      clearTimeout(timer);
      resolve(msg);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${signal ?? code}) before it was ready`));
    });
  });
  if (message !== undefined) child.send(message);
  let asked = 0;
  return {
    ready,
    /** Sends `{ type, id }` and resolves with the answer of the same id. */
    ask(type) {
      const id = ++asked;
      return new Promise((resolve) => {
        const listen = (msg) => {
          if (msg?.id !== id) return;
          child.off('message', listen);
          resolve(msg);
        };
        child.on('message', listen);
        child.send({ type, id });
      });
    },
    /** Asks the process to close its store and exit; kills it after 30 s. */
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
