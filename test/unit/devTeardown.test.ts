import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTeardown } from '../../bin/shutdown';
import { runningOwnServices, servicesStartedSince, stopServicesStartedSince } from '../../scripts/services';
import { isAlive } from '../../scripts/services/process';

/**
 * `herald dev` stops what its run started and nothing else, also when its start fails or is
 * interrupted: the decision compares which of Herald's own services ran before and after, and the
 * steps that undo a start run newest first, once.
 */
describe('which services a `herald dev` run stops', () => {
  const none = { postgres: false, temporal: false };
  it.each([
    [none, { postgres: true, temporal: true }, ['postgres', 'temporal']],
    [{ postgres: true, temporal: false }, { postgres: true, temporal: true }, ['temporal']],
    [{ postgres: false, temporal: true }, { postgres: true, temporal: true }, ['postgres']],
    [{ postgres: true, temporal: true }, { postgres: true, temporal: true }, []],
    [none, none, []],
    [none, { postgres: true, temporal: false }, ['postgres']],
  ])('ran before %j, runs now %j: stops %j', (before, now, expected) => {
    expect(servicesStartedSince(before, now)).toEqual(expected);
  });

  describe('with a dev server pid file in a data directory of its own', () => {
    const saved = process.env.HERALD_DATA_DIR;
    let dir: string;
    let child: ChildProcess | undefined;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-dev-'));
      process.env.HERALD_DATA_DIR = dir;
    });
    afterEach(() => {
      if (child?.pid && isAlive(child.pid)) child.kill('SIGKILL');
      if (saved === undefined) delete process.env.HERALD_DATA_DIR;
      else process.env.HERALD_DATA_DIR = saved;
      fs.rmSync(dir, { recursive: true, force: true });
    });
    /** A stand-in for the dev server: a live process whose pid is where Herald records its own. */
    const startStandIn = () => {
      child = spawn('sleep', ['60'], { stdio: 'ignore' });
      fs.writeFileSync(path.join(dir, 'temporal.pid'), String(child.pid));
      return child.pid!;
    };

    it('stops a service that started during the run', async () => {
      const before = runningOwnServices();
      expect(before).toEqual({ postgres: false, temporal: false });
      const pid = startStandIn();
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child!.once('exit', (_code, signal) => resolve(signal)));
      expect(runningOwnServices().temporal).toBe(true);
      expect(await stopServicesStartedSince(before)).toEqual(['temporal']);
      expect(await exited).toBe('SIGTERM');
      expect(isAlive(pid)).toBe(false);
    });

    it('leaves alone a service that was already running when the run began', async () => {
      const pid = startStandIn();
      const before = runningOwnServices();
      expect(await stopServicesStartedSince(before)).toEqual([]);
      expect(isAlive(pid)).toBe(true);
    });
  });
});

describe('createTeardown', () => {
  it('runs the steps newest first, once, and goes on past a failing one', async () => {
    const ran: string[] = [];
    const reported: unknown[] = [];
    const teardown = createTeardown((err) => reported.push(err));
    teardown.add(() => void ran.push('services'));
    teardown.add(async () => {
      ran.push('runtime');
      throw new Error('pool already closed');
    });
    teardown.add(() => void ran.push('worker'));
    await Promise.all([teardown.run(), teardown.run()]);
    await teardown.run();
    expect(ran).toEqual(['worker', 'runtime', 'services']);
    expect(reported).toEqual([new Error('pool already closed')]);
  });
});
