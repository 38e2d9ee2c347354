import { main } from './main.js';

// A reader that stops early (`crosswise explain … | head -1`) closes the pipe: that ends the command, quietly.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => process.exit(process.exitCode ?? 0));

process.exitCode = await main(
  process.argv.slice(2),
  (text) => console.log(text),
  (text) => console.error(text),
);
