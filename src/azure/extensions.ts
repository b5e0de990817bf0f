// VM extensions that matter for Trusted Launch (see generated/extensions.ts). Publisher and type
// compare case-insensitively, as ARM does. GuestAttestation publishers by OS:
// https://learn.microsoft.com/azure/virtual-machines/trusted-launch-existing-vmss
import { extensionTable } from './generated/extensions.js';
import type { ExtensionRole, ExtensionRow, ExtensionTemplate, OsType } from './types.js';

export interface GuestAttestationExtension extends ExtensionTemplate {
  readonly publisher: string;
  readonly type: string;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The known extension with this publisher and type, with its role and OS. */
export function extensionRole(publisher: string, type: string): ExtensionRow | undefined {
  return extensionTable.extensions.find((row) => same(row.publisher, publisher) && same(row.type, type));
}

function guestAttestationRow(os: OsType): ExtensionRow & { readonly template: ExtensionTemplate } {
  const row = extensionTable.extensions.find((r) => r.role === 'guestAttestation' && r.os === os);
  // The generator guarantees one GuestAttestation entry with a template per OS.
  if (!row?.template) throw new Error(`generated extensions table has no GuestAttestation for ${os}`);
  return { ...row, template: row.template };
}

/** `Microsoft.Azure.Security.WindowsAttestation` / `Microsoft.Azure.Security.LinuxAttestation`. */
export function attestationPublisher(os: OsType): string {
  return guestAttestationRow(os).publisher;
}

/** The OS a GuestAttestation publisher is for; undefined for any other publisher. */
export function attestationPublisherOs(publisher: string): OsType | undefined {
  return extensionTable.extensions.find((row) => row.role === 'guestAttestation' && same(row.publisher, publisher))?.os;
}

/** The GuestAttestation extension properties a fix writes for an OS. */
export function guestAttestationExtension(os: OsType): GuestAttestationExtension {
  const row = guestAttestationRow(os);
  return { publisher: row.publisher, type: row.type, ...row.template };
}

function hasRole(role: ExtensionRole, publisher: string, type: string): ExtensionRow | undefined {
  const row = extensionRole(publisher, type);
  return row?.role === role ? row : undefined;
}

/** Type `GuestAttestation` from either attestation publisher (whether or not it fits the OS). */
export function isGuestAttestation(publisher: string, type: string): boolean {
  return hasRole('guestAttestation', publisher, type) !== undefined;
}

/** `Microsoft.Azure.ServiceFabric` `ServiceFabricNode` / `ServiceFabricLinuxNode`: the scale set is a node type. */
export function isServiceFabricNode(publisher: string, type: string): boolean {
  return hasRole('serviceFabricNode', publisher, type) !== undefined;
}

/** `Microsoft.HpcCompute` `NvidiaGpuDriverLinux`: installs drivers that Secure Boot blocks. */
export function isNvidiaLinuxDriver(publisher: string, type: string): boolean {
  return hasRole('nvidiaGpuDriver', publisher, type)?.os === 'Linux';
}
