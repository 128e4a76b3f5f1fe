import { connect } from 'node:net'
import { parseHostPort } from '@dc/netmodel'

/** What one probe found: something accepted the connection, or nothing did in time. */
export type ProbeOutcome = 'listening' | 'refused'

/**
 * Opens a TCP connection to `address` (a literal `host:port`, IPv6 bracketed) and closes it as soon
 * as it is accepted: whether anything listens there, for the price of one socket. A refusal, an
 * unreachable network and no answer within `timeoutMs` are all `refused`, as grpc-js reports a
 * connection attempt that failed or timed out. `done` is called once, unless the returned function
 * cancels the probe first.
 */
export function probeTcp(
  address: string,
  timeoutMs: number,
  done: (outcome: ProbeOutcome) => void,
): () => void {
  const { host, port } = parseHostPort(address)
  const socket = connect({ host: host.toString(), port })
  let pending = true
  const end = (): void => {
    pending = false
    clearTimeout(timer)
    socket.destroy()
  }
  const finish = (outcome: ProbeOutcome): void => {
    if (!pending) return
    end()
    done(outcome)
  }
  const timer = setTimeout(() => finish('refused'), timeoutMs)
  timer.unref()
  socket.once('connect', () => finish('listening'))
  // Kept for the socket's lifetime: an 'error' without a listener would end the process.
  socket.on('error', () => finish('refused'))
  return end
}
