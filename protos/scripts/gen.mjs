// Regenerates the TypeScript types of the proto files with proto-loader-gen-types, using the
// runtime loader's options (loader-options.json) so the types describe what loadProtos() decodes.
// Usage: node scripts/gen.mjs [OUT_DIR]   (default: protos/gen, replaced wholesale)
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { loaderOptions, protoFiles, protosDir } from './proto-files.mjs'

const require = createRequire(import.meta.url)
const genTypes = join(
  require.resolve('@grpc/proto-loader/package.json'),
  '..',
  'build/bin/proto-loader-gen-types.js',
)

// `--flag` for true, `--flag=value` for strings: the CLI's spelling of the loadSync options.
function optionFlags(options) {
  return Object.entries(options).flatMap(([key, value]) => {
    if (value === true) return [`--${key}`]
    if (value === false) return []
    return [`--${key}=${String(value)}`]
  })
}

export function generate(outDir) {
  rmSync(outDir, { recursive: true, force: true })
  const args = [
    genTypes,
    ...protoFiles,
    ...optionFlags(loaderOptions),
    '--grpcLib=@grpc/grpc-js',
    `--outDir=${outDir}`,
    '--importFileExtension=.js',
    '--includeComments',
    // relative, so the `Original file` comments carry no checkout path
    '--includeDirs=.',
  ]
  const result = spawnSync(process.execPath, args, { cwd: protosDir, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`proto-loader-gen-types failed with status ${result.status}`)
}

if (import.meta.filename === resolve(process.argv[1] ?? '')) {
  generate(resolve(process.argv[2] ?? join(protosDir, 'gen')))
}
