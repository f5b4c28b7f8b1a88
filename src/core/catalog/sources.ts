/**
 * Documentation references, one constant per place the rules come from. Paths are under
 * `source/` of the Carbonio docs repository `zextras/tech-doc`; the project's domain reference
 * (`docs/domain.md` section numbers in brackets) quotes the lines the rules follow.
 */
export const SOURCES = {
  ceArchitecture: 'Carbonio CE docs, architecture/toc.rst (2026) [domain §2]',
  ceInstallArchitecture: 'Carbonio CE docs, install/architecture.rst (2022-2025) [domain §3 Placement]',
  ceArchitectureFigure: 'Carbonio CE docs, img/carbonio/architecture_CE.png (2022-2025) [domain §2]',
  ceMultiServer: 'Carbonio CE docs, install/scenarios (five nodes, 2024 - Feb 2026) [domain §5]',
  ceSingleServerOnly: 'Carbonio CE docs 26.x: Single-Server only [domain §1]',
  ceRequirements: 'Carbonio CE docs, install/requirements (hardware) [domain §3 Resources]',
  directoryReplica: 'Carbonio docs, Directory Server Replica: "not on the same Node which features the Primary Directory Role" [domain §3 Placement]',
  meshCount: 'Carbonio installer check (Dec 2024) and commercial docs (May 2026): 1 or 3 Mesh servers [domain §3 Cardinality]',
  masterDirectory: 'zextras/carbonio-install-ansible: "does not support multi-server Master Directory installation" [domain §3 Cardinality]',
  singleDatabase: 'Carbonio docs: one Database node in a standard install [domain §3 Cardinality]',
  uniqueInstances: 'Carbonio docs: Docs, Monitoring "Max. 1 instance per installation"; Logger "must be unique" [domain §2-§3]',
  dependencies: 'Carbonio docs, component dependencies [domain §3 Dependencies]',
  videoNeedsMailstore: 'Carbonio docs, Video Server: "Mailstore & Provisioning … is required by the Video Server" [domain §3 Dependencies]',
  videoNeedsChats: 'Carbonio installer 25.3.0: "WSC server is mandatory if videoserver is defined" [domain §3 Dependencies]',
  videoResources: 'Carbonio docs, Video Server: "requires a considerable amount of resources" [domain §3 Placement]',
  redBoxes: 'Carbonio CE docs, install/architecture.rst: red-box services "should be installed on a dedicated node" [domain §3 Placement]',
  commercialRequirements: 'Carbonio docs, requirements (until Jan 2026): single node 8/24/100, collaboration 4/16/50, video 8/8/50 [domain §3 Resources]',
  filesMemory: 'Carbonio docs, Files: "requires 4GB of RAM to start"; plan at least 6 GB [domain §3 Resources]',
  nodeNetwork: 'Carbonio docs, requirements: FQDN hostnames; the Ansible playbook rejects short names from 26.6.0 [domain §3 Nodes and network]',
  pgpool: 'Carbonio seed text: "it is suggested to install a middleware (PgPool-II)…"; PgPool left the docs in April 2024 [domain §3 Dependencies]',
  pgpoolRemoved: 'zextras/carbonio-install-ansible: Database Connector removed from the installer in Nov 2024 [domain §2]',
  ports: 'Carbonio docs, firewall ports (external and internal) [domain §4]',
  meshAgent: 'Carbonio docs: every node but the Mesh servers gets service-discover-agent [domain §2]',
  externalPorts: 'Carbonio docs, firewall ports: external ports, "open only on the node that runs the component" [domain §4]',
  internalPorts: 'Carbonio docs, firewall ports: internal ports, "between nodes on the private network" [domain §4]',
  typicalFlows: 'Carbonio docs, firewall ports: typical flows (who talks to whom) [domain §4]',
  adminVpnOnly: 'Carbonio docs, firewall ports: 6071/tcp Admin Panel "VPN only, never public" [domain §4]',
  mailProtocols: 'Carbonio seed text: POP3 and POP3S, IMAP and IMAPS, SMTP with SMTPS and submission over TLS [domain §4]',
  publicReachability:
    'Carbonio docs, requirements: Proxy and MTA "reachable from the Internet (or via port forwarding: at minimum 25 → MTA and 443 → Proxy)"; the Video Server gets a public IP (five-node scenario, Ansible public_ip_address) [domain §3 Nodes and network, §5, §6]',
  internalZone:
    'Assumption built on Carbonio docs, firewall ports: internal ports are "between nodes on the private network" [domain §4]; the docs say nothing of DMZs',
  singleServerCapacity: 'Carbonio docs, requirements (until Jan 2026): "Single-Server supports up to 500 accounts" [domain §3 Resources]',
  mailstoreDisk:
    'Carbonio CE docs, requirements: 50 GB disk for OS + Carbonio plus mailbox data, users × quota (20 users × 10 GB → about 250 GB) [domain §3 Resources]',
  videoRecordingSize: 'Carbonio docs, Video Recording: about 400 MB per hour at 1280×720, 25 fps [domain §3 Resources]',
} as const;
