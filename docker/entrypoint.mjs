// Image entrypoint of dc-controller and dc-agent: serves mutual TLS from the files mounted at
// $DC_TLS_DIR (default /etc/dc/tls): server.crt and server.key (this server's certificate, from
// `dc-pki issue`) and ca.crt (the site CA bundle). Without them it stops with one line naming what
// is missing, instead of the server's refusal to serve plaintext off loopback. Explicit --tls-* or
// --insecure arguments are passed through untouched.
// Usage: node docker/entrypoint.mjs controller|agent [ARGS...]
import { accessSync, constants } from 'node:fs'
import { join } from 'node:path'

const MAINS = {
  controller: '../packages/system-controller/dist/main.js',
  agent: '../packages/subcloud-agent/dist/main.js',
}
const TLS_FILES = { 'tls-cert': 'server.crt', 'tls-key': 'server.key', 'tls-ca': 'ca.crt' }

const [role, ...args] = process.argv.slice(2)
const main = MAINS[role]
if (main === undefined) {
  console.error(`dc-entrypoint: the first argument must be controller or agent, got '${role ?? ''}'`)
  process.exit(2)
}
const explicit = args.some((a) => a === '--insecure' || /^--tls-(ca|cert|key)(=|$)/.test(a))
const tlsArgs = []
if (!explicit) {
  const dir = process.env.DC_TLS_DIR || '/etc/dc/tls'
  const missing = []
  for (const [flag, file] of Object.entries(TLS_FILES)) {
    const path = join(dir, file)
    try {
      accessSync(path, constants.R_OK)
      tlsArgs.push(`--${flag}`, path)
    } catch {
      missing.push(file)
    }
  }
  if (missing.length > 0) {
    console.error(
      `dc-${role}: missing TLS file(s) ${missing.join(', ')} in ${dir}: mount server.crt, server.key and ca.crt ` +
        'from dc-pki there (see docker/README.md), or pass --insecure for a trusted network only',
    )
    process.exit(2)
  }
}
process.argv = [process.argv[0], new URL(main, import.meta.url).pathname, ...args, ...tlsArgs]
await import(main)
