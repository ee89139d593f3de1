/**
 * autocannon setupRequest module: each request goes to a path picked at random from
 * `context.paths` (set through `initialContext`), so a GET load spreads over many rows instead
 * of hammering one. autocannon `require`s this file in its worker thread (tsx's hooks are
 * inherited), so it exports the function itself.
 */
interface Request {
  path?: string;
}

interface Context {
  paths?: string[];
}

export = function randomPath(request: Request, context: Context): Request {
  const paths = context.paths;
  if (!paths || paths.length === 0) throw new Error('random-path-request: initialContext.paths is empty');
  return { ...request, path: paths[Math.floor(Math.random() * paths.length)] };
};
