// GraphiQL as a small page and cacheable files, instead of Yoga's one page with its whole bundle
// inline (9 MB, sent afresh on every visit). The bundle's parts (script, style, Monaco's three
// workers, icon) are written on first use, each also brotli- and gzip-compressed, into a
// directory of the gateway's own by a worker thread: the 9 MB of strings and their compression
// never enter the gateway's heap. They are then served from disk under /graphiql/<version>/,
// cached by browsers for a year (a new version is a new path).
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { GraphiQLOptions } from 'graphql-yoga';
import Negotiator from 'negotiator';
import vary from 'vary';
import { sendJsonError } from './error-response.js';

const PREFIX = '/graphiql/';

/** Each asset: what the bundle exports it as, and its content type. */
const ASSETS: Record<string, { name: string; type: string }> = {
  'graphiql.js': { name: 'js', type: 'text/javascript; charset=utf-8' },
  'graphiql.css': { name: 'css', type: 'text/css; charset=utf-8' },
  'editor.worker.js': { name: 'editorWorkerService', type: 'text/javascript; charset=utf-8' },
  'json.worker.js': { name: 'jsonWorker', type: 'text/javascript; charset=utf-8' },
  'graphql.worker.js': { name: 'graphqlWorker', type: 'text/javascript; charset=utf-8' },
  'favicon.ico': { name: 'favicon', type: 'image/x-icon' },
};
const ENCODINGS = ['br', 'gzip', 'identity'];
const SUFFIX: Record<string, string> = { br: '.br', gzip: '.gz', identity: '' };

const require = createRequire(import.meta.url);
const packageDir = join(dirname(require.resolve('@graphql-yoga/render-graphiql')), '..');
const VERSION = (require(join(packageDir, 'package.json')) as { version: string }).version;
const BUNDLE = pathToFileURL(join(packageDir, 'esm', 'graphiql.js')).href;
const base = `${PREFIX}${VERSION}/`;

/** Yoga's renderGraphiQL: the page, which loads the bundle's files from /graphiql/<version>/. */
export function graphiqlPage(options: GraphiQLOptions): string {
  // JSON in a script element: `<` escaped so no value can close the element.
  const settings = JSON.stringify(options).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${base}favicon.ico" />
    <link rel="stylesheet" href="${base}graphiql.css" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run this app.</noscript>
    <div id="root"></div>
    <script>
      const workers = { editorWorkerService: 'editor.worker.js', json: 'json.worker.js', graphql: 'graphql.worker.js' };
      self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (moduleId, label) => '${base}' + workers[label] };
    </script>
    <script src="${base}graphiql.js"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), ${settings});
    </script>
  </body>
</html>
`;
}

/**
 * The client's most wanted encoding of ours, brotli first among equals. negotiator 0.6.4 takes
 * the server's preference as a second argument; its type declaration lags behind.
 */
function preferredEncoding(req: IncomingMessage): string | undefined {
  const negotiator = new Negotiator(req);
  return (negotiator.encoding as (available: string[], preferred: string[]) => string | undefined).call(negotiator, ENCODINGS, ENCODINGS);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Serves GET and HEAD /graphiql/<version>/<file>, from files it writes under `dir` (a directory
 * only this process writes to: files found there are served to pages that may carry a token);
 * false for any other path.
 */
export function graphiqlAssets(dir: string): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const versionDir = join(dir, VERSION);
  let written: Promise<void> | undefined;
  return async (req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    if (!path.startsWith(PREFIX)) return false;
    const file = path.startsWith(base) ? path.slice(base.length) : '';
    const asset = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
    if (!asset) {
      sendJsonError(req, res, 404, 'NOT_FOUND', `No such GraphiQL file; this gateway serves GraphiQL ${VERSION} under ${base}`);
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJsonError(req, res, 405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed here; use GET or HEAD`, { allow: 'GET, HEAD' });
      return true;
    }
    const encoding = file === 'favicon.ico' ? 'identity' : (preferredEncoding(req) ?? 'identity');
    const location = join(versionDir, file + SUFFIX[encoding]);
    // Written once; again when a failure, or a cleaner of temporary files, left the file missing.
    const ready = () => (written ??= writeAssets(versionDir).catch((error: unknown) => {
      written = undefined;
      throw error;
    }));
    const attempt = ready();
    await attempt;
    let found = await stat(location).catch(() => undefined);
    if (!found) {
      // Requests that found it missing together start one writing between them.
      if (written === attempt) written = undefined;
      await ready();
      found = await stat(location);
    }
    const { size } = found;
    vary(res, 'Accept-Encoding');
    res.writeHead(200, {
      'content-type': asset.type,
      'content-length': size,
      // Compressed already as asked: compressing it again (deflate, say) would only spend CPU.
      'cache-control': 'public, max-age=31536000, immutable, no-transform',
      etag: `"${VERSION}-${encoding}"`,
      ...(encoding !== 'identity' && { 'content-encoding': encoding }),
    });
    if (req.method === 'HEAD') res.end();
    // A file removed under the stream ends the answer, never the process.
    else await pipeline(createReadStream(location), res).catch(() => {});
    return true;
  };
}

/** Writes this version's files into `versionDir`, beside it first: a reader never finds half of them. */
async function writeAssets(versionDir: string): Promise<void> {
  const partial = `${versionDir}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  try {
    await runWorker(partial);
    await rm(versionDir, { recursive: true, force: true });
    await rename(partial, versionDir);
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
}

/** Plain JavaScript, so it runs the same under node, tsx and vitest. */
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const zlib = require('node:zlib');
import(workerData.bundle).then((bundle) => {
  for (const [file, name] of workerData.files) {
    const text = bundle[name];
    const bytes = file === 'favicon.ico' ? Buffer.from(text.slice(text.indexOf(',') + 1), 'base64') : Buffer.from(text, 'utf8');
    writeFileSync(join(workerData.dir, file), bytes);
    if (file === 'favicon.ico') continue;
    const { BROTLI_PARAM_QUALITY, BROTLI_PARAM_SIZE_HINT } = zlib.constants;
    writeFileSync(join(workerData.dir, file + '.br'), zlib.brotliCompressSync(bytes, { params: { [BROTLI_PARAM_QUALITY]: 9, [BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
    writeFileSync(join(workerData.dir, file + '.gz'), zlib.gzipSync(bytes, { level: 9 }));
  }
  parentPort.postMessage('done');
});
`;

function runWorker(dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const files = Object.entries(ASSETS).map(([file, { name }]) => [file, name]);
    const worker = new Worker(WORKER, { eval: true, workerData: { bundle: BUNDLE, dir, files } });
    // A gateway that stops meanwhile does not wait for it.
    worker.unref();
    worker.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the GraphiQL files could not be written (worker exit ${code})`))));
  });
}
