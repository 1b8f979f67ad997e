/** Okta's built-in (`root:kernel:…`) cards as its console writes them, key for key. */
import type { RawMethod } from './raw.ts';

export interface KernelCardSpec {
  /** The kernel channel, e.g. `control` or `object`. */
  channel: string;
  /** The card's key within the channel, e.g. `noop` or `expand`. */
  key: string;
  uuid: string;
  /** `node.data.name`: the card's title. */
  title: string;
  /** `metadata.name`; the title when not given. */
  metadataName?: string;
  description: string;
  displayed: boolean;
  timeout: number;
  inputs: RawMethod['node']['model']['inputs'];
  outputs: RawMethod['node']['model']['outputs'];
}

/** A version 0.0.1 kernel card with no pins, joins or branches. */
export function kernelCard(spec: KernelCardSpec): RawMethod {
  const { channel, key } = spec;
  return {
    joins: {},
    address: `root:kernel:${channel}:0.0.1:${key}`,
    parents: {
      version: { address: `root:kernel:${channel}:0.0.1`, key: '0.0.1', data: { name: '0.0.1' } },
      channel: { address: `root:kernel:${channel}`, key: channel, data: { name: channel } },
    },
    uuid: spec.uuid,
    branches: {},
    node: {
      key,
      data: { name: spec.title },
      model: {
        type: 'method',
        _v: 2,
        key,
        executable: false,
        displayed: spec.displayed,
        async: false,
        cooperative: false,
        mirrored: false,
        inlined: false,
        dependencies: [],
        timeout: spec.timeout,
        idempotent: false,
        monitor: false,
        webhook: false,
        webhookList: false,
        webhookConditions: false,
        mobile: false,
        hooks: {},
        policy: { error: { type: 'finish' } },
        metadata: {
          id: null,
          name: spec.metadataName ?? spec.title,
          description: spec.description,
        },
        meta: {},
        config: null,
        partnerChannelKeys: null,
        inputs: spec.inputs,
        outputs: spec.outputs,
        runtime: {},
      },
    },
    pins: {},
  };
}
