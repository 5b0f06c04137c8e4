import { afterAll, beforeAll, describe } from 'vitest';
import { broadcastCase } from './multiProcess/broadcastCase.ts';
import { startDeployment, stopDeployment } from './multiProcess/deployment.ts';
import { flashKillCase } from './multiProcess/flashKillCase.ts';
import { flashSaleCase } from './multiProcess/flashSaleCase.ts';
import { killCase } from './multiProcess/killCase.ts';

// Three `node src/main.ts` processes on the real stack (the harness's Redis Cluster and a
// MariaDB database of this file's own), driven over loopback HTTP like a deployment
// behind a load balancer.
beforeAll(startDeployment, 120_000);
afterAll(stopDeployment, 60_000);

describe('three mall-server processes on Redis Cluster + MariaDB', () => {
  broadcastCase();
  flashSaleCase();
  killCase();
  flashKillCase();
});
