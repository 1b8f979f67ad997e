/**
 * Card addresses: `root:kernel:<module>:<version>:<key>` for built-in functions and
 * `root:channels:http:<app>:<version>:<key>` for connector (app) cards.
 */

/** The parts of a card address. `app` is the kernel module or the connector key. */
export interface Address {
  namespace: 'kernel' | 'channels';
  app: string;
  version: string;
  key: string;
}

const ADDRESS =
  /^root:(?:kernel:([a-z][a-z0-9_]*)|channels:http:([a-z][a-z0-9_]*)):([0-9]+\.[0-9]+\.[0-9]+):([A-Za-z][A-Za-z0-9_]*)$/;

/** Parses an address; null when it does not follow the scheme. */
export function parseAddress(address: string): Address | null {
  const m = ADDRESS.exec(address);
  if (!m) return null;
  const [, kernelModule, channelApp, version = '', key = ''] = m;
  return kernelModule !== undefined
    ? { namespace: 'kernel', app: kernelModule, version, key }
    : { namespace: 'channels', app: channelApp ?? '', version, key };
}

/** The address without its version, as the catalog keys cards: `root:kernel:control:if`. */
export function unversioned(address: string): string {
  const parts = address.split(':');
  if (parts.length < 5) return address;
  parts.splice(parts.length - 2, 1);
  return parts.join(':');
}

/** Puts a version into an unversioned address: `root:kernel:control:if` → `…:0.0.1:if`. */
export function versioned(unversionedAddress: string, version: string): string {
  const parts = unversionedAddress.split(':');
  parts.splice(parts.length - 1, 0, version);
  return parts.join(':');
}

/** The `parents` object Okta derives from an address (without environment-specific ids). */
export function parentsOf(address: string): {
  version: { address: string; key: string; data: { name: string } };
  channel: { address: string; key: string; data: { name: string } };
} {
  const parts = address.split(':');
  const versionAddress = parts.slice(0, -1).join(':');
  const channelAddress = parts.slice(0, -2).join(':');
  const version = parts[parts.length - 2] ?? '';
  const channel = parts[parts.length - 3] ?? '';
  return {
    version: { address: versionAddress, key: version, data: { name: version } },
    channel: { address: channelAddress, key: channel, data: { name: channel } },
  };
}

/** The last segment of an address, also `node.key`. */
export const keyOf = (address: string): string => address.slice(address.lastIndexOf(':') + 1);

/** True for `root:kernel:<module>:…:<key>` with the given module and key. */
export function isKernel(address: string, module: string, key: string): boolean {
  return address.startsWith(`root:kernel:${module}:`) && address.endsWith(`:${key}`);
}
