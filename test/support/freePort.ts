import net from 'node:net';

/**
 * A free TCP port on loopback, for child processes that need a fixed PORT: the operating system
 * picks one (a listen on port 0), which is then closed and handed over. No random probing, so
 * nothing in the suite draws on an unseeded random source.
 */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
