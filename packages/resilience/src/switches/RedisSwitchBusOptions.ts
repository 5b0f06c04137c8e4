import type { SwitchSubscriberConnection } from './SwitchSubscriberConnection.js';

/** Settings of a {@link RedisSwitchBus}. */
export interface RedisSwitchBusOptions {
  /**
   * A connection to subscribe on (it cannot run other commands meanwhile). The bus
   * does not close a connection it is given.
   * @default client.duplicate(), closed by {@link RedisSwitchBus.close}
   */
  subscriber?: SwitchSubscriberConnection;
  /** The Redis hash holding the state of every switch. @default 'mallkit:switches' */
  key?: string;
  /** The pub/sub channel changes are broadcast on. @default the key */
  channel?: string;
  /**
   * How often the whole state is reloaded from the hash anyway, in ms (`0`: never). A
   * safety net for messages lost without a reconnection the bus can see, e.g. while
   * ioredis moves a Cluster subscription to another node.
   * @default 30000
   */
  resyncMs?: number;
}
