export { freePort } from './freePort.js';
export { MariaDbServer, type MariaDbServerOptions } from './MariaDbServer.js';
export { type ClusterNodeInfo, parseClusterNodes } from './parseClusterNodes.js';
export { type ClusterSeed, RedisCluster, type RedisClusterOptions } from './RedisCluster.js';
export { RedisServer, type RedisServerOptions } from './RedisServer.js';
export { DEFAULT_MYSQL_URL, TestDatabase } from './TestDatabase.js';
export { waitFor } from './waitFor.js';
