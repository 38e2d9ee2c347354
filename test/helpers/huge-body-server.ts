import { rawServer } from './raw-server.js';

// A loopback server that answers with a huge body no faster than the client reads it: a client that stops after the
// head leaves most of it unsent, one that reads the body takes it all. What left the server says which one it was.

/** The server, and what it sent. */
export interface HugeBodyServer {
  origin: string;
  /** Resolves, once the first client has hung up, with the bytes that left the server on its connection. */
  written: Promise<number>;
  close: () => Promise<void>;
}

/** Answers each request with a CORS-allowed 200 whose `size`-byte body is written with backpressure. */
export async function hugeBodyServer(size: number): Promise<HugeBodyServer> {
  let hungUp: (bytes: number) => void = () => undefined;
  const written = new Promise<number>((resolve) => (hungUp = resolve));
  const { origin, close } = await rawServer((socket) => {
    socket.on('close', () => hungUp(socket.bytesWritten));
    socket.once('data', () => {
      socket.write(`HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: ${size}\r\n\r\n`);
      const chunk = Buffer.alloc(1024 * 1024, 97);
      let sent = 0;
      const pump = (): void => {
        while (sent < size && !socket.destroyed) {
          sent += chunk.length;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
      };
      pump();
    });
  });
  return { origin, written, close };
}
