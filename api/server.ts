import http from 'node:http';

/** A listening HTTP server and how to stop it gracefully. */
export interface RunningServer {
  server: http.Server;
  url: string;
  close(): Promise<void>;
}

/**
 * Listens on host:port. `close` stops accepting connections, lets in-flight requests finish and
 * drops idle keep-alive sockets, so shutdown neither cuts requests nor hangs on idle clients.
 */
export function startServer(app: { callback(): http.RequestListener }, host: string, port: number): Promise<RunningServer> {
  const server = http.createServer(app.callback());
  server.keepAliveTimeout = 65000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
      resolve({
        server,
        url: `http://${shownHost}:${actualPort}`,
        close: () =>
          new Promise<void>((done) => {
            // Keep-alive sockets go idle as their last request finishes; close them as they do,
            // and cut whatever is left after the grace period so shutdown never hangs.
            const sweep = setInterval(() => server.closeIdleConnections(), 100);
            const deadline = setTimeout(() => server.closeAllConnections(), 10000);
            server.close(() => {
              clearInterval(sweep);
              clearTimeout(deadline);
              done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}
