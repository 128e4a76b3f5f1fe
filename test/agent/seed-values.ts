/**
 * Bootstrap values of the seed (`starlingx-dual-stack-blog.md`): the dual-stack `localhost.yml` of
 * its "Bootstrap" section on an AIO-DX, and the AIO-DX installed IPv6 single-stack that its
 * "Runtime with CLI" walkthrough starts from (the subnets its `addrpool-list` shows).
 */
export const DUAL_STACK_VALUES = `
system_mode: duplex
pxeboot_subnet: 192.168.202.0/24
external_oam_subnet: fd00::/64,10.20.2.0/24
external_oam_gateway_address: fd00::1,10.20.2.1
external_oam_floating_address: fd00::3,10.20.2.3
external_oam_node_0_address: fd00::4,10.20.2.4
external_oam_node_1_address: fd00::5,10.20.2.5
management_subnet: fd01::/64
management_start_address: fd01::2
management_end_address: fd01::ffff
cluster_host_subnet: aefd:205::/64,192.168.205.0/24
cluster_pod_subnet: aefd:206::/64,172.16.0.0/16
cluster_service_subnet: aefd:aaa::/112,10.96.0.0/12
admin_password: St8rlingX*seed
`

export const IPV6_SINGLE_STACK_VALUES = `
system_mode: duplex
pxeboot_subnet: 169.254.202.0/24
external_oam_subnet: fd00::/64
external_oam_gateway_address: fd00::1
external_oam_floating_address: fd00::2
external_oam_node_0_address: fd00::3
external_oam_node_1_address: fd00::4
management_subnet: fd01::/64
management_start_address: fd01::1
management_end_address: fd01::ffff
cluster_host_subnet: fd02::/64
cluster_pod_subnet: fd03::/64
cluster_service_subnet: fd04::/112
multicast_subnet: ff08::1:1:0/124
admin_password: Li99ux*seed
`

/** The secret values above, which must never show up in the agent's output. */
export const SEED_SECRETS = ['St8rlingX*seed', 'Li99ux*seed']
