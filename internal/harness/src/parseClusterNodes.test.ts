import { describe, expect, it } from 'vitest';
import { parseClusterNodes } from './parseClusterNodes.js';

const reply = `07c3 127.0.0.1:30004@40004 slave e7d1 0 1426238317239 4 connected
67ed 127.0.0.1:30002@40002 master - 0 1426238316232 2 connected 5461-10922
e7d1 127.0.0.1:30001@40001 myself,master - 0 0 1 connected 0-5460 [93->-67ed]
2921 127.0.0.1:30003@40003 master,fail - 1426238317741 1426238316071 3 disconnected 10923-16383 16000
`;

describe('parseClusterNodes', () => {
  const nodes = parseClusterNodes(reply);

  it('reads roles, masters and addresses', () => {
    expect(nodes.map((n) => [n.id, n.port, n.role, n.masterId])).toEqual([
      ['07c3', 30004, 'replica', 'e7d1'],
      ['67ed', 30002, 'master', undefined],
      ['e7d1', 30001, 'master', undefined],
      ['2921', 30003, 'master', undefined],
    ]);
  });

  it('reads slot ranges and single slots, skipping migration markers', () => {
    expect(nodes[2]?.slots).toEqual([[0, 5460]]);
    expect(nodes[3]?.slots).toEqual([
      [10923, 16383],
      [16000, 16000],
    ]);
  });

  it('flags failing nodes', () => {
    expect(nodes.map((n) => n.failing)).toEqual([false, false, false, true]);
  });

  it('rejects a truncated line', () => {
    expect(() => parseClusterNodes('abc 127.0.0.1:1')).toThrow(/bad CLUSTER NODES line/);
  });
});
