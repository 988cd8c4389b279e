// A TCP port on 127.0.0.1 that is free right now (the OS picks it), for a server started next:
// the dev-server tests, the dev-server bench and the Lighthouse audit.
import { createServer } from 'node:net';

export const freePort = (): Promise<number> =>
  new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
