// The process `rawWatchCost` runs: `node --expose-gc raw-watch-child.ts ADDRESSES_FILE HEARTBEAT_MS
// WINDOW_MS` holds the streams, measures, prints the WatchCost as JSON and exits.
import { readFile } from 'node:fs/promises'
import { measureWatchStreams } from './raw-grpc.js'

const [file, heartbeatMs, windowMs] = process.argv.slice(2)
if (file === undefined || heartbeatMs === undefined || windowMs === undefined) {
  process.stderr.write('usage: raw-watch-child.ts ADDRESSES_FILE HEARTBEAT_MS WINDOW_MS\n')
  process.exit(2)
}
const addresses = JSON.parse(await readFile(file, 'utf8')) as string[]
const cost = await measureWatchStreams(addresses, Number(heartbeatMs), Number(windowMs))
process.stdout.write(`${JSON.stringify(cost)}\n`)
// The cancelled streams' channels may linger in their reconnect backoff; there is nothing to wait for.
process.exit(0)
