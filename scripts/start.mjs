// npm start: set up what is missing, build, serve the demo on 127.0.0.1 and print the URL.
import { join } from 'node:path';
import { build } from './build.mjs';
import { serve } from './serve.mjs';
import { ROOT } from './setup.mjs';

await build();
const want = Number(process.env.PORT || 8080);
let server;
try {
  server = await serve(join(ROOT, 'www'), want);
} catch (e) {
  if (e.code !== 'EADDRINUSE') throw e;
  console.log(`Port ${want} is busy; using a free one.`);
  server = await serve(join(ROOT, 'www'), 0);
}
const url = `http://127.0.0.1:${server.address().port}/`;
console.log(`\npassrate-chart demo: ${url}\n(Ctrl-C to stop)`);
