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
