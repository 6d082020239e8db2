// Bundles the dashboard into dist/ (index.html, app.js, style.css): every library comes from
// node_modules (npm, pinned in package-lock.json), nothing is loaded from a CDN at run time.
// Usage: node build.mjs [OUTDIR]   (default: dist)
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] || join(here, 'dist');
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(here, 'src/app.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  outfile: join(out, 'app.js'),
  loader: { '.json': 'json' },
  legalComments: 'external',
  logLevel: 'warning',
});
for (const f of ['index.html', 'style.css']) copyFileSync(join(here, 'src', f), join(out, f));
