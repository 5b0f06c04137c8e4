import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.ts';

export default defineConfig(
  packageBuild({ index: 'src/index.ts', redis: 'src/redis/index.ts', mysql: 'src/mysql/index.ts' }),
);
