import { benchmarks } from './index';
import { printMeta } from './report';

/**
 * Entry point of `npm run bench -- <name>`. With no name (or `list`) it lists the
 * benchmarks; otherwise it prints the machine once, then runs the one benchmark named.
 */

function list(): void {
  const width = Math.max(...Object.keys(benchmarks).map((name) => name.length));
  process.stdout.write('Usage: npm run bench -- <name>\n\n');
  for (const [name, { description }] of Object.entries(benchmarks)) {
    process.stdout.write(`  ${name.padEnd(width)}  ${description}\n`);
  }
}

async function main(name: string | undefined): Promise<void> {
  if (name === undefined || name === 'list') {
    list();
    return;
  }
  const benchmark = benchmarks[name];
  if (!benchmark) {
    process.stderr.write(`Unknown benchmark "${name}".\n`);
    list();
    process.exitCode = 2;
    return;
  }
  printMeta(name);
  const module = await benchmark.load();
  await module.run();
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
