// Expected tables of every list command against the canned data of fake-dc-server.ts, checked by
// eye against the seed's tables (network-addrpool-list is the seed's own table, byte for byte).
export const LIST_GOLDENS: readonly (readonly [
  program: 'system' | 'dcmanager' | 'fm',
  argv: readonly string[],
  table: string,
])[] = [
  [
    'system',
    ['network-list'],
    `
+----+--------------------------------------+-----------------+-----------------+---------+--------------------------------------+---------------------+
| id | uuid                                 | name            | type            | dynamic | pool_uuid                            | primary_pool_family |
+----+--------------------------------------+-----------------+-----------------+---------+--------------------------------------+---------------------+
| 1  | 41eda7c4-3f0e-4c8b-9d55-0a1b2c3d4e5e | mgmt            | mgmt            | True    | 0648baa4-2c11-4b7a-8e0f-2f3a4b5c6d7f | IPv6                |
| 3  | 484d1a90-5b2c-4d3e-8f41-1a2b3c4d5e66 | oam             | oam             | False   | cf5f9fe3-d0a1-4e2b-9c3d-4e5f6a7b8c94 | IPv6                |
| 4  | 73fd5b21-6c3d-4e4f-9a52-2b3c4d5e6f70 | multicast       | multicast       | False   | 499fac20-6e7f-4a8b-9c0d-1e2f3a4b5c6e | IPv6                |
| 2  | 7ce78c32-7d4e-4f50-8b63-3c4d5e6f7a85 | pxeboot         | pxeboot         | True    | 765cc97b-b1c2-4d3e-8f4a-5b6c7d8e9f07 | IPv4                |
| 5  | 82427d43-8e5f-4061-9c74-4d5e6f7a8b97 | cluster-host    | cluster-host    | True    | 1db96471-f2a3-4b4c-9d5e-6f7a8b9c0d1b | IPv6                |
| 7  | b3c0ae54-9f60-4172-8d85-5e6f7a8b9c0f | cluster-service | cluster-service | False   | d6318027-3b4c-4d5e-8f6a-7b8c9d0e1f25 | IPv6                |
| 6  | f6349f65-a071-4283-9e96-6f7a8b9c0d1b | cluster-pod     | cluster-pod     | False   | c311c1d6-8c9d-4e0f-9a1b-2c3d4e5f6a7a | IPv6                |
+----+--------------------------------------+-----------------+-----------------+---------+--------------------------------------+---------------------+
`,
  ],
  [
    'system',
    ['network-addrpool-list'],
    `
+--------------------------------------+-----------------+-----------------------------+
| uuid                                 | network_name    | addrpool_name               |
+--------------------------------------+-----------------+-----------------------------+
| be3afd5d-ef21-495c-b5a7-1494c7b040fc | cluster-host    | cluster-host-subnet-ipv6    |
| 5530e24c-f868-4cca-9dcc-ba860078a83d | cluster-pod     | cluster-pod-subnet-ipv6     |
| 536ef1c5-a425-4b94-819a-32849703ec69 | cluster-service | cluster-service-subnet-ipv6 |
| a061620b-bc27-443b-a0d6-10dafbaae50e | mgmt            | management-ipv6             |
| 90523d67-6320-4c06-8c45-90dfab4ed3b6 | multicast       | multicast-subnet-ipv6       |
| 26e5cc6f-cfa8-46f4-8432-8f6cab3e1c82 | oam             | oam-ipv6                    |
| dbaea2d7-c22a-48ec-83d3-314ae26f7d30 | pxeboot         | pxeboot                     |
+--------------------------------------+-----------------+-----------------------------+
`,
  ],
  [
    'system',
    ['addrpool-list'],
    `
+--------------------------------------+-----------------------------+---------------+--------+--------+---------------------------------------+------------------+---------------------+---------------------+-----------------+
| uuid                                 | name                        | network       | prefix | order  | ranges                                | floating_address | controller0_address | controller1_address | gateway_address |
+--------------------------------------+-----------------------------+---------------+--------+--------+---------------------------------------+------------------+---------------------+---------------------+-----------------+
| 1db96471-f2a3-4b4c-9d5e-6f7a8b9c0d1b | cluster-host-subnet-ipv6    | fd02::        | 64     | random | ['fd02::1-fd02::ffff:ffff:ffff:fffe'] | None             | None                | None                | None            |
| d6318027-3b4c-4d5e-8f6a-7b8c9d0e1f25 | cluster-service-subnet-ipv6 | fd04::        | 112    | random | ['fd04::1-fd04::fffe']                | None             | None                | None                | None            |
| cf5f9fe3-d0a1-4e2b-9c3d-4e5f6a7b8c94 | oam-ipv6                    | fd00::        | 64     | random | ['fd00::1-fd00::ffff:ffff:ffff:fffe'] | fd00::3          | fd00::4             | fd00::5             | None            |
| 765cc97b-b1c2-4d3e-8f4a-5b6c7d8e9f07 | pxeboot                     | 169.254.202.0 | 24     | random | ['169.254.202.1-169.254.202.254']     | None             | None                | None                | None            |
+--------------------------------------+-----------------------------+---------------+--------+--------+---------------------------------------+------------------+---------------------+---------------------+-----------------+
`,
  ],
  [
    'system',
    ['host-list'],
    `
+----+--------------+-------------+----------------+-------------+--------------+
| id | hostname     | personality | administrative | operational | availability |
+----+--------------+-------------+----------------+-------------+--------------+
| 1  | controller-0 | controller  | unlocked       | enabled     | available    |
| 2  | controller-1 | controller  | locked         | disabled    | online       |
+----+--------------+-------------+----------------+-------------+--------------+
`,
  ],
  [
    'fm',
    ['alarm-list'],
    `
+----------+--------------------------------------------+-------------------+----------+----------------------+
| Alarm ID | Reason Text                                | Entity ID         | Severity | Time Stamp           |
+----------+--------------------------------------------+-------------------+----------+----------------------+
| 250.001  | controller-0 Configuration is out-of-date. | host=controller-0 | major    | 2025-05-06T01:00:01Z |
| 250.001  | controller-1 Configuration is out-of-date. | host=controller-1 | major    | 2025-05-06T01:00:00Z |
+----------+--------------------------------------------+-------------------+----------+----------------------+
`,
  ],
  [
    'dcmanager',
    ['subcloud', 'list'],
    `
+----+-----------+------------+--------------+------------------+---------+---------------+-----------------+
| id | name      | management | availability | deploy status    | sync    | backup status | prestage status |
+----+-----------+------------+--------------+------------------+---------+---------------+-----------------+
| 1  | subcloud1 | managed    | online       | complete         | in-sync | None          | None            |
| 2  | subcloud2 | unmanaged  | offline      | bootstrap-failed | unknown | None          | None            |
+----+-----------+------------+--------------+------------------+---------+---------------+-----------------+
`,
  ],
  [
    'dcmanager',
    ['subcloud-group', 'list'],
    `
+----+---------+------------------------+
| id | name    | description            |
+----+---------+------------------------+
| 1  | Default | Default Subcloud Group |
+----+---------+------------------------+
`,
  ],
  [
    'dcmanager',
    ['system-peer', 'list'],
    `
+----+--------------------------------------+-----------+-------------------------+----------------------------+
| id | peer uuid                            | peer name | manager endpoint        | controller gateway address |
+----+--------------------------------------+-----------+-------------------------+----------------------------+
| 1  | 9d7b1c2e-1111-4222-8333-444455556666 | site-b    | nats://[fd00:b::2]:4222 | fd01:b::1                  |
+----+--------------------------------------+-----------+-------------------------+----------------------------+
`,
  ],
  [
    'dcmanager',
    ['subcloud-peer-group', 'list'],
    `
+--------+-----------------+----------------+-------------+------------------+--------------------+-----------------------+------------+------------+
| id     | peer_group_name | group_priority | group_state | system_leader_id | system_leader_name | max_subcloud_rehoming | created_at | updated_at |
+--------+-----------------+----------------+-------------+------------------+--------------------+-----------------------+------------+------------+
| <none> | <none>          | <none>         | <none>      | <none>           | <none>             | <none>                | <none>     | <none>     |
+--------+-----------------+----------------+-------------+------------------+--------------------+-----------------------+------------+------------+
`,
  ],
  [
    'dcmanager',
    ['peer-group-association', 'list'],
    `
+----+---------------+----------------+---------+-------------+---------------------+
| id | peer_group_id | system_peer_id | type    | sync_status | peer_group_priority |
+----+---------------+----------------+---------+-------------+---------------------+
| 1  | 1             | 1              | primary | in-sync     | 2                   |
+----+---------------+----------------+---------+-------------+---------------------+
`,
  ],
]
