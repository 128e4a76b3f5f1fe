// Original file: dc/agent/v1/agent.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ApplyRequest as _dc_agent_v1_ApplyRequest, ApplyRequest__Output as _dc_agent_v1_ApplyRequest__Output } from '../../../dc/agent/v1/ApplyRequest.js';
import type { ApplyResponse as _dc_agent_v1_ApplyResponse, ApplyResponse__Output as _dc_agent_v1_ApplyResponse__Output } from '../../../dc/agent/v1/ApplyResponse.js';
import type { BootstrapRequest as _dc_agent_v1_BootstrapRequest, BootstrapRequest__Output as _dc_agent_v1_BootstrapRequest__Output } from '../../../dc/agent/v1/BootstrapRequest.js';
import type { ClaimRequest as _dc_agent_v1_ClaimRequest, ClaimRequest__Output as _dc_agent_v1_ClaimRequest__Output } from '../../../dc/agent/v1/ClaimRequest.js';
import type { ClaimResponse as _dc_agent_v1_ClaimResponse, ClaimResponse__Output as _dc_agent_v1_ClaimResponse__Output } from '../../../dc/agent/v1/ClaimResponse.js';
import type { DescribeRequest as _dc_agent_v1_DescribeRequest, DescribeRequest__Output as _dc_agent_v1_DescribeRequest__Output } from '../../../dc/agent/v1/DescribeRequest.js';
import type { DescribeResponse as _dc_agent_v1_DescribeResponse, DescribeResponse__Output as _dc_agent_v1_DescribeResponse__Output } from '../../../dc/agent/v1/DescribeResponse.js';
import type { OwnerRequest as _dc_agent_v1_OwnerRequest, OwnerRequest__Output as _dc_agent_v1_OwnerRequest__Output } from '../../../dc/agent/v1/OwnerRequest.js';
import type { StateSummary as _dc_agent_v1_StateSummary, StateSummary__Output as _dc_agent_v1_StateSummary__Output } from '../../../dc/agent/v1/StateSummary.js';
import type { WatchEvent as _dc_agent_v1_WatchEvent, WatchEvent__Output as _dc_agent_v1_WatchEvent__Output } from '../../../dc/agent/v1/WatchEvent.js';
import type { WatchRequest as _dc_agent_v1_WatchRequest, WatchRequest__Output as _dc_agent_v1_WatchRequest__Output } from '../../../dc/agent/v1/WatchRequest.js';

/**
 * A subcloud agent as its controller sees it.
 */
