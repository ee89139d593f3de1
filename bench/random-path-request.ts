import fs from 'node:fs';

/**
 * autocannon setupRequest module: each request goes to a path picked at random from a JSON file
 * of paths named by `context.pathsFile` (set through `initialContext`), so a GET load spreads
 * over many rows instead of hammering one. The list itself stays out of the context because
 * autocannon deep-clones the context before every request of a one-request list; the file is
 * read once per worker. autocannon `require`s this module in its worker thread (tsx's hooks are
 * inherited), so it exports the function itself.
 */
interface Request {
  path?: string;
}

interface Context {
  pathsFile?: string;
}

const loaded = new Map<string, string[]>();

function pathsOf(file: string): string[] {
  let paths = loaded.get(file);
  if (!paths) {
    paths = JSON.parse(fs.readFileSync(file, 'utf8')) as string[];
    if (paths.length === 0) throw new Error(`random-path-request: ${file} holds no paths`);
    loaded.set(file, paths);
  }
  return paths;
}

export = function randomPath(request: Request, context: Context): Request {
  if (!context.pathsFile) throw new Error('random-path-request: initialContext.pathsFile is not set');
  const paths = pathsOf(context.pathsFile);
  return { ...request, path: paths[Math.floor(Math.random() * paths.length)] };
};
