import { execFile } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'

const EntryImports = suite('the controller package entry')
const ENTRY = pathToFileURL(resolve(dirname(fileURLToPath(import.meta.url)), '../src/index.ts')).href

/** The CommonJS modules a fresh Node.js has loaded after importing the controller's entry. */
async function commonJsLoadedByEntry(): Promise<string[]> {
  const script = [
    "import { createRequire } from 'node:module'",
    `await import(${JSON.stringify(ENTRY)})`,
    "console.log(JSON.stringify(Object.keys(createRequire(process.cwd() + '/').cache)))",
  ].join('\n')
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--conditions=source', '--import', import.meta.resolve('tsx'), '--input-type=module', '-e', script],
    { timeout: 60_000 },
  )
  return JSON.parse(stdout) as string[]
}

EntryImports(
  'does not load the PGlite dialect’s code generator: a controller on PostgreSQL never uses it',
  async () => {
    const loaded = await commonJsLoadedByEntry()
    // The check sees what the entry loads: pg, the PostgreSQL driver, is CommonJS.
    assert.ok(
      loaded.some((file) => file.includes('/node_modules/pg/')),
      'pg is among the modules loaded',
    )
    const generator = loaded.filter((file) => /kysely-codegen|\/jiti\//.test(file))
    assert.equal(generator, [], 'kysely-codegen and jiti stay unloaded')
  },
)

EntryImports.run()
