import { escapeControlChars } from '@dc/netmodel'
import { MAX_BOOTSTRAP_VALUES_BYTES, readErrorDetail } from '@dc/protos'
import { describeTlsFailure } from '@dc/tls'
import type { CaOnlyTlsFiles } from '@dc/tls'
import { status } from '@grpc/grpc-js'
import type { Metadata } from '@grpc/grpc-js'

import { CliError } from './errors.js'

interface ServiceErrorLike {
  readonly code: number
  readonly details: string
  readonly metadata?: Metadata
}

function isServiceError(error: unknown): error is ServiceErrorLike {
  const e = error as Partial<ServiceErrorLike> | null
  return typeof e === 'object' && e !== null && typeof e.code === 'number' && typeof e.details === 'string'
}

function statusName(code: number): string {
  return Object.entries(status).find(([, value]) => value === code)?.[0] ?? `status ${code}`
}

// grpc-js explains a failed connection at length; the socket error code is what an operator needs.
function unavailableReason(details: string): string {
  const code = /\b(E[A-Z]{3,})\b/.exec(details)?.[1]
  if (code === 'ECONNREFUSED') return 'connection refused'
  if (code !== undefined) return code
  return details === '' ? 'server unavailable' : details
}

// grpc-js's own refusal of an oversized message: "Received message larger than max (N vs M)".
function oversizedMessage(details: string, url: string): string | undefined {
  const sizes = /larger than max \((\d+) vs (\d+)\)/.exec(details)
  if (sizes === null) return undefined
  return (
    `Message too large for ${url}: ${sizes[1]} bytes, the gRPC limit is ${sizes[2]} ` +
    `(a bootstrap values file holds at most ${MAX_BOOTSTRAP_VALUES_BYTES / 1024} KiB)`
  )
}

/**
 * The one line the CLI prints on stderr for a failure, and the exit status that goes with it. A
 * server rejection prints the server's message (which names the rule that was broken), followed by
 * the rule's stable code in brackets when the server attached one (`dc-error-detail-bin`), so a
 * PERMISSION_DENIED shows what the call needs and what certificate was presented; transport
 * failures say which server could not be reached, and a failed TLS handshake why, judged with the
 * TLS files the CLI dialled with (`server.tls`). Never a stack trace.
 */
export function describeError(
  error: unknown,
  server: ServerInfo,
): { readonly message: string; readonly exitCode: 1 | 2 } {
  const described = describe(error, server)
  // A server's message may echo what it was sent: no control byte it holds reaches the terminal.
  return { ...described, message: escapeControlChars(described.message) }
}

interface ServerInfo {
  readonly url: string
  readonly timeoutMs: number
  readonly tls?: CaOnlyTlsFiles
}

function describe(
  error: unknown,
  server: ServerInfo,
): { readonly message: string; readonly exitCode: 1 | 2 } {
  const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim()
  if (error instanceof CliError) return { message: oneLine(error.message), exitCode: error.exitCode }
  if (isServiceError(error)) {
    const details = oneLine(error.details)
    // The server's own refusals carry the error trailer; a transport failure of this CLI's link
    // has none. An UNAVAILABLE with the trailer is the controller saying it cannot reach a
    // subcloud, which must not read as this CLI failing to reach the controller.
    const rule = readErrorDetail(error.metadata)?.code ?? ''
    if (error.code === status.UNAVAILABLE && rule === '') {
      const tls = server.tls
      const handshake = describeTlsFailure(error, server.url, {
        caFile: tls?.caFile,
        certFile: tls?.certFile,
        insecure: tls === undefined,
      })
      if (handshake !== undefined) return { message: handshake, exitCode: 1 }
      return { message: `Unable to reach ${server.url}: ${unavailableReason(details)}`, exitCode: 1 }
    }
    const tooLarge =
      error.code === status.RESOURCE_EXHAUSTED ? oversizedMessage(details, server.url) : undefined
    if (tooLarge !== undefined) return { message: tooLarge, exitCode: 1 }
    switch (error.code) {
      case status.DEADLINE_EXCEEDED:
        return {
          message: `No answer from ${server.url} within ${server.timeoutMs / 1000} s (deadline exceeded)`,
          exitCode: 1,
        }
      case status.UNIMPLEMENTED:
        return { message: `${server.url} does not serve this command: ${details}`, exitCode: 1 }
      case status.CANCELLED:
        return { message: 'Interrupted', exitCode: 1 }
      default: {
        // The trailer's stable rule code lets scripts match the rule without parsing prose.
        const text = details === '' ? statusName(error.code) : details
        return { message: rule === '' || text.includes(rule) ? text : `${text} [${rule}]`, exitCode: 1 }
      }
    }
  }
  if (error instanceof Error && error.name === 'AbortError') return { message: 'Interrupted', exitCode: 1 }
  const message = error instanceof Error ? error.message : String(error)
  return { message: `Error: ${oneLine(message)}`, exitCode: 1 }
}