export interface AgentClient extends grpc.Client {
  /**
   * Apply a change atomically and durably, idempotent on change_id.
   */
  Apply(argument: _dc_agent_v1_ApplyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_agent_v1_ApplyResponse__Output>): grpc.ClientUnaryCall;
  Apply(argument: _dc_agent_v1_ApplyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_agent_v1_ApplyResponse__Output>): grpc.ClientUnaryCall;
  Apply(argument: _dc_agent_v1_ApplyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_agent_v1_ApplyResponse__Output>): grpc.ClientUnaryCall;
  Apply(argument: _dc_agent_v1_ApplyRequest, callback: grpc.requestCallback<_dc_agent_v1_ApplyResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Apply a change atomically and durably, idempotent on change_id.
   */
  apply(argument: _dc_agent_v1_ApplyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_agent_v1_ApplyResponse__Output>): grpc.ClientUnaryCall;
  apply(argument: _dc_agent_v1_ApplyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_agent_v1_ApplyResponse__Output>): grpc.ClientUnaryCall;
  apply(argument: _dc_agent_v1_ApplyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_agent_v1_ApplyResponse__Output>): grpc.ClientUnaryCall;
  apply(argument: _dc_agent_v1_ApplyRequest, callback: grpc.requestCallback<_dc_agent_v1_ApplyResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Bootstrap from values; ALREADY_EXISTS when already bootstrapped with other values, the same
   * summary again when bootstrapped with identical values.
   */
  Bootstrap(argument: _dc_agent_v1_BootstrapRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_agent_v1_StateSummary__Output>): grpc.ClientUnaryCall;
  Bootstrap(argument: _dc_agent_v1_BootstrapRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_agent_v1_StateSummary__Output>): grpc.ClientUnaryCall;
  Bootstrap(argument: _dc_agent_v1_BootstrapRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_agent_v1_StateSummary__Output>): grpc.ClientUnaryCall;
  Bootstrap(argument: _dc_agent_v1_BootstrapRequest, callback: grpc.requestCallback<_dc_agent_v1_StateSummary__Output>): grpc.ClientUnaryCall;
  /**
   * Bootstrap from values; ALREADY_EXISTS when already bootstrapped with other values, the same
   * summary again when bootstrapped with identical values.
   */
  bootstrap(argument: _dc_agent_v1_BootstrapRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_agent_v1_StateSummary__Output>): grpc.ClientUnaryCall;
  bootstrap(argument: _dc_agent_v1_BootstrapRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_agent_v1_StateSummary__Output>): grpc.ClientUnaryCall;
  bootstrap(argument: _dc_agent_v1_BootstrapRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_agent_v1_StateSummary__Output>): grpc.ClientUnaryCall;
  bootstrap(argument: _dc_agent_v1_BootstrapRequest, callback: grpc.requestCallback<_dc_agent_v1_StateSummary__Output>): grpc.ClientUnaryCall;
  
  /**
   * Claim the agent for a controller epoch; a lower epoch is refused with FAILED_PRECONDITION.
   */
  Claim(argument: _dc_agent_v1_ClaimRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_agent_v1_ClaimResponse__Output>): grpc.ClientUnaryCall;
  Claim(argument: _dc_agent_v1_ClaimRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_agent_v1_ClaimResponse__Output>): grpc.ClientUnaryCall;
  Claim(argument: _dc_agent_v1_ClaimRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_agent_v1_ClaimResponse__Output>): grpc.ClientUnaryCall;
  Claim(argument: _dc_agent_v1_ClaimRequest, callback: grpc.requestCallback<_dc_agent_v1_ClaimResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Claim the agent for a controller epoch; a lower epoch is refused with FAILED_PRECONDITION.
   */
  claim(argument: _dc_agent_v1_ClaimRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_agent_v1_ClaimResponse__Output>): grpc.ClientUnaryCall;
  claim(argument: _dc_agent_v1_ClaimRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_agent_v1_ClaimResponse__Output>): grpc.ClientUnaryCall;
  claim(argument: _dc_agent_v1_ClaimRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_agent_v1_ClaimResponse__Output>): grpc.ClientUnaryCall;
  claim(argument: _dc_agent_v1_ClaimRequest, callback: grpc.requestCallback<_dc_agent_v1_ClaimResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Full state, call counters and ownership.
   */
  Describe(argument: _dc_agent_v1_DescribeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_agent_v1_DescribeResponse__Output>): grpc.ClientUnaryCall;
  Describe(argument: _dc_agent_v1_DescribeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_agent_v1_DescribeResponse__Output>): grpc.ClientUnaryCall;
  Describe(argument: _dc_agent_v1_DescribeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_agent_v1_DescribeResponse__Output>): grpc.ClientUnaryCall;
  Describe(argument: _dc_agent_v1_DescribeRequest, callback: grpc.requestCallback<_dc_agent_v1_DescribeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Full state, call counters and ownership.
   */
  describe(argument: _dc_agent_v1_DescribeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_agent_v1_DescribeResponse__Output>): grpc.ClientUnaryCall;
  describe(argument: _dc_agent_v1_DescribeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_agent_v1_DescribeResponse__Output>): grpc.ClientUnaryCall;
  describe(argument: _dc_agent_v1_DescribeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_agent_v1_DescribeResponse__Output>): grpc.ClientUnaryCall;
  describe(argument: _dc_agent_v1_DescribeRequest, callback: grpc.requestCallback<_dc_agent_v1_DescribeResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * lifecycle: deploy recovery
   * Forget the caller's claim (fenced like Apply): the agent is unclaimed again, epoch 0, and any
   * controller may claim it; its system state is kept.
   */
  Release(argument: _dc_agent_v1_OwnerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_agent_v1_ClaimResponse__Output>): grpc.ClientUnaryCall;
  Release(argument: _dc_agent_v1_OwnerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_agent_v1_ClaimResponse__Output>): grpc.ClientUnaryCall;
  Release(argument: _dc_agent_v1_OwnerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_agent_v1_ClaimResponse__Output>): grpc.ClientUnaryCall;
  Release(argument: _dc_agent_v1_OwnerRequest, callback: grpc.requestCallback<_dc_agent_v1_ClaimResponse__Output>): grpc.ClientUnaryCall;
  /**
   * lifecycle: deploy recovery
   * Forget the caller's claim (fenced like Apply): the agent is unclaimed again, epoch 0, and any
   * controller may claim it; its system state is kept.
   */
  release(argument: _dc_agent_v1_OwnerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_agent_v1_ClaimResponse__Output>): grpc.ClientUnaryCall;
  release(argument: _dc_agent_v1_OwnerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_agent_v1_ClaimResponse__Output>): grpc.ClientUnaryCall;
  release(argument: _dc_agent_v1_OwnerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_agent_v1_ClaimResponse__Output>): grpc.ClientUnaryCall;
  release(argument: _dc_agent_v1_OwnerRequest, callback: grpc.requestCallback<_dc_agent_v1_ClaimResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Drop the system state (fenced like Apply), so the next Bootstrap starts over; the claim is kept.
   */
  Reset(argument: _dc_agent_v1_OwnerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_agent_v1_StateSummary__Output>): grpc.ClientUnaryCall;
  Reset(argument: _dc_agent_v1_OwnerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_agent_v1_StateSummary__Output>): grpc.ClientUnaryCall;
  Reset(argument: _dc_agent_v1_OwnerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_agent_v1_StateSummary__Output>): grpc.ClientUnaryCall;
  Reset(argument: _dc_agent_v1_OwnerRequest, callback: grpc.requestCallback<_dc_agent_v1_StateSummary__Output>): grpc.ClientUnaryCall;
  /**
   * Drop the system state (fenced like Apply), so the next Bootstrap starts over; the claim is kept.
   */
  reset(argument: _dc_agent_v1_OwnerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_agent_v1_StateSummary__Output>): grpc.ClientUnaryCall;
  reset(argument: _dc_agent_v1_OwnerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_agent_v1_StateSummary__Output>): grpc.ClientUnaryCall;
  reset(argument: _dc_agent_v1_OwnerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_agent_v1_StateSummary__Output>): grpc.ClientUnaryCall;
  reset(argument: _dc_agent_v1_OwnerRequest, callback: grpc.requestCallback<_dc_agent_v1_StateSummary__Output>): grpc.ClientUnaryCall;
  
  /**
   * Heartbeats and status changes until the caller cancels.
   */
  Watch(argument: _dc_agent_v1_WatchRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_dc_agent_v1_WatchEvent__Output>;
  Watch(argument: _dc_agent_v1_WatchRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_dc_agent_v1_WatchEvent__Output>;
  /**
   * Heartbeats and status changes until the caller cancels.
   */
  watch(argument: _dc_agent_v1_WatchRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_dc_agent_v1_WatchEvent__Output>;
  watch(argument: _dc_agent_v1_WatchRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_dc_agent_v1_WatchEvent__Output>;
  
}

/**
 * A subcloud agent as its controller sees it.
 */
export interface AgentHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Apply a change atomically and durably, idempotent on change_id.
   */
  Apply: grpc.handleUnaryCall<_dc_agent_v1_ApplyRequest__Output, _dc_agent_v1_ApplyResponse>;
  
  /**
   * Bootstrap from values; ALREADY_EXISTS when already bootstrapped with other values, the same
   * summary again when bootstrapped with identical values.
   */
  Bootstrap: grpc.handleUnaryCall<_dc_agent_v1_BootstrapRequest__Output, _dc_agent_v1_StateSummary>;
  
  /**
   * Claim the agent for a controller epoch; a lower epoch is refused with FAILED_PRECONDITION.
   */
  Claim: grpc.handleUnaryCall<_dc_agent_v1_ClaimRequest__Output, _dc_agent_v1_ClaimResponse>;
  
  /**
   * Full state, call counters and ownership.
   */
  Describe: grpc.handleUnaryCall<_dc_agent_v1_DescribeRequest__Output, _dc_agent_v1_DescribeResponse>;
  
  /**
   * lifecycle: deploy recovery
   * Forget the caller's claim (fenced like Apply): the agent is unclaimed again, epoch 0, and any
   * controller may claim it; its system state is kept.
   */
  Release: grpc.handleUnaryCall<_dc_agent_v1_OwnerRequest__Output, _dc_agent_v1_ClaimResponse>;
  
  /**
   * Drop the system state (fenced like Apply), so the next Bootstrap starts over; the claim is kept.
   */
  Reset: grpc.handleUnaryCall<_dc_agent_v1_OwnerRequest__Output, _dc_agent_v1_StateSummary>;
  
  /**
   * Heartbeats and status changes until the caller cancels.
   */
  Watch: grpc.handleServerStreamingCall<_dc_agent_v1_WatchRequest__Output, _dc_agent_v1_WatchEvent>;
  
}

export interface AgentDefinition extends grpc.ServiceDefinition {
  Apply: MethodDefinition<_dc_agent_v1_ApplyRequest, _dc_agent_v1_ApplyResponse, _dc_agent_v1_ApplyRequest__Output, _dc_agent_v1_ApplyResponse__Output>
  Bootstrap: MethodDefinition<_dc_agent_v1_BootstrapRequest, _dc_agent_v1_StateSummary, _dc_agent_v1_BootstrapRequest__Output, _dc_agent_v1_StateSummary__Output>
  Claim: MethodDefinition<_dc_agent_v1_ClaimRequest, _dc_agent_v1_ClaimResponse, _dc_agent_v1_ClaimRequest__Output, _dc_agent_v1_ClaimResponse__Output>
  Describe: MethodDefinition<_dc_agent_v1_DescribeRequest, _dc_agent_v1_DescribeResponse, _dc_agent_v1_DescribeRequest__Output, _dc_agent_v1_DescribeResponse__Output>
  Release: MethodDefinition<_dc_agent_v1_OwnerRequest, _dc_agent_v1_ClaimResponse, _dc_agent_v1_OwnerRequest__Output, _dc_agent_v1_ClaimResponse__Output>
  Reset: MethodDefinition<_dc_agent_v1_OwnerRequest, _dc_agent_v1_StateSummary, _dc_agent_v1_OwnerRequest__Output, _dc_agent_v1_StateSummary__Output>
  Watch: MethodDefinition<_dc_agent_v1_WatchRequest, _dc_agent_v1_WatchEvent, _dc_agent_v1_WatchRequest__Output, _dc_agent_v1_WatchEvent__Output>
}
