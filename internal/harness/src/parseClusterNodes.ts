/** One line of `CLUSTER NODES`, as the harness needs it. */
export interface ClusterNodeInfo {
  id: string;
  host: string;
  port: number;
  role: 'master' | 'replica';
  /** Id of the master this node replicates, for a replica. */
  masterId: string | undefined;
  /** The node is flagged `fail` or `fail?` by the one that answered. */
  failing: boolean;
  /** Owned slot ranges, inclusive, e.g. `[[0, 5460]]`. */
  slots: Array<[number, number]>;
}

/** Parses the text reply of `CLUSTER NODES`. Slot migration markers (`[…]`) are ignored. */
export function parseClusterNodes(reply: string): ClusterNodeInfo[] {
  return reply
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const [id, address, flags, master, , , , , ...slotFields] = line.split(' ');
      if (!id || !address || !flags || !master) throw new Error(`bad CLUSTER NODES line: ${line}`);
      const hostPort = address.split('@')[0] ?? '';
      const colon = hostPort.lastIndexOf(':');
      const flagList = flags.split(',');
      const slots: Array<[number, number]> = [];
      for (const field of slotFields) {
        if (field.startsWith('[')) continue;
        const [from, to = from] = field.split('-');
        slots.push([Number(from), Number(to)]);
      }
      return {
        id,
        host: hostPort.slice(0, colon),
        port: Number(hostPort.slice(colon + 1)),
        role: flagList.includes('master') ? 'master' : 'replica',
        masterId: master === '-' ? undefined : master,
        failing: flagList.includes('fail') || flagList.includes('fail?'),
        slots,
      };
    });
}
