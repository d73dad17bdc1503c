// A launched process never outlives its launcher. `npm start` is a chain — npm, its `sh -c`, this
// script (under the machine's node, then again under Node 24 when that one is older: runtime.mjs),
// the server — and killing npm alone used to leave the server on its port. Signals (SIGINT,
// SIGTERM, SIGHUP) are forwarded down the chain; a launcher killed by SIGKILL, which nothing can
// catch, is noticed by the process below it:
//
// - a process started by one of ours has an IPC channel to it (`spawnFollowing`): the channel
//   closes when the launcher dies, whatever killed it (`disconnect`);
// - the top of the chain watches its parents instead: its parent, and under npm (`sh -c` between
//   them) npm itself, whose death re-parents the shell. Linux reads /proc; elsewhere `ps`.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** The parent pid and command name of `pid`, or undefined once it is gone. */
function processInfo(pid) {
  if (process.platform === 'linux') {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // « pid (comm) state ppid … »: comm may hold spaces and parentheses, so from the last ')'.
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      return { ppid: Number(fields[1]), comm: stat.slice(stat.indexOf('(') + 1, close) };
    } catch {
      return undefined;
    }
  }
  const ps = spawnSync('ps', ['-o', 'ppid=,comm=', '-p', String(pid)], { encoding: 'utf8' });
  const match = /^\s*(\d+)\s+(.*)$/.exec(ps.stdout?.trim() ?? '');
  return match ? { ppid: Number(match[1]), comm: match[2].split('/').pop() } : undefined;
}

const SHELLS = new Set(['sh', 'dash', 'bash', 'zsh', 'ksh', 'ash', 'busybox']);

/**
 * Calls `onGone` once when the process that launched this one is gone: the IPC channel's end when
 * there is one, else a change of parent (this process's, or under npm's `sh -c` the shell's).
 */
export function onLauncherGone(onGone) {
  let called = false;
  const gone = () => {
    if (called) return;
    called = true;
    onGone();
  };
  if (process.channel) {
    process.once('disconnect', gone);
    return;
  }
  if (process.platform === 'win32') return;
  const parent = process.ppid;
  const parentInfo = processInfo(parent);
  // Under npm the parent is the shell of `sh -c`: npm's death re-parents it, not us. Only then is
  // the grandparent watched (`nohup npm start &` from a shell that then exits must keep running:
  // that shell is npm's parent, watched by nobody).
  const grandparent =
    process.env.npm_lifecycle_event !== undefined && parentInfo && SHELLS.has(parentInfo.comm)
      ? parentInfo.ppid
      : undefined;
  const timer = setInterval(
    () => {
      if (process.ppid !== parent) return gone();
      if (grandparent !== undefined && processInfo(parent)?.ppid !== grandparent) gone();
    },
    process.platform === 'linux' ? 250 : 1000,
  );
  timer.unref();
  process.once('exit', () => clearInterval(timer));
}

/**
 * Runs `command args` as a child that follows this process: an IPC channel it can watch
 * (`onLauncherGone`), the signals forwarded to it, SIGTERM sent to it when this process's own
 * launcher is gone; this process then exits as the child did. Never resolves.
 */
export function runFollowing(command, args, options, label) {
  const child = spawn(command, args, { ...options, stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
  onLauncherGone(() => forward('SIGTERM'));
  child.on('error', (error) => {
    console.error(`[${label}] ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    for (const s of FORWARDED_SIGNALS) process.off(s, forward);
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
  return new Promise(() => {});
}
