// Bundles the console into dist/: index.html, app.js (Preact and the pages, minified) and console.css.
// dc-controller serves these files as they are; nothing is fetched from elsewhere at run time.
import { copyFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { build } from 'esbuild'

const root = import.meta.dirname
const out = join(root, 'dist')
await mkdir(out, { recursive: true })
await build({
  entryPoints: [join(root, 'src', 'main.tsx')],
  outfile: join(out, 'app.js'),
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  logLevel: 'warning',
})
await copyFile(join(root, 'src', 'index.html'), join(out, 'index.html'))
await copyFile(join(root, 'src', 'console.css'), join(out, 'console.css'))
