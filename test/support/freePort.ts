import { isPortOpen } from '../../scripts/services/process';

/** A free TCP port on loopback, found by probing upward from a random start (for child processes that need a fixed PORT). */
export async function freePort(): Promise<number> {
  for (let port = 20000 + Math.floor(Math.random() * 20000); ; port++) if (!(await isPortOpen('127.0.0.1', port, 200))) return port;
}
