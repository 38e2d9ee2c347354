import { createServer, type Socket } from 'node:net';

// A loopback TCP server that writes its answers byte by byte: for the servers an HTTP library will not let a test be
// (a trickled head, no answer at all, a body sent no faster than it is read).

/** The server's origin, and how to stop it. */
export interface RawServer {
  origin: string;
  /** Destroys the connections still open (a server that never answers holds them), then stops listening. */
  close: () => Promise<void>;
}

/** Listens on an ephemeral loopback port and hands `onConnection` each socket; a client's reset is not an error. */
export async function rawServer(onConnection: (socket: Socket) => void): Promise<RawServer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
