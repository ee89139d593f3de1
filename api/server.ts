import http from 'node:http';
import type { Duplex } from 'node:stream';

/** A listening HTTP server and how to stop it gracefully. */
export interface RunningServer {
  server: http.Server;
  url: string;
  close(): Promise<void>;
}

/** Node's parser errors that have a status of their own; every other one is a 400. */
const PARSER_STATUS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'header_too_large', 'The request line or headers exceed 16 KB'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request_timeout', 'The request did not arrive in time'],
};

/**
 * Answers requests Node's HTTP parser refuses before Koa sees them (a 10 MB URL, a NUL byte in a
 * header, a malformed request line) in Herald's error shape instead of Node's bare
 * `400 Bad Request`, then closes the connection, as Node does.
 */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  const started = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (err.code === 'ECONNRESET' || !socket.writable || started) {
    socket.destroy();
    return;
  }
  const [status, code, message] = PARSER_STATUS[err.code ?? ''] ?? [400, 'bad_request', 'The request is not valid HTTP/1.1'];
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Listens on host:port. `close` stops accepting connections, lets in-flight requests finish and
 * drops idle keep-alive sockets, so shutdown neither cuts requests nor hangs on idle clients.
 */
export function startServer(app: { callback(): http.RequestListener }, host: string, port: number): Promise<RunningServer> {
  const server = http.createServer(app.callback());
  server.keepAliveTimeout = 65000;
  server.on('clientError', answerClientError);
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
