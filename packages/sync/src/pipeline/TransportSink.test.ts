import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../changes/ChangeEvent.js';
import type { MessageTransport } from '../transport/MessageTransport.js';
import type { OutgoingMessage } from '../transport/StreamMessage.js';
import { TransportSink } from './TransportSink.js';

const change = (table: string, key: string, id: string): ChangeEvent => ({
  id,
  source: 'binlog',
  table,
  op: 'insert',
  key,
  after: { n: 1n, at: new Date(0) },
  at: 0,
  position: 'f:4',
});

function transport(failTopic?: string) {
  const published: [string, OutgoingMessage[]][] = [];
  let inFlight = 0;
  const t: MessageTransport = {
    publish: async (topic, messages) => {
      inFlight++;
      await new Promise((r) => setTimeout(r, topic === failTopic ? 1 : 10));
      inFlight--;
      if (topic === failTopic) throw new Error(`${topic} down`);
      published.push([topic, [...messages]]);
    },
    subscribe: async () => {
      throw new Error('unused');
    },
  };
  return { t, published, inFlight: () => inFlight };
}

describe('TransportSink', () => {
  it('publishes one message per change, grouped by topic in order, keyed and identified like the change', async () => {
    const { t, published } = transport();
    await new TransportSink({ transport: t }).publish([
      change('a.x', '1', 'i1'),
      change('a.y', '2', 'i2'),
      change('a.x', '3', 'i3'),
    ]);
    const byTopic = new Map(
      published.map(([topic, m]) => [topic, m.map((x) => `${x.key}/${x.id}`)]),
    );
    expect(byTopic).toEqual(
      new Map([
        ['a.x', ['1/i1', '3/i3']],
        ['a.y', ['2/i2']],
      ]),
    );
    const body = JSON.parse(published.find(([topic]) => topic === 'a.x')?.[1][0]?.body ?? '{}');
    expect(body.after).toEqual({ n: '1', at: '1970-01-01T00:00:00.000Z' });
  });

  it('rejects only after every topic settled, so a retry never overtakes a publish in flight', async () => {
    const { t, published, inFlight } = transport('bad');
    const sink = new TransportSink({
      transport: t,
      topic: (c) => (c.key === '1' ? 'bad' : 'good'),
    });
    await expect(sink.publish([change('t', '1', 'a'), change('t', '2', 'b')])).rejects.toThrow(
      'bad down',
    );
    expect(inFlight()).toBe(0);
    expect(published.map(([topic]) => topic)).toEqual(['good']);
  });
});
