import { ignoreIpServernameWarning } from '@dc/tls'

import { runCli } from './cli-app.js'
import type { ProgramName } from './command-spec.js'

/**
 * Process entry of the `system`, `dcmanager` and `fm` bins: runs `process.argv` and sets the exit
 * status. Ctrl-C cancels the call in flight; a broken stdout pipe (`| head`) ends quietly.
 */
export async function main(program: ProgramName): Promise<void> {
  // `--url 10.20.2.2:50051` with TLS dials an IP address, which Node answers with DEP0123 on stderr.
  ignoreIpServernameWarning()
  const interrupt = new AbortController()
  process.once('SIGINT', () => interrupt.abort())
  process.stdout.on('error', () => process.exit(process.exitCode ?? 0))
  process.exitCode = await runCli(program, process.argv.slice(2), {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    signal: interrupt.signal,
    interactive: process.stdout.isTTY === true,
  })
}
